//! The helpdesk's contact (`[contact]`) in the mails that tell a person to contact the
//! helpdesk: every account notice ("if this wasn't you … contact your helpdesk"), the
//! helpdesk's reset link and the code the helpdesk asks for, in the text and the HTML part, in
//! every language with its own wording; the other code mails never name it, and without
//! `[contact]` the mails say only what they said before. Read back from the SMTP sink.

use rekey::config::{Config, ContactConfig, ContactText};
use rekey::i18n::Lang;
use rekey::notify::messages::{self, AccountEvent, CodePurpose, NoticeTo};
use secrecy::ExposeSecret as _;

use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;
use crate::support::smtp::{ReceivedMail, SmtpSink};
use crate::support::{init_tracing, remember_secret, unique};

const PHONE: &str = "+49 30 1234 5678";
const EMAIL: &str = "service-desk@example.test";
const URL: &str = "https://help.example.test/ticket";

/// A helpdesk with a name, phone, address, hours and web page for everyone, and its own name
/// and hours in every language but English.
fn contact() -> ContactConfig {
    let mut c = ContactConfig {
        name: "IT Service Desk".into(),
        phone: PHONE.into(),
        email: EMAIL.into(),
        hours: "Monday to Friday, 8:00 to 18:00".into(),
        url: URL.into(),
        ..ContactConfig::default()
    };
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        c.lang.insert(
            lang.code().into(),
            ContactText {
                name: Some(format!("Service Desk ({})", lang.native_name())),
                hours: Some(format!("{} 8–18", lang.native_name())),
                ..ContactText::default()
            },
        );
    }
    c
}

/// Asserts that `mail`, text and HTML, tells how to reach the helpdesk in `lang`'s wording.
fn assert_contact(mail: &ReceivedMail, lang: Lang) {
    let c = contact().for_lang(lang.code()).unwrap();
    let what = format!("{:?} in {}", mail.subject, lang.code());
    for (part, body) in [("text", &mail.text), ("html", &mail.html)] {
        for value in [&c.name, &c.hours, &c.phone, &c.email, &c.url] {
            assert!(body.contains(value.as_str()), "{what}, {part} part: no {value:?} in\n{body}");
        }
    }
    // A line each, labelled in the mail's language (the sink keeps the CRLF of the wire).
    let line =
        |label: &str, value: &str| mail.text.lines().any(|l| l.trim_end() == format!("{}: {value}", lang.t(label)));
    assert!(line("contact-phone", PHONE), "{what}:\n{}", mail.text);
    assert!(line("contact-hours", &c.hours), "{what}:\n{}", mail.text);
    assert!(mail.html.contains(r#"<a href="tel:+493012345678">"#), "{what}:\n{}", mail.html);
    assert!(mail.html.contains(&format!(r#"<a href="mailto:{EMAIL}">"#)), "{what}:\n{}", mail.html);
    assert!(mail.html.contains(&format!(r#"<a href="{URL}">"#)), "{what}:\n{}", mail.html);
}

/// Asserts that `mail` names no way to reach the helpdesk.
fn assert_no_contact(mail: &ReceivedMail, lang: Lang) {
    for body in [&mail.text, &mail.html] {
        for value in [PHONE, EMAIL, URL, "Service Desk"] {
            assert!(!body.contains(value), "{:?} in {} names {value:?}:\n{body}", mail.subject, lang.code());
        }
    }
    let label = format!("{}: ", lang.t("contact-phone"));
    assert!(!mail.text.lines().any(|l| l.starts_with(&label)), "{}", mail.text);
}

#[tokio::test]
async fn every_mail_that_sends_people_to_the_helpdesk_says_how_to_reach_it_in_every_language() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let mailer = rekey::notify::Mailer::from_config(&sink.mail_config()).unwrap();
    let config = contact();
    let zone = jiff::tz::TimeZone::UTC;
    let code = rekey::factors::codes::generate(8);
    remember_secret(code.expose_secret());
    for lang in Lang::ALL {
        let to = format!("{}@example.test", unique(&format!("contact-{}", lang.code())));
        let worded = config.for_lang(lang.code());
        let notice = NoticeTo {
            lang,
            org: "Example Corp",
            url: "https://password.example.test",
            to: &to,
            display_name: "Alice",
            when_utc: 1_795_586_645,
            zone: &zone,
            source_ip: Some("192.0.2.7"),
            disown_url: Some("https://password.example.test/wasnt-me/x"),
            contact: worded.as_ref(),
        };
        let events = [
            AccountEvent::PasswordChanged,
            AccountEvent::PasswordReset,
            AccountEvent::PasswordMaybeChanged,
            AccountEvent::AccountUnlocked,
            AccountEvent::MethodAdded("Authenticator app"),
            AccountEvent::MethodRemoved("a•••e@example.test"),
            AccountEvent::ByHelpdesk("unlock"),
        ];
        let mut sent = Vec::new();
        for event in events {
            sent.push((messages::account_notice(&notice, event), true));
        }
        let link = "https://password.example.test/reset/link/x";
        sent.push((messages::reset_link(lang, "Example Corp", &to, link, 30, worded.as_ref()), true));
        sent.push((messages::code(lang, "Example Corp", &to, &code, CodePurpose::Helpdesk, 10, worded.as_ref()), true));
        // A code the person asked for never names the helpdesk's number: nobody is to call it.
        sent.push((messages::code(lang, "Example Corp", &to, &code, CodePurpose::Reset, 10, worded.as_ref()), false));
        for (n, (mail, with_contact)) in sent.iter().enumerate() {
            mailer.send(mail).await.unwrap();
            let received = sink.wait_for(&to, n + 1).await;
            assert_eq!(received.subject, mail.subject);
            if *with_contact {
                assert_contact(&received, lang);
            } else {
                assert_no_contact(&received, lang);
            }
        }
    }
}

fn with_contact(config: &mut Config) {
    config.contact = contact();
}

/// Registers an address for a new account, then resets its password in `lang`; returns the
/// notices of the registration (in English) and of the reset (in `lang`).
async fn register_then_reset(env: &TestEnv, lang: Lang) -> (ReceivedMail, ReceivedMail) {
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("mct").await;
    let address = env.register_email(&user).await;
    let added = env.smtp.wait_for_subject(&address, "recovery method was added").await;
    let mut b = env.browser();
    b.get(&format!("/?lang={}", lang.code())).await.assert_status(200);
    b.start("reset", &user.uid).await.assert_status(200);
    b.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    b.submit_code("reset", "email", &code).await.assert_status(200);
    let new = format!("Contact-{}-Kettle9", unique("pw"));
    remember_secret(&new);
    b.set_password(&new).await.assert_status(200);
    let subject = lang.t_with("mail-reset-subject", &[("org", rekey::i18n::Arg::Str(&env.config.server.organisation))]);
    let reset = env.smtp.wait_for_subject(&address, &subject).await;
    (added, reset)
}

#[tokio::test]
async fn a_reset_and_a_new_method_are_announced_with_the_helpdesks_contact_in_the_persons_language() {
    let env = TestEnv::with(with_contact).await;
    let (added, reset) = register_then_reset(&env, Lang::De).await;
    assert_contact(&added, Lang::En);
    assert_contact(&reset, Lang::De);
}

#[tokio::test]
async fn without_a_contact_the_notices_name_none() {
    let env = TestEnv::openldap().await;
    let (added, reset) = register_then_reset(&env, Lang::Fr).await;
    assert_no_contact(&added, Lang::En);
    assert_no_contact(&reset, Lang::Fr);
    assert!(reset.text.contains(&Lang::Fr.t("mail-was-you")), "{}", reset.text);
}
