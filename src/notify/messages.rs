//! The mails rekey sends, each as plain text and HTML with the same words. Read by
//! employees, not engineers: plain, calm, and always saying what to do if it wasn't them.
//!
//! Every value that comes from outside (display names, addresses, labels, the organisation's
//! name) is escaped in the HTML version. Codes appear in bodies only, never in a subject.

use secrecy::{ExposeSecret as _, SecretString};

use super::Mail;

/// What a one-time code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePurpose {
    Reset,
    Unlock,
    ConfirmAddress,
    SignIn,
}

impl CodePurpose {
    /// Completes "Your code to …".
    fn action(self) -> &'static str {
        match self {
            CodePurpose::Reset => "reset your password",
            CodePurpose::Unlock => "unlock your account",
            CodePurpose::ConfirmAddress => "confirm this email address",
            CodePurpose::SignIn => "sign in",
        }
    }
}

/// A one-time code, what it is for and how long it lasts.
pub fn code(org: &str, to: &str, code: &SecretString, purpose: CodePurpose, ttl_minutes: u64) -> Mail {
    let action = purpose.action();
    let code = code.expose_secret();
    let expiry = match ttl_minutes {
        0 | 1 => "It expires in 1 minute.".to_owned(),
        n => format!("It expires in {n} minutes."),
    };
    let text = format!(
        "Hello,\n\n\
         Your code to {action} is:\n\n    {code}\n\n\
         {expiry} Type it on the page where you asked for it. You can use it only once.\n\n\
         If this wasn't you, ignore this mail; nobody can use the code without also knowing \
         your username. Never tell this code to anyone, not even the helpdesk.\n\n\
         {org}\n"
    );
    let html = page(
        org,
        &format!(
            "<p>Hello,</p>\n\
             <p>Your code to {action} is:</p>\n\
             <p style=\"font-size:28px;font-family:monospace;letter-spacing:4px;margin:16px 0\"><strong>{code}</strong></p>\n\
             <p>{expiry} Type it on the page where you asked for it. You can use it only once.</p>\n\
             <p>If this wasn't you, ignore this mail; nobody can use the code without also knowing \
             your username. Never tell this code to anyone, not even the helpdesk.</p>\n",
            code = escape(code),
        ),
    );
    Mail { to: vec![to.to_owned()], subject: format!("Your {org} code to {action}"), text, html }
}

/// Who an account notice goes to, and the facts it reports.
#[derive(Debug, Clone, Copy)]
pub struct NoticeTo<'a> {
    pub org: &'a str,
    pub url: &'a str,
    pub to: &'a str,
    pub display_name: &'a str,
    pub when_utc: i64,
    pub source_ip: Option<&'a str>,
    /// The one-time "this wasn't me" link that blocks self-service for the account.
    pub disown_url: Option<&'a str>,
}

/// Something that happened to an account, worth telling its owner about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountEvent<'a> {
    PasswordChanged,
    PasswordReset,
    AccountUnlocked,
    /// A recovery method was registered; the label names it (a masked address, "Authenticator app").
    MethodAdded(&'a str),
    MethodRemoved(&'a str),
}

impl AccountEvent<'_> {
    /// A short description for audit records and admin alerts.
    pub fn name(&self) -> &'static str {
        match self {
            AccountEvent::PasswordChanged => "password changed",
            AccountEvent::PasswordReset => "password reset",
            AccountEvent::AccountUnlocked => "account unlocked",
            AccountEvent::MethodAdded(_) => "recovery method added",
            AccountEvent::MethodRemoved(_) => "recovery method removed",
        }
    }
}

/// The notice for an account event: what happened, when, from where, and what to do if it
/// wasn't the owner.
pub fn account_notice(n: &NoticeTo<'_>, event: AccountEvent<'_>) -> Mail {
    let org = n.org;
    let (subject, happened, if_not_you) = match event {
        AccountEvent::PasswordChanged => (
            format!("Your {org} password was changed"),
            format!("The password of your {org} account was changed."),
            "someone else may know your password",
        ),
        AccountEvent::PasswordReset => (
            format!("Your {org} password was reset"),
            format!("The password of your {org} account was reset with the self-service portal."),
            "someone else may have got into your account",
        ),
        AccountEvent::AccountUnlocked => (
            format!("Your {org} account was unlocked"),
            format!("Your {org} account was unlocked with the self-service portal. Your password did not change."),
            "someone else may be trying to get into your account",
        ),
        AccountEvent::MethodAdded(label) => (
            format!("A recovery method was added to your {org} account"),
            format!("A new way to prove it is you was added to your {org} account: {label}."),
            "someone else may be trying to take over your account",
        ),
        AccountEvent::MethodRemoved(label) => (
            format!("A recovery method was removed from your {org} account"),
            format!("A way to prove it is you was removed from your {org} account: {label}."),
            "someone else may be trying to take over your account",
        ),
    };
    notice(Notice {
        org,
        url: n.url,
        to: n.to,
        display_name: n.display_name,
        when_utc: n.when_utc,
        source_ip: n.source_ip,
        subject,
        happened,
        if_not_you,
        disown_url: n.disown_url,
    })
}

