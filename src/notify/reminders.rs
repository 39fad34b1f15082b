//! The scheduler's mails: a reminder that a password expires soon (with links to change it
//! and, if forgotten, to reset it) and a nudge to register recovery methods. Same frame and
//! escaping as `messages.rs`; every word from the catalogue in the person's language.

use super::Mail;
use super::messages::{escape, one_line, page, safe_link};
use crate::i18n::{Arg, Lang};

/// Who a scheduler mail goes to.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub lang: Lang,
    pub org: &'a str,
    pub to: &'a str,
    pub display_name: &'a str,
}

impl Recipient<'_> {
    fn greeting(&self) -> String {
        match self.display_name.trim() {
            "" => self.lang.t("mail-hello"),
            name => self.lang.t_with("mail-hello-name", &[("name", Arg::Str(&one_line(name)))]),
        }
    }
}

/// A link on its own line in the text version, and as a paragraph in the HTML one (left out
/// there when it is not http(s)).
fn link_html(url: &str) -> String {
    match safe_link(url).as_str() {
        "#" => String::new(),
        safe => format!("<p><a href=\"{}\">{}</a></p>\n", escape(safe), escape(url)),
    }
}

/// The password expires in `days` days, at `when` (as people read it).
pub fn expiry_reminder(r: &Recipient<'_>, days: u32, when: &str, change_url: &str, reset_url: &str) -> Mail {
    let lang = r.lang;
    let org = Arg::Str(r.org);
    let subject = lang.t_with("mail-expiry-subject", &[("org", org), ("days", Arg::from(u64::from(days)))]);
    let body = lang.t_with("mail-expiry-body", &[("org", Arg::Str(r.org)), ("when", Arg::Str(when))]);
    let (change, forgot, why) = (lang.t("mail-expiry-change"), lang.t("mail-expiry-forgot"), lang.t("mail-expiry-why"));
    let greeting = r.greeting();
    let text = format!(
        "{greeting}\n\n{body}\n\n{change}\n    {change_url}\n\n{forgot}\n    {reset_url}\n\n{why}\n\n{}\n",
        r.org
    );
    let html = page(
        lang,
        r.org,
        &format!(
            "<p>{}</p>\n<p>{}</p>\n<p>{}</p>\n{}<p>{}</p>\n{}<p style=\"color:#555\">{}</p>\n",
            escape(&greeting),
            escape(&body),
            escape(&change),
            link_html(change_url),
            escape(&forgot),
            link_html(reset_url),
            escape(&why)
        ),
    );
    Mail { to: vec![r.to.to_owned()], subject: one_line(&subject), text, html }
}

/// A nudge to register recovery methods.
pub fn registration_nudge(r: &Recipient<'_>, register_url: &str) -> Mail {
    let lang = r.lang;
    let orgs = [("org", Arg::Str(r.org))];
    let subject = lang.t_with("mail-nudge-subject", &orgs);
    let body = lang.t_with("mail-nudge-body", &orgs);
    let (link, stop) = (lang.t("mail-nudge-link"), lang.t("mail-nudge-stop"));
    let greeting = r.greeting();
    let text = format!("{greeting}\n\n{body}\n\n{link}\n    {register_url}\n\n{stop}\n\n{}\n", r.org);
    let html = page(
        lang,
        r.org,
        &format!(
            "<p>{}</p>\n<p>{}</p>\n<p>{}</p>\n{}<p style=\"color:#555\">{}</p>\n",
            escape(&greeting),
            escape(&body),
            escape(&link),
            link_html(register_url),
            escape(&stop)
        ),
    );
    Mail { to: vec![r.to.to_owned()], subject: one_line(&subject), text, html }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_links_to_change_and_reset_and_escapes_the_name() {
        let r = Recipient { lang: Lang::En, org: "Example", to: "a@example.test", display_name: "<Ann>" };
        let mail = expiry_reminder(&r, 7, "Monday", "https://p.test/change", "https://p.test/reset");
        assert!(mail.subject.contains("7 days"), "{}", mail.subject);
        assert!(mail.text.contains("https://p.test/change") && mail.text.contains("https://p.test/reset"));
        assert!(mail.html.contains("&lt;Ann&gt;") && !mail.html.contains("<Ann>"));
        let de = expiry_reminder(&Recipient { lang: Lang::De, ..r }, 1, "Montag", "https://p.test/change", "#");
        assert_ne!(de.subject, mail.subject);
        assert!(!de.html.contains("href=\"#\""));
    }
}
