//! `[branding]`: the organisation's logo, colour, favicon, style sheet and wording (and the
//! deprecated default language). Files are read once at start-up; a missing or unreadable one
//! is a config error naming its key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How the portal looks: the organisation's logo and colour (its name is `server.organisation`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BrandingConfig {
    /// Buttons and links, as `#rrggbb`. It must contrast with white at least 4.5:1 (WCAG AA),
    /// because button text is white on it.
    pub accent_colour: String,
    /// A PNG or SVG file shown in the page header, read once at start-up (at most 256 KiB).
    pub logo_file: Option<PathBuf>,
    /// Deprecated alias of `server.default_lang` (checked with it, in `config::language`).
    pub default_language: Option<String>,
    /// A CSS file served after rekey's own style sheet, so its rules win (at most 256 KiB).
    pub custom_css_file: Option<PathBuf>,
    /// The browser tab's icon: a .png, .svg or .ico file (at most 256 KiB).
    pub favicon_file: Option<PathBuf>,
    /// Wording of your own, per language: a Fluent (.ftl) file of messages that replace ours
    /// with the same id, e.g. `en = "/etc/rekey/wording.en.ftl"`. Ids we do not have are refused.
    pub messages_files: BTreeMap<String, PathBuf>,
}

impl Default for BrandingConfig {
    fn default() -> Self {
        BrandingConfig {
            accent_colour: "#1f5fbf".into(),
            logo_file: None,
            default_language: None,
            custom_css_file: None,
            favicon_file: None,
            messages_files: BTreeMap::new(),
        }
    }
}

impl BrandingConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if let Err(message) = accent_colour(&self.accent_colour) {
            err("branding.accent_colour", message);
        }
        if let Some(path) = &self.logo_file
            && small_file("branding.logo_file", path, err)
            && logo_type(path).is_none()
        {
            err("branding.logo_file", format!("{} is not a .png or .svg file", path.display()))
        }
        if let Some(path) = &self.favicon_file
            && small_file("branding.favicon_file", path, err)
            && favicon_type(path).is_none()
        {
            err("branding.favicon_file", format!("{} is not a .png, .svg or .ico file", path.display()))
        }
        if let Some(path) = &self.custom_css_file
            && small_file("branding.custom_css_file", path, err)
            && std::fs::read_to_string(path).is_err()
        {
            err("branding.custom_css_file", format!("{} is not UTF-8 text", path.display()))
        }
        for (code, path) in &self.messages_files {
            let key = format!("branding.messages_files.{code}");
            if crate::i18n::Lang::parse(code).is_none_or(|l| l.code() != code) {
                err(&key, format!("{code:?} is not a language code rekey speaks (e.g. en, de)"));
                continue;
            }
            if !small_file(&key, path, err) {
                continue;
            }
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    for problem in crate::i18n::check_overrides(&text) {
                        err(&key, format!("{}: {problem}", path.display()));
                    }
                }
                Err(e) => err(&key, format!("cannot read {}: {e}", path.display())),
            }
        }
    }
}

/// The accent colour as RGB, if it is `#rrggbb` and white text on it is readable (4.5:1).
pub fn accent_colour(value: &str) -> Result<[u8; 3], String> {
    let hex = value.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()));
    let Some(hex) = hex else { return Err(format!("expected a colour like #1f5fbf, got {value:?}")) };
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
    let rgb = [byte(0), byte(2), byte(4)];
    let ratio = 1.05 / (relative_luminance(rgb) + 0.05);
    if ratio < 4.5 {
        return Err(format!(
            "white text on {value} has a contrast of {ratio:.1}:1; choose a darker colour (at least 4.5:1)"
        ));
    }
    Ok(rgb)
}

/// WCAG 2.x relative luminance of an sRGB colour.
pub fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// Whether the file at `path` can be read and is at most 256 KiB; if not, says so under `key`.
fn small_file(key: &str, path: &Path, err: &mut impl FnMut(&str, String)) -> bool {
    match std::fs::File::open(path).and_then(|f| f.metadata()) {
        Ok(m) if !m.is_file() => err(key, format!("{} is not a file", path.display())),
        Ok(m) if m.len() > 256 * 1024 => err(key, format!("{} is larger than 256 KiB", path.display())),
        Ok(_) => return true,
        Err(e) => err(key, format!("cannot read {}: {e}", path.display())),
    }
    false
}

/// The content type of a favicon file, from its extension.
pub fn favicon_type(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "ico" => Some("image/x-icon"),
        _ => logo_type(path),
    }
}

/// The content type of a logo file, from its extension.
pub fn logo_type(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "png" => Some("image/png"),
        "svg" => Some("image/svg+xml"),
        _ => None,
    }
}
