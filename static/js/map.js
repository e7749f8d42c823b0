// Draws the facilities map of a page from its JSON (public.maps.map_data, put in the page by
// json_script): the CSP allows no inline script. Without JavaScript, or without Leaflet, the
// section stays hidden and the list is the page. Markers are drawn even when tiles fail.
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
  var points = data.markers.map(function (item) {
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.name;
    var marker = L.marker([item.lat, item.lng], { title: item.name, alt: item.name, riseOnHover: true });
    marker.bindPopup(link);
    marker.addTo(map);
    var element = marker.getElement();
    if (element) element.setAttribute("aria-label", label + " " + item.name);
    return [item.lat, item.lng];
  });
  if (points.length === 1) {
    map.setView(points[0], 14);
  } else {
    map.fitBounds(points, { padding: [24, 24], maxZoom: 14 });
  }
})();
