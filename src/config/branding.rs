//! `[branding]`: the organisation's logo and colour (and the deprecated default language).

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
}

impl Default for BrandingConfig {
    fn default() -> Self {
        BrandingConfig { accent_colour: "#1f5fbf".into(), logo_file: None, default_language: None }
    }
}

impl BrandingConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if let Err(message) = accent_colour(&self.accent_colour) {
            err("branding.accent_colour", message);
        }
        if let Some(path) = &self.logo_file {
            match std::fs::metadata(path) {
                Ok(m) if m.len() > 256 * 1024 => {
                    err("branding.logo_file", format!("{} is larger than 256 KiB", path.display()))
                }
                Ok(_) if logo_type(path).is_none() => {
                    err("branding.logo_file", format!("{} is not a .png or .svg file", path.display()))
                }
                Ok(_) => {}
                Err(e) => err("branding.logo_file", format!("cannot read {}: {e}", path.display())),
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

/// The content type of a logo file, from its extension.
pub fn logo_type(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "png" => Some("image/png"),
        "svg" => Some("image/svg+xml"),
        _ => None,
    }
}
