//! The portal's languages in the configuration: `server.default_lang` (with its deprecated
//! alias `branding.default_language`) and `kiosk.lang`.

use super::Config;
use crate::i18n::Lang;

impl Config {
    /// The language for people whose browser asks for none we speak: `server.default_lang`,
    /// else the deprecated `branding.default_language`, else English.
    pub fn default_lang(&self) -> Lang {
        self.default_lang_setting().and_then(|(_, code)| Lang::parse(code)).unwrap_or_default()
    }

    /// A kiosk's own language (`kiosk.lang`), which beats its browser's Accept-Language and
    /// which every new visit starts in; `None`: as elsewhere.
    pub fn kiosk_lang(&self) -> Option<Lang> {
        self.kiosk.lang.as_deref().and_then(Lang::parse)
    }

    /// The key that sets the default language and its value, if either is set.
    fn default_lang_setting(&self) -> Option<(&'static str, &str)> {
        match (&self.server.default_lang, &self.branding.default_language) {
            (Some(code), _) => Some(("server.default_lang", code)),
            (None, Some(code)) => Some(("branding.default_language", code)),
            (None, None) => None,
        }
    }
}

/// Each language key names one of ours; the default is set once, or twice the same.
pub(super) fn validate(config: &Config, err: &mut impl FnMut(&str, String)) {
    if let Some(code) = &config.server.default_lang {
        expected("server.default_lang", code, err);
    }
    if let Some(code) = &config.branding.default_language {
        expected("branding.default_language", code, err);
    }
    if let (Some(new), Some(old)) = (&config.server.default_lang, &config.branding.default_language)
        && Lang::parse(new) != Lang::parse(old)
    {
        err(
            "server.default_lang",
            format!(
                "is {new:?} but the deprecated branding.default_language is {old:?}; \
                 remove branding.default_language"
            ),
        );
    }
    if let Some(code) = &config.kiosk.lang {
        expected("kiosk.lang", code, err);
    }
}

fn expected(key: &str, code: &str, err: &mut impl FnMut(&str, String)) {
    if Lang::parse(code).is_none() {
        err(key, format!("expected one of {}, got {code:?}", Lang::codes()));
    }
}

/// The deprecated key in use, if it is: for a warning at start-up.
pub fn deprecated_key_in_use(config: &Config) -> Option<&'static str> {
    config.branding.default_language.as_ref().map(|_| "branding.default_language")
}
