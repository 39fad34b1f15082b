//! Typed configuration: defaults < `rekey.toml` < `REKEY_…` environment variables, secrets
//! also from `…_file` keys. `validate` reports every mistake at once, each with its key path.
//!
//! This module holds the loader and the error collection; each `[section]` has its own module
//! with its struct, its defaults and its checks (`[directory]` and its flavours under
//! `directory/`). Everything is re-exported here, so the rest of the crate writes
//! `crate::config::X`. Configuration sits at the bottom of the crate: it imports nothing of
//! rekey but `i18n` (to know the language codes).
//!
//! Never print a secret: `Debug` of every secret field is redacted by `SecretString`.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

pub mod admin;
pub mod alerts;
pub mod api;
pub mod audit;
pub mod branding;
pub mod codes;
pub mod contact;
pub mod database;
pub mod directory;
pub mod helpdesk;
pub use directory::discovery;
pub mod email;
pub mod exports;
pub mod graph_groups;
pub mod graph_transport;
pub mod kiosk;
pub mod language;
pub mod limits;
pub mod log;
pub mod mail;
pub mod metrics;
pub mod passkeys;
pub mod password;
pub mod policy;
pub mod questions;
pub mod reminders;
pub mod reset;
pub mod secrets;
pub mod server;
pub mod sms;
pub mod totp;

pub use admin::AdminConfig;
pub use alerts::AlertsConfig;
pub use api::ApiConfig;
pub use audit::AuditConfig;
pub use branding::{BrandingConfig, accent_colour, favicon_type, logo_type, relative_luminance};
pub use codes::CodesConfig;
pub use contact::{Contact, ContactConfig, ContactText};
pub use database::DatabaseConfig;
pub(crate) use directory::validate_ldap;
pub use directory::{
    AD_NEEDS_TLS, AgentDirectoryConfig, DirectoryConfig, DirectoryKind, GraphConfig, GraphLogin, LdapFlavour,
    OnPremises, PLAINTEXT_REFUSED,
};
pub use email::EmailMethodConfig;
pub use exports::{SiemConfig, SyslogTarget, WEBHOOK_EVENTS, WebhookConfig};
pub use helpdesk::HelpdeskConfig;
pub use kiosk::KioskConfig;
pub use limits::LimitsConfig;
pub use log::{LogConfig, LogFormat};
pub use mail::{MailConfig, MailSecurity, MailTransport};
pub use metrics::MetricsConfig;
pub use passkeys::PasskeysConfig;
pub use password::PasswordConfig;
pub use policy::{EnabledFor, MethodKind, MethodRule, PolicyConfig};
pub use questions::{CustomQuestion, QuestionsConfig};
pub use reminders::{CampaignConfig, RemindersConfig};
pub use reset::ResetConfig;
pub use secrets::SecretsConfig;
pub use server::ServerConfig;
pub use sms::{SmsConfig, SmsGateway};
pub use totp::TotpConfig;

/// The whole configuration.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub server: ServerConfig,
    #[serde(default)]
    pub database: DatabaseConfig,
    #[serde(default)]
    pub secrets: SecretsConfig,
    #[serde(default)]
    pub directory: DirectoryConfig,
    #[serde(default)]
    pub policy: PolicyConfig,
    #[serde(default)]
    pub codes: CodesConfig,
    #[serde(default)]
    pub email: EmailMethodConfig,
    #[serde(default)]
    pub totp: TotpConfig,
    #[serde(default)]
    pub reset: ResetConfig,
    #[serde(default)]
    pub password: PasswordConfig,
    #[serde(default)]
    pub mail: MailConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub alerts: AlertsConfig,
    #[serde(default)]
    pub log: LogConfig,
    #[serde(default)]
    pub branding: BrandingConfig,
    #[serde(default)]
    pub contact: ContactConfig,
    #[serde(default)]
    pub kiosk: KioskConfig,
    #[serde(default)]
    pub admin: AdminConfig,
    #[serde(default)]
    pub helpdesk: HelpdeskConfig,
    #[serde(default)]
    pub questions: QuestionsConfig,
    #[serde(default)]
    pub metrics: MetricsConfig,
    #[serde(default)]
    pub sms: SmsConfig,
    #[serde(default)]
    pub passkeys: PasskeysConfig,
    #[serde(default)]
    pub audit: AuditConfig,
    #[serde(default)]
    pub api: ApiConfig,
    #[serde(default)]
    pub reminders: RemindersConfig,
    #[serde(default)]
    pub campaign: CampaignConfig,
    #[serde(default)]
    pub siem: SiemConfig,
    /// `[[webhooks]]`: endpoints told of account events.
    #[serde(default)]
    pub webhooks: Vec<WebhookConfig>,
}

