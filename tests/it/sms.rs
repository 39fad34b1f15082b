//! Text messages through the HTTP gateway, against a double that speaks HTTP and checks what
//! the real Twilio API checks.

use std::time::{Duration, Instant};

use rekey::config::{SmsConfig, SmsGateway};
use rekey::factors::sms::PhoneE164;
use rekey::notify::sms::{Sms, SmsError, SmsSender};
use secrecy::SecretString;

use crate::support::sms_gateway::{Mode, SmsGateway as Double, TWILIO_SID, TWILIO_TOKEN};

fn message(text: &str) -> Sms {
    Sms {
        to: PhoneE164::parse("+49 151 23456789", None).unwrap(),
        text: text.into(),
        code: SecretString::from("424242"),
    }
}

fn webhook(double: &Double) -> SmsConfig {
    let mut config = SmsConfig {
        gateway: SmsGateway::Webhook,
        url: format!("{}/v1/send?to={{to}}", double.base),
        body: r#"{"to": "{to}", "text": "{message}", "pin": "{code}"}"#.into(),
        secret: Some(SecretString::from("token-123".to_owned())),
        ..Default::default()
    };
    config.headers.insert("Authorization".into(), "Bearer {secret}".into());
    config.headers.insert("X-Sender".into(), "Example Corp".into());
    config
}

fn twilio(double: &Double) -> SmsConfig {
    SmsConfig {
        gateway: SmsGateway::Twilio,
        account_sid: TWILIO_SID.into(),
        auth_token: Some(SecretString::from(TWILIO_TOKEN.to_owned())),
        from: "+15005550006".into(),
        base_url: double.base.clone(),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_webhook_gets_a_templated_json_request_with_escaped_text_and_its_headers() {
    let double = Double::start().await;
    let sender = SmsSender::from_config(&webhook(&double)).unwrap().unwrap();
    let text = "Your \"Example\" code: 424242\n\\ {code}";
    sender.send(&message(text)).await.unwrap();
    let got = double.received();
    assert_eq!(got.len(), 1);
    let request = &got[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.path_and_query, "/v1/send?to=%2B4915123456789");
    assert_eq!(request.headers["authorization"], "Bearer token-123");
    assert_eq!(request.headers["x-sender"], "Example Corp");
    assert_eq!(request.headers["content-type"], "application/json");
    let json = request.json();
    assert_eq!(json["to"], "+4915123456789");
    assert_eq!(json["text"], text, "escaped once, never expanded again");
    assert_eq!(json["pin"], "424242");
}

#[tokio::test]
async fn a_form_webhook_gets_url_encoded_fields() {
    let double = Double::start().await;
    let config = SmsConfig {
        content_type: "application/x-www-form-urlencoded".into(),
        body: "to={to}&text={message}".into(),
        method: "PUT".into(),
        ..webhook(&double)
    };
    SmsSender::from_config(&config).unwrap().unwrap().send(&message("a&b=c d+e")).await.unwrap();
    let request = &double.received()[0];
    assert_eq!(request.method, "PUT");
    let form = request.form();
    assert_eq!(form["to"], "+4915123456789");
    assert_eq!(form["text"], "a&b=c d+e");
}

#[tokio::test]
async fn twilio_gets_the_number_sender_and_text_as_a_form_with_basic_auth() {
    let double = Double::start().await;
    let sender = SmsSender::from_config(&twilio(&double)).unwrap().unwrap();
    sender.send(&message("Your Example Corp code: 424242")).await.unwrap();
    let request = &double.received()[0];
    assert_eq!(request.path_and_query, format!("/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"));
    let form = request.form();
    assert_eq!(form["To"], "+4915123456789");
    assert_eq!(form["From"], "+15005550006");
    assert_eq!(form["Body"], "Your Example Corp code: 424242");
}

#[tokio::test]
async fn twilio_refusals_come_back_with_their_status_and_reason() {
    let double = Double::start().await;
    let wrong_token = SmsConfig { auth_token: Some(SecretString::from("nope".to_owned())), ..twilio(&double) };
    let err = SmsSender::from_config(&wrong_token).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(&err, SmsError::Refused { status: 401, reason } if reason == "Authenticate"), "{err:?}");
    let no_sender = SmsConfig { from: String::new(), ..twilio(&double) };
    let err = SmsSender::from_config(&no_sender).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(&err, SmsError::Refused { status: 400, reason } if reason.contains("'From'")), "{err:?}");
}

#[tokio::test]
async fn a_failing_gateway_is_reported_without_the_code_or_the_number() {
    let double = Double::start().await;
    double.set_mode(Mode::Fail);
    let sender = SmsSender::from_config(&webhook(&double)).unwrap().unwrap();
    let err = sender.send(&message("Your code: 424242")).await.unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("the SMS gateway answered 500: upstream carrier down"), "{text}");
    assert!(!text.contains("424242") && !text.contains("4915123456789"), "{text}");
    assert!(text.contains("+49•••••89"), "{text}");
}

#[tokio::test]
async fn a_hanging_gateway_is_given_up_on_after_the_timeout() {
    let double = Double::start().await;
    double.set_mode(Mode::Hang);
    let config = SmsConfig { timeout_secs: 1, ..twilio(&double) };
    let started = Instant::now();
    let err = SmsSender::from_config(&config).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    assert!(matches!(err, SmsError::Timeout(1)), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
}

#[tokio::test]
async fn an_unreachable_gateway_is_reported_without_its_url() {
    let config =
        SmsConfig { url: "http://127.0.0.1:9/send?to={to}&key={secret}".into(), ..webhook(&Double::start().await) };
    let err = SmsSender::from_config(&config).unwrap().unwrap().send(&message("hi 424242")).await.unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, SmsError::Unreachable(_)), "{text}");
    assert!(!text.contains("token-123") && !text.contains("4915123456789"), "{text}");
}
