//! The agent API, `/agent/v1/…`: what writeback agents call, outbound from their network.
//!
//! Every request is a signed [`Envelope`]; every answer is signed by the portal and names the
//! request it answers. A message that is malformed, wrongly signed, stale, replayed, of the
//! wrong kind, or from an unknown or revoked agent is refused with a JSON error and logged.
//! These routes carry no session or CSRF cookie: the signature is the authentication.
//!
//! Times here are the real wall clock (`proto::now`), never the portal's adjustable `Clock`:
//! message timestamps are compared with the agents' clocks (within `proto::MAX_SKEW_SECS`) and
//! leases bound real waits. An offer states its lease as a duration too, so agents never
//! compare the portal's times with their own clock.
//!
//! Agents report their version; those older than `proto::MIN_AGENT_VERSION` are warned about
//! and, with `directory.agent.refuse_old_agents = true`, refused ([`crate::agent::version`]).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Json, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::agent::integrity::{self, TAMPERED};
use crate::agent::proto::{
    self, EnrollBody, EnrolledBody, Envelope, Header, HeartbeatAckBody, HeartbeatBody, JobOffer, Kind, Message,
    OfferBody, PollBody, ProtoError, ResultAckBody, ResultBody, RotateBody,
};
use crate::agent::version;
use crate::directory::DirError;
use crate::directory::agent::RECHECK;
use crate::flow::Services;
use crate::store::{AgentRow, StoreError};

/// The longest a poll is held open, whatever the agent asks for.
const MAX_POLL_SECS: u64 = 25;

pub fn routes(services: Arc<Services>) -> Router {
    Router::new()
        .route("/agent/v1/enroll", post(enroll))
        .route("/agent/v1/heartbeat", post(heartbeat))
        .route("/agent/v1/poll", post(poll))
        .route("/agent/v1/result", post(result))
        .route("/agent/v1/rotate", post(rotate))
        .route("/agent/v1/bye", post(bye))
        .with_state(services)
}

