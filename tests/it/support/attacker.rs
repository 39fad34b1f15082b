//! What an attacker does to the public pages: guesses from many tabs at once, and clients
//! seen from a given address (through the trusted proxy on 127.0.0.1, `x-forwarded-for`), as
//! the limits per address count them.

use super::attr;
use super::env::{Browser, Page, TestEnv};

/// Trusts the test's proxy on 127.0.0.1 to name the client address (`x-forwarded-for`).
pub fn trust_the_test_proxy(c: &mut rekey::config::Config) {
    c.server.trusted_proxies = vec!["127.0.0.1".into()];
}

/// Lifts the per-account limits on starts and resets out of the way of a test about others.
pub fn lift_account_limits(c: &mut rekey::config::Config) {
    c.limits.starts_per_account = 10_000;
    c.limits.resets_per_account_per_day = 10_000;
}

/// Chooses a fresh strong password on the set-password step (remembered as a secret) and
/// returns it; the page must accept it.
pub async fn choose_new_password(b: &mut Browser) -> String {
    let new = format!("Fresh-{}-Horse7", super::unique("pw"));
    super::remember_secret(&new);
    b.set_password(&new).await.assert_status(200);
    new
}

/// `tabs` forks of `b` post the code `wrong` for `kind` at once.
pub fn guess_in_tabs(b: &Browser, tabs: usize, kind: &'static str, wrong: &str) -> Vec<tokio::task::JoinHandle<Page>> {
    (0..tabs)
        .map(|_| {
            let mut tab = b.fork();
            let wrong = wrong.to_owned();
            tokio::spawn(async move { tab.submit_code("reset", kind, &wrong).await })
        })
        .collect()
}

/// Waits for the guesses and returns how many were judged (422, wrong code); the others must
/// have been refused because the attempt is over (403, 410).
pub async fn judged(tabs: Vec<tokio::task::JoinHandle<Page>>) -> usize {
    let mut judged = 0;
    for t in tabs {
        let page = t.await.unwrap();
        match page.status {
            422 => judged += 1,
            403 | 410 => {}
            other => panic!("unexpected {other}: {}", page.body),
        }
    }
    judged
}

/// A client at `ip`: fetches the username page (its challenge, if any) and posts the step.
pub struct ProxiedClient {
    http: reqwest::Client,
    url: String,
    ip: String,
    csrf: String,
}

impl ProxiedClient {
    pub fn new(env: &TestEnv, ip: &str) -> ProxiedClient {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
        ProxiedClient { http, url: format!("{}/reset", env.server.url()), ip: ip.to_owned(), csrf: String::new() }
    }

    /// The page's challenge and its difficulty, if it carries one.
    pub async fn challenge(&mut self) -> Option<(String, u32)> {
        let page = self.http.get(&self.url).header("x-forwarded-for", &self.ip).send().await.unwrap();
        assert_eq!(page.status(), 200);
        self.csrf = page
            .headers()
            .get_all("set-cookie")
            .iter()
            .find_map(|v| {
                v.to_str().unwrap().strip_prefix("rekey-csrf=").map(|r| r.split(';').next().unwrap().to_owned())
            })
            .unwrap();
        let body = page.text().await.unwrap();
        let challenge = attr(&body, "data-pow")?;
        Some((challenge, attr(&body, "data-pow-bits").unwrap().parse().unwrap()))
    }

    /// Posts the username step for `username`, with `pow` (challenge, nonce) if given.
    pub async fn start(&mut self, username: &str, pow: Option<(&str, &str)>) -> u16 {
        if self.csrf.is_empty() {
            self.challenge().await;
        }
        let mut form = vec![("csrf", self.csrf.as_str()), ("username", username)];
        if let Some((challenge, nonce)) = pow {
            form.extend([("pow_challenge", challenge), ("pow", nonce)]);
        }
        self.http
            .post(&self.url)
            .header("x-forwarded-for", &self.ip)
            .header("cookie", format!("rekey-csrf={}", self.csrf))
            .form(&form)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    }
}
