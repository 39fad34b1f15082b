//! `directory.discover_domain` and `directory.dns_server`: Active Directory domain controllers
//! found in DNS instead of listed in `directory.url` (`crate::directory::ldap::discovery`).

use std::net::{IpAddr, SocketAddr};

use super::{DirectoryConfig, LdapFlavour};

/// The SRV name every domain controller of `domain` registers (the DC locator's record).
pub fn srv_name(domain: &str) -> String {
    format!("_ldap._tcp.dc._msdcs.{}.", domain.trim().trim_end_matches('.'))
}

/// `directory.dns_server`: `address` (port 53) or `address:port`, IPv6 as `[address]:port`.
pub fn dns_server(value: &str) -> Result<SocketAddr, String> {
    let value = value.trim();
    if let Ok(address) = value.parse::<SocketAddr>() {
        return Ok(address);
    }
    match value.parse::<IpAddr>() {
        Ok(ip) => Ok(SocketAddr::new(ip, 53)),
        Err(_) => {
            Err(format!("expected an IP address with an optional port (10.0.0.53 or 10.0.0.53:5353), got {value:?}"))
        }
    }
}

/// What `directory.url` holds when nobody set it.
fn url_left_at_default(d: &DirectoryConfig) -> bool {
    d.url.trim().is_empty() || d.url == DirectoryConfig::default().url
}

/// Checks the discovery keys. Returns true when discovery replaces `directory.url` (whose own
/// checks are then skipped).
pub(super) fn validate(d: &DirectoryConfig, err: &mut impl FnMut(&str, String)) -> bool {
    if let Err(message) = (!d.dns_server.trim().is_empty()).then(|| dns_server(&d.dns_server)).transpose() {
        err("directory.dns_server", message);
    }
    let domain = d.discover_domain.trim();
    if domain.is_empty() {
        if !d.dns_server.trim().is_empty() {
            err("directory.dns_server", "only used with directory.discover_domain, which is not set".into());
        }
        return false;
    }
    let labels_ok = domain.trim_end_matches('.').split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
    });
    if !labels_ok || domain.len() > 200 {
        err("directory.discover_domain", format!("expected a DNS domain name like corp.example.com, got {domain:?}"));
    }
    if d.flavour != LdapFlavour::ActiveDirectory {
        err(
            "directory.discover_domain",
            "finds Active Directory domain controllers: set directory.flavour = \"active_directory\", or list \
             the servers in directory.url"
                .into(),
        );
    }
    if !url_left_at_default(d) {
        err("directory.url", "set either directory.url or directory.discover_domain, not both".into());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(d: &DirectoryConfig) -> String {
        let mut errors = Vec::new();
        super::super::validate_ldap(d, &mut errors);
        errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    }

    fn ad() -> DirectoryConfig {
        DirectoryConfig {
            flavour: LdapFlavour::ActiveDirectory,
            discover_domain: "corp.example.com".into(),
            bind_dn: "CN=rekey,DC=corp,DC=example,DC=com".into(),
            bind_password: Some(secrecy::SecretString::from("x".to_owned())),
            base_dn: "DC=corp,DC=example,DC=com".into(),
            ..DirectoryConfig::default()
        }
    }

    #[test]
    fn discovery_replaces_the_url_and_its_checks() {
        assert_eq!(errors(&ad()), "");
        assert_eq!(errors(&DirectoryConfig { url: String::new(), dns_server: "10.0.0.53".into(), ..ad() }), "");
        assert_eq!(srv_name("corp.example.com."), "_ldap._tcp.dc._msdcs.corp.example.com.");
    }

    #[test]
    fn mistakes_name_the_key() {
        let both = errors(&DirectoryConfig { url: "ldaps://dc1.corp.example.com".into(), ..ad() });
        assert!(both.contains("directory.url: set either directory.url or directory.discover_domain"), "{both}");
        let openldap = errors(&DirectoryConfig { flavour: LdapFlavour::Openldap, ..ad() });
        assert!(openldap.contains("directory.discover_domain: finds Active Directory"), "{openldap}");
        let bad = errors(&DirectoryConfig { discover_domain: "corp example".into(), ..ad() });
        assert!(bad.contains("directory.discover_domain: expected a DNS domain name"), "{bad}");
        let server = errors(&DirectoryConfig { dns_server: "dns.corp:53".into(), ..ad() });
        assert!(server.contains("directory.dns_server: expected an IP address"), "{server}");
        let alone = errors(&DirectoryConfig { discover_domain: String::new(), dns_server: "10.0.0.53".into(), ..ad() });
        assert!(alone.contains("directory.dns_server: only used with directory.discover_domain"), "{alone}");
    }

    #[test]
    fn a_dns_server_may_name_its_port() {
        assert_eq!(dns_server("10.0.0.53").unwrap(), "10.0.0.53:53".parse().unwrap());
        assert_eq!(dns_server("127.0.0.1:5353").unwrap(), "127.0.0.1:5353".parse().unwrap());
        assert_eq!(dns_server("[::1]:53").unwrap(), "[::1]:53".parse().unwrap());
        assert!(dns_server("").is_err());
    }
}
