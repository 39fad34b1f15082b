// Proof of work for the username step (see src/flow/pow.rs). Runs on its own, without any
// third party: finds a number n such that SHA-256(challenge + ":" + n) starts with `bits`
// zero bits, and puts it in the form. Nothing to see or solve; if it is still working when
// the form is sent, a polite live region says so and the form goes as soon as it is done.
// Without JavaScript (or without WebCrypto) the form is sent as it is and the server applies
// its stricter limits instead.
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) return;
  var challenge = form.getAttribute("data-pow");
  var bits = parseInt(form.getAttribute("data-pow-bits"), 10) || 0;
  var field = form.querySelector("input[name=pow]");
  var status = document.getElementById("pow-status");
  var encoder = new TextEncoder();
  var done = false;
  var sending = false;

  function zeroBits(bytes) {
    var n = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { n += 8; continue; }
      var b = bytes[i];
      while ((b & 0x80) === 0) { n++; b <<= 1; }
      return n;
    }
    return n;
  }

  async function solve() {
    for (var n = 0; ; n++) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(challenge + ":" + n));
      if (zeroBits(new Uint8Array(digest)) >= bits) return String(n);
    }
  }

  var work = solve().then(function (n) {
    field.value = n;
    done = true;
    if (sending) form.submit();
  });

  form.addEventListener("submit", function (event) {
    if (done) return;
    event.preventDefault();
    sending = true;
    if (status) status.textContent = status.getAttribute("data-working") || "";
    var button = form.querySelector("button[type=submit]");
    if (button) button.setAttribute("aria-disabled", "true");
    return work;
  });
})();
