//! A browser with JavaScript off, as the bench drives it: one keep-alive connection, its own
//! cookies (session and CSRF), redirects followed by hand so that every request is timed as a
//! step of its own, and the flows a person walks (register an email, change, reset, unlock).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, bail};

use crate::load::Timings;
use crate::sink::Sink;

/// How long a client waits for a mailed code.
const MAIL_WAIT: Duration = Duration::from_secs(20);

/// A page as received (redirects not followed).
pub struct Reply {
    pub status: u16,
    pub location: Option<String>,
    pub body: String,
}

pub struct Browser {
    client: reqwest::Client,
    /// Replicas' base URLs; each request goes to the next one, like a round-robin balancer.
    bases: Vec<String>,
    next: usize,
    origin: String,
    cookies: BTreeMap<String, String>,
}

impl Browser {
    /// `bases` share one database; `origin` is the portal's public URL. Each browser connects
    /// from an address of its own in 127.0.0.0/8 (2 to 254, in turn), as people do from their
    /// own machines: with one address for all, the per-address limits (at most 100,000 starts
    /// an hour) stopped a fast build part-way through a `BENCH_AB` run.
    pub fn new(bases: &[String], origin: &str) -> Result<Browser> {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 253;
        let from = std::net::Ipv4Addr::new(127, 0, 0, u8::try_from(n + 2).unwrap_or(2));
        let client = reqwest::Client::builder()
            .local_address(std::net::IpAddr::V4(from))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent("Mozilla/5.0 (rekey-bench)")
            .pool_max_idle_per_host(1)
            .timeout(Duration::from_secs(30))
            .build()?;
        Ok(Browser { client, bases: bases.to_vec(), next: 0, origin: origin.to_owned(), cookies: BTreeMap::new() })
    }

    /// Forgets the cookies: the next flow is another person's visit.
    pub fn forget(&mut self) {
        self.cookies.clear();
    }

