//! The agent process: enrol once, then heartbeat, long-poll for jobs, run them against the
//! directory and post signed results. Only outbound HTTPS requests, to one portal.
//!
//! A job is run at most once: the agent does not start one whose lease is about to end, bounds
//! the directory call by the lease, and never retries a job itself. On SIGTERM it tells the
//! portal it is stopping (so no new job is leased to it), finishes what it holds, and exits.
//!
//! The agent's wall clock only stamps and checks messages, which tolerate
//! [`proto::MAX_SKEW_SECS`]. A lease is the number of seconds the offer grants, counted on the
//! monotonic clock from the offer's arrival; a job's signed expiry is compared with the
//! portal's time in the offer's signed header. So a machine whose clock is ahead or behind
//! runs jobs exactly as one whose clock is right.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use backon::BackoffBuilder as _;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::{RwLock, watch};
use tokio::time::Instant;

use super::config::AgentConfig;
use super::guard::Guard;
use super::keyfile::{Identity, KeyFileError};
pub use super::lease::CLOCK_SKEW_VAR;
use super::lease::{Offered, clock_skew};
use super::listing::Listings;
use super::proto::{
    self, Answer, EnrollBody, EnrolledBody, Envelope, Header, HeartbeatAckBody, HeartbeatBody, Kind, OfferBody,
    Outcome, PollBody, ProtoError, Request, ResultAckBody, ResultBody, RotateBody, now,
};
use crate::directory::ldap::LdapDirectory;
use crate::directory::{DirError, Directory, Login};

/// Why the agent could not do something. Never carries a password or key.
#[derive(Debug, thiserror::Error)]
pub enum AgentError {
    #[error("{0}")]
    KeyFile(#[from] KeyFileError),
    #[error("portal URL: {0}")]
    PortalUrl(String),
    #[error("enrolment token: {0}")]
    Token(&'static str),
    #[error("cannot reach the portal: {0}")]
    Http(String),
    #[error("the portal refused the request ({status}): {message}")]
    Refused { status: u16, message: String },
    #[error("the portal's answer was refused: {0}")]
    Proto(#[from] ProtoError),
    #[error("directory: {0}")]
    Directory(String),
}

/// The machine's name, for the admin's agent list.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// The agent only speaks HTTPS, except to a portal on this machine (tests, a local proxy).
pub fn check_portal_url(text: &str) -> Result<url::Url, AgentError> {
    let url = url::Url::parse(text).map_err(|e| AgentError::PortalUrl(format!("{text:?}: {e}")))?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        "http" => Err(AgentError::PortalUrl(format!(
            "{text:?}: the agent only connects to the portal over https:// (plain http only to this machine)"
        ))),
        _ => Err(AgentError::PortalUrl(format!("{text:?}: expected an https:// URL"))),
    }
}

/// An HTTPS client for one portal.
#[derive(Clone)]
pub struct PortalClient {
    http: reqwest::Client,
    base: url::Url,
}

impl PortalClient {
    pub fn new(base: url::Url, ca_file: Option<&Path>) -> Result<PortalClient, AgentError> {
        let mut builder = reqwest::Client::builder()
            .user_agent(format!("rekey-agent/{}", proto::VERSION))
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none());
        if base.scheme() == "https" {
            builder = builder.https_only(true);
        }
        if let Some(ca) = ca_file {
            let pem = std::fs::read(ca).map_err(|e| AgentError::Http(format!("{}: {e}", ca.display())))?;
            for cert in reqwest::Certificate::from_pem_bundle(&pem)
                .map_err(|e| AgentError::Http(format!("{}: {e}", ca.display())))?
            {
                builder = builder.add_root_certificate(cert);
            }
        }
        let http = builder.build().map_err(|e| AgentError::Http(e.to_string()))?;
        Ok(PortalClient { http, base })
    }

    /// Posts one envelope to `/agent/v1/{endpoint}` and returns the portal's envelope.
    pub async fn post(&self, endpoint: &str, envelope: &Envelope, timeout: Duration) -> Result<Envelope, AgentError> {
        let url = self.base.join(&format!("agent/v1/{endpoint}")).map_err(|e| AgentError::PortalUrl(e.to_string()))?;
        let res = self
            .http
            .post(url)
            .json(envelope)
            .timeout(timeout)
            .send()
            .await
            .map_err(|e| AgentError::Http(e.without_url().to_string()))?;
        let status = res.status();
        if !status.is_success() {
            #[derive(serde::Deserialize)]
            struct ApiError {
                error: String,
            }
            let message = res.json::<ApiError>().await.map(|e| e.error).unwrap_or_default();
            return Err(AgentError::Refused { status: status.as_u16(), message });
        }
        res.json().await.map_err(|e| AgentError::Http(e.without_url().to_string()))
    }
}

/// The parts of an enrolment token: `rka1.<secret>.<portal key fingerprint>`.
pub fn parse_token(token: &str) -> Result<(&str, &str), AgentError> {
    let mut parts = token.trim().split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("rka1"), Some(secret), Some(fp), None) if !secret.is_empty() && fp.len() == 16 => Ok((secret, fp)),
        _ => Err(AgentError::Token("not a rekey agent enrolment token (rka1.….…)")),
    }
}