/// One configuration mistake, named by its key path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every mistake found, reported together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors(pub Vec<ConfigError>);

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

/// The smallest configuration that loads: a plain-LDAP directory and a made-up master key.
/// Tests add their sections to it; never a configuration to run.
pub const SMALLEST: &str = r#"
[secrets]
master_key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
[directory]
allow_plaintext = true
bind_dn = "cn=rekey,ou=services,dc=example,dc=test"
bind_password = "pw"
base_dn = "ou=people,dc=example,dc=test"
"#;

impl Config {
    /// Loads defaults, then the TOML file (if it exists or was named), then `REKEY_…`
    /// variables (`REKEY_DIRECTORY__URL` sets `directory.url`), then reads `…_file` secrets
    /// and validates the result.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigErrors> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.exists() {
                    return Err(ConfigErrors(vec![ConfigError {
                        path: path.display().to_string(),
                        message: "configuration file not found".into(),
                    }]));
                }
                figment = figment.merge(Toml::file_exact(path));
            }
            None => figment = figment.merge(Toml::file("rekey.toml")),
        }
        figment = figment.merge(Env::prefixed("REKEY_").split("__").ignore(&["config"]));
        Self::from_figment(figment)
    }

    /// Loads from a TOML string only (no environment). For tests and `check-config`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigErrors> {
        Self::from_figment(Figment::from(Serialized::defaults(Config::default())).merge(Toml::string(text)))
    }

    fn from_figment(figment: Figment) -> Result<Config, ConfigErrors> {
        let mut config: Config = figment.extract().map_err(figment_errors)?;
        let mut errors = Vec::new();
        config.read_secret_files(&mut errors);
        config.validate(&mut errors);
        if errors.is_empty() { Ok(config) } else { Err(ConfigErrors(errors)) }
    }

    fn read_secret_files(&mut self, errors: &mut Vec<ConfigError>) {
        read_secret_file(
            &mut self.secrets.master_key,
            &self.secrets.master_key_file,
            "secrets.master_key_file",
            errors,
        );
        read_secret_file(
            &mut self.directory.bind_password,
            &self.directory.bind_password_file,
            "directory.bind_password_file",
            errors,
        );
        if let Some(g) = &mut self.directory.graph {
            read_secret_file(&mut g.client_secret, &g.client_secret_file, "directory.graph.client_secret_file", errors);
        }
        read_secret_file(&mut self.mail.password, &self.mail.password_file, "mail.password_file", errors);
        self.sms.read_secret_files(errors);
        for (i, hook) in self.webhooks.iter_mut().enumerate() {
            hook.read_secret_file(i, errors);
        }
    }

    /// The 32-byte master key, once `validate` has passed.
    pub fn master_key(&self) -> Option<[u8; 32]> {
        self.secrets.master_key.as_ref().and_then(|k| secrets::decode_key(k.expose_secret()))
    }

    /// Every section's checks, in turn; a section that depends on another is handed what it
    /// needs of it.
    fn validate(&self, errors: &mut Vec<ConfigError>) {
        let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });
        self.server.validate(&mut err);
        self.metrics.validate(&mut err);
        let questions_used = self.policy.methods.contains(&MethodKind::Questions);
        self.questions.validate(questions_used, self.default_lang().code(), &mut err);
        language::validate(self, &mut err);
        self.admin.validate(&mut err);
        self.helpdesk.validate(&mut err);
        self.api.validate(&mut err);
        self.branding.validate(&mut err);
        self.contact.validate(&mut err);
        self.kiosk.validate(&mut err);
        self.alerts.validate(&mut err);
        self.limits.validate(&mut err);
        self.database.validate(&mut err);
        self.secrets.validate(&mut err);
        directory::validate(&self.directory, self.server.request_timeout_secs, &mut err);
        if self.directory.kind == DirectoryKind::Graph {
            graph_groups::validate(self, &mut err);
        }
        self.policy.validate(&mut err);
        self.password.validate(&mut err);
        self.codes.validate(&mut err);
        self.totp.validate(&mut err);
        self.mail.validate(&mut err);
        self.log.validate(&mut err);
        self.sms.validate(self.policy.methods.contains(&MethodKind::Sms), &mut err);
        self.audit.validate(&mut err);
        self.reminders.validate(&mut err);
        self.campaign.validate(&mut err);
        self.siem.validate(&mut err);
        exports::validate_webhooks(&self.webhooks, &mut err);
        if self.policy.methods.contains(&MethodKind::Passkey)
            && let Err((key, message)) = self.passkeys.relying_party(&self.server.public_url, &self.kiosk.hosts)
        {
            err(key, message);
        }
    }

    /// The effective configuration as TOML, secrets redacted.
    pub fn to_redacted_toml(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        render_toml(&value)
    }

    /// The trusted proxies, parsed (invalid entries were refused by `validate`).
    pub fn trusted_proxies(&self) -> Vec<ipnet::IpNet> {
        self.server.trusted_proxies.iter().filter_map(|p| parse_net(p)).collect()
    }

    /// Whether cookies must carry `Secure` (and the `__Host-` prefix).
    pub fn secure_cookies(&self) -> bool {
        self.server.public_url.starts_with("https://")
    }
}

