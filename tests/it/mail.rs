//! Outgoing mail over real SMTP: the mailer against the SMTP sink, a port with nothing
//! listening, and a server answering 451.

use std::time::{Duration, Instant};

use rekey::config::{MailConfig, MailTransport};
use rekey::notify::messages::{self, CodePurpose};
use rekey::notify::{Mail, Mailer, NotifyError};
use secrecy::{ExposeSecret as _, SecretString};

use crate::support::smtp::SmtpSink;
use crate::support::{init_tracing, output_dir, remember_secret, unique};

const ORG: &str = "Example Corp";
const URL: &str = "https://password.example.test";
static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;

fn notice_to<'a>(to: &'a str, display_name: &'a str, source_ip: Option<&'a str>) -> messages::NoticeTo<'a> {
    messages::NoticeTo {
        lang: rekey::i18n::Lang::En,
        org: ORG,
        url: URL,
        to,
        display_name,
        when_utc: 1_795_586_645,
        zone: &UTC,
        source_ip,
        disown_url: None,
        contact: None,
    }
}

fn address() -> String {
    format!("{}@example.test", unique("mail"))
}

/// A fresh code, recorded for the final secret scan.
fn new_code() -> SecretString {
    let code = rekey::factors::codes::generate(8);
    remember_secret(code.expose_secret());
    code
}

fn mailer(config: &MailConfig) -> Mailer {
    Mailer::from_config(config).expect("mail settings are valid")
}

#[tokio::test]
async fn a_code_mail_arrives_with_its_recipient_subject_and_code() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let to = address();
    let code = new_code();

    mailer(&sink.mail_config())
        .send(&messages::code(rekey::i18n::Lang::En, ORG, &to, &code, CodePurpose::Reset, 10, None))
        .await
        .unwrap();

    let mail = sink.wait_for(&to, 1).await;
    assert_eq!(mail.to, vec![to.clone()]);
    assert_eq!(mail.from, "no-reply@example.test");
    assert_eq!(mail.subject, "Your Example Corp code to reset your password");
    assert!(mail.text.contains(code.expose_secret()), "text body lacks the code");
    assert!(mail.html.contains(code.expose_secret()), "html body lacks the code");
    assert!(mail.raw.contains("multipart/alternative"), "not sent as text + html");
    assert_eq!(sink.last_code_for(&to).await, code.expose_secret());
}

#[tokio::test]
async fn each_recipient_gets_a_message_of_their_own() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let (alice, bob) = (address(), address());
    let mail = Mail {
        to: vec![alice.clone(), bob.clone()],
        subject: "Notice".into(),
        text: "Hello".into(),
        html: "<p>Hello</p>".into(),
    };

    mailer(&sink.mail_config()).send(&mail).await.unwrap();

    assert_eq!(sink.wait_for(&alice, 1).await.to, vec![alice.clone()]);
    assert_eq!(sink.wait_for(&bob, 1).await.to, vec![bob.clone()]);
    assert!(!sink.messages_to(&alice)[0].raw.contains(&bob), "alice's copy names bob");
}

/// Mails go out in the background, many at once under load: the connections a burst opened
/// stay open for the next burst instead of being closed and opened again (each costs a TCP
/// handshake, the server's greeting, EHLO and QUIT).
#[tokio::test]
async fn the_connections_a_burst_of_mails_opened_serve_the_next_burst() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let mailer = mailer(&sink.mail_config());
    let to = address();
    let notice =
        Mail { to: vec![to.clone()], subject: "Notice".into(), text: "Hello".into(), html: "<p>Hello</p>".into() };
    let burst = || futures_util::future::join_all((0..12).map(|_| mailer.send(&notice)));
    assert!(burst().await.iter().all(Result::is_ok));
    let opened = sink.connections();
    assert!(opened > 4, "a burst of 12 opens more than a few connections ({opened})");
    // lettre puts a connection back in a task of its own once its mail is sent.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(burst().await.iter().all(Result::is_ok));
    assert_eq!(sink.connections(), opened, "the second burst opened none");
    assert_eq!(sink.messages_to(&to).len(), 24);
}

#[tokio::test]
async fn last_code_for_returns_each_new_code_once_and_skips_notices() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let to = address();
    let mailer = mailer(&sink.mail_config());
    let (first, second) = (new_code(), new_code());

    mailer
        .send(&messages::code(rekey::i18n::Lang::En, ORG, &to, &first, CodePurpose::ConfirmAddress, 10, None))
        .await
        .unwrap();
    assert_eq!(sink.last_code_for(&to).await, first.expose_secret());
    mailer
        .send(&messages::code(rekey::i18n::Lang::En, ORG, &to, &second, CodePurpose::Unlock, 10, None))
        .await
        .unwrap();
    mailer
        .send(&messages::account_notice(&notice_to(&to, "Alice", None), messages::AccountEvent::AccountUnlocked))
        .await
        .unwrap();

    assert_eq!(sink.last_code_for(&to).await, second.expose_secret());
}

