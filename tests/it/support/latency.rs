//! A TCP line with a fixed delay on every byte the server sends back: a directory reached
//! over a slow network (a domain controller in another site). TLS passes through untouched.

use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};

/// Listens on `host` (a free port) and forwards to `upstream`; answers arrive `delay` late.
pub struct SlowLine {
    pub port: u16,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SlowLine {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl SlowLine {
    pub async fn start(host: &str, upstream: String, delay: Duration) -> SlowLine {
        let listener = TcpListener::bind((host, 0)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(forward(listener, upstream, move |from, to| delayed_copy(from, to, delay)));
        SlowLine { port, task }
    }
}

/// Accepts connections on `listener` and forwards each to `upstream`: what the client sends
/// passes as it is, what the server answers goes through `down`.
async fn forward<F, Fut>(listener: TcpListener, upstream: String, down: F)
where
    F: Fn(OwnedReadHalf, OwnedWriteHalf) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let down = std::sync::Arc::new(down);
    while let Ok((client, _)) = listener.accept().await {
        let (upstream, down) = (upstream.clone(), down.clone());
        tokio::spawn(async move {
            let Ok(server) = TcpStream::connect(&upstream).await else { return };
            let (mut client_read, client_write) = client.into_split();
            let (server_read, mut server_write) = server.into_split();
            let up = async move {
                let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                let _ = server_write.shutdown().await;
            };
            tokio::join!(up, down(server_read, client_write));
        });
    }
}

/// Copies `from` to `to`, each chunk `delay` after it arrived (a latency, not a bandwidth cap:
/// chunks do not wait for each other's delays).
async fn delayed_copy(mut from: OwnedReadHalf, mut to: OwnedWriteHalf, delay: Duration) {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(tokio::time::Instant, Vec<u8>)>();
    let reader = async move {
        let mut buf = vec![0u8; 64 * 1024];
        while let Ok(n @ 1..) = from.read(&mut buf).await {
            if tx.send((tokio::time::Instant::now() + delay, buf[..n].to_vec())).is_err() {
                break;
            }
        }
    };
    let writer = async move {
        while let Some((due, bytes)) = rx.recv().await {
            tokio::time::sleep_until(due).await;
            if to.write_all(&bytes).await.is_err() {
                break;
            }
        }
        let _ = to.shutdown().await;
    };
    tokio::join!(reader, writer);
}

/// A plain-LDAP line that forwards everything until told to swallow the answers to writes:
/// then the server's ModifyResponse and ExtendedResponse (password modify) messages are read
/// and dropped, so the request reaches the directory and is applied but no answer comes back.
/// Everything else still passes, so searches and binds work as before.
pub struct SilentLine {
    pub port: u16,
    swallow: std::sync::Arc<std::sync::atomic::AtomicBool>,
    swallowed: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SilentLine {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// LDAP protocolOp tags of the answers that are swallowed: ModifyResponse [APPLICATION 7],
/// ExtendedResponse [APPLICATION 24].
const WRITE_ANSWERS: [u8; 2] = [0x67, 0x78];

impl SilentLine {
    pub async fn start(host: &str, upstream: String) -> SilentLine {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize};
        let listener = TcpListener::bind((host, 0)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let swallow = Arc::new(AtomicBool::new(false));
        let swallowed = Arc::new(AtomicUsize::new(0));
        let (flag, count) = (swallow.clone(), swallowed.clone());
        let task = tokio::spawn(forward(listener, upstream, move |from, to| {
            filtered_copy(from, to, flag.clone(), count.clone())
        }));
        SilentLine { port, swallow, swallowed, task }
    }

    /// From now on, answers to modify and password-modify requests are dropped.
    pub fn swallow_write_answers(&self) {
        self.swallow.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// How many answers were dropped so far.
    pub fn swallowed(&self) -> usize {
        self.swallowed.load(std::sync::atomic::Ordering::SeqCst)
    }
}

/// Copies whole LDAP messages from `from` to `to`, dropping answers to writes while `swallow`.
async fn filtered_copy(
    mut from: OwnedReadHalf,
    mut to: OwnedWriteHalf,
    swallow: std::sync::Arc<std::sync::atomic::AtomicBool>,
    swallowed: std::sync::Arc<std::sync::atomic::AtomicUsize>,
) {
    use std::sync::atomic::Ordering;
    let mut pending: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    while let Ok(n @ 1..) = from.read(&mut buf).await {
        pending.extend_from_slice(&buf[..n]);
        while let Some((len, op)) = ldap_message(&pending) {
            let message: Vec<u8> = pending.drain(..len).collect();
            if swallow.load(Ordering::SeqCst) && WRITE_ANSWERS.contains(&op) {
                swallowed.fetch_add(1, Ordering::SeqCst);
                continue;
            }
            if to.write_all(&message).await.is_err() {
                return;
            }
        }
    }
    let _ = to.shutdown().await;
}

/// The length and protocolOp tag of the first complete LDAPMessage in `bytes`, if complete.
fn ldap_message(bytes: &[u8]) -> Option<(usize, u8)> {
    let (header, len) = ber_length(bytes)?;
    let total = header + len;
    if bytes.len() < total {
        return None;
    }
    // messageID INTEGER, then the protocolOp.
    let body = &bytes[header..total];
    let (id_header, id_len) = ber_length(body)?;
    Some((total, *body.get(id_header + id_len)?))
}

/// (header length, content length) of the BER element at the start of `bytes`.
fn ber_length(bytes: &[u8]) -> Option<(usize, usize)> {
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some((2, usize::from(first)));
    }
    let n = usize::from(first & 0x7f);
    let len = bytes.get(2..2 + n)?.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
    Some((2 + n, len))
}