/// Enrols with the portal: makes keys, registers them with the one-time token, pins the
/// portal's key (checked against the token's fingerprint) and writes the key file (0600).
pub async fn enroll(
    portal: &str,
    token: &str,
    name: &str,
    key_file: &Path,
    ca_file: Option<&Path>,
) -> Result<Identity, AgentError> {
    let base = check_portal_url(portal)?;
    let (secret, fingerprint) = parse_token(token)?;
    if key_file.exists() {
        return Err(KeyFileError::Exists { path: key_file.to_path_buf() }.into());
    }
    let client = PortalClient::new(base.clone(), ca_file)?;
    let (sign, boxk) = Identity::generate_keys();
    let header = Header::new(Kind::Enroll, "", now(), None);
    let nonce = header.nonce.clone();
    let body = EnrollBody {
        token: secret.to_owned(),
        name: name.to_owned(),
        version: proto::VERSION.to_owned(),
        hostname: hostname(),
        box_key: proto::encode_key(boxk.public_key().as_bytes()),
        sign_key: proto::encode_key(sign.verifying_key().as_bytes()),
    };
    let envelope = proto::sign(&sign, "", header, &body)?;
    let reply = client.post("enroll", &envelope, Duration::from_secs(30)).await?;
    let unverified: proto::Message<EnrolledBody> = proto::peek(&reply)?;
    let portal_key = proto::decode_key(&unverified.body.portal_key)
        .and_then(|k| proto::verifying_key(&k))
        .ok_or(ProtoError::Malformed)?;
    if proto::fingerprint(&portal_key) != fingerprint {
        return Err(AgentError::Token(
            "the portal's key does not match the token: the token is for another portal, or the connection is intercepted",
        ));
    }
    let msg: proto::Message<EnrolledBody> = proto::open(&reply, &portal_key)?;
    msg.header.check(Kind::Enrolled, &msg.body.agent_id, now(), Some(&nonce))?;
    // Signed by the key the token pins, so as trustworthy as it; a portal that signs no job
    // would leave an agent that refuses every job.
    let job_key = msg.body.job_key.as_deref().and_then(proto::decode_key).and_then(|k| proto::verifying_key(&k));
    let Some(job_key) = job_key else {
        return Err(AgentError::Token("the portal sent no job-signing key: upgrade the portal, then enrol again"));
    };
    let identity = Identity {
        agent_id: msg.body.agent_id,
        name: name.to_owned(),
        portal_url: base,
        portal_key,
        job_key: Some(job_key),
        sign,
        boxk,
        previous_box: None,
    };
    identity.write_new(key_file)?;
    Ok(identity)
}

