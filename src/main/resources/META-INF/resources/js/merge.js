// Type-ahead for the merge search: as the editor types, the list of candidate claims (radio buttons)
// is rebuilt from /api/claims?q= without submitting the form. Without JavaScript the Search button
// does the same through the page itself.
(function () {
  "use strict";
  var field = document.querySelector("[data-merge-search]");
  var list = document.querySelector("[data-merge-list]");
  var count = document.getElementById("merge-count");
  if (!field || !list) return;
  var exclude = field.getAttribute("data-exclude");
  var timer;
  var latest = 0;
  function render(claims) {
    list.textContent = "";
    var empty = document.querySelector("[data-merge-empty]");
    if (empty) empty.hidden = claims.length > 0;
    claims.forEach(function (claim) {
      var item = document.createElement("li");
      var radio = document.createElement("input");
      radio.type = "radio";
      radio.name = "into";
      radio.required = true;
      radio.id = "into-" + claim.id;
      radio.value = claim.id;
      var label = document.createElement("label");
      label.htmlFor = radio.id;
      label.textContent = claim.statement;
      item.appendChild(radio);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(label);
      list.appendChild(item);
    });
    if (count) count.textContent = claims.length + (claims.length === 1 ? " claim found" : " claims found");
  }
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = field.value.trim();
      if (q.length < 2) return;
      var asked = ++latest;
      fetch("/api/claims?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (claims) {
          // answers may arrive out of order: only the newest question's answer is shown
          if (asked !== latest) return;
          render(claims.filter(function (claim) { return String(claim.id) !== exclude; }));
        })
        .catch(function () { /* the Search button still works */ });
    }, 200);
  });
})();
