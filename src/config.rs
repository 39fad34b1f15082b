//! Typed configuration: defaults < `rekey.toml` < `REKEY_…` environment variables, secrets
//! also from `…_file` keys. `validate` reports every mistake at once, each with its key path.
//!
//! Never print a secret: `Debug` of every secret field is redacted by `SecretString`.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

pub mod audit;
pub mod discovery;
pub mod graph_groups;
pub mod graph_transport;
pub mod passkeys;
pub mod sms;
pub use audit::AuditConfig;
pub use passkeys::PasskeysConfig;
pub use sms::{SmsConfig, SmsGateway};

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
    pub kiosk: KioskConfig,
    #[serde(default)]
    pub admin: AdminConfig,
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
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub listen: String,
    /// The URL people use to reach the portal; its scheme decides whether cookies are Secure.
    pub public_url: String,
    /// Name shown in page titles and mails.
    pub organisation: String,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Whole-request timeout in seconds.
    pub request_timeout_secs: u64,
    /// How long a flow (sign-in, reset or unlock attempt) lives, in seconds.
    pub flow_timeout_secs: u64,
    /// Reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` is believed. Empty:
    /// the TCP peer is the client.
    pub trusted_proxies: Vec<String>,
    /// Every form post takes at least this many milliseconds, so how long a page takes does
    /// not reveal whether an account exists, is in scope or has registered anything.
    pub uniform_post_ms: u64,
    /// The most that floor may grow to: each route's floor follows the recent answer times of
    /// accounts that exist (a high percentile), between `uniform_post_ms` and this.
    pub uniform_post_max_ms: u64,
    /// Hosts that a deep link's `return_to` may send people back to after success (exact
    /// host names, e.g. `intranet.example.com`). Empty: `return_to` is ignored.
    pub return_to_hosts: Vec<String>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            listen: "127.0.0.1:8080".into(),
            public_url: "http://127.0.0.1:8080".into(),
            organisation: "rekey".into(),
            max_body_bytes: 16 * 1024,
            request_timeout_secs: 30,
            flow_timeout_secs: 900,
            trusted_proxies: vec![],
            uniform_post_ms: 150,
            uniform_post_max_ms: 3_000,
            return_to_hosts: vec![],
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` or `postgres://…`. Empty: `<data_dir>/rekey.db`.
    pub url: String,
    /// Folder for the SQLite file; created on first run.
    pub data_dir: PathBuf,
    /// Largest number of pooled connections.
    pub max_connections: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig { url: String::new(), data_dir: PathBuf::from("data"), max_connections: 10 }
    }
}

impl DatabaseConfig {
    /// The URL to connect to, defaulting to a SQLite file in the data folder.
    pub fn effective_url(&self) -> String {
        if self.url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("rekey.db").display())
        } else {
            self.url.clone()
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecretsConfig {
    /// 32 random bytes, base64: encrypts TOTP seeds and addresses at rest, keys code hashes
    /// and CSRF tokens. `openssl rand -base64 32`.
    #[serde(serialize_with = "redact")]
    pub master_key: Option<SecretString>,
    pub master_key_file: Option<PathBuf>,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LdapFlavour {
    #[default]
    Openldap,
    ActiveDirectory,
}

/// Why a plain `ldap://` URL without StartTLS is refused unless `directory.allow_plaintext`.
pub const PLAINTEXT_REFUSED: &str = "plain ldap:// without StartTLS sends passwords in clear: use ldaps://, set \
     directory.starttls = true, or set directory.allow_plaintext = true on purpose";

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

/// Why an Active Directory config with a plain `ldap://` URL and no StartTLS is refused.
pub const AD_NEEDS_TLS: &str =
    "Active Directory only accepts password operations over TLS: use ldaps:// or set directory.starttls = true";

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
    /// With `kind = "agent"`: how the portal hands operations to writeback agents.
    pub agent: AgentDirectoryConfig,
    /// `kind = "graph"`: Microsoft Entra ID through Microsoft Graph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub graph: Option<GraphConfig>,
}

/// The portal's side of password writeback.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AgentDirectoryConfig {
    /// How long a person waits for an agent's answer, in seconds.
    pub deadline_secs: u64,
    /// How long one agent holds a job before the portal gives up on it, in seconds (at most
    /// `deadline_secs`). A job whose lease ends without an answer is never run again.
    pub lease_secs: u64,
    /// An agent counts as connected if it was heard from within this many seconds.
    pub heartbeat_window_secs: u64,
    /// Unused enrolment tokens expire after this many minutes.
    pub token_ttl_mins: u64,
}

impl Default for AgentDirectoryConfig {
    fn default() -> Self {
        AgentDirectoryConfig { deadline_secs: 20, lease_secs: 10, heartbeat_window_secs: 30, token_ttl_mins: 60 }
    }
}

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
            agent: AgentDirectoryConfig::default(),
            graph: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnabledFor {
    None,
    #[default]
    All,
    Groups,
}

/// A way of proving who you are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    Email,
    Totp,
    Questions,
    Sms,
    Passkey,
}