/// A running agent's shared state.
struct Agent {
    client: PortalClient,
    identity: RwLock<Identity>,
    key_file: PathBuf,
    directory: Arc<LdapDirectory>,
    protection: crate::directory::ldap::Protection,
    /// Jobs already opened, until they expire: a job is run once even if its box is queued again.
    seen_jobs: std::sync::Mutex<std::collections::HashMap<String, Instant>>,
    listings: Listings,
    config: AgentConfig,
    directory_ok: std::sync::atomic::AtomicBool,
    /// Seconds added to every reading of the wall clock ([`CLOCK_SKEW_VAR`]); 0 but in tests.
    clock_skew: i64,
}

impl Agent {
    /// The wall clock, in Unix seconds, as this machine reads it.
    fn now(&self) -> i64 {
        now() + self.clock_skew
    }

    /// Signs `body`, posts it, verifies the reply is the portal's answer to it. The reply's
    /// header states the portal's time when it answered.
    async fn exchange<B: Serialize, R: DeserializeOwned>(
        &self,
        endpoint: &str,
        kind: Kind,
        reply_kind: Kind,
        body: &B,
        timeout: Duration,
    ) -> Result<proto::Message<R>, AgentError> {
        let (envelope, nonce, agent_id, portal_key) = {
            let id = self.identity.read().await;
            let header = Header::new(kind, &id.agent_id, self.now(), None);
            let nonce = header.nonce.clone();
            (proto::sign(&id.sign, &id.agent_id, header, body)?, nonce, id.agent_id.clone(), id.portal_key)
        };
        let reply = self.client.post(endpoint, &envelope, timeout).await?;
        let msg: proto::Message<R> = proto::open(&reply, &portal_key)?;
        msg.header.check(reply_kind, &agent_id, self.now(), Some(&nonce))?;
        Ok(msg)
    }

    /// Checks the directory and records the result for the next heartbeat.
    async fn check_directory(&self) {
        let timeout = Duration::from_secs(self.config.directory.timeout_secs);
        let ok = matches!(tokio::time::timeout(timeout, self.directory.health()).await, Ok(Ok(())));
        if ok != self.directory_ok.swap(ok, std::sync::atomic::Ordering::Relaxed) {
            if ok {
                tracing::info!("the directory answers");
            } else {
                tracing::warn!("the directory does not answer; jobs will fail until it does");
            }
        }
    }

    async fn heartbeat(&self) -> Result<HeartbeatAckBody, AgentError> {
        let body = HeartbeatBody {
            version: proto::VERSION.into(),
            hostname: hostname(),
            directory_ok: self.directory_ok.load(std::sync::atomic::Ordering::Relaxed),
        };
        Ok(self.exchange("heartbeat", Kind::Heartbeat, Kind::HeartbeatAck, &body, Duration::from_secs(15)).await?.body)
    }

