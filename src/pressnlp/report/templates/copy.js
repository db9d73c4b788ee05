// Click-to-copy for contacts: the value travels in data-copy, never through innerHTML.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.copy");
  if (!button) { return; }
  var value = button.getAttribute("data-copy") || "";
  var done = function () {
    button.classList.add("done");
    button.textContent = "Copied";
    setTimeout(function () { button.classList.remove("done"); button.textContent = "Copy"; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(value).then(done, function () { fallbackCopy(value); done(); });
  } else {
    fallbackCopy(value);
    done();
  }
});

function fallbackCopy(value) {
  var area = document.createElement("textarea");
  area.value = value;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try { document.execCommand("copy"); } catch (ignored) { /* the value stays selectable on the page */ }
  document.body.removeChild(area);
}
