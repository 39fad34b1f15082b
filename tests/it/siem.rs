//! The SIEM export against local receivers: syslog over TLS (RFC 5425) and UDP (RFC 5426) and
//! the JSON-lines file, in the order the trail was written, and a restart that resumes from the
//! cursor in the database with no record lost and none sent twice.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rekey::config::Config;
use rekey::directory::{DirUser, UserId};
use rekey::flow::{AuditRecord, Requester};
use rekey::store::AuditEvent;

use crate::support::env::TestEnv;
use crate::support::receivers::{SyslogReceiver, TestCa, syslog_id};

fn someone(n: usize) -> DirUser {
    DirUser {
        id: UserId(format!("uid-{n}")),
        dn: String::new(),
        login: format!("person{n}"),
        display_name: String::new(),
        emails: vec![],
        phones: vec![],
        groups: vec![],
        state: Default::default(),
    }
}

const EVENTS: [(&str, &str); 4] =
    [("reset", "success"), ("method_added", "success"), ("sign_in", "failure"), ("change", "success")];

/// Writes the `n`th test record through the portal's `Services::audit`.
async fn record(services: &rekey::flow::Services, n: usize) {
    let (event, outcome) = EVENTS[n % EVENTS.len()];
    let user = someone(n);
    let who = Requester { ip: Some("192.0.2.7".into()), ..Requester::default() };
    let r = AuditRecord {
        event,
        flow: Some("reset"),
        user: Some(&user),
        outcome,
        method: Some("email"),
        ..Default::default()
    };
    services.audit(&who, r).await;
}

fn json_file() -> PathBuf {
    let dir = crate::support::output_dir().join("siem");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{}.jsonl", crate::support::unique("audit")))
}

fn json_sequences(path: &Path) -> Vec<i64> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["metadata"]["sequence"].as_i64().unwrap())
        .collect()
}

async fn wait_for_lines(path: &Path, n: usize) -> Vec<i64> {
    for _ in 0..200 {
        if json_sequences(path).len() >= n {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    json_sequences(path)
}

/// Consecutive ids from the first: no gap, no duplicate, in order.
fn assert_consecutive(ids: &[i64], n: usize, what: &str) {
    assert_eq!(ids.len(), n, "{what}: {ids:?}");
    let first = ids[0];
    assert_eq!(ids, (first..first + n as i64).collect::<Vec<_>>(), "{what}: in order, no gap, no duplicate");
}

/// One RFC 5424 record's parts, checked.
fn check_record(r: &str) -> serde_json::Value {
    let (head, msg) = r.split_once(" \u{feff}").expect("SD then a BOM before the message");
    let fields: Vec<&str> = head.splitn(7, ' ').collect();
    assert!(fields[0].starts_with('<') && fields[0].ends_with(">1"), "PRI and version: {r}");
    let pri: u16 = fields[0][1..fields[0].len() - 2].parse().unwrap();
    assert_eq!(pri / 8, 10, "facility authpriv: {r}");
    assert!(time::OffsetDateTime::parse(fields[1], &time::format_description::well_known::Rfc3339).is_ok(), "{r}");
    assert_eq!(fields[3], "rekey");
    assert!(fields[6].starts_with("[rekey@32473 id=\""), "{r}");
    let ocsf: serde_json::Value = serde_json::from_str(msg).unwrap();
    assert_eq!(ocsf["class_uid"], 3001);
    assert_eq!(ocsf["unmapped"]["event"], fields[5], "MSGID is the event");
    assert_eq!(ocsf["unmapped"]["chain_ok"], true);
    assert_eq!(ocsf["src_endpoint"]["ip"], "192.0.2.7");
    ocsf
}

#[tokio::test]
async fn records_reach_syslog_over_tls_and_the_file_in_order_and_a_restart_resumes_without_loss_or_duplicates() {
    let ca = TestCa::new();
    let syslog = SyslogReceiver::tls(&ca).await;
    let file = json_file();
    let (target, ca_file, path) = (syslog.target.clone(), ca.ca.clone(), file.clone());
    let env = TestEnv::with(move |c: &mut Config| {
        c.siem.syslog = target;
        c.siem.syslog_ca_file = Some(ca_file);
        c.siem.json_file = Some(path);
    })
    .await;
    for n in 0..5 {
        record(&env.server.services, n).await;
    }
    let got = syslog.wait_for(5).await;
    let ids: Vec<i64> = got.iter().map(|r| syslog_id(r)).collect();
    assert_consecutive(&ids, 5, "syslog before the restart");
    let first = check_record(&got[0]);
    assert_eq!((first["activity_id"].as_u64(), first["status_id"].as_u64()), (Some(4), Some(1)), "a reset, succeeded");
    assert_eq!(first["user"]["name"], "person0");
    assert_eq!(check_record(&got[2])["status_id"], 2);
    for r in &got {
        check_record(r);
    }
    assert_consecutive(&wait_for_lines(&file, 5).await, 5, "the file before the restart");

    // A clean stop; records written while no portal runs; a new portal on the same database.
    let TestEnv { server, config, clock, .. } = env;
    server.stop().await;
    let db = rekey::store::Db::connect(&config.database.effective_url(), 2).await.unwrap();
    let keys = rekey::crypto::Keys::derive(&config.master_key().unwrap());
    for n in 5..8 {
        let e = AuditEvent {
            at: clock.now(),
            event: "method_removed".into(),
            login: Some(format!("person{n}")),
            outcome: "success".into(),
            source_ip: Some("192.0.2.7".into()),
            ..AuditEvent::default()
        };
        db.append_audit(&e, &|prev: &[u8], rec: &[u8]| keys.audit_mac(prev, rec)).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(syslog.received().len(), 5, "nothing is sent while stopped");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let server = rekey::web::start_on(listener, config.clone(), clock.clone()).await.unwrap();
    for n in 8..10 {
        record(&server.services, n).await;
    }
    syslog.wait_for(10).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let got = syslog.received();
    let ids: Vec<i64> = got.iter().map(|r| syslog_id(r)).collect();
    assert_consecutive(&ids, 10, "syslog across the restart");
    for r in &got {
        check_record(r);
    }
    let lines = wait_for_lines(&file, 10).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_consecutive(&json_sequences(&file), 10, "the file across the restart");
    assert_eq!(lines[0], ids[0], "the file and syslog start at the same record");
    server.stop().await;
}

#[tokio::test]
async fn records_reach_syslog_over_udp_in_order() {
    let syslog = SyslogReceiver::udp().await;
    let target = syslog.target.clone();
    let env = TestEnv::with(move |c: &mut Config| c.siem.syslog = target).await;
    for n in 0..12 {
        record(&env.server.services, n).await;
    }
    let got = syslog.wait_for(12).await;
    let ids: Vec<i64> = got.iter().map(|r| syslog_id(r)).collect();
    assert_consecutive(&ids, 12, "syslog over UDP");
    for r in &got {
        let ocsf = check_record(r);
        assert!(r.len() < 2048, "a record fits one datagram any relay passes on: {}", r.len());
        assert_eq!(ocsf["metadata"]["product"]["name"], "rekey");
    }
}