impl MethodKind {
    pub const ALL: [MethodKind; 5] =
        [MethodKind::Email, MethodKind::Totp, MethodKind::Questions, MethodKind::Sms, MethodKind::Passkey];

    pub fn as_str(self) -> &'static str {
        match self {
            MethodKind::Email => "email",
            MethodKind::Totp => "totp",
            MethodKind::Questions => "questions",
            MethodKind::Sms => "sms",
            MethodKind::Passkey => "passkey",
        }
    }

    /// Proven by a one-time code (mailed, texted or from an app), rather than by answers.
    pub fn is_code(self) -> bool {
        matches!(self, MethodKind::Email | MethodKind::Totp | MethodKind::Sms)
    }

    pub fn parse(s: &str) -> Option<MethodKind> {
        MethodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicyConfig {
    /// Who may use self-service: `none`, `all`, or `groups`.
    pub enabled_for: EnabledFor,
    /// With `groups`: members of any of these (DN or cn) may use self-service.
    pub groups: Vec<String>,
    /// Members of these never may, whatever else applies.
    pub excluded_groups: Vec<String>,
    /// Methods people may register and use.
    pub methods: Vec<MethodKind>,
    /// Distinct methods that must pass to reset or unlock: 1 or 2.
    pub methods_required: u8,
    /// Methods a person must register before anything else: at least `methods_required`.
    pub methods_to_register: u8,
    /// A method registered less than this many hours ago cannot be used to reset or unlock
    /// when the person already had another one (so a hijacked session cannot add its own way
    /// in and use it at once). 0 turns this off.
    pub new_method_cooling_off_hours: u64,
    /// Stricter rules for members of some groups (e.g. admins: two methods, no questions).
    pub rules: Vec<MethodRule>,
    /// Days after which people are asked, when they sign in to their methods, to check that
    /// they are still theirs and up to date. 0: never.
    pub review_after_days: u64,
}

/// Method policy for members of some groups. A person in several rules gets the strictest of
/// each setting.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MethodRule {
    /// Groups (cn or DN) the rule applies to.
    pub groups: Vec<String>,
    /// Distinct methods that must pass to reset or unlock (default: policy.methods_required).
    #[serde(default)]
    pub methods_required: Option<u8>,
    /// Distinct methods to register (default: policy.methods_to_register, at least
    /// methods_required).
    #[serde(default)]
    pub methods_to_register: Option<u8>,
    /// Methods that do not count for these people: they cannot register them, and passing
    /// one proves nothing.
    #[serde(default)]
    pub excluded_methods: Vec<MethodKind>,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            enabled_for: EnabledFor::All,
            groups: vec![],
            excluded_groups: vec![],
            methods: vec![MethodKind::Email, MethodKind::Totp],
            methods_required: 1,
            methods_to_register: 1,
            new_method_cooling_off_hours: 24,
            rules: vec![],
            review_after_days: 0,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct CodesConfig {
    /// Digits in an emailed code (6 to 10).
    pub length: usize,
    /// Seconds an emailed code stays valid.
    pub ttl_secs: u64,
    /// Wrong codes tolerated in one attempt; the next wrong one voids it.
    pub max_wrong_tries: u32,
}

impl Default for CodesConfig {
    fn default() -> Self {
        CodesConfig { length: 6, ttl_secs: 600, max_wrong_tries: 5 }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct EmailMethodConfig {
    /// Count the directory's mail attribute as a registered address, without registration.
    pub use_directory_mail: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TotpConfig {
    /// Name shown in the authenticator app.
    pub issuer: String,
    /// Steps of clock skew accepted either side (0 or 1).
    pub skew: u8,
}

impl Default for TotpConfig {
    fn default() -> Self {
        TotpConfig { issuer: "rekey".into(), skew: 1 }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ResetConfig {
    /// After a self-service reset, make the person change the password at next logon.
    pub force_change_at_next_logon: bool,
}

/// What a new password must be before the directory is asked to set it (`policy::quality`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordConfig {
    /// Fewest characters (5 to 128).
    pub min_length: usize,
    /// Of lower-case letters, capitals, digits and symbols, how many kinds must appear (1 to 4).
    pub min_classes: usize,
    /// The organisation's own banned terms, added to the built-in list and its name.
    pub banned_terms: Vec<String>,
    /// Lowest zxcvbn strength score accepted (0 to 4; 0 turns the estimate off).
    pub min_score: u8,
    /// Refuse passwords on the shipped list of commonly breached passwords.
    pub check_breached: bool,
}

impl Default for PasswordConfig {
    fn default() -> Self {
        PasswordConfig { min_length: 8, min_classes: 3, banned_terms: vec![], min_score: 3, check_breached: true }
    }
}

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

/// How the portal looks: the organisation's logo and colour (its name is `server.organisation`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct BrandingConfig {
    /// Buttons and links, as `#rrggbb`. It must contrast with white at least 4.5:1 (WCAG AA),
    /// because button text is white on it.
    pub accent_colour: String,
    /// A PNG or SVG file shown in the page header, read once at start-up (at most 256 KiB).
    pub logo_file: Option<PathBuf>,
    /// The language for people whose browser asks for none we speak: en, de, fr, nl or es.
    pub default_language: String,
}

impl Default for BrandingConfig {
    fn default() -> Self {
        BrandingConfig { accent_colour: "#1f5fbf".into(), logo_file: None, default_language: "en".into() }
    }
}

/// A browser locked to the portal beside the login screen: no links out, nothing
/// remembered, and an idle timer that wipes the session.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskConfig {
    /// Requests under this path (e.g. `/kiosk`) get kiosk mode. Empty: no kiosk path.
    pub path_prefix: String,
    /// Requests for these host names (e.g. `kiosk.example.com`) get kiosk mode.
    pub hosts: Vec<String>,
    /// Seconds without activity before the page returns to the start and the session ends.
    pub idle_secs: u64,
    /// Seconds of warning, with a button to keep going, before the idle timer ends the visit.
    pub warning_secs: u64,
}

impl Default for KioskConfig {
    fn default() -> Self {
        KioskConfig { path_prefix: String::new(), hosts: vec![], idle_secs: 90, warning_secs: 20 }
    }
}

/// The admin area at `/admin`: reports, audit search and status.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminConfig {
    /// Groups (cn or DN) whose members may enter the admin area. Empty: nobody may.
    pub groups: Vec<String>,
    /// Minutes an admin sign-in lasts, however active, before both factors are asked again.
    pub session_mins: u64,
    /// Most accounts the coverage report reads from the directory.
    pub max_listed_accounts: usize,
}

impl Default for AdminConfig {
    fn default() -> Self {
        AdminConfig { groups: vec![], session_mins: 60, max_listed_accounts: 100_000 }
    }
}

/// Security questions (method `questions`): which questions people pick from, how many they
/// register and how many they answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuestionsConfig {
    /// Built-in questions offered, by id (each translated into every language).
    pub builtin: Vec<String>,
    /// The organisation's own questions, each with its words per language code.
    pub custom: Vec<CustomQuestion>,
    /// People may also write a question of their own. Such a question is shown when someone
    /// resets the account, which tells whoever typed the username that it has registered.
    pub allow_own: bool,
    /// Questions a person answers when registering.
    pub to_register: usize,
    /// Questions asked (of those registered) to prove it is them.
    pub to_answer: usize,
    /// Fewest letters or digits in an answer.
    pub min_answer_chars: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomQuestion {
    pub id: String,
    /// Language code → the question, e.g. `{ en = "Your badge colour?", de = "…" }`.
    pub text: std::collections::BTreeMap<String, String>,
}

impl Default for QuestionsConfig {
    fn default() -> Self {
        QuestionsConfig {
            builtin: crate::factors::questions::BUILTIN.iter().map(|s| (*s).to_owned()).collect(),
            custom: vec![],
            allow_own: false,
            to_register: 3,
            to_answer: 2,
            min_answer_chars: 3,
        }
    }
}

/// Prometheus metrics at `/metrics`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    pub enabled: bool,
    /// A separate address (e.g. `127.0.0.1:9464`) that serves only `/metrics`. Empty: `/metrics`
    /// is served on `server.listen`, to clients in `allow_from` only.
    pub listen: String,
    /// Client addresses or CIDR ranges that may read `/metrics` on the main listener (the
    /// client address as found through `server.trusted_proxies`). Empty (the default): nobody.
    pub allow_from: Vec<String>,
}

impl Default for MetricsConfig {
    fn default() -> Self {
        // Nobody by default: behind a reverse proxy on the same host every client would look
        // like loopback.
        MetricsConfig { enabled: true, listen: String::new(), allow_from: vec![] }
    }
}

impl MetricsConfig {
    pub fn allowed_networks(&self) -> Vec<ipnet::IpNet> {
        self.allow_from.iter().filter_map(|p| parse_net(p)).collect()
    }
}

/// Who hears about events that need a person's attention.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    /// Addresses told when someone says "this wasn't me" and when a privileged account resets
    /// or unlocks.
    pub admin_emails: Vec<String>,
    /// Groups (cn or DN) whose members' resets and unlocks are reported to the admins.
    pub privileged_groups: Vec<String>,
}

