//! The API's operations: parse the query, check the token's scope, call one function of
//! `flow::api`, answer JSON. Each carries its OpenAPI description (`#[utoipa::path]`).

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiError, ErrorBody, need};
use crate::clock::UnixTime;
use crate::directory::expiry::Expiry;
use crate::flow::Services;
use crate::flow::api::{self, ApiToken, Scope};
use crate::store::AuditFilter;
use crate::web::return_to;
use crate::web::who::Who;

/// A time as RFC 3339, UTC.
fn rfc3339(at: UnixTime) -> String {
    time::OffsetDateTime::from_unix_timestamp(at)
        .ok()
        .and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok())
        .unwrap_or_default()
}

/// A time given as RFC 3339 or as unix seconds.
fn parse_time(raw: &str) -> Option<UnixTime> {
    let raw = raw.trim();
    raw.parse::<i64>().ok().or_else(|| {
        time::OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339)
            .ok()
            .map(|t| t.unix_timestamp())
    })
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(q)| q).map_err(|_| ApiError::BadRequest("query"))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegistrationQuery {
    /// The person's login, as they type it at sign-in (any alias the directory knows).
    login: Option<String>,
    /// Where registration should send the person back to; kept only on a host in
    /// `server.return_to_hosts`, else left out of `register_url`.
    return_to: Option<String>,
}

/// Whether a person has registered enough methods. Unknown people and people who may not use
/// self-service get the same shape: `registered` and `action_required` false.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegistrationBody {
    /// The login as asked.
    login: String,
    /// At least `policy.methods_to_register` methods that count are registered.
    registered: bool,
    /// The person may use self-service and has not registered enough: send them to `register_url`.
    action_required: bool,
    /// The registration page for this person, with `return_to` when it was allowed.
    register_url: String,
}

/// The registration page for `login`, coming back to `back` (when it is allowed).
fn register_url(s: &Services, login: &str, back: Option<&str>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("username", login);
    if let Some(back) = back.and_then(|b| return_to::allowed_host(s, b)) {
        query.append_pair("return_to", &back);
    }
    format!("{}/register?{}", s.config.server.public_url.trim_end_matches('/'), query.finish())
}

async fn registration_of(
    s: &Services,
    who: &crate::flow::Requester,
    token: &ApiToken,
    login: &str,
    back: Option<&str>,
) -> Result<RegistrationBody, ApiError> {
    let r = api::registration(s, who, token, login).await?;
    Ok(RegistrationBody {
        login: login.to_owned(),
        registered: r.registered,
        action_required: r.action_required,
        register_url: register_url(s, login, back),
    })
}

