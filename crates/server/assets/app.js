// newsgraph web UI: the only script on any page. It never builds HTML from
// strings: the popover shows clones of the server-rendered (escaped)
// annotation entries of the sidebar.
"use strict";
(function () {
  var popover = document.getElementById("popover");

  function entriesFor(el) {
    var ids = (el.getAttribute("data-ann") || "").split(" ");
    var out = [];
    ids.forEach(function (id) {
      var entry = id && document.getElementById("ann-" + id);
      if (entry) out.push(entry);
    });
    return out;
  }

  function light(id, on) {
    document.querySelectorAll(".hl").forEach(function (hl) {
      var ids = (hl.getAttribute("data-ann") || "").split(" ");
      if (ids.indexOf(id) >= 0) hl.classList.toggle("lit", on);
    });
  }

  function hide() {
    if (popover) popover.hidden = true;
    unlightAll();
  }

  function unlightAll() {
    document.querySelectorAll(".hl.lit").forEach(function (hl) { hl.classList.remove("lit"); });
  }

  function show(hl) {
    if (!popover) return;
    unlightAll();
    // Light every piece of the innermost annotation clicked, not just this piece.
    light((hl.getAttribute("data-ann") || "").split(" ")[0], true);
    var entries = entriesFor(hl);
    if (!entries.length) return hide();
    var list = document.createElement("ul");
    entries.forEach(function (entry) {
      var copy = entry.cloneNode(true);
      copy.removeAttribute("id");
      list.appendChild(copy);
    });
    popover.replaceChildren(list);
    popover.hidden = false;
    var r = hl.getBoundingClientRect();
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - popover.offsetWidth - 12);
    popover.style.left = Math.max(8, left) + "px";
    popover.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  document.addEventListener("click", function (e) {
    var hl = e.target.closest(".hl");
    if (hl) { show(hl); return; }
    if (!e.target.closest("#popover")) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
    if (e.key === "Enter" && e.target.classList && e.target.classList.contains("hl")) show(e.target);
  });
  document.querySelectorAll("aside.annotations li.ann").forEach(function (li) {
    var id = li.id.replace(/^ann-/, "");
    li.addEventListener("mouseenter", function () { light(id, true); });
    li.addEventListener("mouseleave", function () { light(id, false); });
  });
})();
