//! The HTTP client for the identity platform and Graph: no redirects, the configured timeouts,
//! `https://` only (unless the test setting allows a loopback double), and the optional CA of a
//! TLS-intercepting proxy.

use std::time::Duration;

use crate::config::GraphConfig;
use crate::config::graph_transport::{check_url, read_ca_file};
use crate::directory::DirError;

pub(super) fn client(config: &GraphConfig) -> Result<reqwest::Client, DirError> {
    for (key, url) in [("authority_url", &config.authority_url), ("graph_url", &config.graph_url)] {
        check_url(url, config.allow_insecure_loopback)
            .map_err(|why| DirError::Unavailable(format!("directory.graph.{key}: {why}")))?;
    }
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(config.timeout_secs))
        .connect_timeout(Duration::from_secs(config.timeout_secs))
        .https_only(!config.allow_insecure_loopback);
    if let Some(ca) = &config.ca_file {
        for cert in read_ca_file(ca).map_err(|why| DirError::Unavailable(format!("directory.graph.ca_file: {why}")))? {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder.build().map_err(|e| DirError::Unavailable(format!("HTTP client: {e}")))
}
