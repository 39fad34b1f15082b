//! Outgoing mail: one-time codes and notices of account changes, over SMTP (lettre, rustls)
//! or, in the demo profile only, printed to standard error.
//!
//! A mail body may hold a one-time code, so bodies never reach a log line, an error or a
//! `Debug` output: the console transport prints with `eprintln!`, bypassing `tracing`, and
//! errors summarise what SMTP said without its text.

mod contact;
mod html;
pub mod messages;
pub mod reminders;
pub mod sms;
pub mod syslog;
pub mod webhook;

use std::time::Duration;

use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
use secrecy::ExposeSecret as _;

use crate::config::{MailConfig, MailSecurity, MailTransport};

/// SMTP connections kept open for reuse. Mails go out in the background, so under load more
/// are in flight than requests are (a reset sends two); connections beyond these are closed
/// after their mail, and a burst that needed them opens them all again (BENCHMARKS.md, fifth
/// pass). lettre opens one per mail in flight whatever this says; it only bounds what is kept.
const POOL_SIZE: u32 = 16;
/// How long an unused pooled connection stays open.
const POOL_IDLE: Duration = Duration::from_secs(60);

/// One mail to send: the same text and HTML body to each recipient.
pub struct Mail {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Recipients count and subject only: the bodies may carry a one-time code.
impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mail")
            .field("recipients", &self.to.len())
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// Where mail goes.
pub enum Mailer {
    /// A real SMTP server; the mailbox is the sender; the duration bounds one delivery
    /// (lettre's own timeout covers only connecting).
    Smtp(AsyncSmtpTransport<Tokio1Executor>, Mailbox, Duration),
    /// Standard error, for the demo profile; the mailbox is the sender.
    Console(Mailbox),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp(_, from, _) => f.debug_tuple("Mailer::Smtp").field(&from.to_string()).finish(),
            Mailer::Console(from) => f.debug_tuple("Mailer::Console").field(&from.to_string()).finish(),
        }
    }
}

/// Why a mail was not sent. Never holds a body, and holds SMTP replies only as their codes.
#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// The mail settings cannot work (bad sender, TLS set-up).
    #[error("mail settings: {0}")]
    Config(String),
    /// A recipient is not a valid address.
    #[error("a recipient is not a valid email address")]
    Recipient,
    /// The message could not be put together.
    #[error("could not build the message")]
    Build,
    /// The server answered with a temporary failure (4xx): trying later may work.
    #[error("the mail server refused the mail for now ({code})")]
    Temporary { code: String },
    /// The server answered with a permanent failure (5xx).
    #[error("the mail server refused the mail ({code})")]
    Permanent { code: String },
    /// The server could not be reached or the connection failed.
    #[error("could not reach the mail server: {0}")]
    Connection(String),
    /// No answer within `mail.timeout_secs`.
    #[error("the mail server did not answer in time")]
    Timeout,
    /// Anything else the SMTP client reported.
    #[error("mail delivery failed: {0}")]
    Smtp(&'static str),
}

impl From<lettre::transport::smtp::Error> for NotifyError {
    fn from(err: lettre::transport::smtp::Error) -> Self {
        let code = || err.status().map_or_else(|| "no code".to_owned(), |c| c.to_string());
        if err.is_timeout() {
            NotifyError::Timeout
        } else if err.is_transient() {
            NotifyError::Temporary { code: code() }
        } else if err.is_permanent() {
            NotifyError::Permanent { code: code() }
        } else if err.is_tls() {
            NotifyError::Connection(summary("TLS failed", &err))
        } else if err.is_response() {
            NotifyError::Smtp("the server's answer could not be understood")
        } else if err.is_client() {
            NotifyError::Smtp("the SMTP client failed")
        } else if err.is_transport_shutdown() {
            NotifyError::Smtp("the SMTP transport was shut down")
        } else {
            NotifyError::Connection(summary("connection failed", &err))
        }
    }
}