    fn base(&mut self) -> String {
        let base = self.bases.get(self.next % self.bases.len().max(1)).cloned().unwrap_or_default();
        self.next = self.next.wrapping_add(1);
        base
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    fn keep_cookies(&mut self, res: &reqwest::Response) {
        for v in res.headers().get_all(reqwest::header::SET_COOKIE) {
            let Ok(v) = v.to_str() else { continue };
            let pair = v.split(';').next().unwrap_or("");
            let Some((name, value)) = pair.split_once('=') else { continue };
            let lower = v.to_ascii_lowercase();
            if value.is_empty() || lower.contains("max-age=0") || lower.contains("1970") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_owned(), value.to_owned());
            }
        }
    }

    fn csrf(&self) -> String {
        self.cookies.iter().find(|(k, _)| k.ends_with("rekey-csrf")).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// One GET, timed as `step`.
    pub async fn get(&mut self, t: &mut Timings, step: &'static str, path: &str) -> Result<Reply> {
        let url = format!("{}{path}", self.base());
        let started = Instant::now();
        let res = self.client.get(&url).header("cookie", self.cookie_header()).send().await?;
        self.finish(t, step, started, res).await
    }

    /// One form POST with the CSRF token added, timed as `step`.
    pub async fn post(
        &mut self,
        t: &mut Timings,
        step: &'static str,
        path: &str,
        fields: &[(&str, &str)],
    ) -> Result<Reply> {
        let csrf = self.csrf();
        let body = {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.append_pair("csrf", &csrf);
            form.extend_pairs(fields);
            form.finish()
        };
        let url = format!("{}{path}", self.base());
        let started = Instant::now();
        let res = self
            .client
            .post(&url)
            .header("cookie", self.cookie_header())
            .header("origin", &self.origin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await?;
        self.finish(t, step, started, res).await
    }

    async fn finish(
        &mut self,
        t: &mut Timings,
        step: &'static str,
        started: Instant,
        res: reqwest::Response,
    ) -> Result<Reply> {
        self.keep_cookies(&res);
        let status = res.status().as_u16();
        let location = res.headers().get(reqwest::header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = res.text().await?;
        t.record(step, started.elapsed());
        Ok(Reply { status, location, body })
    }
}

/// Fails unless `reply` has `status`.
fn expect(reply: &Reply, status: u16, what: &str) -> Result<()> {
    if reply.status != status {
        bail!("{what}: expected {status}, got {} ({:?}) {}", reply.status, reply.location, said(&reply.body));
    }
    Ok(())
}

/// What a page told the person: the text of its first alert or error, else its first 300
/// characters (a page's head is the same on every page, so a refusal's reason is in the alert).
fn said(body: &str) -> String {
    let start = ["role=\"alert\"", "class=\"error\""].iter().filter_map(|m| body.find(m)).min();
    let Some(start) = start else { return body.chars().take(300).collect() };
    let text = body[start..].split_once('>').map_or("", |(_, rest)| rest);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
        if plain.len() > 400 {
            break;
        }
    }
    format!("the page said: {}", plain.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Fails unless `reply` redirects to `to`.
fn expect_redirect(reply: &Reply, to: &str, what: &str) -> Result<()> {
    expect(reply, 303, what)?;
    if reply.location.as_deref() != Some(to) {
        bail!("{what}: redirected to {:?}, expected {to}", reply.location);
    }
    Ok(())
}

/// An account of the bench directory and what the bench knows of it.
#[derive(Debug, Clone)]
pub struct Account {
    pub uid: String,
    pub dn: String,
    pub password: String,
}

impl Account {
    /// Where its recovery code goes.
    pub fn recovery_address(&self) -> String {
        format!("{}@recovery.example.test", self.uid)
    }
}

/// A fresh password that passes the portal's quality rules and was never this account's. The
/// random part has letters only: an account's display name ("Bench 123") counts its number
/// as a name the password must not hold, and ten random characters with digits held one in
/// a few thousand times (a change refused as `quality_own_name`, stopping its client).
pub fn new_password() -> String {
    use rand::Rng as _;
    let tail: String = rand::thread_rng()
        .sample_iter(&rand::distributions::Alphanumeric)
        .map(char::from)
        .filter(char::is_ascii_alphabetic)
        .take(10)
        .collect();
    format!("Tundra-{tail}-Compass8")
}

/// Registers the account's recovery address through the register flow.
pub async fn register_email(b: &mut Browser, t: &mut Timings, sink: &Sink, a: &Account) -> Result<()> {
    b.forget();
    let r = b.get(t, "GET /register", "/register").await?;
    expect(&r, 200, "register form")?;
    let r = b.post(t, "POST /register", "/register", &[("username", &a.uid), ("password", &a.password)]).await?;
    expect_redirect(&r, "/register/methods", "register sign-in")?;
    let address = a.recovery_address();
    let r = b.post(t, "POST /register/email", "/register/email", &[("address", &address)]).await?;
    if r.status == 303 {
        let to = r.location.clone().unwrap_or_default();
        b.get(t, "GET /register/confirm", &to).await?;
    } else {
        expect(&r, 200, "add email")?;
    }
    let code = sink.take_code(&address, MAIL_WAIT).await?;
    let r = b.post(t, "POST /register/confirm", "/register/confirm", &[("code", &code)]).await?;
    let r = follow(b, t, r, "GET /register/methods").await?;
    if !r.body.contains("registered") {
        bail!("registering {address} did not finish: {}", r.status);
    }
    Ok(())
}

/// Follows one redirect (if any), timed as `step`.
async fn follow(b: &mut Browser, t: &mut Timings, r: Reply, step: &'static str) -> Result<Reply> {
    match (r.status, &r.location) {
        (301..=303, Some(to)) => {
            let to = to.clone();
            b.get(t, step, &to).await
        }
        _ => Ok(r),
    }
}

/// The change page, filled in and sent. On success the account's password is the new one.
pub async fn change(b: &mut Browser, t: &mut Timings, a: &mut Account) -> Result<()> {
    b.forget();
    let r = b.get(t, "GET /change", "/change").await?;
    expect(&r, 200, "change form")?;
    let new = new_password();
    let fields = [("username", a.uid.as_str()), ("current", &a.password), ("new", &new), ("confirm", &new)];
    let r = b.post(t, "POST /change", "/change", &fields).await?;
    expect(&r, 200, "change")?;
    if !r.body.contains("has been changed") {
        bail!("change of {} refused: {}", a.uid, said(&r.body));
    }
    a.password = new;
    Ok(())
}

/// Username, emailed code, and then (reset) a new password or (unlock) the unlock button.
pub async fn recover(b: &mut Browser, t: &mut Timings, sink: &Sink, a: &mut Account, unlock: bool) -> Result<()> {
    b.forget();
    let (base, steps) = if unlock { ("/unlock", &UNLOCK_STEPS) } else { ("/reset", &RESET_STEPS) };
    let r = b.get(t, steps[0], base).await?;
    expect(&r, 200, "username form")?;
    let r = b.post(t, steps[1], base, &[("username", &a.uid)]).await?;
    expect_redirect(&r, &format!("{base}/verify"), "username step")?;
    let r = b.get(t, steps[2], &format!("{base}/verify")).await?;
    expect(&r, 200, "choose page")?;
    let r = b.post(t, steps[3], &format!("{base}/send"), &[]).await?;
    expect_redirect(&r, &format!("{base}/code/email"), "send code")?;
    let r = b.get(t, steps[4], &format!("{base}/code/email")).await?;
    expect(&r, 200, "code form")?;
    let waited = Instant::now();
    let code = sink.take_code(&a.recovery_address(), MAIL_WAIT).await?;
    t.record(steps[5], waited.elapsed());
    let r = b.post(t, steps[6], &format!("{base}/code/email"), &[("code", &code)]).await?;
    if unlock {
        expect_redirect(&r, "/unlock/verify", "unlock code")?;
        let r = b.get(t, steps[7], "/unlock/verify").await?;
        expect(&r, 200, "unlock page")?;
        let r = b.post(t, steps[8], "/unlock/finish", &[]).await?;
        expect(&r, 200, "unlock")?;
        if !r.body.contains("is unlocked") {
            bail!("unlock of {} did not finish", a.uid);
        }
        return Ok(());
    }
    expect_redirect(&r, "/reset/password", "reset code")?;
    let r = b.get(t, steps[7], "/reset/password").await?;
    expect(&r, 200, "password form")?;
    let new = new_password();
    let r = b.post(t, steps[8], "/reset/password", &[("new", &new), ("confirm", &new)]).await?;
    let r = follow(b, t, r, "GET /reset/done").await?;
    expect(&r, 200, "new password")?;
    if !r.body.contains("has been reset") {
        bail!("reset of {} refused: {}", a.uid, said(&r.body));
    }
    a.password = new;
    Ok(())
}

const RESET_STEPS: [&str; 9] = [
    "GET /reset",
    "POST /reset (username)",
    "GET /reset/verify",
    "POST /reset/send",
    "GET /reset/code/email",
    "(code mail arrives)",
    "POST /reset/code/email",
    "GET /reset/password",
    "POST /reset/password",
];

const UNLOCK_STEPS: [&str; 9] = [
    "GET /unlock",
    "POST /unlock (username)",
    "GET /unlock/verify",
    "POST /unlock/send",
    "GET /unlock/code/email",
    "(code mail arrives)",
    "POST /unlock/code/email",
    "GET /unlock/verify (verified)",
    "POST /unlock/finish",
];

/// Only the username step: leaves an attempt in progress (for the memory figure).
pub async fn start_only(b: &mut Browser, t: &mut Timings, a: &Account) -> Result<()> {
    b.forget();
    let r = b.get(t, "GET /reset", "/reset").await?;
    expect(&r, 200, "username form")?;
    let r = b.post(t, "POST /reset (username)", "/reset", &[("username", &a.uid)]).await?;
    expect_redirect(&r, "/reset/verify", "username step").context("starting a flow")
}