/// A refusal, as JSON. The text is generic; the log has the reason.
#[derive(Debug)]
enum ApiError {
    Refused(StatusCode, &'static str),
    /// An agent older than the portal serves, with `directory.agent.refuse_old_agents`.
    OldAgent(String),
    Store(StoreError),
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::Store(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::Refused(status, message) => (status, message.to_owned()),
            ApiError::OldAgent(message) => (StatusCode::FORBIDDEN, message),
            ApiError::Store(e) => {
                tracing::error!(error = %e, "agent API: database error");
                (StatusCode::SERVICE_UNAVAILABLE, "the portal's database is unavailable".to_owned())
            }
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}

fn refuse(agent: &str, reason: &ProtoError) -> ApiError {
    tracing::warn!(%agent, %reason, "refused an agent message");
    ApiError::Refused(StatusCode::UNAUTHORIZED, "the message was refused")
}

/// Checks an agent's message: known, not revoked, signed by its current key, of the right kind,
/// fresh, and never seen before.
async fn authenticate<T: DeserializeOwned>(
    services: &Services,
    envelope: &Envelope,
    kind: Kind,
) -> Result<(AgentRow, Message<T>), ApiError> {
    let agent_id = envelope.signer.as_str();
    let Some(agent) = services.db.agent(agent_id).await? else {
        tracing::warn!(agent = %agent_id, "refused a message from an unknown agent");
        return Err(ApiError::Refused(StatusCode::FORBIDDEN, "unknown agent"));
    };
    if !integrity::agent_authentic(&services.keys, &agent) {
        tracing::error!(agent = %agent_id, "an agent row fails its integrity check: refused its message");
        let reason = format!("agent {agent_id} (keys or revocation not as the portal wrote them)");
        integrity::audit(&services.db, &services.keys, services.clock.now(), TAMPERED, &reason).await;
        return Err(ApiError::Refused(StatusCode::FORBIDDEN, "unknown agent"));
    }
    if agent.revoked_at.is_some() {
        tracing::warn!(agent = %agent.id, name = %agent.name, "refused a message from a revoked agent");
        return Err(ApiError::Refused(StatusCode::FORBIDDEN, "this agent has been revoked"));
    }
    let key = proto::verifying_key(&agent.sign_key).ok_or_else(|| refuse(agent_id, &ProtoError::Malformed))?;
    // Header first, so a message sent to the wrong endpoint is named as such.
    let msg: Message<serde_json::Value> = proto::open(envelope, &key).map_err(|e| refuse(agent_id, &e))?;
    msg.header.check(kind, &agent.id, proto::now(), None).map_err(|e| refuse(agent_id, &e))?;
    if !services.db.claim_agent_nonce(&msg.header.nonce, proto::now()).await? {
        return Err(refuse(agent_id, &ProtoError::Replayed));
    }
    let body = serde_json::from_value(msg.body).map_err(|_| refuse(agent_id, &ProtoError::Malformed))?;
    Ok((agent, Message { header: msg.header, body }))
}

/// Refuses an agent of an unsupported `version` when the configuration says so; warns about it
/// otherwise when `announce` (it just connected, enrolled or changed version).
fn check_version(services: &Services, agent: &str, name: &str, version: &str, announce: bool) -> Result<(), ApiError> {
    if version::supported(version) {
        return Ok(());
    }
    if services.config.directory.agent.refuse_old_agents {
        tracing::warn!(%agent, %name, %version, minimum = proto::MIN_AGENT_VERSION, "refused a writeback agent older than this portal supports ({} = true)", version::REFUSE_KEY);
        return Err(ApiError::OldAgent(version::refusal(version)));
    }
    if announce {
        tracing::warn!(%agent, %name, %version, minimum = proto::MIN_AGENT_VERSION, "{}", version::warning(version));
    }
    Ok(())
}

/// Signs the portal's answer to `request`.
fn reply<T: Serialize>(services: &Services, agent: &str, kind: Kind, request: &Header, body: &T) -> Response {
    let header = Header::new(kind, agent, proto::now(), Some(&request.nonce));
    match proto::sign(&services.keys.agent_signing_key(), proto::PORTAL, header, body) {
        Ok(envelope) => Json(envelope).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "could not sign an answer to an agent");
            ApiError::Refused(StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

async fn enroll(State(services): State<Arc<Services>>, Json(envelope): Json<Envelope>) -> Result<Response, ApiError> {
    let unverified: Message<EnrollBody> = proto::peek(&envelope).map_err(|e| refuse("(enrolling)", &e))?;
    let body = &unverified.body;
    let (Some(sign_key), Some(box_key)) = (proto::decode_key(&body.sign_key), proto::decode_key(&body.box_key)) else {
        return Err(refuse("(enrolling)", &ProtoError::Malformed));
    };
    let key = proto::verifying_key(&sign_key).ok_or_else(|| refuse("(enrolling)", &ProtoError::Malformed))?;
    // The message must be signed by the key it registers: proof the agent holds it.
    let msg: Message<EnrollBody> = proto::open(&envelope, &key).map_err(|e| refuse("(enrolling)", &e))?;
    let now = proto::now();
    msg.header.check(Kind::Enroll, "", now, None).map_err(|e| refuse("(enrolling)", &e))?;
    let body = msg.body;
    let name = body.name.trim();
    if name.is_empty() || name.len() > 64 || name.chars().any(char::is_control) {
        return Err(ApiError::Refused(StatusCode::BAD_REQUEST, "the agent name must be 1 to 64 printable characters"));
    }
    // Before the token is looked at: a refused agent leaves the token for its upgraded self.
    check_version(&services, "(enrolling)", name, &truncate(&body.version), true)?;
    // The token first, reading only: a wrong token writes nothing (not even a nonce).
    let hash = services.keys.code_hash(crate::agent::admin::TOKEN_CONTEXT, &body.token);
    let token = services.db.usable_agent_token(&hash, now).await?;
    let genuine = token.as_ref().is_some_and(|(token_name, expires, mac)| {
        let expected = integrity::token_mac(&services.keys, &hash, token_name, *expires);
        mac.as_deref().is_some_and(|mac| crate::crypto::constant_time_eq(&expected, mac))
    });
    if token.is_some() && !genuine {
        tracing::error!(%name, "an enrolment token row fails its integrity check: refused");
        integrity::audit(&services.db, &services.keys, services.clock.now(), TAMPERED, "enrolment token").await;
    }
    if !genuine {
        tracing::warn!(%name, "refused an enrolment with an unknown, used or expired token");
        return Err(ApiError::Refused(StatusCode::FORBIDDEN, "the enrolment token is unknown, used or expired"));
    }
    if !services.db.claim_agent_nonce(&msg.header.nonce, now).await? {
        return Err(refuse("(enrolling)", &ProtoError::Replayed));
    }
    let agent_id = uuid::Uuid::new_v4().to_string();
    let mut row = AgentRow {
        version: truncate(&body.version),
        hostname: truncate(&body.hostname),
        ..AgentRow::enrolled(agent_id.clone(), name.to_owned(), box_key.to_vec(), sign_key.to_vec(), now)
    };
    integrity::seal_agent(&services.keys, &mut row);
    if !services.db.enroll_agent(&hash, &row, now).await? {
        tracing::warn!(%name, "refused an enrolment with an unknown, used or expired token");
        return Err(ApiError::Refused(StatusCode::FORBIDDEN, "the enrolment token is unknown, used or expired"));
    }
    tracing::info!(agent = %agent_id, %name, hostname = %row.hostname, "enrolled a writeback agent");
    let portal_key = proto::encode_key(services.keys.agent_signing_key().verifying_key().as_bytes());
    let job_key = Some(proto::encode_key(services.keys.agent_job_key().verifying_key().as_bytes()));
    Ok(reply(
        &services,
        &agent_id,
        Kind::Enrolled,
        &msg.header,
        &EnrolledBody { agent_id: agent_id.clone(), portal_key, job_key },
    ))
}

fn truncate(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(64).collect()
}

async fn heartbeat(
    State(services): State<Arc<Services>>,
    Json(envelope): Json<Envelope>,
) -> Result<Response, ApiError> {
    let (agent, msg) = authenticate::<HeartbeatBody>(&services, &envelope, Kind::Heartbeat).await?;
    let b = &msg.body;
    let reported = truncate(&b.version);
    let announce = agent.last_seen.is_none() || agent.stopping || reported != agent.version;
    if let Err(refused) = check_version(&services, &agent.id, &agent.name, &reported, announce) {
        // Kept, so the admin sees what runs there and its polls are refused too; not counted
        // as heard from, so nothing is sealed to it.
        services.db.set_agent_version(&agent.id, &reported).await?;
        return Err(refused);
    }
    services
        .db
        .agent_heartbeat(&agent.id, proto::now(), &truncate(&b.version), &truncate(&b.hostname), b.directory_ok)
        .await?;
    if agent.last_seen.is_none() || agent.stopping {
        tracing::info!(agent = %agent.id, name = %agent.name, version = %b.version, "writeback agent connected");
    }
    Ok(reply(
        &services,
        &agent.id,
        Kind::HeartbeatAck,
        &msg.header,
        &HeartbeatAckBody { rotate_requested: agent.rotate_requested },
    ))
}

/// Holds the request open until a job can be leased to this agent or the wait ends.
async fn poll(State(services): State<Arc<Services>>, Json(envelope): Json<Envelope>) -> Result<Response, ApiError> {
    let (agent, msg) = authenticate::<PollBody>(&services, &envelope, Kind::Poll).await?;
    // An agent before versions in polls is judged by the version its heartbeats reported.
    let reported = msg.body.version.as_deref().map_or_else(|| agent.version.clone(), truncate);
    check_version(&services, &agent.id, &agent.name, &reported, false)?;
    let wait = Duration::from_secs(msg.body.wait_secs.min(MAX_POLL_SECS));
    let started = tokio::time::Instant::now();
    let lease_secs = i64::try_from(services.config.directory.agent.lease_secs).unwrap_or(10);
    let hub = services.agent_hub.clone();
    let mut recorded: Option<tokio::time::Instant> = None;
    loop {
        let notified = hub.jobs.notified();
        let now = proto::now();
        // A waiting poll keeps the agent counted as connected, without a write every round.
        if recorded.is_none_or(|t| t.elapsed() >= Duration::from_secs(5)) {
            services.db.agent_seen(&agent.id, now).await?;
            recorded = Some(tokio::time::Instant::now());
        }
        // Re-read: the agent may have said goodbye or been revoked while this poll waited.
        let current = services.db.agent(&agent.id).await?;
        if current.as_ref().is_none_or(|a| a.stopping || a.revoked_at.is_some()) {
            break;
        }
        let lease_id = uuid::Uuid::new_v4().to_string();
        if let Some((job, sealed)) = services.db.lease_job(&agent.id, &lease_id, now, lease_secs).await? {
            if !integrity::job_authentic(&services.keys, &job) {
                tracing::error!(job = %job.id, "a job row fails its integrity check: not offered, deleted");
                let reason = format!("job {}", job.id);
                integrity::audit(&services.db, &services.keys, services.clock.now(), TAMPERED, &reason).await;
                services.db.delete_job(&job.id).await?;
                continue;
            }
            let Some(op) = proto::Op::parse(&job.op) else {
                tracing::error!(job = %job.id, op = %job.op, "a queued job has an unknown operation");
                continue;
            };
            tracing::info!(job = %job.id, op = %job.op, agent = %agent.id, "leased a job to a writeback agent");
            let lease_expires = job.lease_expires.unwrap_or(job.deadline);
            let offer = JobOffer {
                job_id: job.id,
                lease_id,
                op,
                sealed: B64.encode(sealed),
                lease_expires,
                // Counted by the agent from the offer's arrival. Results are accepted through the
                // whole second `lease_expires`, so that count ends within the lease unless the
                // offer took over a second to arrive; the agent also keeps a second back.
                lease_secs: Some(u64::try_from(lease_expires - now).unwrap_or(0)),
            };
            return Ok(reply(&services, &agent.id, Kind::Offer, &msg.header, &OfferBody { job: Some(offer) }));
        }
        let left = wait.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        let _ = tokio::time::timeout(left.min(RECHECK * 2), notified).await;
    }
    Ok(reply(&services, &agent.id, Kind::Offer, &msg.header, &OfferBody { job: None }))
}

async fn result(State(services): State<Arc<Services>>, Json(envelope): Json<Envelope>) -> Result<Response, ApiError> {
    let (agent, msg) = authenticate::<ResultBody>(&services, &envelope, Kind::Result).await?;
    let now = proto::now();
    services.db.agent_seen(&agent.id, now).await?;
    let body = &msg.body;
    let failed = matches!(
        &body.outcome,
        Err(DirError::Unavailable(_) | DirError::Denied(_) | DirError::Unconfirmed(_) | DirError::Refused(_))
    );
    if let Err(DirError::Refused(why)) = &body.outcome {
        tracing::warn!(job = %body.job_id, agent = %agent.id, reason = %why, "a writeback agent refused a job");
        let reason = format!("agent {} refused job {}: {why}", agent.id, body.job_id);
        integrity::audit(&services.db, &services.keys, services.clock.now(), "agent_refused", &reason).await;
    }
    let json = zeroize::Zeroizing::new(
        serde_json::to_string(&body.outcome)
            .map_err(|_| ApiError::Refused(StatusCode::BAD_REQUEST, "unreadable outcome"))?,
    );
    // Sealed: the answer may hold the account's addresses and phone numbers.
    let outcome = integrity::seal_outcome(&services.keys, &body.job_id, &body.lease_id, &agent.id, &json);
    let accepted = services.db.finish_job(&body.job_id, &body.lease_id, &agent.id, &outcome, failed, now).await?;
    if accepted {
        services.agent_hub.results.notify_waiters();
    } else {
        tracing::warn!(job = %body.job_id, agent = %agent.id, outcome = %outcome_summary(&body.outcome), "a result arrived after its lease ended; the person had been told the job failed");
    }
    Ok(reply(&services, &agent.id, Kind::ResultAck, &msg.header, &ResultAckBody { accepted }))
}

fn outcome_summary(outcome: &proto::Outcome) -> String {
    match outcome {
        Ok(_) => "ok".into(),
        Err(e) => e.to_string(),
    }
}

async fn rotate(State(services): State<Arc<Services>>, Json(envelope): Json<Envelope>) -> Result<Response, ApiError> {
    let (agent, msg) = authenticate::<RotateBody>(&services, &envelope, Kind::Rotate).await?;
    let b = &msg.body;
    let (Some(box_key), Some(sign_key)) = (proto::decode_key(&b.box_key), proto::decode_key(&b.sign_key)) else {
        return Err(refuse(&agent.id, &ProtoError::Malformed));
    };
    let new_key = proto::verifying_key(&sign_key).ok_or_else(|| refuse(&agent.id, &ProtoError::Malformed))?;
    if !proto::rotation_proof_valid(&new_key, &b.proof, &agent.id, &msg.header.nonce, &b.box_key, &b.sign_key) {
        return Err(refuse(&agent.id, &ProtoError::BadSignature));
    }
    let mut rotated = AgentRow { box_key: box_key.to_vec(), sign_key: sign_key.to_vec(), ..agent.clone() };
    integrity::seal_agent(&services.keys, &mut rotated);
    let mac = rotated.mac.unwrap_or_default();
    services.db.rotate_agent_keys(&agent.id, &box_key, &sign_key, proto::now(), &mac).await?;
    tracing::info!(agent = %agent.id, name = %agent.name, "a writeback agent rotated its keys");
    Ok(reply(&services, &agent.id, Kind::Rotated, &msg.header, &proto::Empty {}))
}

async fn bye(State(services): State<Arc<Services>>, Json(envelope): Json<Envelope>) -> Result<Response, ApiError> {
    let (agent, msg) = authenticate::<proto::Empty>(&services, &envelope, Kind::Bye).await?;
    services.db.agent_stopping(&agent.id).await?;
    services.agent_hub.jobs.notify_waiters();
    tracing::info!(agent = %agent.id, name = %agent.name, "a writeback agent is stopping");
    Ok(reply(&services, &agent.id, Kind::ByeAck, &msg.header, &proto::Empty {}))
}