/// `what`, followed by the underlying I/O or TLS error (which never carries mail content).
fn summary(what: &str, err: &lettre::transport::smtp::Error) -> String {
    match std::error::Error::source(err) {
        Some(source) => format!("{what}: {source}"),
        None => what.to_owned(),
    }
}

impl Mailer {
    /// The mailer the configuration describes: SMTP with no TLS, STARTTLS or implicit TLS
    /// (rustls, web PKI roots), optional credentials, a timeout for each delivery and a small pool.
    /// An SMTP mailer must be made inside the Tokio runtime that will use it (its pool runs a
    /// task there); elsewhere this is an error, not a panic.
    pub fn from_config(config: &MailConfig) -> Result<Mailer, NotifyError> {
        let from: Mailbox = config.from.parse().map_err(|_| {
            NotifyError::Config(format!(
                "mail.from is not an address like \"IT <no-reply@example.com>\": {:?}",
                config.from
            ))
        })?;
        if config.transport == MailTransport::Console {
            return Ok(Mailer::Console(from));
        }
        if tokio::runtime::Handle::try_current().is_err() {
            return Err(NotifyError::Config("the SMTP mailer must be created inside the Tokio runtime".into()));
        }
        let host = config.host.trim();
        if host.is_empty() {
            return Err(NotifyError::Config("mail.host is empty".into()));
        }
        let tls_error =
            |e: lettre::transport::smtp::Error| NotifyError::Config(format!("TLS set-up for {host} failed: {e}"));
        let builder = match config.security {
            MailSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            MailSecurity::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(tls_error)?,
            MailSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(tls_error)?,
        };
        let mut builder = builder
            .port(config.port)
            .timeout(Some(timeout(config)))
            .pool_config(PoolConfig::new().max_size(POOL_SIZE).idle_timeout(POOL_IDLE));
        if let (Some(user), Some(password)) = (&config.username, &config.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.expose_secret().to_owned()));
        }
        Ok(Mailer::Smtp(builder.build(), from, timeout(config)))
    }

    /// Connects to the SMTP server and says NOOP, for the admin's status page.
    pub async fn check(&self) -> Result<(), NotifyError> {
        match self {
            Mailer::Console(_) => Ok(()),
            Mailer::Smtp(transport, _, _) => match transport.test_connection().await {
                Ok(true) => Ok(()),
                Ok(false) => Err(NotifyError::Smtp("the server did not answer NOOP")),
                Err(err) => Err(NotifyError::from(err)),
            },
        }
    }

    /// Sends `mail` as multipart/alternative (text and HTML), one message per recipient so
    /// recipients never see each other. Tries every recipient; returns the first failure.
    pub async fn send(&self, mail: &Mail) -> Result<(), NotifyError> {
        let mut first_error = None;
        for to in &mail.to {
            let result = match self {
                Mailer::Smtp(transport, from, limit) => send_one(transport, from, *limit, to, mail).await,
                Mailer::Console(from) => {
                    print_to_console(from, to, mail);
                    Ok(())
                }
            };
            if let Err(err) = result {
                first_error.get_or_insert(err);
            }
        }
        first_error.map_or(Ok(()), Err)
    }
}

fn timeout(config: &MailConfig) -> Duration {
    Duration::from_secs(config.timeout_secs.max(1))
}

async fn send_one(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    limit: Duration,
    to: &str,
    mail: &Mail,
) -> Result<(), NotifyError> {
    let to: Mailbox = to.parse().map_err(|_| NotifyError::Recipient)?;
    let message = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(one_line(&mail.subject))
        .multipart(MultiPart::alternative_plain_html(mail.text.clone(), mail.html.clone()))
        .map_err(|_| NotifyError::Build)?;
    // lettre bounds connecting only; a server that accepts and then stalls is cut off here.
    match tokio::time::timeout(limit, transport.send(message)).await {
        Ok(result) => result.map(drop).map_err(NotifyError::from),
        Err(_) => Err(NotifyError::Timeout),
    }
}

