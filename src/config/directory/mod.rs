//! `[directory]`: where accounts live and how rekey reaches them. The keys common to every
//! kind are here; each kind's own keys and checks are in its module: `ldap` (OpenLDAP and
//! Active Directory), `agent` (`[directory.agent]`, writeback agents) and `graph`
//! (`[directory.graph]`, Microsoft Entra ID; its endpoints and group names are checked in
//! `config::graph_transport` and `config::graph_groups`).

use std::path::PathBuf;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use super::redact;

pub mod agent;
pub mod discovery;
pub mod graph;
pub mod ldap;

pub use agent::AgentDirectoryConfig;
pub use graph::{GraphConfig, GraphLogin, OnPremises};
pub(crate) use ldap::validate_ldap;
pub use ldap::{AD_NEEDS_TLS, LdapFlavour, PLAINTEXT_REFUSED};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectoryKind {
    #[default]
    Ldap,
    /// Jobs for `rekey agent` processes inside the network (password writeback).
    Agent,
    /// Microsoft Entra ID through Microsoft Graph; settings in `[directory.graph]`.
    Graph,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DirectoryConfig {
    pub kind: DirectoryKind,
    pub flavour: LdapFlavour,
    /// `ldap://host:389` or `ldaps://host:636`; several (a TOML list, or one string with the
    /// URLs separated by spaces, as OpenLDAP's `URI`) are tried in order: a server that cannot
    /// be reached is passed over for the next. Kept as one space-separated string.
    #[serde(deserialize_with = "url_list")]
    pub url: String,
    /// Active Directory: find the domain controllers in DNS instead of listing them in `url`:
    /// the SRV records `_ldap._tcp.dc._msdcs.<domain>`, tried by priority and weight (RFC
    /// 2782) and looked up again once their TTL has passed. Each DC is reached by its host
    /// name (LDAPS on 636, or StartTLS on the SRV port with `starttls`), and its certificate
    /// is checked against that name. Empty: use `url`.
    pub discover_domain: String,
    /// The DNS server asked for `discover_domain` (`address` or `address:port`): for a
    /// split-horizon DNS or a test. Empty: the system's resolver (/etc/resolv.conf).
    pub dns_server: String,
    /// Upgrade an `ldap://` connection with StartTLS.
    pub starttls: bool,
    /// Accept `ldap://` without StartTLS (passwords in clear on the network): only on purpose.
    pub allow_plaintext: bool,
    /// PEM file with the CA certificate(s) that signed the directory's TLS certificate.
    /// Empty: the system's web PKI roots.
    pub ca_file: Option<PathBuf>,
    /// The service account used for look-ups, resets and unlocks.
    pub bind_dn: String,
    #[serde(serialize_with = "redact")]
    pub bind_password: Option<SecretString>,
    pub bind_password_file: Option<PathBuf>,
    /// Where accounts live.
    pub base_dn: String,
    /// Extra filter every account must match, e.g. `(objectClass=inetOrgPerson)`.
    pub user_filter: String,
    /// Attributes a login may match, tried together: `uid`, `mail`, `sAMAccountName`, ….
    pub login_attributes: Vec<String>,
    pub display_name_attribute: String,
    pub mail_attribute: String,
    pub phone_attribute: String,
    /// Where groups live. Empty: read the accounts' `memberOf` attribute instead.
    pub group_base_dn: String,
    /// Attribute of a group entry naming its members by DN.
    pub group_member_attribute: String,
    /// Seconds allowed for connecting and for each operation.
    pub timeout_secs: u64,
    /// Service-account connections kept open.
    pub pool_size: usize,
    /// Directory operations in flight at once (all kinds); more wait up to
    /// `queue_timeout_secs` for their turn, then the person is told to try again.
    pub max_concurrent_ops: usize,
    pub queue_timeout_secs: u64,
    /// Active Directory: the NetBIOS domain name accepted in `DOMAIN\user` logins. Empty: read
    /// from the DC.
    pub netbios_domain: String,
    /// Active Directory: ask the DC to apply password history to resets too (the policy-hints
    /// control, Windows Server 2012 R2 and later; Samba 4.17 ignores it). Unset: true on
    /// Active Directory, false on OpenLDAP (which has no such control); see
    /// [`DirectoryConfig::history_on_reset`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enforce_history_on_reset: Option<bool>,
    /// OpenLDAP: the ppolicy overlay hashes a cleartext userPassword (olcPPolicyHashCleartext
    /// TRUE), so a reset is one modify. Otherwise resets use the password modify operation,
    /// which the server always hashes.
    pub ppolicy_hash_cleartext: bool,
    /// OpenLDAP: the DN of the ppolicy overlay's default policy (olcPPolicyDefault), whose
    /// `pwdMaxAge` applies to accounts without a `pwdPolicySubentry`, for expiry reminders.
    /// Empty: such accounts are taken never to expire.
    pub ppolicy_default_dn: String,
    /// With `kind = "agent"`: how the portal hands operations to writeback agents.
    pub agent: AgentDirectoryConfig,
    /// `kind = "graph"`: Microsoft Entra ID through Microsoft Graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphConfig>,
}

impl Default for DirectoryConfig {
    fn default() -> Self {
        DirectoryConfig {
            kind: DirectoryKind::Ldap,
            flavour: LdapFlavour::Openldap,
            url: "ldap://127.0.0.1:389".into(),
            discover_domain: String::new(),
            dns_server: String::new(),
            starttls: false,
            allow_plaintext: false,
            ca_file: None,
            bind_dn: String::new(),
            bind_password: None,
            bind_password_file: None,
            base_dn: String::new(),
            user_filter: "(objectClass=inetOrgPerson)".into(),
            login_attributes: vec!["uid".into(), "mail".into()],
            display_name_attribute: "cn".into(),
            mail_attribute: "mail".into(),
            phone_attribute: "mobile".into(),
            group_base_dn: String::new(),
            group_member_attribute: "member".into(),
            timeout_secs: 5,
            pool_size: 4,
            max_concurrent_ops: 32,
            queue_timeout_secs: 5,
            netbios_domain: String::new(),
            enforce_history_on_reset: None,
            ppolicy_hash_cleartext: false,
            ppolicy_default_dn: String::new(),
            agent: AgentDirectoryConfig::default(),
            graph: None,
        }
    }
}

impl DirectoryConfig {
    /// Whether AD resets carry the policy-hints control: `enforce_history_on_reset` when set,
    /// otherwise true for Active Directory and false for OpenLDAP.
    pub fn history_on_reset(&self) -> bool {
        self.enforce_history_on_reset.unwrap_or(self.flavour == LdapFlavour::ActiveDirectory)
    }

    /// The configured URLs, in the order they are tried.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.url.split_whitespace()
    }
}