    /// Makes new keys, proves them to the portal with old and new signatures, and switches over
    /// once the portal has accepted them. The old box key is kept for jobs already sealed to it.
    async fn rotate(&self) -> Result<(), AgentError> {
        let mut id = self.identity.write().await;
        let (sign, boxk) = Identity::generate_keys();
        let header = Header::new(Kind::Rotate, &id.agent_id, self.now(), None);
        let nonce = header.nonce.clone();
        let box_key = proto::encode_key(boxk.public_key().as_bytes());
        let sign_key = proto::encode_key(sign.verifying_key().as_bytes());
        let proof = proto::rotation_proof(&sign, &id.agent_id, &nonce, &box_key, &sign_key);
        let next = Identity {
            agent_id: id.agent_id.clone(),
            name: id.name.clone(),
            portal_url: id.portal_url.clone(),
            portal_key: id.portal_key,
            job_key: id.job_key,
            sign,
            boxk,
            previous_box: Some(id.boxk.clone()),
        };
        // Stage the new keys on disk first: if the portal accepts them and we crash before the
        // rename, the staged file still holds them.
        let staged = Identity::staged_path(&self.key_file);
        let _ = std::fs::remove_file(&staged);
        next.write_new(&staged)?;
        let envelope = proto::sign(&id.sign, &id.agent_id, header, &RotateBody { box_key, sign_key, proof })?;
        let result = async {
            let reply = self.client.post("rotate", &envelope, Duration::from_secs(15)).await?;
            let msg: proto::Message<proto::Empty> = proto::open(&reply, &id.portal_key)?;
            msg.header.check(Kind::Rotated, &id.agent_id, self.now(), Some(&nonce))?;
            Ok::<_, AgentError>(())
        }
        .await;
        match result {
            Ok(()) => {
                std::fs::rename(&staged, &self.key_file)
                    .map_err(|source| KeyFileError::Io { path: self.key_file.clone(), source })?;
                *id = next;
                tracing::info!(agent = %id.agent_id, "rotated the agent's keys");
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&staged);
                Err(e)
            }
        }
    }

    async fn poll(&self) -> Result<Option<Offered>, AgentError> {
        let wait = self.config.agent.poll_secs;
        let body = PollBody { wait_secs: wait, version: Some(proto::VERSION.into()) };
        let msg: proto::Message<OfferBody> =
            self.exchange("poll", Kind::Poll, Kind::Offer, &body, Duration::from_secs(wait + 15)).await?;
        let received = Instant::now();
        Ok(msg.body.job.map(|offer| Offered { offer, portal_now: msg.header.ts, received }))
    }

    /// Runs one leased job and posts its result.
    async fn run_job(&self, offered: Offered) {
        let offer = &offered.offer;
        let op = offer.op.as_str();
        let job_id = offer.job_id.clone();
        let started = std::time::Instant::now();
        let lease_ends = offered.lease_ends();
        // Leave a second to post the answer before the lease ends.
        let remaining = lease_ends.saturating_duration_since(Instant::now());
        let Some(remaining) = remaining.checked_sub(Duration::from_secs(1)).filter(|d| !d.is_zero()) else {
            tracing::warn!(job = %job_id, op, "the lease ended before the job could start; not running it");
            return;
        };
        let guard = Guard { ldap: &self.directory, protection: &self.protection };
        let outcome = match self.open(&offered).await {
            Ok(request) => {
                let run = async {
                    let request = guard.admit(request).await?;
                    execute(&*self.directory, &self.listings, request).await
                };
                match tokio::time::timeout(remaining, run).await {
                    Ok(Err(DirError::Refused(why))) => {
                        tracing::warn!(job = %job_id, op, reason = %why, "refused a job");
                        Err(DirError::Refused(why))
                    }
                    Ok(outcome) => outcome,
                    Err(_) => Err(DirError::Unavailable("the directory did not answer within the job's lease".into())),
                }
            }
            Err(e @ (ProtoError::UnsignedJob | ProtoError::NoJobKey | ProtoError::Stale | ProtoError::Replayed)) => {
                tracing::warn!(job = %job_id, op, error = %e, "refused a job");
                Err(DirError::Refused(e.to_string()))
            }
            Err(e) => {
                tracing::warn!(job = %job_id, op, error = %e, "could not open a job");
                Err(proto::unopened(&e))
            }
        };
        let summary = match &outcome {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.to_string(),
        };
        let body = ResultBody { job_id: job_id.clone(), lease_id: offer.lease_id.clone(), outcome };
        let mut delay = Duration::from_millis(200);
        loop {
            match self
                .exchange::<_, ResultAckBody>("result", Kind::Result, Kind::ResultAck, &body, Duration::from_secs(10))
                .await
            {
                Ok(ack) if ack.body.accepted => {
                    tracing::info!(job = %job_id, op, outcome = %summary, ms = started.elapsed().as_millis() as u64, "job done");
                    return;
                }
                Ok(_) => {
                    tracing::warn!(job = %job_id, op, outcome = %summary, "the portal had already given up on this job; the person was told it failed");
                    return;
                }
                Err(e) if Instant::now() < lease_ends => {
                    tracing::warn!(job = %job_id, error = %e, "could not post a result; retrying");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(2));
                }
                Err(e) => {
                    tracing::error!(job = %job_id, op, outcome = %summary, error = %e, "could not post a result before the lease ended");
                    return;
                }
            }
        }
    }

    /// Opens the sealed job and checks the portal's signature. Its expiry is compared with the
    /// portal's time as the signed offer states it, never with this machine's clock.
    async fn open(&self, offered: &Offered) -> Result<Request, ProtoError> {
        let offer = &offered.offer;
        let sealed = B64.decode(&offer.sealed).map_err(|_| ProtoError::Malformed)?;
        let id = self.identity.read().await;
        let job = proto::unseal_job(&sealed, &id.box_keys())?;
        if job.job_id != offer.job_id || job.request.op() != offer.op {
            return Err(ProtoError::Malformed);
        }
        let job_key = id.job_key.ok_or(ProtoError::NoJobKey)?;
        super::signed_job::verify(&job, &job_key, offered.portal_now)?;
        // Remembered until its expiry, as measured here, and a second for the rounding: an offer
        // of it after that carries a later portal time, and is refused as stale.
        let valid_for = u64::try_from(job.expires - offered.portal_now).unwrap_or(0) + 1;
        let forget_at = offered.received + Duration::from_secs(valid_for);
        let now = Instant::now();
        let mut seen = self.seen_jobs.lock().map_err(|_| ProtoError::Malformed)?;
        seen.retain(|_, forget| *forget > now);
        if seen.insert(job.job_id.clone(), forget_at).is_some() {
            return Err(ProtoError::Replayed);
        }
        Ok(job.request)
    }
}

