// Filtering of report.html: hides index rows and their release sections that do not match.
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
  apply();
})();
