// Live hints while typing (only an addition: the server checks everything again): whether
// "new password again" matches "new password", and what is wrong with the new password so far,
// each said in a polite live region.
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

// The new password's quality, asked of the portal a moment after typing stops: the same check
// the form runs when it is sent, so the hint and the answer never disagree. Only the password
// and the username typed on this page are sent, to this site; stale answers are dropped.
(function () {
  "use strict";
  var region = document.getElementById("new-quality");
  var input = document.getElementById("new");
  if (!region || !input || !input.form || !window.fetch || !window.URLSearchParams) return;
  var url = region.getAttribute("data-check");
  var csrf = input.form.querySelector("input[name=csrf]");
  var username = document.getElementById("username");
  var timer = null;
  var asked = 0;
  function show(problems) {
    region.textContent = "";
    region.className = "hint live quality";
    if (!problems) return;
    if (problems.length === 0) {
      region.textContent = region.getAttribute("data-ok");
      region.className = "hint live quality good";
      return;
    }
    var list = document.createElement("ul");
    list.className = "problems";
    problems.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    region.appendChild(list);
  }
  function ask() {
    var mine = ++asked;
    if (!input.value) { show(null); return; }
    var body = new URLSearchParams();
    body.set("csrf", csrf ? csrf.value : "");
    body.set("password", input.value);
    if (username) body.set("username", username.value);
    window.fetch(url, { method: "POST", credentials: "same-origin", cache: "no-store", body: body })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (answer) { if (answer && mine === asked) show(answer.problems || []); })
      .catch(function () { /* the form still checks everything when it is sent */ });
  }
  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 400);
  }
  input.addEventListener("input", later);
  if (username) username.addEventListener("input", function () { if (input.value) later(); });
})();