/// Runs one request against the directory; `listings` holds what `list_users` pages through.
pub async fn execute(directory: &dyn Directory, listings: &Listings, request: Request) -> Outcome {
    match request {
        Request::FindUser { login } => match Login::parse(&login) {
            Some(login) => directory.find_user(&login).await.map(|u| Answer::User(u.map(Box::new))),
            None => Ok(Answer::User(None)),
        },
        Request::VerifyPassword { user, password } => {
            directory.verify_password(&user, &password).await.map(|()| Answer::Done)
        }
        Request::ChangePassword { user, old, new } => {
            directory.change_password(&user, &old, &new).await.map(|()| Answer::Done)
        }
        Request::ResetPassword { user, new, must_change } => {
            directory.reset_password(&user, &new, must_change).await.map(|()| Answer::Done)
        }
        Request::Unlock { user } => directory.unlock(&user).await.map(|()| Answer::Done),
        Request::LockStatus { user } => directory.lock_status(&user).await.map(Answer::Lock),
        Request::Health => directory.health().await.map(|()| Answer::Done),
        Request::ListUsers { listing, limit, after, max_bytes } => {
            listings.page(directory, &listing, limit, after.as_deref(), max_bytes).await
        }
    }
}

fn backoff() -> impl Iterator<Item = Duration> {
    backon::ExponentialBuilder::default()
        .with_min_delay(Duration::from_millis(500))
        .with_max_delay(Duration::from_secs(30))
        .with_jitter()
        .without_max_times()
        .build()
}

/// Waits for `d` or until `stop` turns true; true if stopping.
async fn sleep_or_stop(d: Duration, stop: &mut watch::Receiver<bool>) -> bool {
    tokio::select! {
        _ = tokio::time::sleep(d) => {},
        _ = stop.wait_for(|s| *s) => {},
    }
    *stop.borrow()
}

