//! `[directory]` for an LDAP directory: OpenLDAP or Active Directory (the `flavour`), reached
//! by the portal itself or by a writeback agent (which loads the same keys).

use serde::{Deserialize, Serialize};

use super::DirectoryConfig;
use crate::config::ConfigError;

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

/// Why an Active Directory config with a plain `ldap://` URL and no StartTLS is refused.
pub const AD_NEEDS_TLS: &str =
    "Active Directory only accepts password operations over TLS: use ldaps:// or set directory.starttls = true";

/// Checks the `[directory]` section of an LDAP directory (the portal's or an agent's).
pub(crate) fn validate_ldap(d: &DirectoryConfig, errors: &mut Vec<ConfigError>) {
    validate(d, &mut |path: &str, message: String| errors.push(ConfigError { path: path.into(), message }));
}

pub(super) fn validate(d: &DirectoryConfig, err: &mut impl FnMut(&str, String)) {
    let discovering = super::discovery::validate(d, err);
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
    if let Some(ca) = &d.ca_file
        && !ca.is_file()
    {
        err("directory.ca_file", format!("no such file: {}", ca.display()));
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

fn is_attribute_name(a: &str) -> bool {
    let mut chars = a.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic()) && chars.all(|c| c.is_ascii_alphanumeric() || c == '-')
}