/// Whether a person has registered enough methods (for a sign-in system's required action).
#[utoipa::path(
    get,
    path = "/api/v1/registration",
    tag = "registration",
    params(RegistrationQuery),
    responses(
        (status = 200, description = "The person's registration (the same shape for unknown people)", body = RegistrationBody),
        (status = 400, description = "No login given", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token lacks the `registration` scope", body = ErrorBody),
        (status = 429, description = "The token's rate limit", body = ErrorBody),
        (status = 503, description = "The directory is unavailable", body = ErrorBody)
    )
)]
pub async fn registration(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    q: Result<Query<RegistrationQuery>, QueryRejection>,
) -> Result<Json<RegistrationBody>, ApiError> {
    need(&s, &who, &token, Scope::Registration).await?;
    let q = query(q)?;
    let login = q.login.filter(|l| !l.trim().is_empty()).ok_or(ApiError::BadRequest("login"))?;
    Ok(Json(registration_of(&s, &who, &token, &login, q.return_to.as_deref()).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct GateQuery {
    /// The person's login; else the `X-Rekey-Login` or `Remote-User` header the proxy sets.
    login: Option<String>,
    /// Where to come back to; else the original request from `X-Forwarded-Proto`,
    /// `X-Forwarded-Host` and `X-Forwarded-Uri` (Traefik, Caddy) or `X-Original-URL` (nginx).
    return_to: Option<String>,
    /// `true`: answer a person who must register with 303 to the registration page (forward
    /// auth of Traefik or Caddy) instead of 403.
    redirect: Option<bool>,
}

/// The original request's address, as a reverse proxy describes it.
fn original_url(headers: &HeaderMap) -> Option<String> {
    let h = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty());
    if let Some(url) = h("x-original-url") {
        return Some(url.to_owned());
    }
    let host = h("x-forwarded-host")?;
    Some(format!("{}://{host}{}", h("x-forwarded-proto").unwrap_or("https"), h("x-forwarded-uri").unwrap_or("/")))
}

/// For a reverse proxy's sub-request (nginx `auth_request`, Traefik `forwardAuth`, Caddy
/// `forward_auth`): 204 when the person may go on, 403 with the registration page in
/// `X-Rekey-Register` (or 303 there, with `redirect=true`) when they must register first.
#[utoipa::path(
    get,
    path = "/api/v1/registration/gate",
    tag = "registration",
    params(GateQuery),
    responses(
        (status = 204, description = "Registered, or not someone who could register: let them through",
            headers(("X-Rekey-Registered" = String, description = "`true` or `false`"))),
        (status = 303, description = "With `redirect=true`: must register first",
            headers(("Location" = String, description = "The registration page"))),
        (status = 403, description = "Must register first (`X-Rekey-Register` names the page), or the token lacks the `registration` scope (no `X-Rekey-Register`)",
            body = ErrorBody, headers(("X-Rekey-Register" = String, description = "The registration page"))),
        (status = 400, description = "No login given", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 429, description = "The token's rate limit", body = ErrorBody),
        (status = 503, description = "The directory is unavailable", body = ErrorBody)
    )
)]
pub async fn registration_gate(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    headers: HeaderMap,
    q: Result<Query<GateQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    need(&s, &who, &token, Scope::Registration).await?;
    let q = query(q)?;
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let login = q
        .login
        .or_else(|| header("x-rekey-login"))
        .or_else(|| header("remote-user"))
        .filter(|l| !l.trim().is_empty())
        .ok_or(ApiError::BadRequest("login"))?;
    let back = q.return_to.or_else(|| original_url(&headers));
    let r = registration_of(&s, &who, &token, &login, back.as_deref()).await?;
    let registered = HeaderValue::from_static(if r.registered { "true" } else { "false" });
    if !r.action_required {
        return Ok((StatusCode::NO_CONTENT, [(header::HeaderName::from_static("x-rekey-registered"), registered)])
            .into_response());
    }
    let location = HeaderValue::from_str(&r.register_url).map_err(|_| ApiError::Internal)?;
    if q.redirect == Some(true) {
        return Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response());
    }
    let body = Json(serde_json::json!({ "error": "registration_required", "register_url": r.register_url }));
    Ok((StatusCode::FORBIDDEN, [(header::HeaderName::from_static("x-rekey-register"), location)], body).into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusQuery {
    /// The person's login (any alias the directory knows).
    login: Option<String>,
}

/// A person's self-service state. Unknown people get the same shape with `found` false.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatusBody {
    login: String,
    found: bool,
    /// May use self-service (policy scope, groups, not disabled).
    in_scope: bool,
    /// Has registered enough methods.
    registered: bool,
    /// Kinds of the registered methods that count: `email`, `sms`, `totp`, `passkey`, `questions`.
    methods: Vec<String>,
    /// How many methods this person must register.
    methods_to_register: u8,
    /// Self-service is blocked ("this wasn't me", or too many failed proofs).
    blocked: bool,
    /// The directory has locked the account.
    locked: bool,
    /// The directory has disabled the account.
    disabled: bool,
    /// When the password expires, RFC 3339 (UTC), as the directory computes it (OpenLDAP's
    /// ppolicy `pwdMaxAge`, Active Directory's computed expiry, Entra's domain period); in the
    /// past when it has expired. Null when it never expires, for unknown people, and where the
    /// directory does not say (no change time on record, writeback agents).
    #[schema(format = DateTime)]
    password_expires_at: Option<String>,
    /// The password never expires (no maximum age, or the account is exempt). False when
    /// the directory does not say.
    password_never_expires: bool,
}

