//! `[directory.graph]` endpoints and trust: `authority_url` and `graph_url` are `https://`
//! (a loopback `http://` only with `allow_insecure_loopback`, for tests), and `ca_file` adds the
//! CA of a TLS-intercepting proxy to the public web roots.

use std::path::Path;

use super::GraphConfig;

/// The setting that lets tests talk plain HTTP to a loopback double.
pub const INSECURE_LOOPBACK_KEY: &str = "directory.graph.allow_insecure_loopback";

/// Checks the two URLs and the CA file, naming the key at fault.
pub(super) fn validate(g: &GraphConfig, err: &mut impl FnMut(&str, String)) {
    for (path, value) in
        [("directory.graph.authority_url", &g.authority_url), ("directory.graph.graph_url", &g.graph_url)]
    {
        if let Err(why) = check_url(value, g.allow_insecure_loopback) {
            err(path, why);
        }
    }
    if let Some(ca) = &g.ca_file
        && let Err(why) = read_ca_file(ca)
    {
        err("directory.graph.ca_file", why);
    }
}

/// `Ok` for an `https://` URL with a host, or a loopback `http://` one when `allow_loopback`.
pub fn check_url(value: &str, allow_loopback: bool) -> Result<(), String> {
    let Ok(u) = url::Url::parse(value) else {
        return Err(format!("expected an https:// URL, got {value:?}"));
    };
    let loopback = match u.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => return Err(format!("expected an https:// URL, got {value:?}")),
    };
    match u.scheme() {
        "https" => Ok(()),
        "http" if loopback && allow_loopback => Ok(()),
        "http" if loopback => Err(format!(
            "expected an https:// URL, got {value:?} (plain http to a loopback address only with \
             {INSECURE_LOOPBACK_KEY} = true, for tests)"
        )),
        _ => Err(format!("expected an https:// URL, got {value:?}")),
    }
}

/// The certificates in a PEM file, at least one.
pub fn read_ca_file(path: &Path) -> Result<Vec<reqwest::Certificate>, String> {
    let pem = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let certs = reqwest::Certificate::from_pem_bundle(&pem)
        .map_err(|e| format!("{} is not a PEM certificate bundle: {e}", path.display()))?;
    if certs.is_empty() {
        return Err(format!("{} holds no PEM certificate", path.display()));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(g: &GraphConfig) -> Vec<String> {
        let mut out = vec![];
        validate(g, &mut |k: &str, why: String| out.push(format!("{k}: {why}")));
        out
    }

    fn graph(authority: &str, graph: &str) -> GraphConfig {
        GraphConfig { authority_url: authority.into(), graph_url: graph.into(), ..GraphConfig::default() }
    }

    #[test]
    fn the_defaults_are_https_and_pass() {
        assert_eq!(errors(&GraphConfig::default()), Vec::<String>::new());
    }

    #[test]
    fn plain_http_is_refused_and_the_test_key_is_named_for_loopback() {
        let errs = errors(&graph("http://login.example.com", "http://127.0.0.1:8080"));
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].starts_with("directory.graph.authority_url: expected an https:// URL"), "{errs:?}");
        assert!(!errs[0].contains(INSECURE_LOOPBACK_KEY), "not offered for a remote host: {errs:?}");
        assert!(errs[1].starts_with("directory.graph.graph_url:"), "{errs:?}");
        assert!(errs[1].contains(INSECURE_LOOPBACK_KEY), "{errs:?}");
    }

    #[test]
    fn loopback_http_passes_only_with_the_test_key() {
        let mut g = graph("http://127.0.0.1:1", "http://[::1]:2");
        g.allow_insecure_loopback = true;
        assert_eq!(errors(&g), Vec::<String>::new());
        let remote = GraphConfig { allow_insecure_loopback: true, ..graph("http://10.0.0.1", "https://graph.test") };
        let errs = errors(&remote);
        assert_eq!(errs.len(), 1, "the test key never lets plain http leave the machine: {errs:?}");
        assert!(errs[0].starts_with("directory.graph.authority_url:"), "{errs:?}");
        assert!(errors(&graph("ftp://x.test", "https://")).len() == 2);
    }

    #[test]
    fn a_ca_file_must_exist_and_hold_a_certificate() {
        let g = GraphConfig { ca_file: Some("/nonexistent/proxy-ca.pem".into()), ..GraphConfig::default() };
        let errs = errors(&g);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("directory.graph.ca_file: cannot read /nonexistent/proxy-ca.pem"), "{errs:?}");

        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let errs = errors(&GraphConfig { ca_file: Some(empty), ..GraphConfig::default() });
        assert!(errs.len() == 1 && errs[0].starts_with("directory.graph.ca_file:"), "{errs:?}");
    }
}
