// Live hints while typing (only an addition: the server checks everything again). For now:
// whether "new password again" matches "new password", said in a polite live region.
(function () {
  "use strict";
  var fields = document.querySelectorAll("input[data-match]");
  Array.prototype.forEach.call(fields, function (confirm) {
    var original = document.getElementById(confirm.getAttribute("data-match"));
    var hint = document.getElementById(confirm.id + "-hint");
    if (!original || !hint) return;
    confirm.setAttribute("aria-describedby", hint.id);
    function update() {
      if (!confirm.value) { hint.textContent = ""; hint.className = "hint live"; return; }
      var same = confirm.value === original.value;
      hint.textContent = hint.getAttribute(same ? "data-same" : "data-differ");
      hint.className = "hint live " + (same ? "good" : "pending");
    }
    confirm.addEventListener("input", update);
    original.addEventListener("input", update);
  });
})();
