//! Receivers for what rekey sends out of itself, each on a free loopback port: an HTTPS
//! endpoint for webhooks that answers from a script of status codes, and syslog servers over
//! TLS (RFC 5425, octet counting) and UDP. TLS uses a throw-away CA made with the openssl
//! command, as scripts/lib/common.sh makes them for slapd and Samba.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, UdpSocket};
use tokio_rustls::TlsAcceptor;

/// A CA and a server certificate it signs for 127.0.0.1 and localhost.
pub struct TestCa {
    _dir: tempfile::TempDir,
    pub ca: PathBuf,
    cert: PathBuf,
    key: PathBuf,
}

impl TestCa {
    pub fn new() -> TestCa {
        let dir = tempfile::tempdir().unwrap();
        let p = |name: &str| dir.path().join(name);
        let run = |args: &[&str]| {
            let status = std::process::Command::new("openssl")
                .args(args)
                .current_dir(dir.path())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("openssl runs");
            assert!(status.success(), "openssl {args:?}");
        };
        run(&[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=rekey test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ]);
        run(&[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ]);
        std::fs::write(
            p("server.ext"),
            "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n\
             subjectAltName=IP:127.0.0.1,DNS:localhost\n",
        )
        .unwrap();
        run(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "server.ext",
            "-out",
            "server.pem",
        ]);
        TestCa { ca: p("ca.pem"), cert: p("server.pem"), key: p("server.key"), _dir: dir }
    }

    fn acceptor(&self) -> TlsAcceptor {
        let certs: Vec<_> = rustls_pemfile::certs(&mut std::fs::read(&self.cert).unwrap().as_slice())
            .collect::<Result<_, _>>()
            .unwrap();
        let key = rustls_pemfile::private_key(&mut std::fs::read(&self.key).unwrap().as_slice()).unwrap().unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        TlsAcceptor::from(Arc::new(config))
    }
}

/// One POST the endpoint received.
#[derive(Debug, Clone)]
pub struct Received {
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The status it was answered with.
    pub status: u16,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

/// An HTTPS webhook endpoint.
pub struct HookReceiver {
    /// `https://localhost:PORT/hook`
    pub url: String,
    got: Arc<Mutex<Vec<Received>>>,
    script: Arc<Mutex<(VecDeque<u16>, u16)>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for HookReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl HookReceiver {
    /// Answers the statuses in `script` in turn, then `then` to every later POST.
    pub async fn start(ca: &TestCa, script: &[u16], then: u16) -> HookReceiver {
        let acceptor = ca.acceptor();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("https://localhost:{}/hook", listener.local_addr().unwrap().port());
        let got = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new((script.iter().copied().collect::<VecDeque<_>>(), then)));
        let (g, s) = (got.clone(), script.clone());
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (acceptor, g, s) = (acceptor.clone(), g.clone(), s.clone());
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(socket).await else { return };
                    let Some((headers, body)) = read_request(&mut tls).await else { return };
                    let status = {
                        let mut s = s.lock().unwrap();
                        let then = s.1;
                        s.0.pop_front().unwrap_or(then)
                    };
                    g.lock().unwrap().push(Received { headers, body, status });
                    let answer = format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    let _ = tls.write_all(answer.as_bytes()).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        HookReceiver { url, got, script, task }
    }

    /// From now on, answer every POST with `status`.
    pub fn answer(&self, status: u16) {
        *self.script.lock().unwrap() = (VecDeque::new(), status);
    }

    pub fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until at least `n` POSTs arrived (at most 20 s).
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..200 {
            if self.got.lock().unwrap().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let got = self.received();
        assert!(got.len() >= n, "expected {n} webhook POSTs, got {}: {got:?}", got.len());
        got
    }
}

async fn read_request<S: tokio::io::AsyncRead + Unpin>(s: &mut S) -> Option<(Vec<(String, String)>, String)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
    let headers: Vec<(String, String)> = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())))
        .collect();
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < len {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some((headers, String::from_utf8(body).ok()?))
}

/// A syslog server over TLS or UDP that keeps every record it receives, in arrival order.
pub struct SyslogReceiver {
    /// `tls://localhost:PORT` or `udp://127.0.0.1:PORT`, for `siem.syslog`.
    pub target: String,
    got: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SyslogReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SyslogReceiver {
    /// RFC 5425: TLS, each record framed as `LEN SP MSG`.
    pub async fn tls(ca: &TestCa) -> SyslogReceiver {
        let acceptor = ca.acceptor();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let target = format!("tls://localhost:{}", listener.local_addr().unwrap().port());
        let got = Arc::new(Mutex::new(Vec::new()));
        let g = got.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (acceptor, g) = (acceptor.clone(), g.clone());
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(socket).await else { return };
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 8192];
                    loop {
                        // Take every complete frame from the buffer.
                        while let Some(sp) = buf.iter().position(|b| *b == b' ') {
                            let len: usize = std::str::from_utf8(&buf[..sp]).unwrap().parse().expect("octet count");
                            if buf.len() < sp + 1 + len {
                                break;
                            }
                            let msg = String::from_utf8(buf[sp + 1..sp + 1 + len].to_vec()).unwrap();
                            g.lock().unwrap().push(msg);
                            buf.drain(..sp + 1 + len);
                        }
                        match tls.read(&mut chunk).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                });
            }
        });
        SyslogReceiver { target, got, task }
    }

    /// RFC 5426: one record per datagram.
    pub async fn udp() -> SyslogReceiver {
        let socket = UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let target = format!("udp://127.0.0.1:{}", socket.local_addr().unwrap().port());
        let got = Arc::new(Mutex::new(Vec::new()));
        let g = got.clone();
        let task = tokio::spawn(async move {
            let mut buf = vec![0u8; 65_536];
            while let Ok(n) = socket.recv(&mut buf).await {
                g.lock().unwrap().push(String::from_utf8(buf[..n].to_vec()).unwrap());
            }
        });
        SyslogReceiver { target, got, task }
    }

    pub fn received(&self) -> Vec<String> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until at least `n` records arrived (at most 20 s).
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            if self.got.lock().unwrap().len() >= n {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let got = self.received();
        assert!(got.len() >= n, "expected {n} syslog records, got {}: {got:?}", got.len());
        got
    }
}

/// The `id` parameter of a record's structured data: the audit record it carries.
pub fn syslog_id(record: &str) -> i64 {
    let start = record.find(" id=\"").expect("an id parameter") + 5;
    let end = start + record[start..].find('"').unwrap();
    record[start..end].parse().unwrap()
}
