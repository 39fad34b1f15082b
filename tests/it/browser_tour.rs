//! The pages no other browser spec reaches (tests/browser/tour.mjs), with the helpdesk's
//! contact configured and every method enabled, each checked by axe-core and screenshotted at
//! desktop and phone width: the method choice and each method's page, an attempt ended by
//! wrong codes, registering with every method offered, and "this wasn't me". With the other
//! English, JavaScript-on browser tests it makes docs/screenshots (scripts/screenshots).

use std::sync::Arc;

use rekey::config::{Config, MethodKind, SmsGateway};
use rekey::i18n::Lang;
use serde_json::json;

use crate::browser::portal_with;
use crate::support::browser::{Control, Js, person, run_node};
use crate::support::slapd::Slapd;
use crate::support::{remember_secret, unique};

/// The helpdesk as an organisation would describe it, and every method on offer.
fn everything(config: &mut Config, sms_url: String) {
    config.contact.name = "IT Service Desk".into();
    config.contact.phone = "+49 30 1234 5678".into();
    config.contact.email = "servicedesk@example.test".into();
    config.contact.hours = "Monday to Friday, 8:00 to 18:00".into();
    config.contact.url = "https://help.example.test/".into();
    config.policy.methods =
        vec![MethodKind::Email, MethodKind::Sms, MethodKind::Totp, MethodKind::Questions, MethodKind::Passkey];
    config.sms.gateway = SmsGateway::Webhook;
    config.sms.url = sms_url;
    config.sms.body = r#"{"to": "{to}", "text": "{message}"}"#.into();
}

#[tokio::test]
async fn the_pages_other_specs_do_not_reach_pass_axe_with_the_helpdesk_contact() {
    let gateway = Arc::new(crate::support::sms_gateway::SmsGateway::start().await);
    let sms_url = format!("{}/send", gateway.base);
    let env = portal_with(|config| everything(config, sms_url)).await;
    let slapd = Slapd::shared().await;
    let newcomer = slapd.create_user("new").await;
    let tourist = slapd.create_user("tor").await;
    let address = env.register_email(&tourist).await;
    let notice = env.smtp.wait_for_subject(&address, "recovery method was added").await;
    let at = notice.text.find("/wasnt-me/").expect("the notice has a \"this wasn't me\" link");
    let path: String = notice.text[at..].split_whitespace().next().unwrap_or_default().to_owned();
    remember_secret(path.trim_start_matches("/wasnt-me/"));
    let control = Control::start(env.clone()).await;
    control.add_sms_gateway(gateway);
    let users = json!({
        "stranger": { "username": unique("nobody"), "password": "", "email": "", "newPassword": "" },
        "newcomer": person(&newcomer, "", ""),
        "tourist": { "disownPath": path },
        "contact": { "name": env.config.contact.name },
    });
    run_node("tour.mjs", Js::On, Lang::En, &env, &control, users).await;
}
