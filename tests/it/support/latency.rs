//! A TCP line with a fixed delay on every byte the server sends back: a directory reached
//! over a slow network (a domain controller in another site). TLS passes through untouched.

use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
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
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let upstream = upstream.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(&upstream).await else { return };
                    let (mut client_read, client_write) = client.into_split();
                    let (server_read, mut server_write) = server.into_split();
                    let up = async move {
                        let _ = tokio::io::copy(&mut client_read, &mut server_write).await;
                        let _ = server_write.shutdown().await;
                    };
                    tokio::join!(up, delayed_copy(server_read, client_write, delay));
                });
            }
        });
        SlowLine { port, task }
    }
}

/// Copies `from` to `to`, each chunk `delay` after it arrived (a latency, not a bandwidth cap:
/// chunks do not wait for each other's delays).
async fn delayed_copy(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    delay: Duration,
) {
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