pub(crate) fn redact<S: serde::Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
}

/// An address (as a /32 or /128) or a CIDR range.
fn parse_net(text: &str) -> Option<ipnet::IpNet> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>().ok().or_else(|| text.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from))
}

fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty() && label.len() <= 63 && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

pub(crate) fn read_secret_file(
    slot: &mut Option<SecretString>,
    file: &Option<PathBuf>,
    path: &str,
    errors: &mut Vec<ConfigError>,
) {
    let Some(file) = file else { return };
    match std::fs::read_to_string(file) {
        Ok(text) => *slot = Some(SecretString::from(text.trim_end_matches(['\n', '\r']).to_owned())),
        Err(e) => {
            errors.push(ConfigError { path: path.into(), message: format!("cannot read {}: {e}", file.display()) })
        }
    }
}

pub(crate) fn figment_errors(error: figment::Error) -> ConfigErrors {
    ConfigErrors(
        error
            .into_iter()
            .map(|e| {
                let path = e.path.join(".");
                let source = e.metadata.as_ref().and_then(|m| m.source.as_ref()).map(|s| format!(" (from {s})"));
                let mut message = match &e.kind {
                    figment::error::Kind::Message(m) => m.clone(),
                    kind => kind.to_string(),
                };
                message.push_str(&source.unwrap_or_default());
                ConfigError { path: if path.is_empty() { "(top level)".into() } else { path }, message }
            })
            .collect(),
    )
}

pub(crate) fn render_toml(value: &serde_json::Value) -> String {
    let mut out = String::new();
    let serde_json::Value::Object(sections) = value else { return out };
    for (name, section) in sections {
        match section {
            // An array of tables (`[[webhooks]]`): each entry under its own header.
            serde_json::Value::Array(entries) => {
                for entry in entries {
                    let mut one = String::new();
                    render_section(&mut one, name, entry);
                    out.push_str(&one.replacen(&format!("[{name}]"), &format!("[[{name}]]"), 1));
                }
            }
            _ => render_section(&mut out, name, section),
        }
    }
    out
}

/// One `[section]`, then its nested tables (`[directory.graph]`) after its plain keys.
fn render_section(out: &mut String, name: &str, section: &serde_json::Value) {
    use std::fmt::Write;
    let _ = writeln!(out, "[{name}]");
    let serde_json::Value::Object(keys) = section else { return };
    for (k, v) in keys {
        if !v.is_null() && !v.is_object() {
            let _ = writeln!(out, "{k} = {v}");
        }
    }
    out.push('\n');
    for (k, v) in keys {
        if v.is_object() {
            render_section(out, &format!("{name}.{k}"), v);
        }
    }
}

#[cfg(test)]
mod tests;
