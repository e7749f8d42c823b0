/* Filter forms of the site. They work without this script; it keeps shared links short by
   leaving empty fields out of the query string, and fills the next region select as soon as a
   province or a regency/city is chosen, so one submit filters by a district. */
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
  // Coming back with the browser's Back button restores the page as it was left: enable again
  // what the submit disabled (a region select with nothing to offer stays disabled).
  window.addEventListener("pageshow", function () {
    forms.forEach(function (form) {
      form.querySelectorAll("[disabled]").forEach(function (field) {
        field.disabled = field.matches(".region-filter select") && field.options.length < 2;
      });
    });
  });

  // Province > regency/city > district: the children of a choice come from the region list
  // (a small JSON answer, kept like the pages); a choice clears the levels below it.
  document.querySelectorAll("fieldset[data-region-children]").forEach(function (fieldset) {
    var url = fieldset.getAttribute("data-region-children");
    var selects = Array.prototype.slice.call(fieldset.querySelectorAll("select[name=region]"));
    var hint = fieldset.querySelector("[data-region-hint]");
    if (hint) {
      hint.hidden = true;
    }
    function empty(select) {
      while (select.options.length > 1) {
        select.remove(1);
      }
      select.value = "";
      select.disabled = true;
    }
    selects.forEach(function (select, level) {
      select.addEventListener("change", function () {
        selects.slice(level + 1).forEach(empty);
        var next = selects[level + 1];
        var parent = select.value;
        if (!next || !parent) {
          return;
        }
        next.setAttribute("aria-busy", "true");
        fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "parent=" + encodeURIComponent(parent), {
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(response.status);
            }
            return response.json();
          })
          .then(function (children) {
            if (select.value !== parent) {
              return; // chosen again meanwhile: that answer fills it
            }
            children.forEach(function (child) {
              next.add(new Option(child.name, child.code));
            });
            next.disabled = children.length === 0;
          })
          .catch(function () {
            // Without the list the form still works: submitting offers the next level.
            if (hint) {
              hint.hidden = false;
            }
          })
          .finally(function () {
            next.removeAttribute("aria-busy");
          });
      });
    });
  });
})();
