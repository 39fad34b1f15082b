//! `[sms]`: the HTTP gateway that carries text messages, either a generic webhook (URL,
//! headers and body from templates) or a Twilio-style Messages API.
//!
//! Secrets (`secret`, `auth_token`) are redacted in `check-config`, and so are header values,
//! which often hold a token even when the `{secret}` placeholder is not used.

use std::collections::BTreeMap;
use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::{ConfigError, read_secret_file, redact};

/// Which kind of gateway sends the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmsGateway {
    /// No gateway: the "sms" method cannot be offered.
    #[default]
    None,
    /// Any HTTP API, described by `url`, `method`, `headers`, `body` and `content_type`.
    Webhook,
    /// Twilio's Messages API or one that copies it (form post, basic auth).
    Twilio,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SmsConfig {
    pub gateway: SmsGateway,
    /// Webhook: the address to call; `{to}`, `{message}`, `{code}`, `{secret}` are URL-encoded.
    pub url: String,
    /// Webhook: "POST" or "PUT".
    pub method: String,
    /// Webhook: extra request headers; values may use `{secret}`.
    #[serde(serialize_with = "redact_values")]
    pub headers: BTreeMap<String, String>,
    /// Webhook: the request body; placeholders are escaped for `content_type`.
    pub body: String,
    /// Webhook: "application/json" or "application/x-www-form-urlencoded".
    pub content_type: String,
    /// Webhook: the value of `{secret}`.
    #[serde(serialize_with = "redact")]
    pub secret: Option<SecretString>,
    pub secret_file: Option<PathBuf>,
    /// Twilio: the account SID (`AC…`).
    pub account_sid: String,
    #[serde(serialize_with = "redact")]
    pub auth_token: Option<SecretString>,
    pub auth_token_file: Option<PathBuf>,
    /// Twilio: the sending number (E.164) or messaging service's sender.
    pub from: String,
    /// Twilio: the API's base address.
    pub base_url: String,
    /// Seconds one gateway request may take.
    pub timeout_secs: u64,
    /// Region (ISO 3166 two letters) for numbers typed without `+country`.
    pub default_region: String,
    /// Count the directory's mobile number as registered, without registration.
    pub use_directory_phone: bool,
}

impl Default for SmsConfig {
    fn default() -> Self {
        SmsConfig {
            gateway: SmsGateway::None,
            url: String::new(),
            method: "POST".into(),
            headers: BTreeMap::new(),
            body: String::new(),
            content_type: "application/json".into(),
            secret: None,
            secret_file: None,
            account_sid: String::new(),
            auth_token: None,
            auth_token_file: None,
            from: String::new(),
            base_url: "https://api.twilio.com".into(),
            timeout_secs: 10,
            default_region: String::new(),
            use_directory_phone: false,
        }
    }
}

/// The content types a webhook body can be escaped for.
pub const JSON: &str = "application/json";
pub const FORM: &str = "application/x-www-form-urlencoded";

fn redact_values<S: serde::Serializer>(value: &BTreeMap<String, String>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(value.keys().map(|k| (k, "[redacted]")))
}

impl SmsConfig {
    pub(super) fn read_secret_files(&mut self, errors: &mut Vec<ConfigError>) {
        read_secret_file(&mut self.secret, &self.secret_file, "sms.secret_file", errors);
        read_secret_file(&mut self.auth_token, &self.auth_token_file, "sms.auth_token_file", errors);
    }

    /// Checks `[sms]`; `needed` when a policy offers the "sms" method.
    pub(super) fn validate(&self, needed: bool, err: &mut impl FnMut(&str, String)) {
        if needed && self.gateway == SmsGateway::None {
            err("sms.gateway", "missing: the \"sms\" method needs gateway = \"webhook\" or \"twilio\"".into());
        }
        if !self.default_region.is_empty() && region(&self.default_region).is_none() {
            err(
                "sms.default_region",
                format!("expected a two-letter region like \"DE\", got {:?}", self.default_region),
            );
        }
        if !(1..=60).contains(&self.timeout_secs) {
            err("sms.timeout_secs", format!("expected 1 to 60, got {}", self.timeout_secs));
        }
        match self.gateway {
            SmsGateway::None => {}
            SmsGateway::Webhook => self.validate_webhook(err),
            SmsGateway::Twilio => self.validate_twilio(err),
        }
    }

