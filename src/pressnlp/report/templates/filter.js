// report.html: filters hide index rows and their release sections that do not match; one button
// unfolds or folds every sentence-by-sentence table.
(function () {
  var text = document.getElementById("filter-text");
  var language = document.getElementById("filter-language");
  var errors = document.getElementById("filter-errors");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-target]"));
  // The same folding as the page's data-search text: no diacritics, "ł" as "l", lower case.
  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[łŁ]/g, "l").toLowerCase();
  }
  function apply() {
    var words = fold(text.value).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var haystack = row.getAttribute("data-search");
      var visible = (!language.value || row.getAttribute("data-language") === language.value)
        && (!errors.value || row.getAttribute("data-errors") === errors.value)
        && words.every(function (word) { return haystack.indexOf(word) !== -1; });
      row.hidden = !visible;
      document.getElementById(row.getAttribute("data-target")).hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  [text, language, errors].forEach(function (input) { input.addEventListener("input", apply); });
  document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  var toggle = document.getElementById("toggle-pairs");
  toggle.addEventListener("click", function () {
    var unfold = toggle.getAttribute("data-open") !== "yes";
    document.querySelectorAll("section.side-by-side details").forEach(function (details) { details.open = unfold; });
    toggle.setAttribute("data-open", unfold ? "yes" : "no");
    toggle.textContent = unfold ? "Fold all sentence tables" : "Unfold all sentence tables";
  });
  apply();
})();
