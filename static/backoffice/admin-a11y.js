// Names for the admin's autocomplete boxes (select2), which Django's autocomplete widget draws
// without one: each box is named by the label of the select it stands for. Loaded on every admin
// page (templates/admin/base_site.html); the CSP allows no inline script.
(function () {
  "use strict";
  function nameBoxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
      var box = select.nextElementSibling;
      if (!label || !box || !box.classList.contains("select2")) return;
      if (!label.id) label.id = select.id + "-label";
      var selection = box.querySelector(".select2-selection");
      var rendered = box.querySelector(".select2-selection__rendered");
      if (selection) {
        selection.setAttribute("aria-labelledby", label.id + (rendered && rendered.id ? " " + rendered.id : ""));
      }
      if (rendered && rendered.getAttribute("role")) rendered.setAttribute("aria-labelledby", label.id);
      var search = box.querySelector(".select2-search__field");
      if (search) search.setAttribute("aria-labelledby", label.id);
    });
  }
  // Django draws the boxes when jQuery is ready (and again for each inline row added): name each
  // box as soon as it appears, whatever the order of the scripts.
  var observer = new MutationObserver(function (mutations) {
    for (var i = 0; i < mutations.length; i++) {
      if (mutations[i].addedNodes.length) {
        nameBoxes(document);
        return;
      }
    }
  });
  function start() {
    nameBoxes(document);
    observer.observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
