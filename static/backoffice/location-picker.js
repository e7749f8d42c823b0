// A map beside a facility's latitude and longitude in the admin: a click (or dragging the
// marker) fills both inputs, and typing in them moves the marker. The inputs stay the form:
// without JavaScript, or without Leaflet, nothing changes. The tile server and its attribution
// come from the longitude input's data attributes (FacilityAdminForm); the CSP allows no inline
// script, so this file is loaded by the page's media.
(function () {
  "use strict";
  function start() {
    var latitude = document.querySelector("input[data-location=latitude]");
    var longitude = document.querySelector("input[data-location=longitude]");
    if (!latitude || !longitude || typeof L === "undefined") return;
    var row = longitude.closest(".form-row") || longitude.parentNode;
    var holder = document.createElement("div");
    holder.className = "form-row location-picker";
    var help = document.createElement("p");
    help.className = "help";
    help.id = "location-picker-help";
    var mapElement = document.createElement("div");
    mapElement.className = "location-map";
    mapElement.setAttribute("role", "application");
    mapElement.setAttribute("aria-label", longitude.getAttribute("data-map-label") || "Map");
    mapElement.setAttribute("aria-describedby", help.id);
    holder.appendChild(mapElement);
    holder.appendChild(help);
    help.textContent = longitude.getAttribute("data-map-help") || "";
    row.parentNode.insertBefore(holder, row.nextSibling);

    var map = L.map(mapElement, { scrollWheelZoom: false });
    L.tileLayer(longitude.getAttribute("data-tiles"), {
      attribution: longitude.getAttribute("data-attribution") || "",
      maxZoom: 19,
    }).addTo(map);
    var marker = null;

    function current() {
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      if (isNaN(lat) || isNaN(lng) || lat < -90 || lat > 90 || lng < -180 || lng > 180) return null;
      return L.latLng(lat, lng);
    }
    function place(point) {
      if (marker === null) {
        marker = L.marker(point, { draggable: true, keyboard: true, title: longitude.getAttribute("data-marker-label") || "" });
        marker.on("dragend", function () { fill(marker.getLatLng()); });
        marker.addTo(map);
      } else {
        marker.setLatLng(point);
      }
    }
    function fill(point) {
      latitude.value = point.lat.toFixed(6);
      longitude.value = point.lng.toFixed(6);
      place(point);
    }
    map.on("click", function (event) { fill(event.latlng); });
    function follow() {
      var point = current();
      if (point !== null) {
        place(point);
        map.setView(point, Math.max(map.getZoom() || 0, 15));
      }
    }
    latitude.addEventListener("change", follow);
    longitude.addEventListener("change", follow);
    var point = current();
    if (point !== null) {
      place(point);
      map.setView(point, 15);
    } else {
      // Indonesia, until a point is chosen.
      map.setView([-2.5, 118], 4);
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