/// Runs the agent until `shutdown` completes.
pub async fn run(config: AgentConfig, shutdown: impl std::future::Future<Output = ()>) -> Result<(), AgentError> {
    let identity = Identity::load(&config.agent.key_file)?;
    if identity.job_key.is_none() {
        tracing::error!(
            key_file = %config.agent.key_file.display(),
            "this key file pins no job-signing key (enrolled before jobs were signed): every job will be refused; \
             re-enrol the agent (rekey agent token create, then rekey agent enroll)"
        );
    }
    let directory = Arc::new(LdapDirectory::new(&config.directory).map_err(|e| AgentError::Directory(e.to_string()))?);
    let client = PortalClient::new(identity.portal_url.clone(), config.agent.portal_ca_file.as_deref())?;
    tracing::info!(agent = %identity.agent_id, name = %identity.name, portal = %identity.portal_url, "rekey agent starting");
    let agent = Arc::new(Agent {
        client,
        identity: RwLock::new(identity),
        key_file: config.agent.key_file.clone(),
        directory,
        protection: config.protection(),
        seen_jobs: Default::default(),
        listings: Listings::default(),
        directory_ok: std::sync::atomic::AtomicBool::new(true),
        config,
        clock_skew: clock_skew(),
    });
    let (stop_tx, stop_rx) = watch::channel(false);

    let heartbeats = {
        let agent = agent.clone();
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let mut delays = backoff();
            loop {
                let wait = match agent.heartbeat().await {
                    Ok(ack) => {
                        delays = backoff();
                        if ack.rotate_requested
                            && let Err(e) = agent.rotate().await
                        {
                            tracing::warn!(error = %e, "key rotation failed; will retry");
                        }
                        Duration::from_secs(agent.config.agent.heartbeat_secs)
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "heartbeat failed");
                        delays
                            .next()
                            .unwrap_or(Duration::from_secs(30))
                            .min(Duration::from_secs(agent.config.agent.heartbeat_secs))
                    }
                };
                if sleep_or_stop(wait, &mut stop).await {
                    return;
                }
            }
        })
    };
    let mut tasks = tokio::task::JoinSet::new();
    {
        // Directory health is checked on its own schedule, so a slow directory never delays a
        // heartbeat (which is what tells the portal the agent is there).
        let agent = agent.clone();
        let mut stop = stop_rx.clone();
        tasks.spawn(async move {
            loop {
                agent.check_directory().await;
                if sleep_or_stop(Duration::from_secs(agent.config.agent.heartbeat_secs.max(5)), &mut stop).await {
                    return;
                }
            }
        });
    }
    for _ in 0..agent.config.agent.workers {
        let agent = agent.clone();
        let mut stop = stop_rx.clone();
        tasks.spawn(async move {
            let mut delays = backoff();
            while !*stop.borrow() {
                match agent.poll().await {
                    Ok(Some(offered)) => {
                        delays = backoff();
                        agent.run_job(offered).await;
                    }
                    Ok(None) => delays = backoff(),
                    Err(e) => {
                        tracing::warn!(error = %e, "poll failed");
                        if sleep_or_stop(delays.next().unwrap_or(Duration::from_secs(30)), &mut stop).await {
                            return;
                        }
                    }
                }
            }
        });
    }

    shutdown.await;
    tracing::info!("stopping: telling the portal, then finishing the jobs in hand");
    let _ = stop_tx.send(true);
    // The last heartbeat must not land after the goodbye: a heartbeat means "running".
    let _ = heartbeats.await;
    if let Err(e) = agent
        .exchange::<_, proto::Empty>("bye", Kind::Bye, Kind::ByeAck, &proto::Empty {}, Duration::from_secs(5))
        .await
    {
        tracing::warn!(error = %e, "could not tell the portal the agent is stopping");
    }
    // A poll in flight returns within a second once the portal knows we are stopping; a job in
    // hand is bounded by its lease.
    let _ = tokio::time::timeout(Duration::from_secs(60), async { while tasks.join_next().await.is_some() {} }).await;
    tracing::info!("rekey agent stopped");
    Ok(())
}

#[cfg(test)]
mod tests;
