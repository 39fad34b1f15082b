//! The mail sink the portal delivers to: a small SMTP server on 127.0.0.1 that keeps only the
//! one-time code of each mail, per recipient, so a bench client can wait for its code the way
//! a person waits for the mail. Account notices (their "this wasn't me" link) are counted and
//! dropped. Never stores more than a bounded number of codes per address.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result, bail};
use base64::Engine as _;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// Codes kept per address; older ones are dropped (a client only ever wants the newest).
const KEEP: usize = 8;
/// Largest message accepted, in bytes.
const MAX_MESSAGE: usize = 256 * 1024;

#[derive(Default)]
struct Shared {
    codes: Mutex<HashMap<String, VecDeque<String>>>,
    arrived: Notify,
    mails: AtomicU64,
}

/// The running sink; stops accepting when dropped.
pub struct Sink {
    pub port: u16,
    shared: Arc<Shared>,
    accept: tokio::task::JoinHandle<()>,
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl Sink {
    pub async fn start() -> Result<Sink> {
        let listener = TcpListener::bind("127.0.0.1:0").await.context("bind the SMTP sink")?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared::default());
        let accept = tokio::spawn({
            let shared = shared.clone();
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(serve(stream, shared.clone()));
                }
            }
        });
        Ok(Sink { port, shared, accept })
    }

    /// Mails received so far, codes and notices alike.
    pub fn mails(&self) -> u64 {
        self.shared.mails.load(Ordering::Relaxed)
    }

    /// Forgets every code not yet taken (between runs).
    pub fn clear(&self) {
        if let Ok(mut codes) = self.shared.codes.lock() {
            codes.clear();
        }
    }

    /// Takes the newest code sent to `address`, waiting up to `wait` for one.
    pub async fn take_code(&self, address: &str, wait: Duration) -> Result<String> {
        let deadline = tokio::time::Instant::now() + wait;
        let key = address.to_ascii_lowercase();
        loop {
            let arrived = self.shared.arrived.notified();
            tokio::pin!(arrived);
            arrived.as_mut().enable();
            if let Some(code) = self.pop(&key) {
                return Ok(code);
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                bail!("no code arrived for {address} within {wait:?}");
            }
        }
    }

    fn pop(&self, key: &str) -> Option<String> {
        let mut codes = self.shared.codes.lock().ok()?;
        let queue = codes.get_mut(key)?;
        let newest = queue.pop_back();
        queue.clear();
        newest
    }
}

/// One SMTP session; any error just ends it.
async fn serve(stream: TcpStream, shared: Arc<Shared>) {
    let _ = session(stream, &shared).await;
}

async fn session(stream: TcpStream, shared: &Shared) -> Result<()> {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    write.write_all(b"220 rekey-bench-sink ESMTP\r\n").await?;
    let mut to: Vec<String> = Vec::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 || line.len() > 4096 {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-rekey-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "NOOP" => b"250 OK\r\n",
            "MAIL" => {
                to.clear();
                b"250 OK\r\n"
            }
            "RSET" => {
                to.clear();
                b"250 OK\r\n"
            }
            "RCPT" => {
                if let (Some(a), Some(b)) = (line.find('<'), line.find('>')) {
                    to.push(line[a + 1..b.max(a + 1)].to_ascii_lowercase());
                }
                b"250 OK\r\n"
            }
            "DATA" => {
                write.write_all(b"354 go ahead\r\n").await?;
                let raw = read_data(&mut reader).await?;
                shared.mails.fetch_add(1, Ordering::Relaxed);
                if let Some(code) = code_in(&raw) {
                    if let Ok(mut codes) = shared.codes.lock() {
                        for address in &to {
                            let queue = codes.entry(address.clone()).or_default();
                            if queue.len() >= KEEP {
                                queue.pop_front();
                            }
                            queue.push_back(code.clone());
                        }
                    }
                    shared.arrived.notify_waiters();
                }
                to.clear();
                b"250 queued\r\n"
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"500 unrecognised\r\n",
        };
        write.write_all(reply).await?;
    }
}

/// The message up to the lone dot, dot-unstuffed.
async fn read_data<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> Result<String> {
    let mut raw = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).await? == 0 {
            bail!("the client hung up inside DATA");
        }
        if line == ".\r\n" || line == ".\n" {
            return Ok(raw);
        }
        if raw.len() < MAX_MESSAGE {
            raw.push_str(line.strip_prefix('.').unwrap_or(&line));
        }
    }
}

/// The one-time code of a mail: the first run of 6 to 10 digits in its text/plain part.
/// Notices (with a "this wasn't me" link) carry none.
fn code_in(raw: &str) -> Option<String> {
    let text = plain_text(raw);
    if text.contains("/wasnt-me/") {
        return None;
    }
    text.split(|c: char| !c.is_ascii_digit()).find(|run| (6..=10).contains(&run.len())).map(str::to_owned)
}

/// The decoded text/plain part of a MIME message (headers never count: Message-ID has digits).
fn plain_text(raw: &str) -> String {
    let body = raw.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    for part in body.split("\r\n--") {
        let Some((headers, content)) = part.split_once("\r\n\r\n") else { continue };
        let headers = headers.to_ascii_lowercase();
        if !headers.contains("content-type: text/plain") {
            continue;
        }
        if headers.contains("content-transfer-encoding: base64") {
            let compact: String = content.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD.decode(compact).unwrap_or_default();
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        // quoted-printable: soft line breaks never split a code once removed.
        return content.replace("=\r\n", "");
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_code_in_a_base64_text_part() {
        let text = base64::engine::general_purpose::STANDARD.encode("Your code is 123456.\r\n");
        let raw = format!(
            "Message-ID: <1234567890@x>\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{text}\r\n--b--\r\n"
        );
        assert_eq!(code_in(&raw).as_deref(), Some("123456"));
    }

    #[test]
    fn a_notice_has_no_code() {
        let raw = "H: x\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhttp://x/wasnt-me/12345678\r\n--b--\r\n";
        assert_eq!(code_in(raw), None);
    }
}
