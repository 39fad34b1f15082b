//! A real DNS server for the tests: hickory-server, authoritative for one zone, answering over
//! UDP and TCP on 127.0.0.1 at a free port. A test sets SRV and A records, and changes them
//! while the server runs (as an administrator or a DC's own registration would).

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::{Ipv4Addr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use hickory_server::Server;
use hickory_server::proto::rr::rdata::{A, SOA, SRV};
use hickory_server::proto::rr::{LowerName, Name, RData, Record, RecordType, RrKey};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, ZoneHandler, ZoneType};

/// One SRV record: priority, weight, port, target host name.
pub type Srv<'a> = (u16, u16, u16, &'a str);

pub struct DnsServer {
    /// Where it listens (UDP and TCP): what `directory.dns_server` names.
    pub address: SocketAddr,
    zone: Arc<InMemoryZoneHandler>,
    serial: AtomicU32,
    _server: Server<Catalog>,
}

impl DnsServer {
    /// Serves an empty zone `origin` (e.g. "corp.test") with its SOA.
    pub async fn start(origin: &str) -> DnsServer {
        let origin = Name::from_str(&format!("{}.", origin.trim_end_matches('.'))).unwrap();
        let mut zone: InMemoryZoneHandler =
            InMemoryZoneHandler::empty(origin.clone(), ZoneType::Primary, AxfrPolicy::Deny);
        let soa = SOA::new(
            Name::from_str("ns").unwrap().append_domain(&origin).unwrap(),
            Name::from_str("hostmaster").unwrap().append_domain(&origin).unwrap(),
            1,
            3600,
            600,
            86_400,
            1,
        );
        assert!(zone.upsert_mut(Record::from_rdata(origin.clone(), 1, RData::SOA(soa)), 1));
        let zone = Arc::new(zone);
        let mut catalog = Catalog::new();
        catalog.upsert(LowerName::new(&origin), vec![zone.clone() as Arc<dyn ZoneHandler>]);

        let udp = tokio::net::UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).await.unwrap();
        let address = udp.local_addr().unwrap();
        // TCP on the same port, for answers too large for UDP; another process may hold it.
        let tcp = tokio::net::TcpListener::bind(address).await.expect("TCP on the DNS server's UDP port");
        let mut server = Server::new(catalog);
        server.register_socket(udp);
        server.register_listener(tcp, Duration::from_secs(5), 4096);
        DnsServer { address, zone, serial: AtomicU32::new(1), _server: server }
    }

    /// Replaces the SRV records at `name` (relative to nothing: a full name) with `records`.
    pub async fn set_srv(&self, name: &str, ttl: u32, records: &[Srv<'_>]) {
        let records = records
            .iter()
            .map(|&(priority, weight, port, target)| RData::SRV(SRV::new(priority, weight, port, fqdn(target))))
            .collect();
        self.replace(name, RecordType::SRV, ttl, records).await;
    }

    /// Replaces the A records of `host` with `address`.
    pub async fn set_a(&self, host: &str, ttl: u32, address: &str) {
        let ip: Ipv4Addr = address.parse().unwrap();
        self.replace(host, RecordType::A, ttl, vec![RData::A(A(ip))]).await;
    }

    async fn replace(&self, name: &str, record_type: RecordType, ttl: u32, data: Vec<RData>) {
        let name = fqdn(name);
        let serial = self.serial.fetch_add(1, Ordering::SeqCst) + 1;
        self.zone.records_mut().await.remove(&RrKey::new(LowerName::new(&name), record_type));
        for rdata in data {
            assert!(self.zone.upsert(Record::from_rdata(name.clone(), ttl, rdata), serial).await);
        }
    }
}

fn fqdn(name: &str) -> Name {
    Name::from_str(&format!("{}.", name.trim_end_matches('.'))).unwrap()
}
