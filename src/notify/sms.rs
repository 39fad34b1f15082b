//! Outgoing text messages through an HTTP gateway: a webhook described by templates
//! (`[sms]` url, headers, body) or a Twilio-style Messages API.
//!
//! A message holds a one-time code and a phone number, so neither reaches a log line, an
//! error or a `Debug` output: errors carry the gateway's status and a short reason with the
//! code and number scrubbed out, and numbers are shown masked.

use std::time::Duration;

use secrecy::{ExposeSecret as _, SecretString};

use crate::config::sms::FORM;
use crate::config::{SmsConfig, SmsGateway};
use crate::factors::sms::{PhoneE164, mask};

/// Longest piece of a gateway's answer kept for the admin.
const REASON_CHARS: usize = 120;

/// One text message to one number.
pub struct Sms {
    pub to: PhoneE164,
    pub text: String,
    pub code: SecretString,
}

/// The number masked, nothing else: the text carries the code.
impl std::fmt::Debug for Sms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sms").field("to", &mask(self.to.as_str())).finish_non_exhaustive()
    }
}

/// Why a message was not sent. Never holds the code or the whole number.
#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    /// The settings cannot make a request (a header value with a line break, a bad URL).
    #[error("sms settings: {0}")]
    Config(String),
    /// The gateway answered, but not with success.
    #[error("the SMS gateway answered {status}: {reason}")]
    Refused { status: u16, reason: String },
    /// No answer in time.
    #[error("the SMS gateway did not answer within {0} s")]
    Timeout(u64),
    /// The gateway could not be reached.
    #[error("could not reach the SMS gateway: {0}")]
    Unreachable(String),
}

/// Sends text messages as `[sms]` says.
#[derive(Debug)]
pub struct SmsSender {
    client: reqwest::Client,
    config: SmsConfig,
    /// Whether the last message failed; cleared by the next one that goes through.
    failing: std::sync::atomic::AtomicBool,
}

impl SmsSender {
    /// A sender for the configured gateway; `None` when `sms.gateway = "none"`.
    pub fn from_config(config: &SmsConfig) -> Result<Option<SmsSender>, SmsError> {
        if config.gateway == SmsGateway::None {
            return Ok(None);
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(config.timeout_secs))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|err| SmsError::Config(format!("HTTP client: {err}")))?;
        Ok(Some(SmsSender { client, config: config.clone(), failing: Default::default() }))
    }

    /// Whether the last message the gateway was given failed.
    pub fn failing(&self) -> bool {
        self.failing.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Sends one message and waits for the gateway's answer.
    pub async fn send(&self, sms: &Sms) -> Result<(), SmsError> {
        let result = self.send_now(sms).await;
        self.failing.store(result.is_err(), std::sync::atomic::Ordering::Relaxed);
        result
    }

    async fn send_now(&self, sms: &Sms) -> Result<(), SmsError> {
        let request = self.request(sms)?;
        let response = self.client.execute(request).await.map_err(|err| {
            if err.is_timeout() {
                SmsError::Timeout(self.config.timeout_secs)
            } else {
                SmsError::Unreachable(scrub(&without_url(&err), sms))
            }
        })?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let body = response.text().await.unwrap_or_default();
        Err(SmsError::Refused { status: status.as_u16(), reason: scrub(&reason(&body), sms) })
    }

    /// The HTTP request for one message, as the gateway wants it.
    pub fn request(&self, sms: &Sms) -> Result<reqwest::Request, SmsError> {
        let c = &self.config;
        let builder = match c.gateway {
            SmsGateway::Twilio => {
                let url =
                    format!("{}/2010-04-01/Accounts/{}/Messages.json", c.base_url.trim_end_matches('/'), c.account_sid);
                let form = [("To", sms.to.as_str()), ("From", c.from.as_str()), ("Body", sms.text.as_str())];
                let token = c.auth_token.as_ref().map(|t| t.expose_secret().to_owned());
                self.client.post(url).basic_auth(&c.account_sid, token).form(&form)
            }
            SmsGateway::Webhook | SmsGateway::None => {
                let values = Values {
                    to: sms.to.as_str(),
                    message: &sms.text,
                    code: sms.code.expose_secret(),
                    secret: c.secret.as_ref().map_or("", |s| s.expose_secret()),
                };
                let url = fill(&c.url, &values, Escape::Url);
                let method = if c.method == "PUT" { reqwest::Method::PUT } else { reqwest::Method::POST };
                let escape = if c.content_type == FORM { Escape::Form } else { Escape::Json };
                let mut builder = self
                    .client
                    .request(method, url)
                    .header(reqwest::header::CONTENT_TYPE, c.content_type.as_str())
                    .body(fill(&c.body, &values, escape));
                for (name, value) in &c.headers {
                    let value = reqwest::header::HeaderValue::from_str(&fill(value, &values, Escape::None))
                        .map_err(|_| SmsError::Config(format!("sms.headers.{name} is not a valid header value")))?;
                    builder = builder.header(name.as_str(), value);
                }
                builder
            }
        };
        builder.build().map_err(|err| SmsError::Config(without_url(&err)))
    }
}