/// Rate limits, counted in the database so every replica shares them. Each is a maximum per
/// `window_secs` (a sliding window), except the daily self-service limit.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    pub window_secs: u64,
    /// Username steps (reset, unlock, sign-in) from one address.
    pub starts_per_address: u32,
    /// Username steps from one address without a solved proof of work (no JavaScript): a
    /// stricter limit instead of blocking the page.
    pub starts_per_address_without_pow: u32,
    /// Proof-of-work difficulty on the username step, in leading zero bits of SHA-256 (about
    /// 2^bits hashes); one bit more for every five recent attempts from the same address. 0
    /// turns the challenge off.
    pub pow_base_bits: u32,
    /// Proof-of-work challenges handed out to one address (each username page carries one);
    /// past it the page comes without one and the stricter limit without proof applies.
    pub pow_challenges_per_address: u32,
    /// Reset and unlock: username steps for one account from one address (the account as
    /// resolved in the directory, so every alias counts alike; the login as typed when none
    /// matched). Password sign-in: per username.
    pub starts_per_account: u32,
    /// Codes sent for one account and method, from one address.
    pub code_sends_per_account: u32,
    /// Codes sent for one account, from all addresses together: a ceiling high enough that the
    /// owner still gets codes while strangers send theirs.
    pub code_sends_per_account_total: u32,
    /// Codes sent from one address, whatever the username.
    pub code_sends_per_address: u32,
    /// Text messages sent to one phone number, whoever asks.
    pub code_sends_per_number: u32,
    /// Codes checked for one account and method, from one address.
    pub code_checks_per_account: u32,
    /// Codes checked from one address.
    pub code_checks_per_address: u32,
    /// Reset attempts for one account from one address in 24 hours; past it self-service is
    /// paused for that account from that address until the day has passed, and the person is
    /// sent to the helpdesk.
    pub resets_per_account_per_day: u32,
    /// Consecutive failed proofs (wrong codes, answers, authenticator codes, refused passkeys)
    /// for one account, across attempts and days (NIST SP 800-63B 5.2.2). The one that reaches
    /// it closes self-service for the account until an admin reopens it (`rekey account
    /// unblock`), and the admins are alerted. A passed attempt starts the count again.
    pub failed_proofs_per_account: u32,
    /// IPv6 clients are counted by this prefix length for the address limits (a /64 is
    /// usually one household or one machine; 32 to 128).
    pub ipv6_prefix: u8,
    /// Live password-quality hints (`POST /password/check`) from one address.
    pub password_checks_per_address: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            window_secs: 3600,
            starts_per_address: 30,
            starts_per_address_without_pow: 10,
            pow_base_bits: 14,
            pow_challenges_per_address: 120,
            starts_per_account: 10,
            code_sends_per_account: 5,
            code_sends_per_account_total: 50,
            code_sends_per_address: 20,
            code_sends_per_number: 5,
            code_checks_per_account: 15,
            code_checks_per_address: 40,
            resets_per_account_per_day: 5,
            failed_proofs_per_account: 100,
            ipv6_prefix: 64,
            password_checks_per_address: 600,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A tracing filter: `info`, `rekey=debug,info`, ….
    pub level: String,
    pub format: LogFormat,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig { level: "info".into(), format: LogFormat::Text }
    }
}

