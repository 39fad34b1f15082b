//! `[directory.graph]`: the app registration rekey uses against Microsoft Graph, for
//! `kind = "graph"` (Microsoft Entra ID).

use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::config::redact;

/// Which Graph property a typed login is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GraphLogin {
    #[default]
    Upn,
    Mail,
}

/// Where password operations for accounts synced from on-premises AD go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OnPremises {
    /// Nowhere: such accounts get the unavailable page and the admin log says why.
    #[default]
    None,
    /// The LDAP directory described by the other `[directory]` keys.
    Ldap,
    /// Writeback agents inside the network (`[directory.agent]`).
    Agent,
}

/// `[directory.graph]`: the app registration rekey uses against Microsoft Graph.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct GraphConfig {
    /// The Entra tenant (directory) id, a GUID or a verified domain.
    pub tenant_id: String,
    /// The app registration's application (client) id.
    pub client_id: String,
    #[serde(serialize_with = "redact")]
    pub client_secret: Option<SecretString>,
    pub client_secret_file: Option<PathBuf>,
    /// PEM private key (PKCS#8 or PKCS#1 RSA) for a signed client assertion.
    pub certificate_key_file: Option<PathBuf>,
    /// PEM certificate registered with the app; its thumbprint goes into the assertion.
    pub certificate_file: Option<PathBuf>,
    /// Token authority; national clouds use their own.
    pub authority_url: String,
    /// Graph base URL, without `/v1.0`.
    pub graph_url: String,
    /// PEM CA bundle added to the public web roots, for a TLS-intercepting proxy.
    pub ca_file: Option<PathBuf>,
    /// Tests only: allow `http://` to a loopback authority and Graph (a local double).
    pub allow_insecure_loopback: bool,
    pub login_attribute: GraphLogin,
    /// Seconds allowed for each HTTP request.
    pub timeout_secs: u64,
    /// Seconds one directory operation may take in all, waiting out throttling included.
    pub deadline_secs: u64,
    /// Where resets of accounts synced from on-premises AD go.
    pub on_premises: OnPremises,
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            tenant_id: String::new(),
            client_id: String::new(),
            client_secret: None,
            client_secret_file: None,
            certificate_key_file: None,
            certificate_file: None,
            authority_url: "https://login.microsoftonline.com".into(),
            graph_url: "https://graph.microsoft.com".into(),
            ca_file: None,
            allow_insecure_loopback: false,
            login_attribute: GraphLogin::Upn,
            timeout_secs: 10,
            deadline_secs: 30,
            on_premises: OnPremises::None,
        }
    }
}

impl GraphConfig {
    /// The tenant, the app and exactly one credential (a client secret or a certificate).
    pub(in crate::config) fn validate_credentials(&self, err: &mut impl FnMut(&str, String)) {
        let g = self;
        if g.tenant_id.trim().is_empty() {
            err("directory.graph.tenant_id", "missing: the Entra tenant id".into());
        }
        if g.client_id.trim().is_empty() {
            err("directory.graph.client_id", "missing: the app registration's client id".into());
        }
        let certificate = g.certificate_key_file.is_some() || g.certificate_file.is_some();
        match (g.client_secret.is_some(), certificate) {
            (false, false) => err(
                "directory.graph.client_secret",
                "missing: set client_secret, client_secret_file, or certificate_key_file and certificate_file".into(),
            ),
            (true, true) => {
                err("directory.graph.client_secret", "set either a client secret or a certificate, not both".into())
            }
            _ => {}
        }
        if certificate {
            for (path, file) in [
                ("directory.graph.certificate_key_file", &g.certificate_key_file),
                ("directory.graph.certificate_file", &g.certificate_file),
            ] {
                match file {
                    None => err(path, "missing: a certificate needs both its key and its certificate file".into()),
                    Some(f) if !f.is_file() => err(path, format!("no such file: {}", f.display())),
                    Some(_) => {}
                }
            }
        }
    }

    /// Each request's timeout, and the deadline of one operation in all.
    pub(in crate::config) fn validate_time_limits(&self, err: &mut impl FnMut(&str, String)) {
        if !(1..=120).contains(&self.timeout_secs) {
            err("directory.graph.timeout_secs", format!("expected 1 to 120, got {}", self.timeout_secs));
        }
        if !(1..=600).contains(&self.deadline_secs) || self.deadline_secs < self.timeout_secs {
            err("directory.graph.deadline_secs", format!("expected timeout_secs to 600, got {}", self.deadline_secs));
        }
    }
}
