//! Every word a person reads comes from a Fluent catalogue under `locales/<lang>/`, compiled
//! into the binary. The language is chosen per request and passed to each lookup: there is no
//! process-wide "current language".
//!
//! English is the reference catalogue; a test fails when another language lacks one of its
//! messages or uses different variables, and when code or a template names a message English
//! does not have.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, PoisonError, RwLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader as _};
use serde::{Deserialize, Serialize};
use unic_langid::langid;

mod wording;
pub use wording::{Wording, check as check_overrides, with_wording};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // No Unicode isolation marks around values: they would show in mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages rekey speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Nl,
    Es,
    It,
    Pl,
    Pt,
    Sv,
}

static EN: LanguageIdentifier = langid!("en");
static DE: LanguageIdentifier = langid!("de");
static FR: LanguageIdentifier = langid!("fr");
static NL: LanguageIdentifier = langid!("nl");
static ES: LanguageIdentifier = langid!("es");
static IT: LanguageIdentifier = langid!("it");
static PL: LanguageIdentifier = langid!("pl");
static PT: LanguageIdentifier = langid!("pt");
static SV: LanguageIdentifier = langid!("sv");

impl Lang {
    pub const ALL: [Lang; 9] =
        [Lang::En, Lang::De, Lang::Fr, Lang::Nl, Lang::Es, Lang::It, Lang::Pl, Lang::Pt, Lang::Sv];

    /// The codes of [`Lang::ALL`], for config errors: "en, de, fr, …".
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    /// The BCP 47 tag, as used in `?lang=`, the cookie and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Nl => "nl",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pl => "pl",
            Lang::Pt => "pt",
            Lang::Sv => "sv",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Nl => "Nederlands",
            Lang::Es => "Español",
            Lang::It => "Italiano",
            Lang::Pl => "Polski",
            Lang::Pt => "Português",
            Lang::Sv => "Svenska",
        }
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
            Lang::Nl => &NL,
            Lang::Es => &ES,
            Lang::It => &IT,
            Lang::Pl => &PL,
            Lang::Pt => &PT,
            Lang::Sv => &SV,
        }
    }

    /// A language tag such as `de`, `de-AT` or `FR`; `None` for anything we do not speak.
    pub fn parse(tag: &str) -> Option<Lang> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        Lang::ALL.into_iter().find(|l| l.id().language == id.language)
    }

    /// The best of our languages for an Accept-Language header, if any is acceptable.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let requested = fluent_langneg::parse_accepted_languages(header);
        let available: Vec<LanguageIdentifier> = Lang::ALL.iter().map(|l| l.id().clone()).collect();
        let best = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        best.first().and_then(|id| Lang::ALL.into_iter().find(|l| l.id() == *id))
    }

    /// The message `key`. A key missing from this language falls back to English; one
    /// missing from English too (a bug the catalogue test catches) shows the key.
    pub fn t(self, key: &str) -> String {
        self.lookup(key, None)
    }

    /// The message `key` with named values.
    pub fn t_with(self, key: &str, args: &[(&'static str, Arg<'_>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> =
            args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.to_fluent())).collect();
        self.lookup(key, Some(&map))
    }

    fn lookup(self, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'_>>>) -> String {
        if let Some(text) = wording::lookup(self, key, args) {
            return text;
        }
        let text = match args {
            None => self.plain(key),
            Some(_) => LOCALES.try_lookup_complete(self.id(), key, args),
        };
        text.unwrap_or_else(|| {
            tracing::error!(key, lang = self.code(), "message missing from every catalogue");
            key.to_owned()
        })
    }
}

/// Our catalogues' messages looked up without values, as Fluent formatted them the first
/// time, per language: a page names dozens of them, and formatting each on every view cost a
/// tenth of a page view's CPU. Only messages the catalogues have are kept, so the map holds
/// at most the catalogue, whatever keys are asked for. The organisation's own wording is
/// looked up before this (`Lang::lookup`), so it still wins.
static PLAIN: LazyLock<[RwLock<Formatted>; Lang::ALL.len()]> =
    LazyLock::new(|| std::array::from_fn(|_| RwLock::default()));

/// One language's messages as formatted, by key.
type Formatted = HashMap<Box<str>, Box<str>>;

