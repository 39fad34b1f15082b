//! The helpdesk's contact (`[contact]`, already in the mail's language) as a mail shows it,
//! under the sentence that tells the person to contact the helpdesk: the same name, labels
//! and values as the pages' `helpdesk` macro (templates/macros.html), as plain text and as
//! HTML. Every value is the admin's plain text, escaped here for HTML.

use super::html::escape;
use crate::config::Contact;
use crate::i18n::Lang;

/// One way to reach the helpdesk: its label in the mail's language, the value, and where a
/// link to it goes (none for hours and location).
type Line<'a> = (String, &'a str, Option<String>);

/// The contact's heading and its lines, in `lang`.
fn lines(lang: Lang, c: &Contact) -> (String, Vec<Line<'_>>) {
    let heading = if c.name.is_empty() { lang.t("contact-title") } else { c.name.clone() };
    let fields = [
        ("contact-phone", c.phone.as_str(), Some(format!("tel:{}", c.tel()))),
        ("contact-email", c.email.as_str(), Some(format!("mailto:{}", c.email))),
        ("contact-hours", c.hours.as_str(), None),
        ("contact-location", c.location.as_str(), None),
        // Config validation lets only http(s) addresses through.
        ("contact-url", c.url.as_str(), Some(c.url.clone())),
    ];
    let lines = fields
        .into_iter()
        .filter(|(_, value, _)| !value.is_empty())
        .map(|(key, value, link)| (lang.t(key), value, link))
        .collect();
    (heading, lines)
}

/// "Helpdesk" and a line per way to reach it, then a blank line; empty without a contact.
pub(super) fn text(lang: Lang, contact: Option<&Contact>) -> String {
    let Some(c) = contact else { return String::new() };
    let (heading, lines) = lines(lang, c);
    let mut out = format!("{heading}\n");
    for (label, value, _) in lines {
        out.push_str(&format!("{label}: {value}\n"));
    }
    out.push('\n');
    out
}

/// The same as `text`, as an HTML block with inline styles (mail clients drop style sheets).
pub(super) fn html(lang: Lang, contact: Option<&Contact>) -> String {
    let Some(c) = contact else { return String::new() };
    let (heading, lines) = lines(lang, c);
    let rows: String = lines
        .into_iter()
        .map(|(label, value, link)| {
            let value = match link {
                Some(href) => format!("<a href=\"{}\">{}</a>", escape(&href), escape(value)),
                None => escape(value),
            };
            format!(
                "<tr><td style=\"padding:2px 16px 2px 0;color:#555\">{}</td><td>{value}</td></tr>\n",
                escape(&label)
            )
        })
        .collect();
    format!(
        "<p style=\"margin-bottom:4px\"><strong>{}</strong></p>\n\
         <table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px 0\">\n{rows}</table>\n",
        escape(&heading)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact() -> Contact {
        Contact {
            name: "IT <Service> Desk".into(),
            phone: "+49 30 1234-5678".into(),
            email: "help@example.test".into(),
            hours: "Mo–Fr 8–18".into(),
            url: "https://help.example.test/?a=1&b=2".into(),
            ..Contact::default()
        }
    }

    #[test]
    fn without_a_contact_a_mail_gets_nothing() {
        assert_eq!(text(Lang::En, None), "");
        assert_eq!(html(Lang::En, None), "");
    }

    #[test]
    fn the_text_names_each_configured_way_in_the_mails_language() {
        let t = text(Lang::De, Some(&contact()));
        assert!(t.starts_with("IT <Service> Desk\n"), "{t}");
        assert!(t.contains(&format!("{}: +49 30 1234-5678\n", Lang::De.t("contact-phone"))), "{t}");
        assert!(t.contains(&format!("{}: Mo–Fr 8–18\n", Lang::De.t("contact-hours"))), "{t}");
        assert!(!t.contains(&Lang::De.t("contact-location")), "no location configured: {t}");
        let unnamed = Contact { name: String::new(), ..contact() };
        assert!(text(Lang::Fr, Some(&unnamed)).starts_with(&format!("{}\n", Lang::Fr.t("contact-title"))));
    }

    #[test]
    fn the_html_escapes_the_values_and_links_phone_mail_and_web() {
        let h = html(Lang::En, Some(&contact()));
        assert!(h.contains("IT &lt;Service&gt; Desk") && !h.contains("<Service>"), "{h}");
        assert!(h.contains(r#"<a href="tel:+493012345678">+49 30 1234-5678</a>"#), "{h}");
        assert!(h.contains(r#"<a href="mailto:help@example.test">"#), "{h}");
        assert!(h.contains(r#"<a href="https://help.example.test/?a=1&amp;b=2">"#), "{h}");
    }
}
