// Kiosk idle timer (kiosk mode only). After `data-idle` seconds without a key press, click,
// touch or scroll, the visit ends: the browser goes to `data-home`, which wipes the session
// and shows the start page. `data-warning` seconds before that, a dialog says so and offers a
// button to keep going (WCAG 2.2.1); the button also tells the server the visit goes on.
// The server enforces the same limit on its own, so a kiosk without this script is no less safe.
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-idle"), 10) || 90;
  var warning = parseInt(body.getAttribute("data-warning"), 10) || 20;
  var home = body.getAttribute("data-home");
  var ping = body.getAttribute("data-ping");
  var box = document.getElementById("idle-warning");
  var count = document.getElementById("idle-count");
  var stay = document.getElementById("idle-stay");
  if (!home || !box || !count || !stay) return;
  var texts = { one: count.getAttribute("data-one"), other: count.getAttribute("data-other") };
  var last = Date.now();
  var shown = false;
  var returnFocus = null;

  function secondsLeft() {
    return Math.max(0, Math.ceil(idle - (Date.now() - last) / 1000));
  }

  function say(left) {
    var text = left === 1 ? texts.one : texts.other;
    count.textContent = (text || "{n}").replace("{n}", String(left));
  }

  function show() {
    shown = true;
    returnFocus = document.activeElement;
    box.hidden = false;
    say(secondsLeft());
    stay.focus();
  }

  function hide() {
    shown = false;
    box.hidden = true;
    if (returnFocus && returnFocus.focus) returnFocus.focus();
  }

  function activity() {
    last = Date.now();
    if (shown) hide();
  }

  ["keydown", "pointerdown", "touchstart", "input", "scroll"].forEach(function (name) {
    window.addEventListener(name, function (event) {
      // The dialog's own button decides for itself.
      if (shown && event.target === stay) return;
      activity();
    }, { passive: true, capture: true });
  });

  stay.addEventListener("click", function () {
    activity();
    if (ping && window.fetch) window.fetch(ping, { credentials: "same-origin", cache: "no-store" });
  });

  window.setInterval(function () {
    var left = secondsLeft();
    if (left <= 0) {
      window.location.replace(home);
    } else if (left <= warning) {
      if (!shown) show(); else say(left);
    }
  }, 1000);
})();
