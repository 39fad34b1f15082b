//! Active Directory domain controllers found in DNS (`directory.discover_domain`), against a
//! real DNS server (hickory-server) naming two real Samba DCs: the first by priority is
//! stopped mid-run and rekey carries on with the next one that answers; DNS changes are
//! followed once their TTL has passed (and the last answer serves while DNS is down); the
//! certificate is checked against the DC's name from DNS.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::{Duration, Instant};

use rekey::config::DirectoryConfig;
use rekey::directory::ldap::LdapDirectory;
use rekey::directory::ldap::discovery::Discovery;
use rekey::directory::{DirError, DirUser, Directory, Login};
use secrecy::SecretString;

use crate::support::dns::DnsServer;
use crate::support::samba::{SambaDc, free_address};
use crate::support::{init_tracing, remember_secret, unique};

const DOMAIN: &str = "corp.test";
const SRV: &str = "_ldap._tcp.dc._msdcs.corp.test";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

async fn find(dir: &LdapDirectory, login: &str) -> Option<DirUser> {
    dir.find_user(&Login::parse(login).unwrap()).await.unwrap()
}

/// `n` loopback addresses, each free for a DC and different from the others.
fn addresses(n: usize) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    while found.len() < n {
        let address = free_address();
        if !found.contains(&address) {
            found.push(address);
        }
    }
    found
}

/// One file with the CAs of all `dcs` (each throw-away DC has its own).
fn ca_bundle(dcs: &[&SambaDc]) -> tempfile::NamedTempFile {
    let file = tempfile::NamedTempFile::new().unwrap();
    let pems: Vec<String> = dcs.iter().map(|dc| std::fs::read_to_string(&dc.ca_file).unwrap()).collect();
    std::fs::write(file.path(), pems.concat()).unwrap();
    file
}

fn discovering(dc: &SambaDc, domain: &str, dns: &DnsServer, cas: &tempfile::NamedTempFile) -> DirectoryConfig {
    DirectoryConfig {
        url: String::new(),
        discover_domain: domain.into(),
        dns_server: dns.address.to_string(),
        ca_file: Some(cas.path().to_owned()),
        ..dc.directory_config()
    }
}

#[tokio::test]
async fn the_first_dc_by_priority_is_used_and_the_next_takes_over_when_it_stops() {
    init_tracing();
    let [a, b, gone] = <[String; 3]>::try_from(addresses(3)).unwrap();
    let (first, second) =
        tokio::join!(SambaDc::start_named(&a, &["dc-a.corp.test"]), SambaDc::start_named(&b, &["dc-b.corp.test"]));
    // Two DCs with the same service account password; each person exists on one DC only, so
    // finding them tells which DC answered.
    second.set_password(&second.accounts.service_dn, &first.accounts.service_password).await;
    let only_first = first.create_user("discfirst").await;
    let only_second = second.create_user("discsecond").await;

    let dns = DnsServer::start(DOMAIN).await;
    dns.set_a("dc-a.corp.test", 60, &first.address).await;
    dns.set_a("dc-b.corp.test", 60, &second.address).await;
    // Registered but gone: nothing listens there.
    dns.set_a("gone.corp.test", 60, &gone).await;
    dns.set_srv(
        SRV,
        60,
        &[(10, 100, 389, "dc-b.corp.test"), (0, 100, 389, "dc-a.corp.test"), (5, 100, 389, "gone.corp.test")],
    )
    .await;
    let cas = ca_bundle(&[&first, &second]);
    let config = discovering(&first, DOMAIN, &dns, &cas);
    let dir = LdapDirectory::new(&config).unwrap();

    assert!(find(&dir, &only_first.uid).await.is_some(), "priority 0 (dc-a) answers");
    assert!(find(&dir, &only_second.uid).await.is_none());
    dir.health().await.unwrap();

    // Mid-run: the pool holds connections to dc-a when it stops.
    first.stop();
    let person = find(&dir, &only_second.uid).await.expect("dc-b (priority 10) answers once dc-a stops");
    assert!(find(&dir, &only_first.uid).await.is_none());
    dir.verify_password(&person, &secret(&only_second.password)).await.unwrap();
    let new = format!("Found-{}-Dns7!", unique(""));
    remember_secret(&new);
    dir.change_password(&person, &secret(&only_second.password), &secret(&new)).await.unwrap();
    assert!(second.bind(&only_second.dn, &new).await, "the change went to dc-b");
    dir.health().await.unwrap();

    // StartTLS on the port from the SRV record works as well as LDAPS on 636.
    let starttls = LdapDirectory::new(&DirectoryConfig { starttls: true, ..config.clone() }).unwrap();
    let person = find(&starttls, &only_second.uid).await.expect("over StartTLS");
    starttls.verify_password(&person, &secret(&new)).await.unwrap();

    // New connections go back to dc-a once it answers again (verify opens one of its own).
    first.restart().await;
    let back = find(&LdapDirectory::new(&config).unwrap(), &only_first.uid).await.expect("dc-a again");
    dir.verify_password(&back, &secret(&only_first.password)).await.unwrap();

    // The certificate is checked against the name DNS gave, not the address: dc-b's address
    // under a name its certificate does not carry is refused.
    dns.set_a("imposter.corp.test", 60, &second.address).await;
    dns.set_srv("_ldap._tcp.dc._msdcs.wrong.corp.test", 60, &[(0, 0, 389, "imposter.corp.test")]).await;
    let wrong = LdapDirectory::new(&discovering(&second, "wrong.corp.test", &dns, &cas)).unwrap();
    let refused = wrong.find_user(&Login::parse(&only_second.uid).unwrap()).await;
    assert!(
        matches!(&refused, Err(DirError::Unavailable(m)) if m.contains("imposter.corp.test") && m.contains("ertificate")),
        "{refused:?}"
    );

    // Nobody registered in DNS: unavailable, naming the key.
    let none = LdapDirectory::new(&discovering(&second, "empty.corp.test", &dns, &cas)).unwrap();
    let result = none.find_user(&Login::parse(&only_second.uid).unwrap()).await;
    assert!(matches!(&result, Err(DirError::Unavailable(m)) if m.contains("directory.discover_domain")), "{result:?}");
}

