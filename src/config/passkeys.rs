//! `[passkeys]`: the relying party passkeys and security keys are bound to.
//!
//! A passkey works only on pages served from one of the relying party's origins, and only for
//! the relying party id (a domain) it was made for: a look-alike site cannot use it. Both
//! default to what `server.public_url` says, so most deployments set nothing here.

use serde::{Deserialize, Serialize};
use url::Url;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasskeysConfig {
    /// The domain passkeys belong to, e.g. `example.com`. Empty: the host of
    /// `server.public_url`. Changing it later makes every registered passkey unusable.
    pub rp_id: String,
    /// Origins (`https://host[:port]`) whose pages may use passkeys. Empty: the origin of
    /// `server.public_url` and, for each of `kiosk.hosts`, the same scheme and port on that host.
    pub origins: Vec<String>,
    /// Seconds the browser gives the person to use their passkey.
    pub timeout_secs: u64,
}

impl Default for PasskeysConfig {
    fn default() -> Self {
        PasskeysConfig { rp_id: String::new(), origins: vec![], timeout_secs: 120 }
    }
}

/// The relying party as the browser sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelyingParty {
    pub id: String,
    /// Never empty: the first is the main one.
    pub origins: Vec<Url>,
}

impl PasskeysConfig {
    /// The relying party id and origins, defaults filled in; or the key that is wrong and why.
    pub fn relying_party(
        &self,
        public_url: &str,
        kiosk_hosts: &[String],
    ) -> Result<RelyingParty, (&'static str, String)> {
        let public = Url::parse(public_url)
            .map_err(|e| ("server.public_url", format!("passkeys need a valid public URL: {e}")))?;
        let origins: Vec<Url> = if self.origins.is_empty() {
            let mut out = vec![origin_of(&public)];
            for host in kiosk_hosts {
                let mut u = origin_of(&public);
                if u.set_host(Some(host)).is_ok() {
                    out.push(u);
                }
            }
            out
        } else {
            let mut out = Vec::new();
            for o in &self.origins {
                match Url::parse(o) {
                    Ok(u) if u.host_str().is_some() && matches!(u.scheme(), "https" | "http") => {
                        out.push(origin_of(&u))
                    }
                    _ => {
                        return Err((
                            "passkeys.origins",
                            format!("expected an origin like \"https://id.example.com\", got {o:?}"),
                        ));
                    }
                }
            }
            out
        };
        let id = if self.rp_id.is_empty() {
            public.host_str().unwrap_or_default().to_ascii_lowercase()
        } else {
            self.rp_id.trim().to_ascii_lowercase()
        };
        let key = if self.rp_id.is_empty() { "server.public_url" } else { "passkeys.rp_id" };
        if id.is_empty()
            || id.parse::<std::net::IpAddr>().is_ok()
            || id.trim_matches(|c| c == '[' || c == ']').parse::<std::net::Ipv6Addr>().is_ok()
        {
            return Err((
                key,
                format!(
                    "passkeys need a domain name, not an address (got {id:?}); set passkeys.rp_id, or reach the portal by name"
                ),
            ));
        }
        if id.contains(['/', ':', ' ']) {
            return Err((key, format!("expected a domain like \"example.com\", got {id:?}")));
        }
        for o in &origins {
            let host = o.host_str().unwrap_or_default().to_ascii_lowercase();
            if host != id && !host.ends_with(&format!(".{id}")) {
                return Err((
                    if self.origins.is_empty() { "passkeys.rp_id" } else { "passkeys.origins" },
                    format!(
                        "origin {} is not {id} or a subdomain of it, so browsers refuse passkeys there",
                        o.origin().ascii_serialization()
                    ),
                ));
            }
            let local = host == "localhost" || host.ends_with(".localhost");
            if o.scheme() != "https" && !local {
                return Err((
                    if self.origins.is_empty() { "server.public_url" } else { "passkeys.origins" },
                    format!(
                        "browsers use passkeys only over https (or on localhost), not on {}",
                        o.origin().ascii_serialization()
                    ),
                ));
            }
        }
        if !(10..=600).contains(&self.timeout_secs) {
            return Err(("passkeys.timeout_secs", format!("expected 10 to 600, got {}", self.timeout_secs)));
        }
        Ok(RelyingParty { id, origins })
    }
}

fn origin_of(u: &Url) -> Url {
    let mut o = u.clone();
    o.set_path("");
    o.set_query(None);
    o.set_fragment(None);
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rp(c: &PasskeysConfig, public: &str, kiosk: &[&str]) -> Result<RelyingParty, (&'static str, String)> {
        c.relying_party(public, &kiosk.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn defaults_come_from_the_public_url_and_kiosk_hosts() {
        let c = PasskeysConfig { rp_id: "example.com".into(), ..Default::default() };
        let r = rp(&c, "https://id.example.com/", &["kiosk.example.com"]).unwrap();
        assert_eq!(r.id, "example.com");
        let origins: Vec<String> = r.origins.iter().map(|o| o.origin().ascii_serialization()).collect();
        assert_eq!(origins, ["https://id.example.com", "https://kiosk.example.com"]);
        let r = rp(&PasskeysConfig::default(), "http://localhost:8080", &[]).unwrap();
        assert_eq!(r.id, "localhost");
    }

    #[test]
    fn mistakes_name_their_key() {
        let d = PasskeysConfig::default();
        assert_eq!(rp(&d, "https://10.0.0.5", &[]).unwrap_err().0, "server.public_url");
        assert_eq!(rp(&d, "http://id.example.com", &[]).unwrap_err().0, "server.public_url");
        let c = PasskeysConfig { rp_id: "other.org".into(), ..Default::default() };
        assert_eq!(rp(&c, "https://id.example.com", &[]).unwrap_err().0, "passkeys.rp_id");
        let c = PasskeysConfig { origins: vec!["not a url".into()], ..Default::default() };
        assert_eq!(rp(&c, "https://id.example.com", &[]).unwrap_err().0, "passkeys.origins");
        let c = PasskeysConfig { timeout_secs: 1, ..Default::default() };
        assert_eq!(rp(&c, "https://id.example.com", &[]).unwrap_err().0, "passkeys.timeout_secs");
        // A kiosk host outside the relying party's domain could never use a passkey.
        assert!(rp(&d, "https://id.example.com", &["kiosk.other.org"]).is_err());
    }
}
