//! Syslog records (RFC 5424) and their two transports: TLS over TCP with octet-counting
//! framing (RFC 5425) and UDP, one record per datagram (RFC 5426). The `syslog` crate formats
//! RFC 5424 but sends only over plain TCP, UDP and Unix sockets, so the few lines of
//! formatting live here, with their escaping rules tested.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt as _;
use tokio::net::{TcpStream, UdpSocket};

use crate::config::SyslogTarget;

/// The facility of every record: authpriv (10), security and authorisation messages.
pub const FACILITY: u8 = 10;
/// The private enterprise number of the structured data's id, `rekey@32473`: 32473 is the
/// number RFC 5612 reserves for documentation, as rekey has none of its own.
pub const SD_ID: &str = "rekey@32473";
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// RFC 5424 severities used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Warning = 4,
    Notice = 5,
    Informational = 6,
}

/// One record, before formatting.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    pub at: i64,
    pub severity: Severity,
    pub app_name: &'a str,
    pub msg_id: &'a str,
    /// SD-PARAMs of the one SD-ELEMENT [`SD_ID`]; names must be SD-NAMEs (checked by tests).
    pub params: Vec<(&'static str, String)>,
    /// The MSG, written as UTF-8 after a BOM.
    pub msg: String,
}

/// `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] BOM MSG`.
pub fn format(hostname: &str, procid: u32, r: &Record<'_>) -> String {
    let pri = u16::from(FACILITY) * 8 + r.severity as u16;
    let timestamp = time::OffsetDateTime::from_unix_timestamp(r.at)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_else(|| "-".into());
    let mut sd = format!("[{SD_ID}");
    for (name, value) in &r.params {
        sd.push_str(&format!(" {name}=\"{}\"", escape_param(value)));
    }
    sd.push(']');
    format!(
        "<{pri}>1 {timestamp} {} {} {procid} {} {sd} \u{feff}{}",
        header_field(hostname, 255),
        header_field(r.app_name, 48),
        header_field(r.msg_id, 32),
        r.msg
    )
}

/// A header field: printable ASCII without spaces, at most `max` characters; `-` when empty.
fn header_field(value: &str, max: usize) -> String {
    let clean: String = value.chars().filter(|c| c.is_ascii_graphic()).take(max).collect();
    if clean.is_empty() { "-".into() } else { clean }
}

/// PARAM-VALUE escaping: `"`, `\` and `]` take a backslash (RFC 5424 §6.3.3).
fn escape_param(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '"' | '\\' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// RFC 5425 octet counting: `MSG-LEN SP SYSLOG-MSG`.
pub fn frame(message: &str) -> Vec<u8> {
    let mut out = format!("{} ", message.len()).into_bytes();
    out.extend_from_slice(message.as_bytes());
    out
}

/// This machine's host name, for the HOSTNAME field.
pub fn local_hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|h| h.trim().to_owned())
        .unwrap_or_default()
}

/// A connection to the syslog server, opened on first use and again after a failure.
pub struct SyslogSender {
    target: SyslogTarget,
    tls: Option<tokio_rustls::TlsConnector>,
    stream: Option<tokio_rustls::client::TlsStream<TcpStream>>,
    udp: Option<UdpSocket>,
}

