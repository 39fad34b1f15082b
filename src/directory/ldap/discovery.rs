//! Active Directory domain controllers found in DNS (`directory.discover_domain`): every DC
//! registers an SRV record `_ldap._tcp.dc._msdcs.<domain>` (the records Windows' own DC
//! locator reads). They are tried by priority, and within one priority in a random order
//! weighted by their weights (RFC 2782). hickory-resolver keeps each answer for its TTL and
//! asks again after that, so DCs added or removed in DNS are followed without a restart; if
//! DNS cannot be reached, the DCs found last are used.
//!
//! A DC is reached by the host name in its SRV record, resolved by the same resolver (so a
//! `directory.dns_server` answers for both), and its TLS certificate is checked against that
//! name, never against the address: LDAPS on port 636 (SRV records only name the LDAP port),
//! or StartTLS on the record's port with `directory.starttls`.

use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;
use rand::Rng;
use rand::distributions::{Distribution, WeightedIndex};

use crate::config::{DirectoryConfig, discovery};
use crate::directory::DirError;

/// The AD LDAPS port, used for every DC unless `directory.starttls` is set.
pub const LDAPS_PORT: u16 = 636;

/// Within one priority, a weight of 0 still gets this small share (RFC 2782: "a very small
/// chance of being selected").
const ZERO_WEIGHT_SHARE: f64 = 0.01;

/// One SRV record: a DC's host name (no trailing dot) and LDAP port.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub host: String,
    pub port: u16,
    pub priority: u16,
    pub weight: u16,
}

/// The domain's DCs as DNS gives them.
pub struct Discovery {
    resolver: TokioResolver,
    /// `_ldap._tcp.dc._msdcs.<domain>.`
    name: String,
    starttls: bool,
    /// The DCs of the last answer, for when DNS cannot be reached.
    last: Mutex<Vec<Target>>,
}

impl Discovery {
    /// Prepares the resolver; asks nothing yet.
    pub fn new(config: &DirectoryConfig) -> Result<Discovery, DirError> {
        let mut builder = if config.dns_server.trim().is_empty() {
            TokioResolver::builder_tokio().map_err(|e| {
                DirError::Unavailable(format!(
                    "directory.discover_domain: cannot read the system's DNS configuration ({e}); set \
                     directory.dns_server"
                ))
            })?
        } else {
            let server = discovery::dns_server(&config.dns_server)
                .map_err(|e| DirError::Unavailable(format!("directory.dns_server: {e}")))?;
            let mut ns = NameServerConfig::udp_and_tcp(server.ip());
            for connection in &mut ns.connections {
                connection.port = server.port();
            }
            TokioResolver::builder_with_config(
                ResolverConfig::from_name_servers(vec![ns]),
                TokioRuntimeProvider::default(),
            )
        };
        let options = builder.options_mut();
        options.timeout = std::time::Duration::from_secs(config.timeout_secs.clamp(1, 5));
        options.attempts = 2;
        let resolver = builder
            .build()
            .map_err(|e| DirError::Unavailable(format!("directory.discover_domain: DNS resolver: {e}")))?;
        Ok(Discovery {
            resolver,
            name: discovery::srv_name(&config.discover_domain),
            starttls: config.starttls,
            last: Mutex::new(Vec::new()),
        })
    }

    /// The DCs in the order to try them: from DNS (or the resolver's cache while the TTL
    /// lasts), otherwise the last answer.
    pub async fn servers(&self) -> Result<Vec<Target>, DirError> {
        let found = match self.resolver.srv_lookup(self.name.as_str()).await {
            Ok(lookup) => lookup
                .answers()
                .iter()
                .filter_map(|record| match &record.data {
                    RData::SRV(srv) => Some(Target {
                        host: srv.target.to_utf8().trim_end_matches('.').to_owned(),
                        port: srv.port,
                        priority: srv.priority,
                        weight: srv.weight,
                    }),
                    _ => None,
                })
                // A target of "." says the service is not offered there (RFC 2782).
                .filter(|t| !t.host.is_empty())
                .collect(),
            Err(e) => {
                tracing::warn!(name = %self.name, error = %e, "DNS lookup of the domain controllers failed");
                Vec::new()
            }
        };
        let targets = if found.is_empty() {
            let last = self.last.lock().map(|l| l.clone()).unwrap_or_default();
            if last.is_empty() {
                return Err(DirError::Unavailable(format!(
                    "directory.discover_domain: DNS names no domain controller at {}",
                    self.name
                )));
            }
            tracing::warn!(name = %self.name, "using the domain controllers DNS named before");
            last
        } else {
            if let Ok(mut last) = self.last.lock() {
                last.clone_from(&found);
            }
            found
        };
        Ok(rfc2782_order(targets, &mut rand::thread_rng()))
    }