/// What the placeholders stand for.
struct Values<'a> {
    to: &'a str,
    message: &'a str,
    code: &'a str,
    secret: &'a str,
}

/// How a value is written into its template.
#[derive(Debug, Clone, Copy)]
enum Escape {
    /// Inside a JSON string: quotes, backslashes and control characters escaped.
    Json,
    /// A form field or URL query value: percent-encoded.
    Form,
    Url,
    /// As it is (headers; the header type refuses line breaks).
    None,
}

/// Replaces `{to}`, `{message}`, `{code}` and `{secret}` in one pass, so a value that itself
/// contains `{code}` is never expanded again. Other braces (JSON's) stay as they are.
fn fill(template: &str, values: &Values<'_>, escape: Escape) -> String {
    let mut out = String::with_capacity(template.len() + values.message.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let hit =
            [("{to}", values.to), ("{message}", values.message), ("{code}", values.code), ("{secret}", values.secret)]
                .into_iter()
                .find(|(name, _)| after.starts_with(name));
        match hit {
            Some((name, value)) => {
                out.push_str(&escaped(value, escape));
                rest = &after[name.len()..];
            }
            None => {
                out.push('{');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn escaped(value: &str, escape: Escape) -> String {
    match escape {
        Escape::Json => {
            let quoted = serde_json::Value::from(value).to_string();
            quoted[1..quoted.len() - 1].to_owned()
        }
        Escape::Form | Escape::Url => url::form_urlencoded::byte_serialize(value.as_bytes()).collect(),
        Escape::None => value.to_owned(),
    }
}

/// A short reason from a gateway's error body: its `message` or `error` field if it is JSON,
/// else its first line, cut to a few words.
fn reason(body: &str) -> String {
    let from_json = serde_json::from_str::<serde_json::Value>(body).ok().and_then(|v| {
        ["message", "error", "detail"].into_iter().find_map(|k| match &v[k] {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Object(o) => o.get("message").and_then(|m| m.as_str()).map(str::to_owned),
            _ => None,
        })
    });
    let text = from_json.unwrap_or_else(|| body.lines().next().unwrap_or("").to_owned());
    let text: String = text.chars().filter(|c| !c.is_control()).take(REASON_CHARS).collect();
    if text.trim().is_empty() { "no reason given".into() } else { text }
}

/// The reason with the code and the number taken out, in case the gateway echoes them.
fn scrub(text: &str, sms: &Sms) -> String {
    let masked = mask(sms.to.as_str());
    let text = text.replace(sms.to.as_str(), &masked).replace(sms.to.as_str().trim_start_matches('+'), &masked);
    let code = sms.code.expose_secret();
    if code.is_empty() { text } else { text.replace(code, "••••••") }
}

/// A reqwest error without its URL, which may hold the number or the secret.
fn without_url(err: &reqwest::Error) -> String {
    let mut text = err.to_string();
    if let Some(url) = err.url() {
        text = text.replace(url.as_str(), "the gateway");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values<'static> {
        Values {
            to: "+4915123456789",
            message: "Your \"Acme\" code: 123456\n{code} & more",
            code: "123456",
            secret: "s3cr3t",
        }
    }

    #[test]
    fn json_bodies_escape_quotes_backslashes_and_line_breaks() {
        let body = fill(r#"{"to":"{to}","text":"{message}","pin":"{code}"}"#, &values(), Escape::Json);
        let parsed: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(parsed["to"], "+4915123456789");
        assert_eq!(parsed["text"], "Your \"Acme\" code: 123456\n{code} & more");
        assert_eq!(parsed["pin"], "123456");
    }

    #[test]
    fn form_bodies_and_urls_are_percent_encoded() {
        let body = fill("to={to}&text={message}", &values(), Escape::Form);
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(body.as_bytes()).into_owned().collect();
        assert_eq!(
            pairs,
            vec![
                ("to".into(), "+4915123456789".into()),
                ("text".into(), "Your \"Acme\" code: 123456\n{code} & more".into())
            ]
        );
        assert_eq!(
            fill("https://sms.example/send?key={secret}&to={to}", &values(), Escape::Url),
            "https://sms.example/send?key=s3cr3t&to=%2B4915123456789"
        );
    }

    #[test]
    fn a_value_holding_a_placeholder_is_not_expanded_again_and_other_braces_stay() {
        let out = fill("{message}|{unknown}|{", &values(), Escape::None);
        assert_eq!(out, "Your \"Acme\" code: 123456\n{code} & more|{unknown}|{");
    }

    #[test]
    fn reasons_are_short_and_never_hold_the_code_or_the_number() {
        let sms = Sms {
            to: PhoneE164::parse("+4915123456789", None).unwrap(),
            text: "Your code: 123456".into(),
            code: SecretString::from("123456"),
        };
        let body = r#"{"message":"Invalid destination +4915123456789 for text 'Your code: 123456'"}"#;
        let got = scrub(&reason(body), &sms);
        assert_eq!(got, "Invalid destination +49•••••89 for text 'Your code: ••••••'");
        assert_eq!(reason(&"x".repeat(10_000)).len(), REASON_CHARS);
        assert_eq!(reason(""), "no reason given");
        assert_eq!(reason("<html>\n<body>Bad gateway</body>"), "<html>");
        let debug = format!("{sms:?}");
        assert!(!debug.contains("123456") && !debug.contains("4915123456789"), "{debug}");
    }

    #[tokio::test]
    async fn twilio_requests_are_form_posts_with_basic_auth() {
        let config: SmsConfig = serde_json::from_value(serde_json::json!({
            "gateway": "twilio", "account_sid": "AC123", "auth_token": "tok", "from": "+15005550006",
            "base_url": "http://127.0.0.1:9/"
        }))
        .unwrap();
        let sender = SmsSender::from_config(&config).unwrap().unwrap();
        let sms = Sms {
            to: PhoneE164::parse("+4915123456789", None).unwrap(),
            text: "Your code: 123456".into(),
            code: SecretString::from("123456"),
        };
        let request = sender.request(&sms).unwrap();
        assert_eq!(request.url().as_str(), "http://127.0.0.1:9/2010-04-01/Accounts/AC123/Messages.json");
        assert_eq!(request.headers()["authorization"], "Basic QUMxMjM6dG9r");
        let body = std::str::from_utf8(request.body().unwrap().as_bytes().unwrap()).unwrap();
        assert_eq!(body, "To=%2B4915123456789&From=%2B15005550006&Body=Your+code%3A+123456");
    }

    #[tokio::test]
    async fn a_header_value_with_a_line_break_is_a_config_error_not_a_smuggled_header() {
        let mut config =
            SmsConfig { gateway: SmsGateway::Webhook, url: "http://127.0.0.1:9/".into(), ..Default::default() };
        config.headers.insert("X-To".into(), "{message}".into());
        config.body = "{message}".into();
        let sender = SmsSender::from_config(&config).unwrap().unwrap();
        let sms = Sms {
            to: PhoneE164::parse("+4915123456789", None).unwrap(),
            text: "hi\r\nX-Evil: 1".into(),
            code: SecretString::from("123456"),
        };
        assert!(matches!(sender.request(&sms), Err(SmsError::Config(_))));
    }
}
