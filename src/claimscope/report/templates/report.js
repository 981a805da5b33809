(function () {
  "use strict";
  // Optional: clicking a source, claim, finding, entity or time in the side panel outlines
  // every piece of text that belongs to it. Without JavaScript the links still jump there.
  var text = document.getElementById("text");
  if (!text) { return; }
  var pieces = Array.prototype.slice.call(text.querySelectorAll(".seg"));
  function clear() {
    pieces.forEach(function (el) { el.classList.remove("focus"); });
  }
  function focus(ids) {
    clear();
    var first = null;
    pieces.forEach(function (el) {
      var own = (el.getAttribute("data-ids") || "").split(" ");
      for (var i = 0; i < own.length; i++) {
        if (ids.indexOf(own[i]) >= 0) {
          el.classList.add("focus");
          if (!first) { first = el; }
          return;
        }
      }
    });
    if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-focus]") : null;
    if (!link) { return; }
    var ids = (link.getAttribute("data-focus") || "").split(" ").filter(Boolean);
    if (!ids.length) { return; }
    event.preventDefault();
    focus(ids);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { clear(); }
  });
})();
