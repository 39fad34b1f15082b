//! The mails rekey sends, each as plain text and HTML with the same words. Read by
//! employees, not engineers: plain, calm, and always saying what to do if it wasn't them.
//!
//! Every value that comes from outside (display names, addresses, labels, the organisation's
//! name) is escaped in the HTML version. Codes appear in bodies only, never in a subject.

use secrecy::{ExposeSecret as _, SecretString};

pub use super::html::escape;
use super::{Mail, contact};
use crate::config::Contact;
use crate::i18n::{Arg, Lang};

/// What a one-time code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    Reset,
    Unlock,
    ConfirmAddress,
    SignIn,
    /// The helpdesk verifies a caller: the person reads the code to them.
    Helpdesk,
}

impl CodePurpose {
    /// Completes "Your code to …".
    fn action(self, lang: Lang) -> String {
        lang.t(match self {
            CodePurpose::Reset => "mail-code-action-reset",
            CodePurpose::Unlock => "mail-code-action-unlock",
            CodePurpose::ConfirmAddress => "mail-code-action-confirm",
            CodePurpose::SignIn => "mail-code-action-sign-in",
            CodePurpose::Helpdesk => "mail-code-action-helpdesk",
        })
    }
}

/// The text message carrying a one-time code: short, one line, in the page's language.
pub fn sms_code(lang: Lang, org: &str, code: &SecretString) -> String {
    lang.t_with("sms-code-text", &[("org", Arg::Str(org)), ("code", Arg::Str(code.expose_secret()))])
}

/// A one-time code, what it is for and how long it lasts, in the language of the page that
/// asked for it. The helpdesk's code tells a person who did not call to contact the helpdesk,
/// and then says how (`contact`, in `lang`); the other codes never name it.
pub fn code(
    lang: Lang,
    org: &str,
    to: &str,
    code: &SecretString,
    purpose: CodePurpose,
    ttl_minutes: u64,
    contact: Option<&Contact>,
) -> Mail {
    let action = purpose.action(lang);
    let code = code.expose_secret();
    let hello = lang.t("mail-hello");
    let code_is = lang.t_with("mail-code-is", &[("action", Arg::Str(&action))]);
    let expiry = lang.t_with("mail-code-expiry", &[("minutes", Arg::from(ttl_minutes.max(1)))]);
    // Everywhere else the code is never told to anyone; for the helpdesk, only to the call the
    // person made themselves.
    let not_you =
        lang.t(if purpose == CodePurpose::Helpdesk { "mail-code-not-you-helpdesk" } else { "mail-code-not-you" });
    let contact = contact.filter(|_| purpose == CodePurpose::Helpdesk);
    let (contact_text, contact_html) = (contact::text(lang, contact), contact::html(lang, contact));
    let text = format!("{hello}\n\n{code_is}\n\n    {code}\n\n{expiry}\n\n{not_you}\n\n{contact_text}{org}\n");
    let html = page(
        lang,
        org,
        &format!(
            "<p>{hello}</p>\n\
             <p>{code_is}</p>\n\
             <p style=\"font-size:28px;font-family:monospace;letter-spacing:4px;margin:16px 0\"><strong>{code}</strong></p>\n\
             <p>{expiry}</p>\n\
             <p>{not_you}</p>\n\
             {contact_html}",
            hello = escape(&hello),
            code_is = escape(&code_is),
            code = escape(code),
            expiry = escape(&expiry),
            not_you = escape(&not_you),
        ),
    );
    let subject = lang.t_with("mail-code-subject", &[("org", Arg::Str(org)), ("action", Arg::Str(&action))]);
    Mail { to: vec![to.to_owned()], subject: one_line(&subject), text, html }
}

/// A reset link the helpdesk sent: it opens the reset at the new-password step, once. Whoever
/// did not ask for it is told to contact the helpdesk, and how (`contact`, in `lang`).
pub fn reset_link(lang: Lang, org: &str, to: &str, url: &str, minutes: u64, contact: Option<&Contact>) -> Mail {
    link_mail(
        lang,
        org,
        (to, url, minutes),
        ["mail-reset-link", "mail-reset-link-expiry", "mail-reset-link-not-you", "mail-reset-link-subject"],
        contact,
    )
}

