// Draws the facilities map of a page from its JSON (public.maps.map_data, put in the page by
// json_script): the CSP allows no inline script. Without JavaScript, or without Leaflet, the
// section stays hidden and the list is the page. Markers are drawn even when tiles fail; markers
// close together are clustered (Leaflet.markercluster, when it loaded), and a popup gives the
// facility's name (a link to its page), its open needs and the titles of the most urgent.
(function () {
  "use strict";
  var section = document.querySelector("[data-map-section]");
  if (!section || typeof L === "undefined") return;
  var holder = section.querySelector("[data-map]");
  var source = document.getElementById(holder.getAttribute("data-map"));
  if (!source) return;
  var data = JSON.parse(source.textContent);
  section.hidden = false;
  var map = L.map(holder, { scrollWheelZoom: false });
  L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
  var label = holder.getAttribute("data-marker-label") || "";
  var clusterLabel = holder.getAttribute("data-cluster-label") || "";

  // A cluster is a button (Leaflet gives markers role=button and a tab stop): it is named by the
  // number of facilities it holds, and pressing it zooms in.
  var ClusterIcon = L.DivIcon.extend({
    createIcon: function (oldIcon) {
      var element = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      element.setAttribute("aria-label", this.options.label);
      return element;
    }
  });
  var layer = typeof L.markerClusterGroup === "function"
    ? L.markerClusterGroup({
        showCoverageOnHover: false,
        maxClusterRadius: 50,
        iconCreateFunction: function (cluster) {
          var count = cluster.getChildCount();
          var size = count < 10 ? 40 : count < 100 ? 48 : 56;
          return new ClusterIcon({
            html: "<span>" + count + "</span>",
            className: "marker-cluster",
            iconSize: L.point(size, size),
            label: count + " " + clusterLabel
          });
        }
      })
    : L.featureGroup();

  function popup(item) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var title = document.createElement("p");
    title.className = "map-popup-title";
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.name;
    title.appendChild(link);
    box.appendChild(title);
    if (item.summary) {
      var summary = document.createElement("p");
      summary.textContent = item.summary;
      box.appendChild(summary);
    }
    if (item.titles && item.titles.length) {
      var list = document.createElement("ul");
      item.titles.forEach(function (text) {
        var entry = document.createElement("li");
        entry.textContent = text;
        list.appendChild(entry);
      });
      box.appendChild(list);
    }
    return box;
  }

  var points = data.markers.map(function (item) {
    var marker = L.marker([item.lat, item.lng], { title: item.name, alt: item.name, riseOnHover: true });
    marker.bindPopup(popup(item));
    // Drawn when its cluster opens: named for screen readers each time it is added.
    marker.on("add", function () {
      var element = marker.getElement();
      if (element) element.setAttribute("aria-label", label + " " + item.name);
    });
    layer.addLayer(marker);
    return [item.lat, item.lng];
  });
  layer.addTo(map);
  if (points.length === 1) {
    map.setView(points[0], 14);
  } else {
    map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
  }
})();