impl Lang {
    /// The message `key` without values, from the catalogues (through [`PLAIN`]); `None` when
    /// no catalogue has it.
    fn plain(self, key: &str) -> Option<String> {
        let cache = &PLAIN[self as usize];
        if let Some(text) = cache.read().unwrap_or_else(PoisonError::into_inner).get(key) {
            return Some(String::from(&**text));
        }
        let text = LOCALES.try_lookup_complete(self.id(), key, None)?;
        cache.write().unwrap_or_else(PoisonError::into_inner).insert(key.into(), text.as_str().into());
        Some(text)
    }
}

/// A value for a message variable.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(i64),
}

impl Arg<'_> {
    fn to_fluent(self) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.to_owned()),
            Arg::Num(n) => FluentValue::from(n),
        }
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s)
    }
}

macro_rules! num_arg {
    ($($t:ty),*) => { $(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self { Arg::Num(i64::try_from(n).unwrap_or(i64::MAX)) }
        }
        impl ToArg for $t {
            fn to_arg(&self) -> Arg<'_> { Arg::from(*self) }
        }
    )* };
}
num_arg!(i64, u64, u32, u16, u8, usize, i32);

/// Anything a template may pass as a message value, by value or by reference.
pub trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Str(self)
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Str(self)
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
}

