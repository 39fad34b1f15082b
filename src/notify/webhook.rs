//! Posting one signed webhook: `https://` only, no redirects, the endpoint's timeout and
//! optional private CA. The signature is Stripe's scheme under rekey's name:
//! `Rekey-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, so a receiver
//! checks the body and refuses old timestamps (replays). Errors name the status or the kind of
//! failure, never the response body.

use std::time::Duration;

use hmac::{Hmac, Mac as _};
use secrecy::{ExposeSecret as _, SecretString};
use sha2::Sha256;

use crate::config::WebhookConfig;
use crate::config::graph_transport::{check_url, read_ca_file};

/// The signature header's name.
pub const SIGNATURE_HEADER: &str = "Rekey-Signature";

/// One endpoint's client and secret.
pub struct WebhookSender {
    client: reqwest::Client,
    url: String,
    secret: SecretString,
}

impl std::fmt::Debug for WebhookSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookSender").field("url", &self.url).finish_non_exhaustive()
    }
}

/// The value of [`SIGNATURE_HEADER`] for `body` sent at `t`.
pub fn signature(secret: &[u8], t: i64, body: &str) -> String {
    // HMAC takes a key of any length.
    let mut mac = <Hmac<Sha256>>::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

impl WebhookSender {
    /// The client for one `[[webhooks]]` entry (already validated; errors name the key).
    pub fn new(config: &WebhookConfig) -> Result<WebhookSender, String> {
        check_url(&config.url, false).map_err(|why| format!("webhooks.url: {why}"))?;
        let secret = config.secret.clone().ok_or_else(|| "webhooks.secret: missing".to_owned())?;
        let timeout = Duration::from_secs(config.timeout_secs);
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .https_only(true)
            .user_agent(concat!("rekey/", env!("CARGO_PKG_VERSION")));
        if let Some(ca) = &config.ca_file {
            for cert in read_ca_file(ca).map_err(|why| format!("webhooks.ca_file: {why}"))? {
                builder = builder.add_root_certificate(cert);
            }
        }
        let client = builder.build().map_err(|e| format!("HTTP client: {e}"))?;
        Ok(WebhookSender { client, url: config.url.clone(), secret })
    }

    /// POSTs `body`, signed at `t`; `Ok` for any 2xx answer.
    pub async fn post(&self, body: &str, event: &str, delivery: i64, t: i64) -> Result<(), String> {
        let answer = self
            .client
            .post(&self.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header(SIGNATURE_HEADER, signature(self.secret.expose_secret().as_bytes(), t, body))
            .header("Rekey-Event", event)
            .header("Rekey-Delivery", delivery.to_string())
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| describe(&e))?;
        let status = answer.status();
        if status.is_success() { Ok(()) } else { Err(format!("the endpoint answered {status}")) }
    }
}

/// What went wrong, without the URL (its query could hold a token of the receiver's).
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "could not connect (refused, unreachable or TLS failed)"
    } else if e.is_redirect() {
        "answered with a redirect"
    } else {
        "the request failed"
    };
    let mut why = kind.to_owned();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        why = format!("{why}: {s}");
        source = s.source();
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_time_and_body() {
        // Checked against: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        let s = signature(b"whsec_test", 1_700_000_000, r#"{"a":1}"#);
        assert!(s.starts_with("t=1700000000,v1="), "{s}");
        assert_eq!(s, "t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
        assert_ne!(s, signature(b"whsec_test", 1_700_000_001, r#"{"a":1}"#));
        assert_ne!(s, signature(b"whsec_test", 1_700_000_000, r#"{"a":2}"#));
        assert_ne!(s, signature(b"whsec_other", 1_700_000_000, r#"{"a":1}"#));
    }
}