/// `directory.url`: one URL, or a list of them, kept as one space-separated string.
fn url_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(url) => url,
        OneOrMany::Many(urls) => urls.join(" "),
    })
}

/// The `[directory]` checks for the configured kind (and, with Graph, for the on-premises
/// directory synced accounts go to). `request_timeout_secs` is `server.request_timeout_secs`,
/// which an agent must answer within. The group names a Graph configuration uses are checked
/// with the whole configuration, in `config::graph_groups`.
pub(super) fn validate(d: &DirectoryConfig, request_timeout_secs: u64, err: &mut impl FnMut(&str, String)) {
    if !(1..=1024).contains(&d.max_concurrent_ops) {
        err("directory.max_concurrent_ops", format!("expected 1 to 1024, got {}", d.max_concurrent_ops));
    }
    if !(1..=60).contains(&d.queue_timeout_secs) {
        err("directory.queue_timeout_secs", format!("expected 1 to 60, got {}", d.queue_timeout_secs));
    }
    match d.kind {
        DirectoryKind::Ldap => ldap::validate(d, err),
        DirectoryKind::Agent => d.agent.validate(request_timeout_secs, err),
        DirectoryKind::Graph => {
            match &d.graph {
                None => err("directory.graph", "missing: kind = \"graph\" needs a [directory.graph] section".into()),
                Some(g) => {
                    g.validate_credentials(err);
                    super::graph_transport::validate(g, err);
                    g.validate_time_limits(err);
                }
            }
            match d.graph.as_ref().map(|g| g.on_premises) {
                Some(OnPremises::Ldap) => ldap::validate(d, err),
                Some(OnPremises::Agent) => d.agent.validate(request_timeout_secs, err),
                _ => {}
            }
        }
    }
}
