//! `[mail]`: how rekey sends mail (SMTP, or the log for demos).

use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::redact;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailTransport {
    #[default]
    Smtp,
    /// Print mails to the log (demo only).
    Console,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MailSecurity {
    None,
    #[default]
    Starttls,
    Tls,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    pub transport: MailTransport,
    pub host: String,
    pub port: u16,
    pub security: MailSecurity,
    pub username: Option<String>,
    #[serde(serialize_with = "redact")]
    pub password: Option<SecretString>,
    pub password_file: Option<PathBuf>,
    /// Sender, e.g. `IT Service Desk <no-reply@example.com>`.
    pub from: String,
    /// Seconds allowed for one delivery.
    pub timeout_secs: u64,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            transport: MailTransport::Smtp,
            host: "127.0.0.1".into(),
            port: 25,
            security: MailSecurity::Starttls,
            username: None,
            password: None,
            password_file: None,
            from: "rekey <no-reply@localhost>".into(),
            timeout_secs: 10,
        }
    }
}

impl MailConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if self.transport == MailTransport::Smtp {
            if self.host.trim().is_empty() {
                err("mail.host", "missing: the SMTP server".into());
            }
            if self.port == 0 {
                err("mail.port", "must be 1 to 65535".into());
            }
            if self.username.is_some() != self.password.is_some() {
                err("mail.password", "mail.username and mail.password go together".into());
            }
        }
        if self.from.parse::<lettre::message::Mailbox>().is_err() {
            err("mail.from", format!("expected an address like \"IT <no-reply@example.com>\", got {:?}", self.from));
        }
        if !(1..=120).contains(&self.timeout_secs) {
            err("mail.timeout_secs", format!("expected 1 to 120, got {}", self.timeout_secs));
        }
    }
}