/// The helpdesk's confirmation link: the person opens it on their own device and confirms
/// with their passkey that it is them on the call.
pub fn confirm_link(lang: Lang, org: &str, to: &str, url: &str, minutes: u64, contact: Option<&Contact>) -> Mail {
    link_mail(
        lang,
        org,
        (to, url, minutes),
        ["mail-confirm-link", "mail-reset-link-expiry", "mail-confirm-link-not-you", "mail-confirm-link-subject"],
        contact,
    )
}

/// A mail carrying one single-use link (`to`, the link, its minutes); `keys` are the catalogue
/// keys of its intro, expiry, warning and subject.
fn link_mail(
    lang: Lang,
    org: &str,
    (to, url, minutes): (&str, &str, u64),
    keys: [&str; 4],
    contact: Option<&Contact>,
) -> Mail {
    let [intro_key, expiry_key, not_you_key, subject_key] = keys;
    let orgs = [("org", Arg::Str(org))];
    let hello = lang.t("mail-hello");
    let intro = lang.t_with(intro_key, &orgs);
    let expiry = lang.t_with(expiry_key, &[("minutes", Arg::from(minutes.max(1)))]);
    let not_you = lang.t(not_you_key);
    let contact_text = contact::text(lang, contact);
    let text = format!("{hello}\n\n{intro}\n\n    {url}\n\n{expiry}\n\n{not_you}\n\n{contact_text}{org}\n");
    let link = match safe_link(url).as_str() {
        "#" => String::new(),
        safe => format!("<p><a href=\"{}\">{}</a></p>\n", escape(safe), escape(url)),
    };
    let html = page(
        lang,
        org,
        &format!(
            "<p>{}</p>\n<p>{}</p>\n{link}<p>{}</p>\n<p>{}</p>\n{}",
            escape(&hello),
            escape(&intro),
            escape(&expiry),
            escape(&not_you),
            contact::html(lang, contact),
        ),
    );
    let subject = lang.t_with(subject_key, &orgs);
    Mail { to: vec![to.to_owned()], subject: one_line(&subject), text, html }
}

/// Who an account notice goes to, and the facts it reports.
#[derive(Debug, Clone, Copy)]
pub struct NoticeTo<'a> {
    pub lang: Lang,
    pub org: &'a str,
    pub url: &'a str,
    pub to: &'a str,
    pub display_name: &'a str,
    pub when_utc: i64,
    /// The organisation's time zone (`server.time_zone`), for `when_utc`.
    pub zone: &'a jiff::tz::TimeZone,
    pub source_ip: Option<&'a str>,
    /// The one-time "this wasn't me" link that blocks self-service for the account.
    pub disown_url: Option<&'a str>,
    /// How to reach the helpdesk (`[contact]` in `lang`), under "contact your helpdesk".
    pub contact: Option<&'a Contact>,
}

/// Something that happened to an account, worth telling its owner about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountEvent<'a> {
    PasswordChanged,
    PasswordReset,
    /// A password change or reset was sent to the directory but never confirmed.
    PasswordMaybeChanged,
    AccountUnlocked,
    /// A recovery method was registered; the label names it (a masked address, "Authenticator app").
    MethodAdded(&'a str),
    MethodRemoved(&'a str),
    /// The helpdesk acted on the account; the value names the action ("unlock",
    /// "reset_link", "lift_block", "clear_methods").
    ByHelpdesk(&'a str),
}

impl AccountEvent<'_> {
    /// A short description for audit records and admin alerts.
    pub fn name(&self) -> &'static str {
        match self {
            AccountEvent::PasswordChanged => "password changed",
            AccountEvent::PasswordReset => "password reset",
            AccountEvent::PasswordMaybeChanged => "password change unconfirmed",
            AccountEvent::AccountUnlocked => "account unlocked",
            AccountEvent::MethodAdded(_) => "recovery method added",
            AccountEvent::MethodRemoved(_) => "recovery method removed",
            AccountEvent::ByHelpdesk(_) => "helpdesk action",
        }
    }
}

