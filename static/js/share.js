// The copy-link button of a shared page: shown only where the clipboard can be written, and it
// says so in words (a status region) when the link is copied.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) return;
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var status = button.parentNode.querySelector(".share-status");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(function () {
        if (status) status.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