impl SyslogSender {
    /// For `target`, trusting the public web roots and the certificates in `ca_file`.
    pub fn new(target: SyslogTarget, ca_file: Option<&std::path::Path>) -> Result<SyslogSender, String> {
        let tls = match &target {
            SyslogTarget::Udp { .. } => None,
            SyslogTarget::Tls { .. } => {
                let mut roots = rustls::RootCertStore::empty();
                roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
                if let Some(path) = ca_file {
                    let pem = std::fs::read(path).map_err(|e| format!("siem.syslog_ca_file: {e}"))?;
                    for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
                        let cert = cert.map_err(|e| format!("siem.syslog_ca_file: {e}"))?;
                        roots.add(cert).map_err(|e| format!("siem.syslog_ca_file: {e}"))?;
                    }
                }
                let config =
                    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                        .with_safe_default_protocol_versions()
                        .map_err(|e| format!("TLS: {e}"))?
                        .with_root_certificates(roots)
                        .with_no_client_auth();
                Some(tokio_rustls::TlsConnector::from(Arc::new(config)))
            }
        };
        Ok(SyslogSender { target, tls, stream: None, udp: None })
    }

    /// Sends the records in order. On an error the connection is dropped and the caller sends
    /// the batch again later: a record may then arrive twice, never not at all.
    pub async fn send(&mut self, messages: &[String]) -> Result<(), String> {
        let result = tokio::time::timeout(IO_TIMEOUT * 3, self.send_inner(messages))
            .await
            .unwrap_or_else(|_| Err("timed out".into()));
        if result.is_err() {
            self.stream = None;
            self.udp = None;
        }
        result
    }

    async fn send_inner(&mut self, messages: &[String]) -> Result<(), String> {
        match self.target.clone() {
            SyslogTarget::Tls { host, port } => {
                if self.stream.is_none() {
                    self.stream = Some(self.connect_tls(&host, port).await?);
                }
                let Some(stream) = self.stream.as_mut() else { return Err("not connected".into()) };
                let mut bytes = Vec::new();
                for m in messages {
                    bytes.extend(frame(m));
                }
                stream.write_all(&bytes).await.map_err(|e| format!("write: {e}"))?;
                stream.flush().await.map_err(|e| format!("flush: {e}"))
            }
            SyslogTarget::Udp { host, port } => {
                if self.udp.is_none() {
                    let addr = tokio::net::lookup_host((host.as_str(), port))
                        .await
                        .map_err(|e| format!("resolve {host}: {e}"))?
                        .next()
                        .ok_or_else(|| format!("resolve {host}: no address"))?;
                    let local = if addr.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" };
                    let socket = UdpSocket::bind(local).await.map_err(|e| format!("bind: {e}"))?;
                    socket.connect(addr).await.map_err(|e| format!("connect: {e}"))?;
                    self.udp = Some(socket);
                }
                let Some(socket) = self.udp.as_ref() else { return Err("not connected".into()) };
                for m in messages {
                    socket.send(m.as_bytes()).await.map_err(|e| format!("send: {e}"))?;
                }
                Ok(())
            }
        }
    }

    async fn connect_tls(&self, host: &str, port: u16) -> Result<tokio_rustls::client::TlsStream<TcpStream>, String> {
        let Some(connector) = &self.tls else { return Err("no TLS configuration".into()) };
        let name = rustls::pki_types::ServerName::try_from(host.to_owned()).map_err(|e| format!("{host}: {e}"))?;
        let tcp = tokio::time::timeout(IO_TIMEOUT, TcpStream::connect((host, port)))
            .await
            .map_err(|_| format!("connect {host}:{port}: timed out"))?
            .map_err(|e| format!("connect {host}:{port}: {e}"))?;
        tokio::time::timeout(IO_TIMEOUT, connector.connect(name, tcp))
            .await
            .map_err(|_| format!("TLS with {host}:{port}: timed out"))?
            .map_err(|e| format!("TLS with {host}:{port}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_follows_rfc_5424() {
        let r = Record {
            at: 1_700_000_000,
            severity: Severity::Notice,
            app_name: "rekey",
            msg_id: "reset",
            params: vec![("id", "7".into()), ("login", "a\"b\\c]d".into())],
            msg: "{\"x\":1}".into(),
        };
        let line = format(" host name ", 42, &r);
        assert_eq!(
            line,
            "<85>1 2023-11-14T22:13:20Z hostname rekey 42 reset [rekey@32473 id=\"7\" login=\"a\\\"b\\\\c\\]d\"] \u{feff}{\"x\":1}"
        );
        assert_eq!(format("", 1, &Record { msg_id: "", ..r }).split(' ').nth(2), Some("-"));
    }

    #[test]
    fn frames_count_octets_not_characters() {
        assert_eq!(frame("é"), b"2 \xc3\xa9".to_vec());
    }
}