/// A person's self-service state: registered or not, blocked, locked, disabled, and when the
/// password expires.
#[utoipa::path(
    get,
    path = "/api/v1/status",
    tag = "status",
    params(StatusQuery),
    responses(
        (status = 200, description = "The person's state (the same shape for unknown people)", body = StatusBody),
        (status = 400, description = "No login given", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token lacks the `status` scope", body = ErrorBody),
        (status = 429, description = "The token's rate limit", body = ErrorBody),
        (status = 503, description = "The directory is unavailable", body = ErrorBody)
    )
)]
pub async fn status(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    q: Result<Query<StatusQuery>, QueryRejection>,
) -> Result<Json<StatusBody>, ApiError> {
    need(&s, &who, &token, Scope::Status).await?;
    let q = query(q)?;
    let login = q.login.filter(|l| !l.trim().is_empty()).ok_or(ApiError::BadRequest("login"))?;
    let st = api::status(&s, &who, &token, &login).await?;
    Ok(Json(StatusBody {
        login,
        found: st.found,
        in_scope: st.in_scope,
        registered: st.registered,
        methods: st.methods,
        methods_to_register: st.methods_to_register,
        blocked: st.blocked,
        locked: st.locked,
        disabled: st.disabled,
        password_expires_at: match st.password_expires {
            Some(Expiry::At(at)) => Some(rfc3339(at)),
            _ => None,
        },
        password_never_expires: st.password_expires == Some(Expiry::Never),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// A login or directory id; every record when left out.
    login: Option<String>,
    /// From this time on (inclusive): RFC 3339 or unix seconds.
    from: Option<String>,
    /// Before this time (exclusive): RFC 3339 or unix seconds.
    to: Option<String>,
    /// Page number, from 1.
    page: Option<i64>,
    /// Records per page, 1 to 500 (default 100).
    per_page: Option<i64>,
}

/// One audit record. Never a password, a code or a token.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditRecordBody {
    id: i64,
    /// When, RFC 3339 (UTC).
    at: String,
    event: String,
    flow: Option<String>,
    user_id: Option<String>,
    login: Option<String>,
    /// `success` or `failure`.
    outcome: String,
    reason: Option<String>,
    method: Option<String>,
    source_ip: Option<String>,
    user_agent: Option<String>,
    request_id: Option<String>,
}

/// A page of audit records, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPageBody {
    records: Vec<AuditRecordBody>,
    /// Records matching, on every page.
    total: i64,
    page: i64,
    per_page: i64,
}

/// The audit trail by person and time, newest first, in pages.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "audit",
    params(AuditQuery),
    responses(
        (status = 200, description = "A page of records", body = AuditPageBody),
        (status = 400, description = "A parameter does not parse", body = ErrorBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token lacks the `audit` scope", body = ErrorBody),
        (status = 429, description = "The token's rate limit", body = ErrorBody)
    )
)]
pub async fn audit(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
    q: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPageBody>, ApiError> {
    need(&s, &who, &token, Scope::Audit).await?;
    let q = query(q)?;
    let time = |raw: Option<String>, name| raw.map(|r| parse_time(&r).ok_or(ApiError::BadRequest(name))).transpose();
    let filter = AuditFilter {
        person: q.login.map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        from: time(q.from, "from")?,
        to: time(q.to, "to")?,
        ..AuditFilter::default()
    };
    let page = api::audit_trail(&s, &who, &token, filter, q.page.unwrap_or(1), q.per_page.unwrap_or(100)).await?;
    let records = page
        .records
        .into_iter()
        .map(|r| AuditRecordBody {
            id: r.id,
            at: rfc3339(r.event.at),
            event: r.event.event,
            flow: r.event.flow,
            user_id: r.event.user_id,
            login: r.event.login,
            outcome: r.event.outcome,
            reason: r.event.reason,
            method: r.event.method,
            source_ip: r.event.source_ip,
            user_agent: r.event.user_agent,
            request_id: r.event.request_id,
        })
        .collect();
    Ok(Json(AuditPageBody { records, total: page.total, page: page.page, per_page: page.per_page }))
}

/// A helpdesk action waiting for a second member's approval.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpdeskRequestBody {
    id: String,
    /// `unlock`, `reset_link`, `lift_block` or `clear_methods`.
    action: String,
    /// The person it is about.
    login: String,
    /// The member who asked.
    requester: String,
    reason: String,
    /// The caller was verified before the request.
    verified: bool,
    /// When it was asked, RFC 3339 (UTC).
    created_at: String,
}

/// The helpdesk's open four-eyes requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpdeskRequestsBody {
    requests: Vec<HelpdeskRequestBody>,
}

/// The helpdesk's requests waiting for a second member's approval, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/helpdesk/requests",
    tag = "helpdesk",
    responses(
        (status = 200, description = "The open requests", body = HelpdeskRequestsBody),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 403, description = "The token lacks the `helpdesk` scope", body = ErrorBody),
        (status = 429, description = "The token's rate limit", body = ErrorBody)
    )
)]
pub async fn helpdesk_requests(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
) -> Result<Json<HelpdeskRequestsBody>, ApiError> {
    need(&s, &who, &token, Scope::Helpdesk).await?;
    let requests = api::open_requests(&s, &who, &token)
        .await?
        .into_iter()
        .map(|r| HelpdeskRequestBody {
            id: r.id,
            action: r.action.as_str().to_owned(),
            login: r.login,
            requester: r.requester,
            reason: r.reason,
            verified: r.verified,
            created_at: rfc3339(r.created_at),
        })
        .collect();
    Ok(Json(HelpdeskRequestsBody { requests }))
}

/// This document: the OpenAPI 3.1 description of every route under `/api/v1`.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    responses(
        (status = 200, description = "The OpenAPI document", content_type = "application/json"),
        (status = 401, description = "No valid token", body = ErrorBody)
    )
)]
pub async fn openapi_json(
    State(s): State<Arc<Services>>,
    Who(who): Who,
    Extension(token): Extension<ApiToken>,
) -> Response {
    api::reads::audit_call(&s, &who, Some(&token), None, "success", "openapi").await;
    ([(header::CONTENT_TYPE, "application/json")], super::openapi_text()).into_response()
}
