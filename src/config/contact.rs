//! `[contact]`: who people call when self-service cannot help (the organisation's helpdesk).
//! Shown wherever a page says "contact the helpdesk"; without it those pages say only that.
//!
//! Every value is plain text shown as it is written, so the checks keep it short and on one
//! line; nothing here is a secret.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How to reach the helpdesk, with optional wording per language (`[contact.lang.de]`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct ContactConfig {
    /// What people call it, e.g. "IT Service Desk". Empty: the page's word for the helpdesk.
    pub name: String,
    /// A phone number as people dial it, e.g. "+49 30 1234 5678" (digits, spaces, + - ( ) / .).
    pub phone: String,
    /// An email address for the helpdesk.
    pub email: String,
    /// When someone answers, e.g. "Monday to Friday, 8:00 to 18:00".
    pub hours: String,
    /// Where to go in person, e.g. "Building A, room 0.12".
    pub location: String,
    /// A web page (https://…) with more help or a ticket form. Not linked on a kiosk.
    pub url: String,
    /// Wording for one language: any of the keys above, used instead of them in that language.
    pub lang: BTreeMap<String, ContactText>,
}

/// The keys of `[contact]` that one language may word differently.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct ContactText {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub hours: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
}

/// The helpdesk's contact in one language, every field resolved: a `[contact]` without
/// per-language wording.
pub type Contact = ContactConfig;

impl Contact {
    /// The phone number as a `tel:` link target (digits and a leading +).
    pub fn tel(&self) -> String {
        self.phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
    }
}

impl ContactConfig {
    /// Whether any way to reach the helpdesk is configured.
    pub fn is_set(&self) -> bool {
        [&self.phone, &self.email, &self.hours, &self.location, &self.url].iter().any(|v| !v.is_empty())
            || self.lang.values().any(|t| {
                [&t.phone, &t.email, &t.hours, &t.location, &t.url]
                    .iter()
                    .any(|v| v.as_ref().is_some_and(|v| !v.is_empty()))
            })
    }

    /// The contact in `lang` (a language code), falling back key by key to the shared values;
    /// `None` when nothing is configured.
    pub fn for_lang(&self, lang: &str) -> Option<Contact> {
        if !self.is_set() {
            return None;
        }
        let own = self.lang.get(lang);
        let pick = |shared: &String, f: fn(&ContactText) -> &Option<String>| {
            own.and_then(|t| f(t).clone()).unwrap_or_else(|| shared.clone())
        };
        Some(Contact {
            name: pick(&self.name, |t| &t.name),
            phone: pick(&self.phone, |t| &t.phone),
            email: pick(&self.email, |t| &t.email),
            hours: pick(&self.hours, |t| &t.hours),
            location: pick(&self.location, |t| &t.location),
            url: pick(&self.url, |t| &t.url),
            lang: BTreeMap::new(),
        })
    }

    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        let shared = ContactText {
            name: Some(self.name.clone()),
            phone: Some(self.phone.clone()),
            email: Some(self.email.clone()),
            hours: Some(self.hours.clone()),
            location: Some(self.location.clone()),
            url: Some(self.url.clone()),
        };
        check_text("contact", &shared, err);
        for (code, text) in &self.lang {
            let prefix = format!("contact.lang.{code}");
            if crate::i18n::Lang::parse(code).is_none_or(|l| l.code() != code) {
                err(&prefix, format!("{code:?} is not a language code rekey speaks (e.g. de, fr)"));
            }
            check_text(&prefix, text, err);
        }
    }
}

/// The checks of each value, under `prefix` (`contact` or `contact.lang.de`).
fn check_text(prefix: &str, t: &ContactText, err: &mut impl FnMut(&str, String)) {
    let fields = [
        ("name", &t.name),
        ("phone", &t.phone),
        ("email", &t.email),
        ("hours", &t.hours),
        ("location", &t.location),
        ("url", &t.url),
    ];
    for (key, value) in fields {
        let Some(value) = value.as_deref().filter(|v| !v.is_empty()) else { continue };
        let path = format!("{prefix}.{key}");
        if value.chars().count() > 200 || value.chars().any(char::is_control) || value.trim() != value {
            err(&path, "expected one line of at most 200 characters, without spaces at either end".into());
            continue;
        }
        match key {
            "phone"
                if !value.chars().all(|c| c.is_ascii_digit() || " +-()/.".contains(c))
                    || !value.chars().any(|c| c.is_ascii_digit()) =>
            {
                err(&path, format!("expected a phone number like \"+49 30 1234 5678\", got {value:?}"))
            }
            "email" if value.parse::<lettre::Address>().is_err() => {
                err(&path, format!("expected an email address like helpdesk@example.com, got {value:?}"))
            }
            "url"
                if !url::Url::parse(value)
                    .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some()) =>
            {
                err(&path, format!("expected an https:// address, got {value:?}"))
            }
            _ => {}
        }
    }
}