/// "Wednesday 25 November 2026, 06:04 UTC" in `lang`, as the clock reads in `zone`
/// (`server.time_zone`), named by its abbreviation ("07:04 CET").
pub fn human_time(lang: Lang, zone: &jiff::tz::TimeZone, when_utc: i64) -> String {
    match jiff::Timestamp::from_second(when_utc) {
        Ok(ts) => {
            let t = zone.to_datetime(ts);
            let info = zone.to_offset_info(ts);
            let abbreviation = info.abbreviation();
            // Zones without a letter abbreviation get "+03"; "UTC+03" reads better.
            let zone_name = if abbreviation.starts_with(['+', '-']) {
                format!("UTC{abbreviation}")
            } else {
                abbreviation.to_owned()
            };
            lang.t_with(
                "date-time",
                &[
                    ("weekday", Arg::Str(&lang.t(&format!("weekday-{}", t.weekday().to_monday_one_offset())))),
                    ("day", Arg::Num(i64::from(t.day()))),
                    ("month", Arg::Str(&lang.t(&format!("month-{}", t.month())))),
                    ("year", Arg::Num(i64::from(t.year()))),
                    ("time", Arg::Str(&format!("{:02}:{:02}", t.hour(), t.minute()))),
                    ("zone", Arg::Str(&zone_name)),
                ],
            )
        }
        Err(_) => lang.t("date-unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    /// For each message: the variables and the other messages it uses.
    type Catalogue = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

    fn catalogue(lang: Lang) -> Catalogue {
        let path = format!("{}/locales/{}/main.ftl", env!("CARGO_MANIFEST_DIR"), lang.code());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{path} does not parse: {errors:?}"));
        let mut out = Catalogue::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut uses = (BTreeSet::new(), BTreeSet::new());
                    if let Some(p) = &m.value {
                        pattern_uses(p, &mut uses);
                    }
                    assert!(out.insert(m.id.name.to_owned(), uses).is_none(), "{path}: {} twice", m.id.name);
                }
                ast::Entry::Junk { content } => panic!("{path}: cannot read {content:?}"),
                _ => {}
            }
        }
        out
    }

    fn pattern_uses(p: &ast::Pattern<&str>, uses: &mut (BTreeSet<String>, BTreeSet<String>)) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_uses(expression, uses);
            }
        }
    }

    fn expression_uses(e: &ast::Expression<&str>, uses: &mut (BTreeSet<String>, BTreeSet<String>)) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_uses(selector, uses);
                for v in variants {
                    pattern_uses(&v.value, uses);
                }
            }
            ast::Expression::Inline(inline) => inline_uses(inline, uses),
        }
    }

    fn inline_uses(e: &ast::InlineExpression<&str>, uses: &mut (BTreeSet<String>, BTreeSet<String>)) {
        match e {
            ast::InlineExpression::VariableReference { id } => {
                uses.0.insert(id.name.to_owned());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                uses.1.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_uses(expression, uses),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_english_message_with_the_same_variables() {
        let english = catalogue(Lang::En);
        assert!(english.len() > 200, "the English catalogue looks truncated");
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let other = catalogue(lang);
            for (key, uses) in &english {
                let theirs = other.get(key).unwrap_or_else(|| panic!("{}: message {key} is missing", lang.code()));
                assert_eq!(&theirs.0, &uses.0, "{}: {key} uses other variables than English", lang.code());
                assert_eq!(&theirs.1, &uses.1, "{}: {key} refers to other messages than English", lang.code());
            }
            for key in other.keys() {
                assert!(english.contains_key(key), "{}: {key} is not an English message", lang.code());
            }
        }
    }

    /// Literals in the code shaped like message keys that are something else.
    const NOT_MESSAGES: &[&str] = &[
        // Rate-limit scopes (flow/enrol.rs).
        "confirm-email",
        "confirm-sms",
    ];

    /// Every message a template or the code names must exist in English.
    #[test]
    fn every_message_named_in_templates_and_code_exists() {
        let english = catalogue(Lang::En);
        let root = env!("CARGO_MANIFEST_DIR");
        let mut files = Vec::new();
        for dir in ["templates", "src"] {
            let mut stack = vec![std::path::PathBuf::from(format!("{root}/{dir}"))];
            while let Some(d) = stack.pop() {
                for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
                    let path = entry.path();
                    if path.is_dir() {
                        stack.push(path);
                    } else if path.extension().is_some_and(|e| e == "html" || e == "rs") {
                        files.push(path);
                    }
                }
            }
        }
        let mut named = 0;
        // Keys kept in constants and tables ("error-csrf", "policy-in-history", …): any string
        // literal in the code that starts like a family of English messages must be one.
        let families: BTreeSet<&str> = english.keys().filter_map(|k| k.split_once('-').map(|(f, _)| f)).collect();
        for path in files.iter().filter(|p| !p.ends_with("i18n.rs")) {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let speaks = ["/src/web/", "/src/flow/", "/src/notify/", "/src/directory/mod.rs"]
                .iter()
                .any(|dir| path.to_string_lossy().contains(dir));
            if speaks {
                for literal in text.split('"').skip(1).step_by(2) {
                    let looks_like_key = literal.len() > 3
                        && literal.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                        && literal.split_once('-').is_some_and(|(f, rest)| families.contains(f) && !rest.is_empty());
                    if looks_like_key && !english.contains_key(literal) && !NOT_MESSAGES.contains(&literal) {
                        panic!(
                            "{}: {literal:?} looks like a message key but English has no such message",
                            path.display()
                        );
                    }
                }
            }
            // Calls such as t("key"), t1("key", …), t_with("key", …).
            for call in ["t(\"", "t1(\"", "t2(\"", "t_with(\""] {
                for (at, _) in text.match_indices(call) {
                    let before = text[..at].chars().last();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &text[at + call.len()..];
                    let key = &rest[..rest.find('"').unwrap_or(0)];
                    if key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !key.is_empty()
                    {
                        named += 1;
                        assert!(english.contains_key(key), "{}: no English message {key}", path.display());
                    }
                }
            }
        }
        assert!(named > 150, "found only {named} message names; has the way templates name them changed?");
    }

    #[test]
    fn a_message_looked_up_again_reads_as_fluent_formats_it() {
        for lang in Lang::ALL {
            for key in catalogue(lang).keys() {
                // A message that needs values Fluent does not format without them: the key shows.
                let fluent = LOCALES.try_lookup_complete(lang.id(), key, None).unwrap_or_else(|| key.clone());
                assert_eq!(lang.t(key), fluent, "{} {key}, first lookup", lang.code());
                assert_eq!(lang.t(key), fluent, "{} {key}, from the cache", lang.code());
            }
        }
        // A key no catalogue has is shown as the key, and not kept.
        assert_eq!(Lang::En.t("no-such-message-anywhere"), "no-such-message-anywhere");
        let cache = PLAIN[Lang::En as usize].read().unwrap();
        assert!(!cache.contains_key("no-such-message-anywhere"));
    }

    #[test]
    fn tags_and_headers_choose_a_language() {
        assert_eq!(Lang::parse("de"), Some(Lang::De));
        assert_eq!(Lang::parse("FR-be"), Some(Lang::Fr));
        assert_eq!(Lang::parse("pt"), Some(Lang::Pt));
        assert_eq!(Lang::parse("ja"), None);
        assert_eq!(Lang::parse("<script>"), None);
        assert_eq!(Lang::from_accept_language("nl-BE,nl;q=0.9,en;q=0.8"), Some(Lang::Nl));
        assert_eq!(Lang::from_accept_language("pt-BR,es;q=0.5"), Some(Lang::Pt));
        assert_eq!(Lang::from_accept_language("pt-PT,pt;q=0.9"), Some(Lang::Pt));
        assert_eq!(Lang::from_accept_language("sv-SE"), Some(Lang::Sv));
        assert_eq!(Lang::from_accept_language("it-CH,fr;q=0.5"), Some(Lang::It));
        assert_eq!(Lang::from_accept_language("pl"), Some(Lang::Pl));
        assert_eq!(Lang::from_accept_language("ja-JP,ko;q=0.5"), None);
        assert_eq!(Lang::codes(), "en, de, fr, nl, es, it, pl, pt, sv");
        assert_eq!(Lang::from_accept_language(""), None);
    }

    #[test]
    fn numbers_choose_plural_forms() {
        let one = Lang::En.t_with("code-tries-left", &[("count", 1_u32.into())]);
        let two = Lang::En.t_with("code-tries-left", &[("count", 2_u32.into())]);
        assert!(one.contains("1 more try"), "{one}");
        assert!(two.contains("2 more tries"), "{two}");
        // Polish: one, few (2–4, 22–24 …) and many.
        let pl = |n: u32| Lang::Pl.t_with("kiosk-idle-seconds", &[("seconds", n.into())]);
        assert!(pl(1).contains("1 sekunda"), "{}", pl(1));
        assert!(pl(3).contains("3 sekundy"), "{}", pl(3));
        assert!(pl(5).contains("5 sekund"), "{}", pl(5));
        assert!(pl(22).contains("22 sekundy"), "{}", pl(22));
    }

    #[test]
    fn dates_read_naturally() {
        // 2026-11-25 06:04 UTC, a Wednesday.
        let utc = jiff::tz::TimeZone::UTC;
        assert_eq!(human_time(Lang::En, &utc, 1_795_586_640), "Wednesday 25 November 2026, 06:04 UTC");
        assert!(human_time(Lang::De, &utc, 1_795_586_640).contains("Mittwoch"));
    }

    #[test]
    fn dates_read_in_the_configured_zone() {
        let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
        assert_eq!(human_time(Lang::En, &berlin, 1_795_586_640), "Wednesday 25 November 2026, 07:04 CET");
        // Summer time, and a day that changes with the zone.
        let summer = 1_782_860_400; // 2026-06-30 23:00 UTC
        assert_eq!(human_time(Lang::En, &berlin, summer), "Wednesday 1 July 2026, 01:00 CEST");
        let kolkata = jiff::tz::TimeZone::get("Asia/Kolkata").unwrap();
        assert!(
            human_time(Lang::En, &kolkata, 1_795_586_640).ends_with("11:34 IST"),
            "{}",
            human_time(Lang::En, &kolkata, 1_795_586_640)
        );
    }

    #[test]
    fn override_files_with_unknown_ids_are_refused_by_name() {
        assert!(check_overrides("home-title = Reset your password\n").is_empty());
        let problems = check_overrides("home-title = Hi\nno-such-message = x\n");
        assert_eq!(problems, vec!["unknown message id \"no-such-message\"".to_owned()]);
        assert!(!check_overrides("home-title = { \n").is_empty());
    }

    #[tokio::test]
    async fn a_portal_wording_replaces_ours_only_inside_its_requests() {
        let ours = Lang::En.t("home-title");
        let wording =
            std::sync::Arc::new(Wording::new([(Lang::En, "home-title = Forgot it? Start here\n".to_owned())]));
        let inside = with_wording(wording, async { (Lang::En.t("home-title"), Lang::De.t("home-title")) }).await;
        assert_eq!(inside.0, "Forgot it? Start here");
        assert_eq!(inside.1, Lang::De.t("home-title"), "other languages keep ours");
        assert_eq!(Lang::En.t("home-title"), ours);
    }
}