/// What every notice says: what happened, when, from where, and what to do if it wasn't you.
struct Notice<'a> {
    org: &'a str,
    url: &'a str,
    to: &'a str,
    display_name: &'a str,
    when_utc: i64,
    source_ip: Option<&'a str>,
    subject: String,
    /// One or two sentences, plain text (escaped for HTML here).
    happened: String,
    /// Completes "If this wasn't you, …: contact your helpdesk".
    if_not_you: &'static str,
    disown_url: Option<&'a str>,
}

fn notice(n: Notice<'_>) -> Mail {
    let greeting = match n.display_name.trim() {
        "" => "Hello,".to_owned(),
        name => format!("Hello {},", one_line(name)),
    };
    let when = human_time(n.when_utc);
    let from = match n.source_ip.map(str::trim).filter(|ip| !ip.is_empty()) {
        Some(ip) => one_line(ip),
        None => "an unknown address".to_owned(),
    };
    let Notice { org, url, if_not_you, .. } = n;
    let disown_text = match n.disown_url {
        Some(link) => format!(
            "If this wasn't you, stop self-service for your account at once by opening this link \
             (it works once): {link}\n\n"
        ),
        None => String::new(),
    };
    let text = format!(
        "{greeting}\n\n\
         {happened}\n\n\
         When: {when}\n\
         From: {from}\n\n\
         If this was you, there is nothing more to do.\n\n\
         {disown_text}\
         If this wasn't you, {if_not_you}: contact your helpdesk straight away and tell them \
         about this mail. The self-service portal is at {url}\n\n\
         {org}\n",
        happened = n.happened,
    );
    let disown_html = match n.disown_url {
        Some(link) => format!(
            "<p><strong>This wasn't me:</strong> <a href=\"{}\">stop self-service for my account</a> \
             (the link works once).</p>\n",
            escape(&safe_link(link))
        ),
        None => String::new(),
    };
    let html = page(
        org,
        &format!(
            "<p>{greeting}</p>\n\
             <p>{happened}</p>\n\
             <table role=\"presentation\" style=\"border-collapse:collapse;margin:16px 0\">\n\
             <tr><td style=\"padding:2px 16px 2px 0;color:#555\">When</td><td>{when}</td></tr>\n\
             <tr><td style=\"padding:2px 16px 2px 0;color:#555\">From</td><td>{from}</td></tr>\n\
             </table>\n\
             <p>If this was you, there is nothing more to do.</p>\n\
             {disown_html}\
             <p><strong>If this wasn't you</strong>, {if_not_you}: contact your helpdesk straight away and \
             tell them about this mail. The self-service portal is at <a href=\"{url_attr}\">{url_text}</a>.</p>\n",
            greeting = escape(&greeting),
            happened = escape(&n.happened),
            when = escape(&when),
            from = escape(&from),
            url_attr = escape(&safe_link(url)),
            url_text = escape(url),
        ),
    );
    Mail { to: vec![n.to.to_owned()], subject: one_line(&n.subject), text, html }
}

/// The shared frame around an HTML body: inline styles only, as mail clients require.
fn page(org: &str, body: &str) -> String {
    let org = escape(org);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>{org}</title></head>\n\
         <body style=\"margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5\">\n\
         <div style=\"max-width:560px\">\n{body}<p style=\"color:#555;margin-top:24px\">{org}</p>\n</div>\n</body>\n</html>\n"
    )
}

/// `when` as people read it: "Wednesday 25 November 2026, 06:04 UTC".
pub fn human_time(when_utc: i64) -> String {
    match time::OffsetDateTime::from_unix_timestamp(when_utc) {
        Ok(t) => {
            format!("{} {} {} {}, {:02}:{:02} UTC", t.weekday(), t.day(), t.month(), t.year(), t.hour(), t.minute())
        }
        Err(_) => "an unknown time".to_owned(),
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Only http(s) URLs become links; anything else (`javascript:`, …) links nowhere.
fn safe_link(url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") { url.to_owned() } else { "#".to_owned() }
}

/// Text on one line: control characters become spaces, length is capped.
fn one_line(s: &str) -> String {
    s.chars().take(200).map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "Example Corp";
    const URL: &str = "https://password.example.test";
    // Wednesday 25 November 2026 06:04:05 UTC
    const WHEN: i64 = 1_795_586_645;

    fn to<'a>(address: &'a str, display_name: &'a str, source_ip: Option<&'a str>) -> NoticeTo<'a> {
        NoticeTo { org: ORG, url: URL, to: address, display_name, when_utc: WHEN, source_ip, disown_url: None }
    }

    #[test]
    fn a_code_mail_says_what_the_code_is_for_and_when_it_expires() {
        let mail = code(ORG, "alice@example.test", &SecretString::from("493817"), CodePurpose::Reset, 10);
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
            let mail = code(ORG, "a@example.test", &SecretString::from("493817"), purpose, 10);
            assert!(!mail.subject.contains("493817"));
            assert!(mail.text.contains(purpose.action()));
        }
    }

    #[test]
    fn the_code_is_the_first_long_run_of_digits_in_the_text() {
        let mail = code("Org 2024123", "a@example.test", &SecretString::from("0012345678"), CodePurpose::Unlock, 15);
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
            assert!(body.contains("If this wasn't you"));
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
            org: "<b>Org</b>",
            url: "javascript:alert(1)",
            to: "a@example.test",
            display_name: "<script>alert('x')</script> & \"friends\"",
            when_utc: WHEN,
            source_ip: Some("<img src=x onerror=alert(1)>"),
            disown_url: Some("javascript:alert(2)"),
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
