//! A real SMTP server for the tests: listens on 127.0.0.1, port 0, speaks enough of RFC 5321
//! for lettre (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT) and keeps
//! every message it accepts, decoded with `mail-parser` so tests read plain bodies whatever
//! the transfer encoding. `fail_next` makes it answer 451 so tests can see a temporary failure.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// Longest command or text line accepted, CRLF included (RFC 5321 says 1000; lettre keeps to it).
const MAX_LINE: usize = 4096;
/// Largest message accepted.
const MAX_MESSAGE: usize = 1024 * 1024;
/// Most recipients in one transaction.
const MAX_RECIPIENTS: usize = 100;
/// How long `wait_for` and `last_code_for` wait.
const WAIT: Duration = Duration::from_secs(10);

/// One message as the sink received it.
#[derive(Debug, Clone)]
pub struct ReceivedMail {
    /// Envelope sender (MAIL FROM).
    pub from: String,
    /// Envelope recipients (RCPT TO).
    pub to: Vec<String>,
    /// Decoded `Subject:` header.
    pub subject: String,
    /// The text/plain body, decoded.
    pub text: String,
    /// The text/html body, decoded.
    pub html: String,
    /// The message as transmitted, dot-unstuffed.
    pub raw: String,
}

impl ReceivedMail {
    fn is_to(&self, address: &str) -> bool {
        self.to.iter().any(|t| t.eq_ignore_ascii_case(address))
    }
}

#[derive(Default)]
struct State {
    messages: Vec<ReceivedMail>,
    /// Transactions still to refuse with 451.
    fail_next: usize,
    /// Per address: how many of its mails `last_code_for` has looked at already.
    codes_read: HashMap<String, usize>,
    /// Connections accepted so far.
    connections: usize,
}

/// The running sink. Stops accepting connections when dropped.
pub struct SmtpSink {
    pub port: u16,
    state: Arc<Mutex<State>>,
    arrived: Arc<Notify>,
    accept: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

impl SmtpSink {
    /// Starts listening on 127.0.0.1 on a free port.
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the SMTP sink");
        let port = listener.local_addr().expect("SMTP sink address").port();
        let state = Arc::new(Mutex::new(State::default()));
        let arrived = Arc::new(Notify::new());
        let accept = tokio::spawn({
            let (state, arrived) = (state.clone(), arrived.clone());
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    state.lock().unwrap().connections += 1;
                    tokio::spawn(serve(stream, state.clone(), arrived.clone()));
                }
            }
        });
        SmtpSink { port, state, arrived, accept }
    }

    /// Mail settings that deliver to this sink without TLS.
    pub fn mail_config(&self) -> rekey::config::MailConfig {
        rekey::config::MailConfig {
            transport: rekey::config::MailTransport::Smtp,
            host: "127.0.0.1".into(),
            port: self.port,
            security: rekey::config::MailSecurity::None,
            from: "rekey <no-reply@example.test>".into(),
            timeout_secs: 5,
            ..rekey::config::MailConfig::default()
        }
    }

    /// How many connections the sink has accepted so far.
    pub fn connections(&self) -> usize {
        self.state.lock().unwrap().connections
    }

    /// Every message received so far, oldest first.
    pub fn messages(&self) -> Vec<ReceivedMail> {
        self.state.lock().unwrap().messages.clone()
    }

    /// The messages with `address` among their envelope recipients, oldest first.
    pub fn messages_to(&self, address: &str) -> Vec<ReceivedMail> {
        self.state.lock().unwrap().messages.iter().filter(|m| m.is_to(address)).cloned().collect()
    }

    /// Waits until at least `count` mails to `address` have arrived and returns the
    /// `count`-th (1-based). Panics after 10 s, naming what did arrive.
    pub async fn wait_for(&self, address: &str, count: usize) -> ReceivedMail {
        assert!(count >= 1, "wait_for counts from 1");
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let arrived = self.arrived.notified();
            let mails = self.messages_to(address);
            if let Some(mail) = mails.get(count - 1) {
                return mail.clone();
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
                panic!(
                    "waited {WAIT:?} for mail number {count} to {address}, but only {} arrived: {subjects:?}",
                    mails.len()
                );
            }
        }
    }

    /// The first mail to `address` whose subject contains `words`, waiting up to 10 s. Mails
    /// are sent in the background, so their order is not guaranteed.
    pub async fn wait_for_subject(&self, address: &str, words: &str) -> ReceivedMail {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let arrived = self.arrived.notified();
            let mails = self.messages_to(address);
            if let Some(mail) = mails.iter().find(|m| m.subject.contains(words)) {
                return mail.clone();
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                let subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
                panic!("waited {WAIT:?} for a mail to {address} about {words:?}; arrived: {subjects:?}");
            }
        }
    }

    /// The one-time code in the newest mail to `address` that this function has not looked
    /// at yet (the first run of 6 to 10 digits in its text body), waiting up to 10 s for one.
    /// Mails without a code (notices) are skipped. The code is recorded with `remember_secret`.
    pub async fn last_code_for(&self, address: &str) -> String {
        let key = address.to_ascii_lowercase();
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let arrived = self.arrived.notified();
            let mails = self.messages_to(address);
            let seen = self.state.lock().unwrap().codes_read.get(&key).copied().unwrap_or(0);
            // Account notices ("a method was added…") carry a one-time "this wasn't me" link and
            // may arrive after a code sent later: their digits are never a code.
            let newest = mails
                .iter()
                .enumerate()
                .skip(seen)
                .rev()
                .filter(|(_, m)| !m.text.contains("/wasnt-me/"))
                .find_map(|(i, m)| code_in(&m.text).map(|c| (i, c)));
            if let Some((index, code)) = newest {
                self.state.lock().unwrap().codes_read.insert(key, index + 1);
                super::remember_secret(&code);
                return code;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                let subjects: Vec<&str> = mails.iter().skip(seen).map(|m| m.subject.as_str()).collect();
                panic!("waited {WAIT:?} for a new mail with a code to {address}; new mails without one: {subjects:?}");
            }
        }
    }

    /// Answers the next `n` transactions (MAIL commands) with 451, a temporary failure.
    pub fn fail_next(&self, n: usize) {
        self.state.lock().unwrap().fail_next = n;
    }
}