#[tokio::test]
async fn the_console_mailer_sends_without_error() {
    init_tracing();
    let config = MailConfig { transport: MailTransport::Console, ..MailConfig::default() };
    let mail =
        Mail { to: vec![address()], subject: "Demo".into(), text: "Hello from the demo".into(), html: String::new() };

    let result = mailer(&config).send(&mail).await;

    assert!(result.is_ok(), "{result:?}");
}

#[tokio::test]
async fn a_server_that_is_not_listening_gives_an_error_within_the_timeout() {
    init_tracing();
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let sink = SmtpSink::start().await;
    let config = MailConfig { port, ..sink.mail_config() };
    let mail = messages::account_notice(&notice_to(&address(), "Alice", None), messages::AccountEvent::PasswordChanged);

    let started = Instant::now();
    let result = mailer(&config).send(&mail).await;

    assert!(matches!(result, Err(NotifyError::Connection(_))), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(config.timeout_secs), "took {:?}", started.elapsed());
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn a_server_that_accepts_and_then_stalls_gives_a_timeout() {
    init_tracing();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts the connection and never says a word.
    let silent = tokio::spawn(async move {
        let (_stream, _) = listener.accept().await.unwrap();
        tokio::time::sleep(Duration::from_secs(30)).await;
    });
    let sink = SmtpSink::start().await;
    let config = MailConfig { port, timeout_secs: 1, ..sink.mail_config() };
    let mail = messages::account_notice(&notice_to(&address(), "Alice", None), messages::AccountEvent::PasswordChanged);

    let started = Instant::now();
    let result = mailer(&config).send(&mail).await;

    assert!(matches!(result, Err(NotifyError::Timeout)), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
    silent.abort();
}

#[tokio::test]
async fn a_temporary_failure_from_the_server_is_an_error() {
    init_tracing();
    let sink = SmtpSink::start().await;
    sink.fail_next(1);
    let to = address();
    let code = new_code();

    let result = mailer(&sink.mail_config())
        .send(&messages::code(rekey::i18n::Lang::En, ORG, &to, &code, CodePurpose::SignIn, 10, None))
        .await;

    assert!(matches!(&result, Err(NotifyError::Temporary { code }) if code == "451"), "{result:?}");
    assert!(sink.messages_to(&to).is_empty());
    let shown = format!("{} {:?}", result.as_ref().unwrap_err(), result);
    assert!(!shown.contains(code.expose_secret()), "the error shows the code");
}

#[tokio::test]
async fn a_script_in_a_display_name_arrives_escaped_in_the_html_body() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let to = address();
    let name = "<script>alert('owned')</script>";

    let notice =
        messages::account_notice(&notice_to(&to, name, Some("192.0.2.7")), messages::AccountEvent::PasswordReset);
    mailer(&sink.mail_config()).send(&notice).await.unwrap();

    let mail = sink.wait_for(&to, 1).await;
    assert!(!mail.html.contains("<script>"), "{}", mail.html);
    assert!(mail.html.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"), "{}", mail.html);
    assert!(mail.text.contains(name), "the text body shows the name as it is");
}

#[tokio::test]
async fn sending_a_code_leaves_no_trace_of_it_in_the_trace_log() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let to = address();
    let code = new_code();
    let mail = messages::code(rekey::i18n::Lang::En, ORG, &to, &code, CodePurpose::Reset, 10, None);
    tracing::trace!(?mail, "about to send");

    mailer(&sink.mail_config()).send(&mail).await.unwrap();
    sink.wait_for(&to, 1).await;

    let log = std::fs::read_to_string(output_dir().join("trace.log")).unwrap();
    assert!(log.contains("about to send"), "the capture is not working");
    assert!(!log.contains(code.expose_secret()), "the code reached the trace log");
}

#[tokio::test]
async fn after_a_temporary_failure_the_next_mail_is_delivered() {
    init_tracing();
    let sink = SmtpSink::start().await;
    sink.fail_next(1);
    let to = address();
    let mailer = mailer(&sink.mail_config());
    let notice = messages::account_notice(&notice_to(&to, "Alice", None), messages::AccountEvent::AccountUnlocked);

    assert!(mailer.send(&notice).await.is_err());
    mailer.send(&notice).await.unwrap();

    assert_eq!(sink.wait_for(&to, 1).await.subject, notice.subject);
}

#[tokio::test]
async fn lines_starting_with_a_dot_arrive_intact() {
    init_tracing();
    let sink = SmtpSink::start().await;
    let to = address();
    let text = "first\n.\n..two dots\n.one dot\nlast\n";
    let mail = Mail { to: vec![to.clone()], subject: "Dots".into(), text: text.into(), html: "<p>.</p>".into() };

    mailer(&sink.mail_config()).send(&mail).await.unwrap();

    let received = sink.wait_for(&to, 1).await;
    assert!(received.raw.contains("\r\n.one dot\r\n"), "sent encoded: the test would not exercise dot-stuffing");
    assert_eq!(received.text.replace("\r\n", "\n"), text);
}