/// The notice for an account event: what happened, when, from where, and what to do if it
/// wasn't the owner.
pub fn account_notice(n: &NoticeTo<'_>, event: AccountEvent<'_>) -> Mail {
    let lang = n.lang;
    let org = [("org", Arg::Str(n.org))];
    let with_method = |method: &str, key: &str| {
        lang.t_with(key, &[("org", Arg::Str(n.org)), ("method", Arg::Str(&one_line(method)))])
    };
    let (subject, happened, risk) = match event {
        AccountEvent::PasswordChanged => {
            (lang.t_with("mail-changed-subject", &org), lang.t_with("mail-changed", &org), lang.t("mail-changed-risk"))
        }
        AccountEvent::PasswordReset => {
            (lang.t_with("mail-reset-subject", &org), lang.t_with("mail-reset", &org), lang.t("mail-reset-risk"))
        }
        AccountEvent::PasswordMaybeChanged => (
            lang.t_with("mail-unconfirmed-subject", &org),
            lang.t_with("mail-unconfirmed", &org),
            lang.t("mail-unconfirmed-risk"),
        ),
        AccountEvent::AccountUnlocked => (
            lang.t_with("mail-unlocked-subject", &org),
            lang.t_with("mail-unlocked", &org),
            lang.t("mail-unlocked-risk"),
        ),
        AccountEvent::MethodAdded(label) => (
            lang.t_with("mail-method-added-subject", &org),
            with_method(label, "mail-method-added"),
            lang.t("mail-method-risk"),
        ),
        AccountEvent::MethodRemoved(label) => (
            lang.t_with("mail-method-removed-subject", &org),
            with_method(label, "mail-method-removed"),
            lang.t("mail-method-risk"),
        ),
        AccountEvent::ByHelpdesk(action) => (
            lang.t_with("mail-helpdesk-subject", &org),
            lang.t_with(&format!("mail-helpdesk-{}", action.replace('_', "-")), &org),
            lang.t("mail-helpdesk-risk"),
        ),
    };
    notice(n, Notice { subject, happened, risk })
}

/// The words that differ between notices.
struct Notice {
    subject: String,
    /// One or two sentences, plain text (escaped for HTML here).
    happened: String,
    /// Completes "If this wasn't you, …: contact your helpdesk".
    risk: String,
}

/// Stands in for a link while a sentence is escaped; never typed by anyone.
const LINK: &str = "\u{1}link\u{1}";

fn notice(n: &NoticeTo<'_>, words: Notice) -> Mail {
    let lang = n.lang;
    let greeting = match n.display_name.trim() {
        "" => lang.t("mail-hello"),
        name => lang.t_with("mail-hello-name", &[("name", Arg::Str(&one_line(name)))]),
    };
    let when = crate::i18n::human_time(lang, n.zone, n.when_utc);
    let from = match n.source_ip.map(str::trim).filter(|ip| !ip.is_empty()) {
        Some(ip) => one_line(ip),
        None => lang.t("mail-unknown-address"),
    };
    let (when_label, from_label, was_you) = (lang.t("mail-when"), lang.t("mail-from"), lang.t("mail-was-you"));
    let not_you = |url: &str| lang.t_with("mail-not-you", &[("risk", Arg::Str(&words.risk)), ("url", Arg::Str(url))]);
    let disown = |link: &str| lang.t_with("mail-disown", &[("link", Arg::Str(link))]);
    let disown_text = n.disown_url.map(|link| format!("{}\n\n", disown(link))).unwrap_or_default();
    let text = format!(
        "{greeting}\n\n{happened}\n\n{when_label}: {when}\n{from_label}: {from}\n\n{was_you}\n\n{disown_text}{not_you}\n\n{contact}{org}\n",
        happened = words.happened,
        not_you = not_you(n.url),
        contact = contact::text(lang, n.contact),
        org = n.org,
    );
    // The sentence is escaped with a stand-in for the link, then the stand-in becomes the link.
    // A link that is not http(s) is left out altogether.
    let linked = |sentence: String, url: &str| {
        let link = match safe_link(url).as_str() {
            "#" => String::new(),
            safe => format!("<a href=\"{}\">{}</a>", escape(safe), escape(url)),
        };
        escape(&sentence).replace(LINK, &link)
    };
    let disown_html = match n.disown_url {
        Some(link) => format!("<p><strong>{}</strong></p>\n", linked(disown(LINK), link)),
        None => String::new(),
    };
    let html = page(
        lang,
        n.org,
        &format!(
            "<p>{greeting}</p>\n\
             <p>{happened}</p>\n\
             <table role=\"presentation\" style=\"border-collapse:collapse;margin:16px 0\">\n\
             <tr><td style=\"padding:2px 16px 2px 0;color:#555\">{when_label}</td><td>{when}</td></tr>\n\
             <tr><td style=\"padding:2px 16px 2px 0;color:#555\">{from_label}</td><td>{from}</td></tr>\n\
             </table>\n\
             <p>{was_you}</p>\n\
             {disown_html}\
             <p>{not_you}</p>\n\
             {contact}",
            greeting = escape(&greeting),
            happened = escape(&words.happened),
            when_label = escape(&when_label),
            from_label = escape(&from_label),
            when = escape(&when),
            from = escape(&from),
            was_you = escape(&was_you),
            not_you = linked(not_you(LINK), n.url),
            contact = contact::html(lang, n.contact),
        ),
    );
    Mail { to: vec![n.to.to_owned()], subject: one_line(&words.subject), text, html }
}

