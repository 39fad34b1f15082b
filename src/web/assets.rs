//! Static files (CSS, icons, small scripts), embedded in the binary: nothing loads from
//! another origin.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::flow::Services;

#[derive(rust_embed::RustEmbed)]
#[folder = "static/"]
struct Assets;

pub async fn serve(Path(path): Path<String>) -> Response {
    match Assets::get(&path) {
        Some(file) => {
            let mime = match path.rsplit('.').next() {
                Some("css") => "text/css; charset=utf-8",
                Some("js") => "text/javascript; charset=utf-8",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                Some("ico") => "image/x-icon",
                _ => "application/octet-stream",
            };
            ([(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, "public, max-age=3600")], file.data).into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The organisation's accent colour as CSS custom properties (`branding.accent_colour`, checked
/// at start-up to contrast with white text).
pub async fn theme(State(services): State<Arc<Services>>) -> Response {
    let rgb = crate::config::accent_colour(&services.config.branding.accent_colour).unwrap_or([0x1f, 0x5f, 0xbf]);
    let dark = rgb.map(|c| (u16::from(c) * 3 / 4) as u8);
    let css = format!(
        ":root {{ --accent: #{:02x}{:02x}{:02x}; --accent-dark: #{:02x}{:02x}{:02x}; }}\n",
        rgb[0], rgb[1], rgb[2], dark[0], dark[1], dark[2]
    );
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=300")], css)
        .into_response()
}

/// The organisation's logo (`branding.logo_file`), read when the portal started.
pub async fn logo(Extension(branding): Extension<Arc<Branding>>) -> Response {
    match &branding.logo {
        Some((bytes, mime)) => {
            ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=3600")], bytes.clone())
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The organisation's favicon (`branding.favicon_file`), read when the portal started.
pub async fn favicon(Extension(branding): Extension<Arc<Branding>>) -> Response {
    match &branding.favicon {
        Some((bytes, mime)) => {
            ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=3600")], bytes.clone())
                .into_response()
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The organisation's style sheet (`branding.custom_css_file`), served after ours. Like
/// `theme.css` it comes from the configuration, so it is cached briefly.
pub async fn custom_css(Extension(branding): Extension<Arc<Branding>>) -> Response {
    match &branding.custom_css {
        Some(css) => (
            [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=300")],
            css.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Runs the request with the organisation's own wording (`branding.messages_files`).
pub async fn wording(
    Extension(branding): Extension<Arc<Branding>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    crate::i18n::with_wording(branding.wording.clone(), next.run(req)).await
}

/// Branding files loaded at start-up.
#[derive(Debug, Default)]
pub struct Branding {
    pub logo: Option<(Vec<u8>, &'static str)>,
    pub favicon: Option<(Vec<u8>, &'static str)>,
    pub custom_css: Option<String>,
    pub wording: Arc<crate::i18n::Wording>,
}

impl Branding {
    /// Reads the files (checked by the configuration); an error names the key.
    pub fn load(config: &crate::config::Config) -> Result<Branding, String> {
        let b = &config.branding;
        let read = |key: &str, path: &std::path::Path| {
            std::fs::read(path).map_err(|e| format!("{key}: cannot read {}: {e}", path.display()))
        };
        let logo = match &b.logo_file {
            Some(path) => Some((
                read("branding.logo_file", path)?,
                crate::config::logo_type(path).unwrap_or("application/octet-stream"),
            )),
            None => None,
        };
        let favicon = match &b.favicon_file {
            Some(path) => Some((
                read("branding.favicon_file", path)?,
                crate::config::favicon_type(path).unwrap_or("application/octet-stream"),
            )),
            None => None,
        };
        let custom_css = match &b.custom_css_file {
            Some(path) => Some(String::from_utf8_lossy(&read("branding.custom_css_file", path)?).into_owned()),
            None => None,
        };
        let mut files = Vec::new();
        for (code, path) in &b.messages_files {
            let key = format!("branding.messages_files.{code}");
            let lang = crate::i18n::Lang::parse(code).ok_or_else(|| format!("{key}: not a language rekey speaks"))?;
            files.push((lang, String::from_utf8_lossy(&read(&key, path)?).into_owned()));
        }
        Ok(Branding { logo, favicon, custom_css, wording: Arc::new(crate::i18n::Wording::new(files)) })
    }
}