/// The first run of 6 to 10 ASCII digits in `text`.
fn code_in(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit()).find(|run| (6..=10).contains(&run.len())).map(str::to_owned)
}

/// One SMTP session. Errors (a client that hangs up, an oversized line) just end it.
async fn serve(stream: TcpStream, state: Arc<Mutex<State>>, arrived: Arc<Notify>) {
    let (read, mut write) = stream.into_split();
    let mut reader = BufReader::new(read);
    let mut session = Session { state, arrived, from: None, to: Vec::new() };
    if write.write_all(b"220 rekey-sink ESMTP ready\r\n").await.is_err() {
        return;
    }
    loop {
        let line = match read_line(&mut reader).await {
            Ok(Some(line)) => line,
            Ok(None) => return,
            Err(_) => {
                let _ = write.write_all(b"500 5.5.2 line too long\r\n").await;
                return;
            }
        };
        match session.command(&line, &mut reader, &mut write).await {
            Ok(Next::Continue) => {}
            Ok(Next::Close) | Err(_) => return,
        }
    }
}

struct Session {
    state: Arc<Mutex<State>>,
    arrived: Arc<Notify>,
    from: Option<String>,
    to: Vec<String>,
}

enum Next {
    Continue,
    Close,
}

async fn say<W: AsyncWrite + Unpin>(writer: &mut W, text: &str) -> std::io::Result<Next> {
    writer.write_all(text.as_bytes()).await?;
    writer.write_all(b"\r\n").await?;
    Ok(Next::Continue)
}