    fn validate_webhook(&self, err: &mut impl FnMut(&str, String)) {
        match url::Url::parse(&self.url) {
            Ok(u) if matches!(u.scheme(), "https" | "http") && u.host().is_some() => {}
            _ => err("sms.url", format!("expected an https:// URL, got {:?}", self.url)),
        }
        if !matches!(self.method.as_str(), "POST" | "PUT") {
            err("sms.method", format!("expected \"POST\" or \"PUT\", got {:?}", self.method));
        }
        if !matches!(self.content_type.as_str(), JSON | FORM) {
            err("sms.content_type", format!("expected {JSON:?} or {FORM:?}, got {:?}", self.content_type));
        }
        let all: String = [&self.url, &self.body].into_iter().chain(self.headers.values()).cloned().collect();
        if !all.contains("{message}") {
            err("sms.body", "the message goes nowhere: use {message} in body, url or a header".into());
        }
        if all.contains("{secret}") && self.secret.is_none() {
            err("sms.secret", "missing: {secret} is used, so set secret or secret_file".into());
        }
        for name in self.headers.keys() {
            if reqwest::header::HeaderName::from_bytes(name.as_bytes()).is_err() {
                err(&format!("sms.headers.{name}"), "not a valid header name".into());
            }
        }
    }

    fn validate_twilio(&self, err: &mut impl FnMut(&str, String)) {
        if !self.account_sid.starts_with("AC") || !self.account_sid.chars().all(|c| c.is_ascii_alphanumeric()) {
            err("sms.account_sid", format!("expected the account SID (AC…), got {:?}", self.account_sid));
        }
        if self.auth_token.is_none() {
            err("sms.auth_token", "missing: set auth_token or auth_token_file".into());
        }
        if self.from.trim().is_empty() {
            err("sms.from", "missing: the sending number or sender id".into());
        }
        match url::Url::parse(&self.base_url) {
            Ok(u) if matches!(u.scheme(), "https" | "http") && u.host().is_some() => {}
            _ => err("sms.base_url", format!("expected an https:// URL, got {:?}", self.base_url)),
        }
    }
}

/// A two-letter region (`DE`), if it is one the phone-number metadata knows.
pub fn region(code: &str) -> Option<phonenumber::country::Id> {
    code.trim().to_ascii_uppercase().parse().ok()
}

#[cfg(test)]
mod tests {
    use crate::config::tests::{VALID, errors as config_errors};

    fn errors(sms: &str) -> Vec<String> {
        config_errors(&format!("{VALID}[sms]\n{sms}"))
    }

    #[test]
    fn a_complete_webhook_or_twilio_gateway_is_accepted() {
        let webhook = "gateway = \"webhook\"\nurl = \"https://sms.example/send\"\nbody = '{\"to\":\"{to}\",\"text\":\"{message}\"}'\nsecret = \"t\"\n[sms.headers]\nAuthorization = \"Bearer {secret}\"\n";
        assert_eq!(errors(webhook), Vec::<String>::new());
        let twilio = "gateway = \"twilio\"\naccount_sid = \"AC0123\"\nauth_token = \"t\"\nfrom = \"+15005550006\"\ndefault_region = \"de\"\n";
        assert_eq!(errors(twilio), Vec::<String>::new());
    }

    #[test]
    fn mistakes_are_named_by_their_key() {
        let webhook = errors(
            "gateway = \"webhook\"\nurl = \"sms.example\"\nmethod = \"GET\"\ncontent_type = \"text/plain\"\nbody = \"{secret}\"\ntimeout_secs = 0\ndefault_region = \"Germany\"\n[sms.headers]\n\"Bad Header\" = \"x\"\n",
        );
        for key in [
            "sms.url:",
            "sms.method:",
            "sms.content_type:",
            "sms.body: the message goes nowhere",
            "sms.secret: missing",
            "sms.timeout_secs:",
            "sms.default_region:",
            "sms.headers.Bad Header:",
        ] {
            assert!(webhook.iter().any(|e| e.starts_with(key)), "{key} not in {webhook:?}");
        }
        let twilio = errors("gateway = \"twilio\"\naccount_sid = \"nope\"\nbase_url = \"ftp://x\"\n");
        for key in ["sms.account_sid:", "sms.auth_token: missing", "sms.from: missing", "sms.base_url:"] {
            assert!(twilio.iter().any(|e| e.starts_with(key)), "{key} not in {twilio:?}");
        }
    }

    #[test]
    fn offering_the_sms_method_needs_a_gateway() {
        let errs = config_errors(&format!("{VALID}[policy]\nmethods = [\"email\", \"sms\"]\n"));
        assert!(errs.iter().any(|e| e.starts_with("sms.gateway: missing")), "{errs:?}");
    }

    #[test]
    fn tokens_and_header_values_are_redacted() {
        let config = crate::config::Config::from_toml(&format!(
            "{VALID}[sms]\ngateway = \"webhook\"\nurl = \"https://sms.example/send\"\nbody = \"{{message}}\"\nsecret = \"very-secret\"\n[sms.headers]\nX-Api-Key = \"inline-key\"\n"
        ))
        .unwrap();
        let text = config.to_redacted_toml();
        assert!(!text.contains("very-secret") && !text.contains("inline-key"), "{text}");
        assert!(text.contains("secret = \"[redacted]\""), "{text}");
    }
}