fn hosts(targets: &[rekey::directory::ldap::discovery::Target]) -> Vec<&str> {
    targets.iter().map(|t| t.host.as_str()).collect()
}

#[tokio::test]
async fn dns_changes_are_followed_once_the_ttl_has_passed_and_the_last_answer_serves_while_dns_is_down() {
    init_tracing();
    let dns = DnsServer::start(DOMAIN).await;
    dns.set_srv(SRV, TTL_SECS, &[(0, 100, 389, "dc-a.corp.test")]).await;
    let config = DirectoryConfig {
        url: String::new(),
        discover_domain: DOMAIN.into(),
        dns_server: dns.address.to_string(),
        timeout_secs: 1,
        ..DirectoryConfig::default()
    };
    let discovery = Discovery::new(&config).unwrap();
    let asked = Instant::now();
    assert_eq!(sorted_hosts(&discovery).await, ["dc-a.corp.test"]);

    // A DC added in DNS: the answer already given stands for its TTL, then the new one. On a
    // machine so busy that the TTL ran out before the second question, "cached" is not checked
    // (the log says so); the rest of the test still is.
    dns.set_srv(SRV, TTL_SECS, &[(0, 100, 389, "dc-a.corp.test"), (0, 100, 389, "dc-b.corp.test")]).await;
    let cached = sorted_hosts(&discovery).await;
    if asked.elapsed() < Duration::from_secs(TTL_SECS.into()) {
        assert_eq!(cached, ["dc-a.corp.test"], "cached within the TTL");
    } else {
        tracing::warn!(elapsed = ?asked.elapsed(), "the TTL passed before the second question; not checking the cache");
    }
    // Once the TTL has passed, asked again: the first answer with both (a question that times
    // out on a loaded machine gets the last answer, so ask until the deadline).
    tokio::time::sleep(Duration::from_millis(u64::from(TTL_SECS) * 1000 + 300)).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut found = sorted_hosts(&discovery).await;
    while found != ["dc-a.corp.test", "dc-b.corp.test"] && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        found = sorted_hosts(&discovery).await;
    }
    assert_eq!(found, ["dc-a.corp.test", "dc-b.corp.test"], "asked again once the TTL passed");

    // DNS gone: the DCs found last are still tried.
    drop(dns);
    tokio::time::sleep(Duration::from_millis(u64::from(TTL_SECS) * 1000 + 300)).await;
    assert_eq!(
        sorted_hosts(&discovery).await,
        ["dc-a.corp.test", "dc-b.corp.test"],
        "the last answer while DNS is down"
    );
}

/// How long the test's SRV records may be kept.
const TTL_SECS: u32 = 2;

async fn sorted_hosts(discovery: &Discovery) -> Vec<String> {
    let mut found = hosts(&discovery.servers().await.unwrap()).into_iter().map(str::to_owned).collect::<Vec<_>>();
    found.sort();
    found
}