pub(crate) fn redact<S: serde::Serializer>(value: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(_) => s.serialize_str("[redacted]"),
        None => s.serialize_none(),
    }
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
    }

    /// The 32-byte master key, once `validate` has passed.
    pub fn master_key(&self) -> Option<[u8; 32]> {
        self.secrets.master_key.as_ref().and_then(|k| decode_key(k.expose_secret()))
    }

    fn validate(&self, errors: &mut Vec<ConfigError>) {
        let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });

        if self.server.listen.parse::<std::net::SocketAddr>().is_err() {
            err(
                "server.listen",
                format!("expected an address and port like 127.0.0.1:8080, got {:?}", self.server.listen),
            );
        }
        match url::Url::parse(&self.server.public_url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {}
            _ => err(
                "server.public_url",
                format!("expected an http:// or https:// URL, got {:?}", self.server.public_url),
            ),
        }
        if !(1024..=1024 * 1024).contains(&self.server.max_body_bytes) {
            err("server.max_body_bytes", format!("expected 1024 to 1048576, got {}", self.server.max_body_bytes));
        }
        if self.server.request_timeout_secs == 0 {
            err("server.request_timeout_secs", "must be at least 1".into());
        }
        for (i, p) in self.server.trusted_proxies.iter().enumerate() {
            if parse_net(p).is_none() {
                err(
                    &format!("server.trusted_proxies[{i}]"),
                    format!("expected an address or CIDR range like 10.0.0.0/8, got {p:?}"),
                );
            }
        }
        if !self.metrics.listen.is_empty() && self.metrics.listen.parse::<std::net::SocketAddr>().is_err() {
            err(
                "metrics.listen",
                format!("expected an address and port like 127.0.0.1:9464, got {:?}", self.metrics.listen),
            );
        }
        for (i, p) in self.metrics.allow_from.iter().enumerate() {
            if parse_net(p).is_none() {
                err(
                    &format!("metrics.allow_from[{i}]"),
                    format!("expected an address or CIDR range like 10.0.0.0/8, got {p:?}"),
                );
            }
        }
        let q = &self.questions;
        for (i, id) in q.builtin.iter().enumerate() {
            if !crate::factors::questions::BUILTIN.contains(&id.as_str()) {
                err(
                    &format!("questions.builtin[{i}]"),
                    format!("expected one of {}, got {id:?}", crate::factors::questions::BUILTIN.join(", ")),
                );
            }
        }
        for (i, c) in q.custom.iter().enumerate() {
            let ok_id = !c.id.is_empty() && c.id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
            if !ok_id || q.builtin.contains(&c.id) || q.custom[..i].iter().any(|o| o.id == c.id) {
                err(
                    &format!("questions.custom[{i}].id"),
                    format!("expected a new id of letters, digits, - or _, got {:?}", c.id),
                );
            }
            if !c.text.contains_key(&self.branding.default_language) {
                err(
                    &format!("questions.custom[{i}].text"),
                    format!("needs the question in the default language ({})", self.branding.default_language),
                );
            }
            if let Some(lang) = c.text.keys().find(|l| crate::i18n::Lang::parse(l).is_none()) {
                err(
                    &format!("questions.custom[{i}].text"),
                    format!("expected language codes en, de, fr, nl or es, got {lang:?}"),
                );
            }
        }
        if !(1..=10).contains(&q.to_register) {
            err("questions.to_register", format!("expected 1 to 10, got {}", q.to_register));
        }
        if q.to_answer == 0 || q.to_answer > q.to_register {
            err(
                "questions.to_answer",
                format!("expected 1 to questions.to_register ({}), got {}", q.to_register, q.to_answer),
            );
        }
        if !(1..=64).contains(&q.min_answer_chars) {
            err("questions.min_answer_chars", format!("expected 1 to 64, got {}", q.min_answer_chars));
        }
        let offered = q.builtin.len() + q.custom.len();
        if self.policy.methods.contains(&MethodKind::Questions) && !q.allow_own && offered < q.to_register {
            err(
                "questions.to_register",
                format!(
                    "{} questions must be registered but only {offered} are offered (builtin and custom)",
                    q.to_register
                ),
            );
        }
        if !(5..=24 * 60).contains(&self.admin.session_mins) {
            err("admin.session_mins", format!("expected 5 to 1440, got {}", self.admin.session_mins));
        }
        if self.admin.max_listed_accounts == 0 {
            err("admin.max_listed_accounts", "must be at least 1".into());
        }
        if let Err(message) = accent_colour(&self.branding.accent_colour) {
            err("branding.accent_colour", message);
        }
        if let Some(path) = &self.branding.logo_file {
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
        if crate::i18n::Lang::parse(&self.branding.default_language).is_none() {
            err(
                "branding.default_language",
                format!("expected one of en, de, fr, nl, es, got {:?}", self.branding.default_language),
            );
        }
        let prefix = &self.kiosk.path_prefix;
        if !prefix.is_empty() {
            let reserved = [
                "/reset",
                "/unlock",
                "/change",
                "/register",
                "/static",
                "/oidc",
                "/wasnt-me",
                "/agent",
                "/admin",
                "/metrics",
                "/password",
            ];
            let well_formed = prefix.starts_with('/')
                && prefix.len() > 1
                && !prefix.ends_with('/')
                && prefix[1..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '/');
            if !well_formed {
                err("kiosk.path_prefix", format!("expected a path like /kiosk, got {prefix:?}"));
            } else if reserved.iter().any(|r| prefix == r || prefix.starts_with(&format!("{r}/"))) {
                err("kiosk.path_prefix", format!("{prefix:?} is one of the portal's own paths"));
            }
        }
        for (i, host) in self.kiosk.hosts.iter().enumerate() {
            if !is_host_name(host) {
                err(&format!("kiosk.hosts[{i}]"), format!("expected a host name like kiosk.example.com, got {host:?}"));
            }
        }
        if !(30..=3600).contains(&self.kiosk.idle_secs) {
            err("kiosk.idle_secs", format!("expected 30 to 3600, got {}", self.kiosk.idle_secs));
        }
        // WCAG 2.2.1: at least 20 seconds to answer a timeout warning.
        if self.kiosk.warning_secs < 20 || self.kiosk.warning_secs >= self.kiosk.idle_secs {
            err(
                "kiosk.warning_secs",
                format!("expected at least 20 and less than kiosk.idle_secs, got {}", self.kiosk.warning_secs),
            );
        }
        for (i, host) in self.server.return_to_hosts.iter().enumerate() {
            if !is_host_name(host) {
                err(
                    &format!("server.return_to_hosts[{i}]"),
                    format!("expected a host name like intranet.example.com, got {host:?}"),
                );
            }
        }
        if self.policy.new_method_cooling_off_hours > 24 * 30 {
            err(
                "policy.new_method_cooling_off_hours",
                format!("expected 0 to 720, got {}", self.policy.new_method_cooling_off_hours),
            );
        }
        for (i, a) in self.alerts.admin_emails.iter().enumerate() {
            if a.parse::<lettre::message::Mailbox>().is_err() {
                err(&format!("alerts.admin_emails[{i}]"), format!("not a mail address: {a:?}"));
            }
        }
        if self.server.uniform_post_ms > 5_000 {
            err("server.uniform_post_ms", format!("expected 0 to 5000, got {}", self.server.uniform_post_ms));
        }
        let max = self.server.uniform_post_max_ms;
        if max < self.server.uniform_post_ms
            || max > 20_000
            || max >= self.server.request_timeout_secs.saturating_mul(1000)
        {
            err(
                "server.uniform_post_max_ms",
                format!("expected server.uniform_post_ms to 20000 and below server.request_timeout_secs, got {max}"),
            );
        }
        let l = &self.limits;
        if l.pow_base_bits > 20 {
            err("limits.pow_base_bits", format!("expected 0 to 20, got {}", l.pow_base_bits));
        }
        if !(60..=86_400).contains(&l.window_secs) {
            err("limits.window_secs", format!("expected 60 to 86400, got {}", l.window_secs));
        }
        if !(32..=128).contains(&l.ipv6_prefix) {
            err("limits.ipv6_prefix", format!("expected 32 to 128, got {}", l.ipv6_prefix));
        }
        for (path, v) in [
            ("limits.starts_per_address", l.starts_per_address),
            ("limits.starts_per_address_without_pow", l.starts_per_address_without_pow),
            ("limits.pow_challenges_per_address", l.pow_challenges_per_address),
            ("limits.starts_per_account", l.starts_per_account),
            ("limits.code_sends_per_account", l.code_sends_per_account),
            ("limits.code_sends_per_account_total", l.code_sends_per_account_total),
            ("limits.failed_proofs_per_account", l.failed_proofs_per_account),
            ("limits.code_sends_per_address", l.code_sends_per_address),
            ("limits.code_checks_per_account", l.code_checks_per_account),
            ("limits.code_checks_per_address", l.code_checks_per_address),
            ("limits.resets_per_account_per_day", l.resets_per_account_per_day),
            ("limits.password_checks_per_address", l.password_checks_per_address),
        ] {
            if !(1..=100_000).contains(&v) {
                err(path, format!("expected 1 to 100000, got {v}"));
            }
        }
        if !(60..=86_400).contains(&self.server.flow_timeout_secs) {
            err("server.flow_timeout_secs", format!("expected 60 to 86400, got {}", self.server.flow_timeout_secs));
        }

        let db = self.database.effective_url();
        if !(db.starts_with("sqlite:") || db.starts_with("postgres://") || db.starts_with("postgresql://")) {
            err("database.url", format!("expected sqlite://… or postgres://…, got {:?}", redact_url(&db)));
        }
        if self.database.max_connections == 0 {
            err("database.max_connections", "must be at least 1".into());
        }

        match &self.secrets.master_key {
            None => err(
                "secrets.master_key",
                "missing: set 32 random bytes in base64 (openssl rand -base64 32), or secrets.master_key_file".into(),
            ),
            Some(k) if decode_key(k.expose_secret()).is_none() => {
                err("secrets.master_key", "expected exactly 32 bytes encoded in base64".into())
            }
            Some(_) => {}
        }

        if !(1..=1024).contains(&self.directory.max_concurrent_ops) {
            errors.push(ConfigError {
                path: "directory.max_concurrent_ops".into(),
                message: format!("expected 1 to 1024, got {}", self.directory.max_concurrent_ops),
            });
        }
        if !(1..=60).contains(&self.directory.queue_timeout_secs) {
            errors.push(ConfigError {
                path: "directory.queue_timeout_secs".into(),
                message: format!("expected 1 to 60, got {}", self.directory.queue_timeout_secs),
            });
        }
        let graph_on_premises = self.directory.graph.as_ref().map(|g| g.on_premises);
        match self.directory.kind {
            DirectoryKind::Ldap => validate_ldap(&self.directory, errors),
            DirectoryKind::Agent => self.validate_agent(errors),
            DirectoryKind::Graph => {
                let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });
                validate_graph(self.directory.graph.as_ref(), &mut err);
                graph_groups::validate(self, &mut err);
                match graph_on_premises {
                    Some(OnPremises::Ldap) => validate_ldap(&self.directory, errors),
                    Some(OnPremises::Agent) => self.validate_agent(errors),
                    _ => {}
                }
            }
        }
        let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });

        let p = &self.policy;
        if p.enabled_for == EnabledFor::Groups && p.groups.is_empty() {
            err("policy.groups", "enabled_for = \"groups\" needs at least one group".into());
        }
        if p.methods.is_empty() {
            err("policy.methods", "allow at least one method".into());
        }
        if !(1..=2).contains(&p.methods_required) {
            err("policy.methods_required", format!("expected 1 or 2, got {}", p.methods_required));
        } else if usize::from(p.methods_required) > distinct(&p.methods) {
            err(
                "policy.methods_required",
                format!(
                    "{} methods required but only {} allowed in policy.methods",
                    p.methods_required,
                    distinct(&p.methods)
                ),
            );
        }
        if p.methods_to_register < p.methods_required || usize::from(p.methods_to_register) > distinct(&p.methods) {
            err(
                "policy.methods_to_register",
                format!(
                    "expected between policy.methods_required ({}) and the number of allowed methods ({}), got {}",
                    p.methods_required,
                    distinct(&p.methods),
                    p.methods_to_register
                ),
            );
        }

        for (i, r) in p.rules.iter().enumerate() {
            let at = |key: &str| format!("policy.rules[{i}].{key}");
            if r.groups.is_empty() {
                err(&at("groups"), "name at least one group".into());
            }
            if let Some(k) = r.excluded_methods.iter().find(|k| !p.methods.contains(k)) {
                err(&at("excluded_methods"), format!("{:?} is not in policy.methods", k.as_str()));
            }
            let usable = p.methods.iter().filter(|k| !r.excluded_methods.contains(k)).count();
            let required = r.methods_required.unwrap_or(p.methods_required);
            if !(1..=2).contains(&required) || usize::from(required) > usable {
                err(
                    &at("methods_required"),
                    format!(
                        "expected 1 or 2 and at most the {usable} methods left after excluded_methods, got {required}"
                    ),
                );
            }
            let to_register = r.methods_to_register.unwrap_or(p.methods_to_register).max(required);
            if usize::from(to_register) > usable {
                err(
                    &at("methods_to_register"),
                    format!("expected at most the {usable} usable methods, got {to_register}"),
                );
            }
        }
        if p.review_after_days > 3650 {
            err("policy.review_after_days", format!("expected 0 to 3650, got {}", p.review_after_days));
        }

        let pw = &self.password;
        if !(5..=128).contains(&pw.min_length) {
            err("password.min_length", format!("expected 5 to 128, got {}", pw.min_length));
        }
        if !(1..=4).contains(&pw.min_classes) {
            err("password.min_classes", format!("expected 1 to 4, got {}", pw.min_classes));
        }
        if pw.min_score > 4 {
            err("password.min_score", format!("expected 0 to 4, got {}", pw.min_score));
        }
        for (i, term) in pw.banned_terms.iter().enumerate() {
            if !(3..=64).contains(&term.trim().chars().count()) {
                err(&format!("password.banned_terms[{i}]"), format!("expected 3 to 64 characters, got {term:?}"));
            }
        }

        if !(6..=10).contains(&self.codes.length) {
            err("codes.length", format!("expected 6 to 10 digits, got {}", self.codes.length));
        }
        if !(60..=3600).contains(&self.codes.ttl_secs) {
            err("codes.ttl_secs", format!("expected 60 to 3600, got {}", self.codes.ttl_secs));
        }
        if !(1..=20).contains(&self.codes.max_wrong_tries) {
            err("codes.max_wrong_tries", format!("expected 1 to 20, got {}", self.codes.max_wrong_tries));
        }
        if self.totp.skew > 1 {
            err("totp.skew", format!("expected 0 or 1, got {}", self.totp.skew));
        }
        if self.totp.issuer.trim().is_empty() || self.totp.issuer.contains(':') {
            err("totp.issuer", "must be non-empty and contain no ':'".into());
        }

        if self.mail.transport == MailTransport::Smtp {
            if self.mail.host.trim().is_empty() {
                err("mail.host", "missing: the SMTP server".into());
            }
            if self.mail.port == 0 {
                err("mail.port", "must be 1 to 65535".into());
            }
            if self.mail.username.is_some() != self.mail.password.is_some() {
                err("mail.password", "mail.username and mail.password go together".into());
            }
        }
        if self.mail.from.parse::<lettre::message::Mailbox>().is_err() {
            err(
                "mail.from",
                format!("expected an address like \"IT <no-reply@example.com>\", got {:?}", self.mail.from),
            );
        }
        if !(1..=120).contains(&self.mail.timeout_secs) {
            err("mail.timeout_secs", format!("expected 1 to 120, got {}", self.mail.timeout_secs));
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            err("log.level", format!("not a valid filter: {:?}", self.log.level));
        }
        self.sms.validate(self.policy.methods.contains(&MethodKind::Sms), &mut err);
        self.audit.validate(&mut err);
        if self.policy.methods.contains(&MethodKind::Passkey) {
            if let Err((key, message)) = self.passkeys.relying_party(&self.server.public_url, &self.kiosk.hosts) {
                err(key, message);
            }
        }
    }

    /// The effective configuration as TOML, secrets redacted.
    fn validate_agent(&self, errors: &mut Vec<ConfigError>) {
        let a = &self.directory.agent;
        let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });
        if !(2..=120).contains(&a.deadline_secs) {
            err("directory.agent.deadline_secs", format!("expected 2 to 120, got {}", a.deadline_secs));
        } else if a.deadline_secs >= self.server.request_timeout_secs {
            err(
                "directory.agent.deadline_secs",
                format!(
                    "must be shorter than server.request_timeout_secs ({}), or the request ends before the agent answers",
                    self.server.request_timeout_secs
                ),
            );
        }
        if a.lease_secs == 0 || a.lease_secs > a.deadline_secs {
            err(
                "directory.agent.lease_secs",
                format!("expected 1 to directory.agent.deadline_secs ({}), got {}", a.deadline_secs, a.lease_secs),
            );
        }
        if !(5..=600).contains(&a.heartbeat_window_secs) {
            err("directory.agent.heartbeat_window_secs", format!("expected 5 to 600, got {}", a.heartbeat_window_secs));
        }
        if !(1..=10_080).contains(&a.token_ttl_mins) {
            err("directory.agent.token_ttl_mins", format!("expected 1 to 10080 (a week), got {}", a.token_ttl_mins));
        }
    }

    pub fn to_redacted_toml(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        render_toml(&value)
    }

    /// Whether cookies must carry `Secure` (and the `__Host-` prefix).
    /// The trusted proxies, parsed (invalid entries were refused by `validate`).
    pub fn trusted_proxies(&self) -> Vec<ipnet::IpNet> {
        self.server.trusted_proxies.iter().filter_map(|p| parse_net(p)).collect()
    }

    pub fn secure_cookies(&self) -> bool {
        self.server.public_url.starts_with("https://")
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

fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty() && label.len() <= 63 && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Checks the `[directory]` section of an LDAP directory (the portal's or an agent's).
pub(crate) fn validate_ldap(d: &DirectoryConfig, errors: &mut Vec<ConfigError>) {
    let discovering = discovery::validate(d, errors);
    let mut err = |path: &str, message: String| errors.push(ConfigError { path: path.into(), message });
    let urls: Vec<&str> = if discovering { Vec::new() } else { d.urls().collect() };
    if urls.is_empty() && !discovering {
        err("directory.url", "missing: ldap://host:389 or ldaps://host:636".into());
    }
    let many = urls.len() > 1;
    for (i, url) in urls.iter().enumerate() {
        let key = if many { format!("directory.url[{i}]") } else { "directory.url".to_owned() };
        match url::Url::parse(url) {
            Ok(u) if matches!(u.scheme(), "ldap" | "ldaps") && u.host().is_some() => {
                if u.scheme() == "ldaps" && d.starttls {
                    err("directory.starttls", "StartTLS cannot be used with an ldaps:// URL".into());
                }
                if u.scheme() == "ldap" && !d.starttls {
                    if d.flavour == LdapFlavour::ActiveDirectory {
                        err(&key, AD_NEEDS_TLS.into());
                    } else if !d.allow_plaintext {
                        err(&key, PLAINTEXT_REFUSED.into());
                    }
                }
            }
            _ => err(&key, format!("expected ldap:// or ldaps://, got {url:?}")),
        }
    }
    if let Some(ca) = &d.ca_file {
        if !ca.is_file() {
            err("directory.ca_file", format!("no such file: {}", ca.display()));
        }
    }
    if d.bind_dn.trim().is_empty() {
        err("directory.bind_dn", "missing: the service account's DN".into());
    }
    if d.bind_password.is_none() {
        err("directory.bind_password", "missing: set it or directory.bind_password_file".into());
    }
    if d.base_dn.trim().is_empty() {
        err("directory.base_dn", "missing: where the accounts live, e.g. ou=people,dc=example,dc=com".into());
    }
    if !(d.user_filter.is_empty() || d.user_filter.starts_with('(') && d.user_filter.ends_with(')')) {
        err("directory.user_filter", format!("expected a filter in parentheses, got {:?}", d.user_filter));
    }
    if d.login_attributes.is_empty() {
        err("directory.login_attributes", "list at least one attribute, e.g. [\"uid\"]".into());
    }
    for (i, a) in d.login_attributes.iter().enumerate() {
        if !is_attribute_name(a) {
            err(&format!("directory.login_attributes[{i}]"), format!("not an attribute name: {a:?}"));
        }
    }
    for (path, a) in [
        ("directory.display_name_attribute", &d.display_name_attribute),
        ("directory.mail_attribute", &d.mail_attribute),
        ("directory.phone_attribute", &d.phone_attribute),
        ("directory.group_member_attribute", &d.group_member_attribute),
    ] {
        if !is_attribute_name(a) {
            err(path, format!("not an attribute name: {a:?}"));
        }
    }
    if !(1..=120).contains(&d.timeout_secs) {
        err("directory.timeout_secs", format!("expected 1 to 120, got {}", d.timeout_secs));
    }
    if !(1..=64).contains(&d.pool_size) {
        err("directory.pool_size", format!("expected 1 to 64, got {}", d.pool_size));
    }
}

/// An address (as a /32 or /128) or a CIDR range.
fn parse_net(text: &str) -> Option<ipnet::IpNet> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>().ok().or_else(|| text.parse::<std::net::IpAddr>().ok().map(ipnet::IpNet::from))
}