    /// The URL for a DC: its host name, so that TLS checks the certificate against it.
    pub fn url(&self, target: &Target) -> String {
        if self.starttls {
            format!("ldap://{}:{}", target.host, target.port)
        } else {
            format!("ldaps://{}:{LDAPS_PORT}", target.host)
        }
    }

    /// The addresses to connect to for a DC, from the same resolver as its SRV record.
    pub async fn addresses(&self, target: &Target) -> Result<Vec<SocketAddr>, DirError> {
        let port = if self.starttls { target.port } else { LDAPS_PORT };
        let fqdn = format!("{}.", target.host);
        let found = self.resolver.lookup_ip(fqdn.as_str()).await.map_err(|e| {
            tracing::warn!(host = %target.host, error = %e, "cannot resolve a domain controller's name");
            DirError::Unavailable(format!("cannot resolve {}: {e}", target.host))
        })?;
        Ok(found.iter().map(|ip: IpAddr| SocketAddr::new(ip, port)).collect())
    }
}

/// RFC 2782's order: lowest priority first; within one priority, repeatedly pick one at
/// random with a chance proportional to its weight.
pub fn rfc2782_order(mut targets: Vec<Target>, rng: &mut impl Rng) -> Vec<Target> {
    targets.sort_by_key(|t| t.priority);
    let mut ordered = Vec::with_capacity(targets.len());
    while let Some(priority) = targets.first().map(|t| t.priority) {
        let split = targets.iter().position(|t| t.priority != priority).unwrap_or(targets.len());
        let rest = targets.split_off(split);
        let mut group = std::mem::replace(&mut targets, rest);
        while !group.is_empty() {
            let weights = group.iter().map(|t| f64::from(t.weight).max(ZERO_WEIGHT_SHARE));
            let index = WeightedIndex::new(weights).map(|w| w.sample(rng)).unwrap_or(0);
            ordered.push(group.remove(index));
        }
    }
    ordered
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::*;

    fn target(host: &str, priority: u16, weight: u16) -> Target {
        Target { host: host.into(), port: 389, priority, weight }
    }

    #[test]
    fn lower_priorities_always_come_first() {
        let mut rng = StdRng::seed_from_u64(7);
        for _ in 0..200 {
            let order = rfc2782_order(
                vec![target("c", 20, 100), target("a", 0, 1), target("b", 10, 0), target("a2", 0, 50)],
                &mut rng,
            );
            let priorities: Vec<u16> = order.iter().map(|t| t.priority).collect();
            assert_eq!(priorities, [0, 0, 10, 20]);
        }
    }

    #[test]
    fn within_a_priority_the_first_is_picked_by_weight() {
        let mut rng = StdRng::seed_from_u64(11);
        let mut heavy_first = 0;
        let mut zero_first = 0;
        for _ in 0..2000 {
            let order =
                rfc2782_order(vec![target("light", 0, 10), target("heavy", 0, 90), target("zero", 0, 0)], &mut rng);
            assert_eq!(order.len(), 3);
            heavy_first += usize::from(order[0].host == "heavy");
            zero_first += usize::from(order[0].host == "zero");
        }
        assert!((1700..1900).contains(&heavy_first), "heavy first {heavy_first} times in 2000");
        assert!(zero_first < 10, "weight 0 first {zero_first} times in 2000");
    }

    #[test]
    fn equal_weights_share_the_first_place() {
        let mut rng = StdRng::seed_from_u64(3);
        let firsts = (0..1000)
            .filter(|_| rfc2782_order(vec![target("x", 5, 0), target("y", 5, 0)], &mut rng)[0].host == "x")
            .count();
        assert!((400..600).contains(&firsts), "x first {firsts} times in 1000");
    }
}