impl Session {
    async fn command<R, W>(&mut self, line: &[u8], reader: &mut R, writer: &mut W) -> std::io::Result<Next>
    where
        R: AsyncBufRead + Unpin,
        W: AsyncWrite + Unpin,
    {
        let line = String::from_utf8_lossy(line);
        let line = line.trim_end_matches(['\r', '\n']);
        let (verb, rest) = line.split_once(' ').unwrap_or((line, ""));
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                self.reset();
                let greeting = format!(
                    "250-rekey-sink greets {}\r\n250-8BITMIME\r\n250-SIZE {MAX_MESSAGE}\r\n250 SMTPUTF8",
                    rest.trim()
                );
                say(writer, &greeting).await
            }
            "HELO" => {
                self.reset();
                say(writer, "250 rekey-sink").await
            }
            "MAIL" => say(writer, self.mail_from(rest)).await,
            "RCPT" => say(writer, self.rcpt_to(rest)).await,
            "DATA" => self.data(reader, writer).await,
            "RSET" => {
                self.reset();
                say(writer, "250 2.0.0 OK").await
            }
            "NOOP" => say(writer, "250 2.0.0 OK").await,
            "QUIT" => {
                say(writer, "221 2.0.0 bye").await?;
                Ok(Next::Close)
            }
            _ => say(writer, "500 5.5.2 command not recognised").await,
        }
    }

    fn reset(&mut self) {
        self.from = None;
        self.to.clear();
    }

    fn mail_from(&mut self, rest: &str) -> &'static str {
        if self.from.is_some() {
            return "503 5.5.1 MAIL already given";
        }
        let Some(address) = path(rest, "FROM:") else { return "501 5.5.4 syntax: MAIL FROM:<address>" };
        {
            let mut state = self.state.lock().unwrap();
            if state.fail_next > 0 {
                state.fail_next -= 1;
                return "451 4.3.0 temporary failure, try again later";
            }
        }
        self.from = Some(address);
        "250 2.1.0 OK"
    }

    fn rcpt_to(&mut self, rest: &str) -> &'static str {
        if self.from.is_none() {
            return "503 5.5.1 MAIL first";
        }
        if self.to.len() >= MAX_RECIPIENTS {
            return "452 4.5.3 too many recipients";
        }
        match path(rest, "TO:") {
            Some(address) if !address.is_empty() => {
                self.to.push(address);
                "250 2.1.5 OK"
            }
            _ => "501 5.5.4 syntax: RCPT TO:<address>",
        }
    }

    /// Reads the message up to the lone dot, removing dot-stuffing, and stores it.
    async fn data<R, W>(&mut self, reader: &mut R, writer: &mut W) -> std::io::Result<Next>
    where
        R: AsyncBufRead + Unpin,
        W: AsyncWrite + Unpin,
    {
        if self.from.is_none() || self.to.is_empty() {
            return say(writer, "503 5.5.1 MAIL and RCPT first").await;
        }
        say(writer, "354 end data with <CR><LF>.<CR><LF>").await?;
        let mut raw = Vec::new();
        let mut too_big = false;
        loop {
            let Some(line) = read_line(reader).await? else { return Ok(Next::Close) };
            if line == b".\r\n" || line == b".\n" {
                break;
            }
            let line = line.strip_prefix(b".").unwrap_or(&line);
            if raw.len() + line.len() > MAX_MESSAGE {
                too_big = true;
            } else {
                raw.extend_from_slice(line);
            }
        }
        let (from, to) = (self.from.take().unwrap_or_default(), std::mem::take(&mut self.to));
        if too_big {
            return say(writer, "552 5.3.4 message too big").await;
        }
        let mail = decode(from, to, raw);
        self.state.lock().unwrap().messages.push(mail);
        self.arrived.notify_waiters();
        say(writer, "250 2.0.0 queued").await
    }
}

/// Decodes headers and bodies with `mail-parser`, whatever the transfer encoding.
fn decode(from: String, to: Vec<String>, raw: Vec<u8>) -> ReceivedMail {
    let parsed = mail_parser::MessageParser::default().parse(&raw);
    let (subject, text, html) = match &parsed {
        Some(m) => (
            m.subject().unwrap_or_default().to_owned(),
            m.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
            m.body_html(0).map(|b| b.into_owned()).unwrap_or_default(),
        ),
        None => Default::default(),
    };
    ReceivedMail { from, to, subject, text, html, raw: String::from_utf8_lossy(&raw).into_owned() }
}

/// The address inside `FROM:<…>` / `TO:<…>`, parameters (SIZE=, BODY=) ignored.
fn path(rest: &str, keyword: &str) -> Option<String> {
    let rest = rest.trim_start();
    if rest.len() < keyword.len() || !rest[..keyword.len()].eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = rest[keyword.len()..].trim_start();
    let inner = rest.strip_prefix('<')?;
    let end = inner.find('>')?;
    Some(inner[..end].to_owned())
}

/// Reads one line up to and including LF. `Ok(None)` at end of stream; an error for a line
/// longer than `MAX_LINE`, so a client cannot make the sink buffer without bound.
async fn read_line<R: AsyncBufRead + Unpin>(reader: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    loop {
        let buf = reader.fill_buf().await?;
        if buf.is_empty() {
            return Ok(if line.is_empty() { None } else { Some(line) });
        }
        let (take, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        line.extend_from_slice(&buf[..take]);
        reader.consume(take);
        if line.len() > MAX_LINE {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "line too long"));
        }
        if done {
            return Ok(Some(line));
        }
    }
}