/// The demo's "mail": written to standard error directly, never through `tracing`.
#[allow(clippy::print_stderr)]
fn print_to_console(from: &Mailbox, to: &str, mail: &Mail) {
    eprintln!(
        "\n---- mail (demo: not sent) ----\nFrom: {from}\nTo: {to}\nSubject: {}\n\n{}\n---- end of mail ----\n",
        one_line(&mail.subject),
        mail.text
    );
}

/// A header value on one line: control characters (CR, LF, …) become spaces.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(transport: MailTransport, security: MailSecurity) -> MailConfig {
        MailConfig {
            transport,
            security,
            host: "mail.example.test".into(),
            port: 2525,
            from: "IT Service Desk <no-reply@example.test>".into(),
            ..MailConfig::default()
        }
    }

    #[test]
    fn debug_of_a_mail_shows_neither_bodies_nor_addresses() {
        let mail = Mail {
            to: vec!["alice@example.test".into(), "bob@example.test".into()],
            subject: "Your code".into(),
            text: "code 493817".into(),
            html: "<p>493817</p>".into(),
        };
        let shown = format!("{mail:?}");
        assert!(shown.contains("recipients: 2") && shown.contains("Your code"), "{shown}");
        assert!(!shown.contains("493817") && !shown.contains("alice"), "{shown}");
    }

    #[tokio::test]
    async fn every_security_setting_builds_a_mailer() {
        for security in [MailSecurity::None, MailSecurity::Starttls, MailSecurity::Tls] {
            let mailer = Mailer::from_config(&config(MailTransport::Smtp, security));
            assert!(matches!(mailer, Ok(Mailer::Smtp(..))), "{security:?}: {mailer:?}");
        }
        assert!(matches!(
            Mailer::from_config(&config(MailTransport::Console, MailSecurity::None)),
            Ok(Mailer::Console(_))
        ));
    }

    #[tokio::test]
    async fn credentials_are_accepted_and_not_shown() {
        let mut c = config(MailTransport::Smtp, MailSecurity::Starttls);
        c.username = Some("rekey".into());
        c.password = Some(secrecy::SecretString::from("smtp-s3cret"));
        let mailer = Mailer::from_config(&c).unwrap();
        assert!(!format!("{mailer:?}").contains("smtp-s3cret"));
    }

    #[tokio::test]
    async fn a_bad_sender_or_missing_host_is_a_config_error() {
        let mut c = config(MailTransport::Smtp, MailSecurity::None);
        c.from = "not an address".into();
        assert!(matches!(Mailer::from_config(&c), Err(NotifyError::Config(m)) if m.contains("mail.from")));
        let mut c = config(MailTransport::Smtp, MailSecurity::None);
        c.host = " ".into();
        assert!(matches!(Mailer::from_config(&c), Err(NotifyError::Config(m)) if m.contains("mail.host")));
    }

    #[test]
    fn outside_a_runtime_an_smtp_mailer_is_an_error_not_a_panic() {
        let result = Mailer::from_config(&config(MailTransport::Smtp, MailSecurity::None));
        assert!(matches!(result, Err(NotifyError::Config(m)) if m.contains("Tokio runtime")));
        let console = Mailer::from_config(&config(MailTransport::Console, MailSecurity::None));
        assert!(console.is_ok(), "the console needs no runtime");
    }

    #[tokio::test]
    async fn an_invalid_recipient_is_refused_before_connecting() {
        // Nothing listens on mail.example.test: only the address check can answer.
        let smtp = Mailer::from_config(&config(MailTransport::Smtp, MailSecurity::None)).unwrap();
        let bad = Mail { to: vec!["not an address".into()], subject: "s".into(), text: "t".into(), html: "h".into() };
        assert!(matches!(smtp.send(&bad).await, Err(NotifyError::Recipient)));
    }
}
