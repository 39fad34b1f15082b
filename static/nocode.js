// "Didn't get a code?": without JavaScript the guidance is always there, folded. With it, the
// guidance waits until the person has had time for a code to arrive, then shows itself open.
// The words are the same for every account, so showing them reveals nothing.
(function () {
  "use strict";
  var box = document.getElementById("no-code");
  if (!box) return;
  var after = parseInt(box.getAttribute("data-reveal-after"), 10) || 30;
  box.hidden = true;
  setTimeout(function () {
    box.hidden = false;
    box.open = true;
  }, after * 1000);
})();
