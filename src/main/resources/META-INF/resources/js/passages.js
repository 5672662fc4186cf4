// Crux document page: highlights that point to their claims, and (for editors) turning a
// text selection into a passage. No dependencies; the page works without this file.
(function () {
  "use strict";

  var text = document.getElementById("doc-text");
  var panel = document.getElementById("passage-forms");

  // ---- highlights: hovering or focusing one marks its claims in the margin
  function notesFor(mark) {
    return (mark.getAttribute("data-excerpts") || "").split(" ").map(function (id) {
      return document.getElementById("passage-" + id);
    }).filter(Boolean);
  }
  function activate(event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (!mark) return;
    var on = event.type === "mouseover" || event.type === "focusin";
    notesFor(mark).forEach(function (note) { note.classList.toggle("active", on); });
  }
  if (text) {
    ["mouseover", "mouseout", "focusin", "focusout"].forEach(function (type) { text.addEventListener(type, activate); });
  }

  // ---- passage forms: tabs
  var tabs = document.querySelectorAll('[role="tab"]');
  function showTab(tab) {
    tabs.forEach(function (t) {
      var selected = t === tab;
      t.setAttribute("aria-selected", String(selected));
      t.tabIndex = selected ? 0 : -1;
      var target = document.getElementById(t.getAttribute("aria-controls"));
      if (target) target.hidden = !selected;
    });
  }
  tabs.forEach(function (tab) {
    tab.addEventListener("click", function () { showTab(tab); });
    tab.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      var list = Array.prototype.slice.call(tabs);
      var next = list[(list.indexOf(tab) + (event.key === "ArrowRight" ? 1 : list.length - 1)) % list.length];
      showTab(next);
      next.focus();
    });
  });
  if (tabs.length) showTab(tabs[0]);

  // ---- selection → offsets into the normalised text (paragraphs carry data-start)
  function paragraphOf(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element && element.closest ? element.closest("p[data-start]") : null;
  }
  function offsetIn(paragraph, node, offset) {
    var range = document.createRange();
    range.setStart(paragraph, 0);
    range.setEnd(node, offset);
    return Number(paragraph.getAttribute("data-start")) + range.toString().length;
  }
  function selectedPassage() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    var range = selection.getRangeAt(0);
    var first = paragraphOf(range.startContainer);
    var last = paragraphOf(range.endContainer);
    if (!first || !last || !text.contains(first) || !text.contains(last)) return null;
    var start = offsetIn(first, range.startContainer, range.startOffset);
    var end = offsetIn(last, range.endContainer, range.endOffset);
    // paragraphs are separated by a blank line in the stored text
    var exact = first === last ? range.toString() : pieces(range, first, last).join("\n\n");
    var lead = exact.length - exact.replace(/^\s+/, "").length;
    var trail = exact.length - exact.replace(/\s+$/, "").length;
    if (exact.trim() === "") return null;
    return { start: start + lead, end: end - trail, exact: exact.trim(), rect: range.getBoundingClientRect() };
  }
  function pieces(range, first, last) {
    var parts = [];
    var paragraphs = text.querySelectorAll("p[data-start]");
    var inside = false;
    paragraphs.forEach(function (p) {
      if (p === first) inside = true;
      if (!inside) return;
      var r = document.createRange();
      r.selectNodeContents(p);
      if (p === first) r.setStart(range.startContainer, range.startOffset);
      if (p === last) r.setEnd(range.endContainer, range.endOffset);
      parts.push(r.toString());
      if (p === last) inside = false;
    });
    return parts;
  }
  function fill(passage) {
    panel.querySelectorAll("[data-passage]").forEach(function (field) {
      var name = field.getAttribute("data-passage");
      if (name === "exact") field.value = passage.exact;
      if (name === "start") field.value = passage.start;
      if (name === "end") field.value = passage.end;
      if (name === "prefix" || name === "suffix") field.value = "";
    });
    var statement = document.getElementById("new-statement");
    if (statement && !statement.value) statement.value = passage.exact.length <= 500 ? passage.exact : "";
  }
  function openPopover(passage) {
    panel.classList.add("popover");
    var top = window.scrollY + passage.rect.bottom + 8;
    panel.style.top = top + "px";
    panel.style.left = Math.max(8, Math.min(window.scrollX + passage.rect.left, window.innerWidth - panel.offsetWidth - 8)) + "px";
    panel.setAttribute("aria-label", "Use the selected passage");
  }
  function closePopover() {
    panel.classList.remove("popover");
    panel.style.top = "";
    panel.style.left = "";
  }
  if (text && panel) {
    var onSelect = function (event) {
      if (event.type === "keyup" && !event.shiftKey) return;
      var passage = selectedPassage();
      if (!passage) return;
      fill(passage);
      openPopover(passage);
    };
    text.addEventListener("mouseup", onSelect);
    text.addEventListener("keyup", onSelect);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel.classList.contains("popover")) {
        closePopover();
        text.focus();
      }
    });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "popover-close button small";
    close.textContent = "Close";
    close.addEventListener("click", closePopover);
    panel.insertBefore(close, panel.firstChild);
  }

  // ---- claims like the one being typed, and claim type-ahead
  function debounce(fn, ms) {
    var timer;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }
  function getJson(url, done) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(done)
      .catch(function () { done([]); });
  }
  document.querySelectorAll("[data-similar-target]").forEach(function (field) {
    var box = document.getElementById(field.getAttribute("data-similar-target"));
    field.addEventListener("input", debounce(function () {
      var q = field.value.trim();
      if (q.length < 8) { box.textContent = ""; return; }
      getJson("/api/claims/similar?q=" + encodeURIComponent(q), function (similar) {
        box.textContent = "";
        if (!similar.length) return;
        var heading = document.createElement("p");
        heading.className = "hint";
        heading.textContent = "Existing claims that read alike — attach the passage to one instead?";
        box.appendChild(heading);
        var list = document.createElement("ul");
        similar.forEach(function (claim) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = "/claims/" + claim.slug;
          link.textContent = claim.statement;
          var use = document.createElement("button");
          use.type = "button";
          use.className = "button small";
          use.textContent = "Attach here";
          use.addEventListener("click", function () {
            var attachTab = document.getElementById("tab-attach");
            if (attachTab) showTab(attachTab);
            var claimField = document.getElementById("attach-claim");
            if (claimField) { claimField.value = claim.slug; claimField.focus(); }
          });
          item.appendChild(link);
          item.appendChild(document.createTextNode(" "));
          item.appendChild(use);
          list.appendChild(item);
        });
        box.appendChild(list);
      });
    }, 300));
  });
  document.querySelectorAll("[data-claim-search]").forEach(function (field) {
    var options = document.getElementById(field.getAttribute("list"));
    field.addEventListener("input", debounce(function () {
      var q = field.value.trim();
      if (q.length < 2 || !options) return;
      getJson("/api/claims?q=" + encodeURIComponent(q), function (claims) {
        options.textContent = "";
        claims.forEach(function (claim) {
          var option = document.createElement("option");
          option.value = claim.slug;
          option.label = claim.statement;
          option.textContent = claim.statement;
          options.appendChild(option);
        });
      });
    }, 200));
  });
})();
