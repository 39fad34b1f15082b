//! The agent's configuration: where its key file is, how often it reports, and the LDAP
//! directory it writes to (the same `[directory]` keys as the portal's). Loaded like the
//! portal's: defaults < `rekey-agent.toml` < `REKEY_…` variables, secrets also from files.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use crate::config::{
    ConfigError, ConfigErrors, DirectoryConfig, DirectoryKind, LogConfig, figment_errors, read_secret_file,
    render_toml, validate_ldap,
};

/// The whole agent configuration.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
    #[serde(default)]
    pub agent: AgentSection,
    #[serde(default)]
    pub directory: DirectoryConfig,
    #[serde(default)]
    pub log: LogConfig,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgentSection {
    /// The identity written by `rekey agent enroll` (mode 0600).
    pub key_file: PathBuf,
    /// PEM file with the CA that signed the portal's TLS certificate, if not a public one.
    pub portal_ca_file: Option<PathBuf>,
    /// Seconds between heartbeats (which also check the directory).
    pub heartbeat_secs: u64,
    /// Seconds the portal may hold a poll open waiting for a job.
    pub poll_secs: u64,
    /// Jobs run at the same time.
    pub workers: usize,
    /// Refuse to reset, unlock or change the AD built-in privileged accounts: members (by SID,
    /// nested included) of Domain/Enterprise/Schema Admins, Administrators, the Operators
    /// groups, Group Policy Creator Owners, krbtgt and Administrator, and adminCount=1.
    pub protect_privileged: bool,
    /// More protected groups: DNs (nested membership counts) or SIDs (`S-1-5-21-…`).
    pub protected_groups: Vec<String>,
}

impl Default for AgentSection {
    fn default() -> Self {
        AgentSection {
            key_file: PathBuf::from("/var/lib/rekey-agent/agent.key"),
            portal_ca_file: None,
            heartbeat_secs: 10,
            poll_secs: 25,
            workers: 2,
            protect_privileged: true,
            protected_groups: Vec::new(),
        }
    }
}

impl AgentConfig {
    /// Loads defaults, the TOML file (`rekey-agent.toml` unless named), then `REKEY_…`
    /// variables (`REKEY_AGENT__KEY_FILE`, `REKEY_DIRECTORY__URL`), and validates.
    pub fn load(file: Option<&Path>) -> Result<AgentConfig, ConfigErrors> {
        let mut figment = Figment::from(Serialized::defaults(AgentConfig::default()));
        match file {
            Some(path) if !path.exists() => {
                return Err(ConfigErrors(vec![ConfigError {
                    path: path.display().to_string(),
                    message: "configuration file not found".into(),
                }]));
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None => figment = figment.merge(Toml::file("rekey-agent.toml")),
        }
        figment = figment.merge(Env::prefixed("REKEY_").split("__").ignore(&["config"]));
        Self::from_figment(figment)
    }

    /// From a TOML string only. For tests.
    pub fn from_toml(text: &str) -> Result<AgentConfig, ConfigErrors> {
        Self::from_figment(Figment::from(Serialized::defaults(AgentConfig::default())).merge(Toml::string(text)))
    }

    fn from_figment(figment: Figment) -> Result<AgentConfig, ConfigErrors> {
        let mut config: AgentConfig = figment.extract().map_err(figment_errors)?;
        let mut errors = Vec::new();
        read_secret_file(
            &mut config.directory.bind_password,
            &config.directory.bind_password_file,
            "directory.bind_password_file",
            &mut errors,
        );
        config.validate(&mut errors);
        if errors.is_empty() { Ok(config) } else { Err(ConfigErrors(errors)) }
    }

    fn validate(&self, errors: &mut Vec<ConfigError>) {
        if self.directory.kind != DirectoryKind::Ldap {
            errors.push(ConfigError {
                path: "directory.kind".into(),
                message:
                    "an agent writes to an LDAP directory: set \"ldap\" (with flavour = \"active_directory\" for AD)"
                        .into(),
            });
        } else {
            validate_ldap(&self.directory, errors);
        }
        let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });
        let a = &self.agent;
        if a.key_file.as_os_str().is_empty() {
            err("agent.key_file", "missing: where `rekey agent enroll` wrote the agent's keys".into());
        }
        if let Some(ca) = &a.portal_ca_file
            && !ca.is_file()
        {
            err("agent.portal_ca_file", format!("no such file: {}", ca.display()));
        }
        if !(1..=60).contains(&a.heartbeat_secs) {
            err("agent.heartbeat_secs", format!("expected 1 to 60, got {}", a.heartbeat_secs));
        }
        if !(1..=60).contains(&a.poll_secs) {
            err("agent.poll_secs", format!("expected 1 to 60, got {}", a.poll_secs));
        }
        if !(1..=16).contains(&a.workers) {
            err("agent.workers", format!("expected 1 to 16, got {}", a.workers));
        }
        for group in &a.protected_groups {
            if group.trim().is_empty() || !(group.starts_with("S-") || group.contains('=')) {
                err("agent.protected_groups", format!("expected a group DN or a SID (S-1-…), got {group:?}"));
            }
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            err("log.level", format!("not a valid filter: {:?}", self.log.level));
        }
    }

    /// The accounts this agent never changes.
    pub fn protection(&self) -> crate::directory::ldap::Protection {
        crate::directory::ldap::Protection {
            builtin: self.agent.protect_privileged,
            groups: self.agent.protected_groups.clone(),
        }
    }

    pub fn to_redacted_toml(&self) -> String {
        render_toml(&serde_json::to_value(self).unwrap_or(serde_json::Value::Null))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mistake_is_named_by_its_key() {
        let errors =
            AgentConfig::from_toml("[agent]\nheartbeat_secs = 0\nworkers = 99\n[directory]\nkind = \"agent\"\n")
                .unwrap_err();
        let text = errors.to_string();
        for key in ["directory.kind", "agent.heartbeat_secs", "agent.workers"] {
            assert!(text.contains(key), "{key} missing from:\n{text}");
        }
    }

    #[test]
    fn an_ad_agent_needs_tls() {
        let errors = AgentConfig::from_toml(
            "[directory]\nflavour = \"active_directory\"\nurl = \"ldap://dc.corp.example:389\"\nbind_dn = \"x\"\nbind_password = \"y\"\nbase_dn = \"dc=corp\"\n",
        )
        .unwrap_err();
        assert!(errors.to_string().contains("directory.url: Active Directory only accepts"), "{errors}");
    }

    #[test]
    fn the_example_file_documents_every_key_and_loads() {
        let example = include_str!("../../rekey-agent.example.toml");
        let value = serde_json::to_value(AgentConfig::default()).unwrap();
        let serde_json::Value::Object(sections) = value else { panic!("not an object") };
        for (section, keys) in sections {
            let serde_json::Value::Object(keys) = keys else { continue };
            assert!(example.contains(&format!("[{section}]")), "[{section}] undocumented");
            for key in keys.keys() {
                if section == "directory" && key == "agent" {
                    continue;
                }
                assert!(example.contains(&format!("{key} =")), "{section}.{key} undocumented");
            }
        }
    }
}
