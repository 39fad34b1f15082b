//! The SIEM export: every audit record, as it is written, to syslog (RFC 5424 over TLS or UDP,
//! `notify::syslog`) and/or as a JSON line to a file, each an OCSF record
//! (`export_shape::ocsf`).
//!
//! Each sink has a cursor in the database (`export_cursors`), held by one replica at a time
//! under a lease that the holder renews every tick and gives up at shutdown. A batch is sent
//! first and the cursor moved after, so a restart resumes after the last record handed on: no
//! gap, and no duplicate after a clean stop. After a crash between sending and moving the
//! cursor, syslog may receive the last batch twice (at-least-once); the JSON file never does,
//! since the newest record id already in the file is read back at start.

use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::PathBuf;

use super::export_shape::{chain_ok, ocsf};
use super::{FlowError, Services};
use crate::notify::syslog::{Record, Severity, SyslogSender};
use crate::store::AuditRow;

/// Cursor names.
pub const SYSLOG_CURSOR: &str = "siem.syslog";
pub const JSON_CURSOR: &str = "siem.json";
/// Records per batch.
const PAGE: i64 = 200;
/// Seconds a replica holds a sink without renewing.
pub const LEASE_SECS: i64 = 30;

enum Target {
    Syslog { sender: Box<SyslogSender>, hostname: String },
    Json { path: PathBuf, last_written: i64 },
}

/// One destination and its cursor.
pub struct Sink {
    cursor: &'static str,
    target: Target,
}

impl Sink {
    /// The sinks `[siem]` configures; one that cannot be set up is logged and left out.
    pub fn configured(services: &Services) -> Vec<Sink> {
        let siem = &services.config.siem;
        let mut sinks = Vec::new();
        if let Some(target) = siem.syslog_target() {
            match target.and_then(|t| SyslogSender::new(t, siem.syslog_ca_file.as_deref())) {
                Ok(sender) => {
                    let hostname = if siem.syslog_hostname.is_empty() {
                        crate::notify::syslog::local_hostname()
                    } else {
                        siem.syslog_hostname.clone()
                    };
                    sinks.push(Sink {
                        cursor: SYSLOG_CURSOR,
                        target: Target::Syslog { sender: Box::new(sender), hostname },
                    })
                }
                Err(err) => tracing::error!(%err, "siem.syslog cannot be used"),
            }
        }
        if let Some(path) = &siem.json_file {
            match last_id_in(path) {
                Ok(last_written) => {
                    sinks.push(Sink { cursor: JSON_CURSOR, target: Target::Json { path: path.clone(), last_written } })
                }
                Err(err) => tracing::error!(%err, path = %path.display(), "siem.json_file cannot be read"),
            }
        }
        sinks
    }

    pub fn cursor(&self) -> &'static str {
        self.cursor
    }

    /// Hands on the next batch if this replica holds the sink. True when more may be waiting.
    pub async fn step(&mut self, services: &Services, owner: &str) -> Result<bool, FlowError> {
        let now = services.clock.now();
        let Some(mut after) = services.db.lease_export_cursor(self.cursor, owner, now, now + LEASE_SECS).await? else {
            return Ok(false);
        };
        if let Target::Json { last_written, .. } = &self.target {
            after = after.max(*last_written);
        }
        let rows = services.db.audit_page(after, PAGE).await?;
        let Some(newest) = rows.last().map(|r| r.id) else { return Ok(false) };
        let records: Vec<(&AuditRow, serde_json::Value)> =
            rows.iter().map(|r| (r, ocsf(r, chain_ok(&services.keys, r)))).collect();
        match &mut self.target {
            Target::Syslog { sender, hostname } => {
                let procid = std::process::id();
                let lines: Vec<String> = records
                    .iter()
                    .map(|(row, record)| crate::notify::syslog::format(hostname, procid, &syslog_record(row, record)))
                    .collect();
                sender.send(&lines).await.map_err(|e| FlowError::Unavailable(format!("siem.syslog: {e}")))?;
            }
            Target::Json { path, last_written } => {
                append_lines(path, records.iter().map(|(_, r)| r))
                    .map_err(|e| FlowError::Internal(format!("siem.json_file {}: {e}", path.display())))?;
                *last_written = newest;
            }
        }
        services.db.advance_export_cursor(self.cursor, owner, newest).await?;
        Ok(rows.len() as i64 == PAGE)
    }
}

fn syslog_record<'a>(row: &'a AuditRow, record: &serde_json::Value) -> Record<'a> {
    let e = &row.event;
    let severity = match e.outcome.as_str() {
        "success" => Severity::Notice,
        "failure" | "blocked" => Severity::Warning,
        _ => Severity::Informational,
    };
    let mut params = vec![("id", row.id.to_string()), ("event", e.event.clone()), ("outcome", e.outcome.clone())];
    if let Some(login) = &e.login {
        params.push(("user", login.clone()));
    }
    if let Some(ip) = &e.source_ip {
        params.push(("ip", ip.clone()));
    }
    Record { at: e.at, severity, app_name: "rekey", msg_id: &e.event, params, msg: record.to_string() }
}

/// Appends one JSON line per record and syncs the file.
fn append_lines<'a>(
    path: &std::path::Path,
    records: impl Iterator<Item = &'a serde_json::Value>,
) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new().create(true).append(true).read(true).open(path)?;
    let mut out = Vec::new();
    // A line cut short by a crash stays on its own line.
    let len = file.metadata()?.len();
    if len > 0 {
        let mut last = [0u8; 1];
        file.seek(SeekFrom::Start(len - 1))?;
        file.read_exact(&mut last)?;
        if last[0] != b'\n' {
            out.push(b'\n');
        }
    }
    for r in records {
        serde_json::to_writer(&mut out, r)?;
        out.push(b'\n');
    }
    file.write_all(&out)?;
    file.sync_data()
}

/// The newest record id already in the file (its last complete line's `metadata.sequence`),
/// 0 when the file is missing or empty.
fn last_id_in(path: &std::path::Path) -> std::io::Result<i64> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    let start = len.saturating_sub(256 * 1024);
    file.seek(SeekFrom::Start(start))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)?;
    Ok(tail
        .split(|b| *b == b'\n')
        .rev()
        .filter_map(|line| serde_json::from_slice::<serde_json::Value>(line).ok())
        .find_map(|v| v["metadata"]["sequence"].as_i64())
        .unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_tells_where_it_stopped_even_after_a_cut_line() {
        let dir = std::env::temp_dir().join(format!("rekey-siem-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let path = dir.join("audit.jsonl");
        let _ = std::fs::remove_file(&path);
        assert_eq!(last_id_in(&path).ok(), Some(0));
        let rec = |n: i64| serde_json::json!({ "metadata": { "sequence": n } });
        append_lines(&path, [rec(1), rec(2)].iter()).unwrap_or_default();
        assert_eq!(last_id_in(&path).ok(), Some(2));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(b"{\"metad"))
            .unwrap_or_default();
        assert_eq!(last_id_in(&path).ok(), Some(2));
        append_lines(&path, [rec(3)].iter()).unwrap_or_default();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(text.ends_with("\n{\"metadata\":{\"sequence\":3}}\n"), "{text}");
        assert_eq!(last_id_in(&path).ok(), Some(3));
    }
}