fn distinct(methods: &[MethodKind]) -> usize {
    let mut m = methods.to_vec();
    m.sort();
    m.dedup();
    m.len()
}

fn is_attribute_name(a: &str) -> bool {
    let mut chars = a.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn decode_key(text: &str) -> Option<[u8; 32]> {
    use base64::Engine;
    let bytes = zeroize::Zeroizing::new(base64::engine::general_purpose::STANDARD.decode(text.trim()).ok()?);
    bytes.as_slice().try_into().ok()
}

fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("redacted"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// `[directory.graph]` when `directory.kind = "graph"`.
fn validate_graph(g: Option<&GraphConfig>, err: &mut impl FnMut(&str, String)) {
    let Some(g) = g else {
        err("directory.graph", "missing: kind = \"graph\" needs a [directory.graph] section".into());
        return;
    };
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
    graph_transport::validate(g, err);
    if !(1..=120).contains(&g.timeout_secs) {
        err("directory.graph.timeout_secs", format!("expected 1 to 120, got {}", g.timeout_secs));
    }
    if !(1..=600).contains(&g.deadline_secs) || g.deadline_secs < g.timeout_secs {
        err("directory.graph.deadline_secs", format!("expected timeout_secs to 600, got {}", g.deadline_secs));
    }
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
        render_section(&mut out, name, section);
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
