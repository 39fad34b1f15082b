// Passkeys: forms marked data-passkey="register" or "use" ask the portal for the ceremony's
// options (data-options), let the browser talk to the authenticator, put its answer in the
// form's "credential" field and send the form as usual, so the server answers with a page as
// for any other form. Without JavaScript the form arrives without an answer and the server
// says passkeys need it. Everything the person reads comes from the page's data-* attributes,
// in the page's language.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-passkey]");
  if (!forms.length) return;

  function fromB64url(s) {
    var b64 = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  }

  function toB64url(buf) {
    var bytes = new Uint8Array(buf);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(o) {
    var pk = o.publicKey;
    pk.challenge = fromB64url(pk.challenge);
    pk.user.id = fromB64url(pk.user.id);
    (pk.excludeCredentials || []).forEach(function (c) { c.id = fromB64url(c.id); });
    return pk;
  }

  function requestOptions(o) {
    var pk = o.publicKey;
    pk.challenge = fromB64url(pk.challenge);
    (pk.allowCredentials || []).forEach(function (c) { c.id = fromB64url(c.id); });
    return pk;
  }

  function answer(c) {
    var r = c.response;
    var out = {
      id: c.id,
      rawId: toB64url(c.rawId),
      type: c.type,
      extensions: c.getClientExtensionResults ? c.getClientExtensionResults() : {},
      response: { clientDataJSON: toB64url(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      out.response.attestationObject = toB64url(r.attestationObject);
      if (r.getTransports) out.response.transports = r.getTransports();
    } else {
      out.response.authenticatorData = toB64url(r.authenticatorData);
      out.response.signature = toB64url(r.signature);
      if (r.userHandle) out.response.userHandle = toB64url(r.userHandle);
    }
    return out;
  }

  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector("[role=status]");
    var button = form.querySelector("button[type=submit]");
    var field = form.querySelector("input[name=credential]");
    var registering = form.getAttribute("data-passkey") === "register";
    function say(attr) { if (status) status.textContent = form.getAttribute(attr); }
    if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch || !field) {
      say("data-unsupported");
      return;
    }
    var sending = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (sending) return;
      sending = true;
      if (button) button.disabled = true;
      say("data-working");
      var body = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute("data-options"), {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      })
        .then(function (res) {
          return res.json().then(
            function (json) { return { ok: res.ok, json: json }; },
            function () { return { ok: false, json: null }; }
          );
        })
        .then(function (res) {
          if (!res.ok || !res.json || res.json.error) {
            var e = new Error((res.json && res.json.error) || "");
            e.name = "Refused";
            throw e;
          }
          return registering
            ? navigator.credentials.create({ publicKey: creationOptions(res.json) })
            : navigator.credentials.get({ publicKey: requestOptions(res.json) });
        })
        .then(function (credential) {
          field.value = JSON.stringify(answer(credential));
          // A programmatic submit does not come back through this listener.
          form.submit();
        })
        .catch(function (e) {
          sending = false;
          if (button) button.disabled = false;
          if (e && e.name === "Refused" && e.message) {
            status.textContent = e.message;
          } else if (e && (e.name === "NotAllowedError" || e.name === "AbortError")) {
            say("data-cancelled");
          } else if (e && e.name === "InvalidStateError" && registering) {
            // This authenticator holds a passkey for this account already.
            say("data-exists");
          } else {
            say("data-failed");
          }
        });
    });
  });
})();
