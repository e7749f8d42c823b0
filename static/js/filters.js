/* Filter forms of the public site. They work without this script; it only keeps shared links
   short by leaving empty fields out of the query string. */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-filter-form]");
  forms.forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input[name], select[name]").forEach(function (field) {
        if (!field.value) {
          field.disabled = true;
        }
      });
    });
  });
  // Coming back with the browser's Back button restores the page as it was left: enable again.
  window.addEventListener("pageshow", function () {
    forms.forEach(function (form) {
      form.querySelectorAll("[disabled]").forEach(function (field) {
        field.disabled = false;
      });
    });
  });
})();
