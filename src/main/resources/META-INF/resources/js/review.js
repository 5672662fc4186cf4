// Review queue shortcuts: 4–1 pick a strength, d toggles the stance dispute, Enter saves.
// Plain form controls work without this file (arrow keys in the radio group, Tab, Enter).
(function () {
  "use strict";
  var form = document.getElementById("rate-form");
  if (!form) return;
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && target.type === "text"));
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    var choice = form.querySelector('input[data-key="' + event.key + '"]');
    if (choice) {
      choice.checked = true;
      choice.focus();
      event.preventDefault();
    } else if (event.key === "d") {
      var dispute = document.getElementById("dispute");
      dispute.checked = !dispute.checked;
      event.preventDefault();
    } else if (event.key === "Enter" && form.querySelector('input[name="strength"]:checked')) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
