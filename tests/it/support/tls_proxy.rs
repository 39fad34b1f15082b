//! A TLS-terminating reverse proxy in front of a test portal, as an organisation would run one,
//! that keeps a copy of every plaintext byte it forwards, so a test can prove what such a proxy
//! could and could not see.

use std::path::Path;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;

pub struct TlsProxy {
    /// `https://localhost:PORT/`
    pub url: String,
    seen: Arc<Mutex<Vec<u8>>>,
    task: tokio::task::JoinHandle<()>,
}

impl TlsProxy {
    /// Serves https on a free loopback port with `cert`/`key` (PEM) and forwards to `backend`.
    pub async fn start(cert: &Path, key: &Path, backend: std::net::SocketAddr) -> TlsProxy {
        let certs: Vec<_> =
            rustls_pemfile::certs(&mut std::fs::read(cert).unwrap().as_slice()).collect::<Result<_, _>>().unwrap();
        let key = rustls_pemfile::private_key(&mut std::fs::read(key).unwrap().as_slice()).unwrap().unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("https://localhost:{}/", listener.local_addr().unwrap().port());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let recorder = seen.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let recorder = recorder.clone();
                tokio::spawn(async move {
                    let Ok(tls) = acceptor.accept(socket).await else { return };
                    let Ok(upstream) = TcpStream::connect(backend).await else { return };
                    let (mut client_r, mut client_w) = tokio::io::split(tls);
                    let (mut up_r, mut up_w) = upstream.into_split();
                    let r1 = recorder.clone();
                    let inbound = async move {
                        let mut buf = vec![0u8; 16 * 1024];
                        while let Ok(n) = client_r.read(&mut buf).await {
                            if n == 0 || up_w.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                            r1.lock().unwrap().extend_from_slice(&buf[..n]);
                        }
                        let _ = up_w.shutdown().await;
                    };
                    let outbound = async move {
                        let mut buf = vec![0u8; 16 * 1024];
                        while let Ok(n) = up_r.read(&mut buf).await {
                            if n == 0 || client_w.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                            recorder.lock().unwrap().extend_from_slice(&buf[..n]);
                        }
                        let _ = client_w.shutdown().await;
                    };
                    tokio::join!(inbound, outbound);
                });
            }
        });
        TlsProxy { url, seen, task }
    }

    /// Everything that went through, both ways, in plaintext.
    pub fn seen(&self) -> Vec<u8> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for TlsProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}
