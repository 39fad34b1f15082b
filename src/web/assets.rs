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

/// Branding files loaded at start-up.
#[derive(Debug, Default)]
pub struct Branding {
    pub logo: Option<(Vec<u8>, &'static str)>,
}

impl Branding {
    pub fn load(config: &crate::config::Config) -> std::io::Result<Branding> {
        let logo = match &config.branding.logo_file {
            Some(path) => {
                let mime = crate::config::logo_type(path).unwrap_or("application/octet-stream");
                Some((std::fs::read(path)?, mime))
            }
            None => None,
        };
        Ok(Branding { logo })
    }
}