/// The shared frame around an HTML body: inline styles only, as mail clients require.
pub(super) fn page(lang: Lang, org: &str, body: &str) -> String {
    let org = escape(org);
    let code = lang.code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head><meta charset=\"utf-8\"><title>{org}</title></head>\n\
         <body style=\"margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5\">\n\
         <div style=\"max-width:560px\">\n{body}<p style=\"color:#555;margin-top:24px\">{org}</p>\n</div>\n</body>\n</html>\n"
    )
}

/// `when` as people read it, in English and UTC: "Wednesday 25 November 2026, 06:04 UTC".
pub fn human_time(when_utc: i64) -> String {
    crate::i18n::human_time(Lang::En, &jiff::tz::TimeZone::UTC, when_utc)
}

/// Only http(s) URLs become links; anything else (`javascript:`, …) links nowhere.
pub(super) fn safe_link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") { url.to_owned() } else { "#".to_owned() }
}

/// Text on one line: control characters become spaces, length is capped.
pub(super) fn one_line(s: &str) -> String {
    s.chars().take(200).map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "Example Corp";
    const URL: &str = "https://password.example.test";
    static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;
    // Wednesday 25 November 2026 06:04:05 UTC
    const WHEN: i64 = 1_795_586_645;

    fn to<'a>(address: &'a str, display_name: &'a str, source_ip: Option<&'a str>) -> NoticeTo<'a> {
        NoticeTo {
            lang: Lang::En,
            org: ORG,
            url: URL,
            to: address,
            display_name,
            when_utc: WHEN,
            zone: &UTC,
            source_ip,
            disown_url: None,
            contact: None,
        }
    }

    #[test]
    fn a_code_mail_says_what_the_code_is_for_and_when_it_expires() {
        let mail =
            code(Lang::En, ORG, "alice@example.test", &SecretString::from("493817"), CodePurpose::Reset, 10, None);
        assert_eq!(mail.to, vec!["alice@example.test".to_owned()]);
        assert_eq!(mail.subject, "Your Example Corp code to reset your password");
        for body in [&mail.text, &mail.html] {
            assert!(body.contains("493817"));
            assert!(body.contains("reset your password"));
            assert!(body.contains("expires in 10 minutes"));
            assert!(body.contains("nobody can use the code without also knowing your username"));
        }
    }

    #[test]
    fn the_code_is_never_in_the_subject() {
        for purpose in [CodePurpose::Reset, CodePurpose::Unlock, CodePurpose::ConfirmAddress, CodePurpose::SignIn] {
            let mail = code(Lang::En, ORG, "a@example.test", &SecretString::from("493817"), purpose, 10, None);
            assert!(!mail.subject.contains("493817"));
            assert!(mail.text.contains(&purpose.action(Lang::En)));
        }
    }

    #[test]
    fn the_code_is_the_first_long_run_of_digits_in_the_text() {
        let mail = code(
            Lang::En,
            "Org 2024123",
            "a@example.test",
            &SecretString::from("0012345678"),
            CodePurpose::Unlock,
            15,
            None,
        );
        let first_run = mail.text.split(|c: char| !c.is_ascii_digit()).find(|r| (6..=10).contains(&r.len()));
        assert_eq!(first_run, Some("0012345678"));
    }

    #[test]
    fn times_are_written_in_words_in_utc() {
        assert_eq!(human_time(WHEN), "Wednesday 25 November 2026, 06:04 UTC");
        assert_eq!(human_time(0), "Thursday 1 January 1970, 00:00 UTC");
        assert_eq!(human_time(i64::MAX), "an unknown time");
    }

    #[test]
    fn a_notice_says_what_when_from_where_and_what_to_do() {
        let mail =
            account_notice(&to("alice@example.test", "Alice Smith", Some("192.0.2.7")), AccountEvent::PasswordChanged);
        assert_eq!(mail.subject, "Your Example Corp password was changed");
        for body in [&mail.text, &mail.html] {
            assert!(body.contains("Hello Alice Smith,"), "{body}");
            assert!(body.contains("was changed"));
            assert!(body.contains("Wednesday 25 November 2026, 06:04 UTC"));
            assert!(body.contains("192.0.2.7"));
            assert!(body.contains("If this wasn't you") || body.contains("If this wasn&#39;t you"));
            assert!(body.contains("contact your helpdesk"));
            assert!(body.contains(URL));
        }
        assert!(mail.html.contains(r#"<a href="https://password.example.test">"#));
    }

    #[test]
    fn every_notice_names_its_event() {
        let cases = [
            (account_notice(&to("a@example.test", "A", None), AccountEvent::PasswordReset), "was reset"),
            (account_notice(&to("a@example.test", "A", None), AccountEvent::AccountUnlocked), "was unlocked"),
            (
                account_notice(&to("a@example.test", "A", None), AccountEvent::MethodAdded("Authenticator app")),
                "was added",
            ),
            (
                account_notice(&to("a@example.test", "A", None), AccountEvent::MethodRemoved("a•••e@example.test")),
                "was removed",
            ),
        ];
        for (mail, words) in cases {
            assert!(mail.subject.contains(words), "{}", mail.subject);
            assert!(mail.text.contains(words) && mail.html.contains(words));
            assert!(mail.text.contains("From: an unknown address"), "{}", mail.text);
        }
        let added = account_notice(&to("a@example.test", "A", None), AccountEvent::MethodAdded("Authenticator app"));
        assert!(added.text.contains("Authenticator app"));
    }

    #[test]
    fn untrusted_values_are_escaped_in_html() {
        let n = NoticeTo {
            lang: Lang::En,
            org: "<b>Org</b>",
            url: "javascript:alert(1)",
            to: "a@example.test",
            display_name: "<script>alert('x')</script> & \"friends\"",
            when_utc: WHEN,
            zone: &UTC,
            source_ip: Some("<img src=x onerror=alert(1)>"),
            disown_url: Some("javascript:alert(2)"),
            contact: None,
        };
        let mail = account_notice(&n, AccountEvent::MethodAdded("<i>label</i>"));
        assert!(!mail.html.contains("<script>"), "{}", mail.html);
        assert!(mail.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"));
        assert!(!mail.html.contains("<img"));
        assert!(!mail.html.contains("javascript:alert(2)"), "an unsafe link is never a link");
        assert!(!mail.html.contains("<i>") && !mail.html.contains("<b>Org"));
        assert!(!mail.html.contains("href=\"javascript:"), "{}", mail.html);
    }

    #[test]
    fn a_display_name_cannot_add_lines_to_the_text() {
        let mail = account_notice(
            &to("a@example.test", "Eve\nWhen: yesterday", Some("1.2.3.4\r\nFrom: x")),
            AccountEvent::PasswordReset,
        );
        assert!(mail.text.contains("Hello Eve When: yesterday,"));
        assert_eq!(mail.text.lines().filter(|l| l.starts_with("When:")).count(), 1);
        assert_eq!(mail.text.lines().filter(|l| l.starts_with("From:")).count(), 1);
    }

    #[test]
    fn an_empty_display_name_gets_a_plain_greeting() {
        let mail = account_notice(&to("a@example.test", "  ", None), AccountEvent::AccountUnlocked);
        assert!(mail.text.starts_with("Hello,\n"));
    }
}
