//! A Microsoft Graph and Entra token endpoint double on 127.0.0.1, strict where the real
//! service is strict: it verifies client secrets and client-assertion signatures against the
//! registered certificate, checks the scope, refuses unknown JSON properties (names from
//! Graph's published v1.0 metadata in tests/fixtures/graph-v1.0-properties.txt), answers in
//! Graph's error format with a request-id, and can be told to throttle or fail.
//!
//! Collections page as Graph's do: `$top` from 1 to 999 (100 when absent), an
//! `@odata.nextLink` carrying the query and an opaque `$skiptoken`, and a query option given
//! twice refused.
//!
//! It records PATCH bodies and revoke calls for assertions and never logs them.
//!
//! Here the tenant, the control API tests use, and what every handler shares; the token
//! endpoint and OpenID Connect (token.rs), reads of users and groups (reads.rs), writes
//! (writes.rs) and the delegated additions (identity.rs) beside.

// Handlers return an early `Response` as their error; boxing it would only add noise.
#![allow(clippy::result_large_err)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

pub use self::expiry::PasswordFacts;
use self::identity::{DELEGATED_PERMISSION, get_user, new_signing_key};
use self::reads::list_users;
use self::token::{authorize, discovery, keys, token};
use self::writes::{change_password, check_member_groups, length_required, patch_user, revoke};

mod bulk;
mod expiry;
mod identity;
mod reads;
mod token;
mod writes;

/// What the next Graph request (not the token endpoint) should suffer.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// 429 TooManyRequests, with `Retry-After: n` or without the header.
    Throttle(Option<u64>),
    /// 401 InvalidAuthenticationToken, as for a revoked or expired token.
    Unauthorized,
    /// A 5xx, e.g. 503.
    Server(u16),
    /// A 5xx with `Retry-After: n`, as Graph sends when a service is briefly unavailable.
    ServerRetryAfter(u16, u64),
}

/// A user the double holds, as Graph would return it.
#[derive(Debug, Clone)]
pub struct GraphUser {
    pub id: String,
    pub upn: String,
    pub mail: String,
    pub display_name: String,
    pub enabled: bool,
    pub synced: bool,
    /// `onPremisesDistinguishedName` of a synced account.
    pub on_premises_dn: Option<String>,
    pub password: String,
    /// Ids of the groups the user is in, directly or through nesting.
    pub groups: Vec<String>,
}

#[derive(Default)]
struct Tenant {
    users: HashMap<String, GraphUser>,
    /// access token -> (user id for delegated tokens, expiry)
    tokens: HashMap<String, (Option<String>, Instant)>,
    used_jtis: HashSet<String>,
    faults: VecDeque<Fault>,
    token_lifetime: u64,
    token_requests: usize,
    graph_requests: Vec<String>,
    patches: Vec<(String, Value)>,
    revokes: Vec<String>,
    changes: Vec<String>,
    /// Who the browser is signed in as at the identity provider.
    signed_in_as: Option<String>,
    /// Put a wrong nonce into the next ID token.
    tamper_nonce: bool,
    codes: HashMap<String, CodeGrant>,
    /// `$skiptoken`s handed out in next-page links → where the next page starts.
    skiptokens: HashMap<String, usize>,
    /// Token requests still to be answered 503 `temporarily_unavailable`.
    token_outages: usize,
    /// Status every revokeSignInSessions is answered with instead of success.
    revoke_refusal: Option<u16>,
    /// Group ids of every checkMemberGroups call, one entry per call.
    member_checks: Vec<Vec<String>>,
    /// A PATCH is applied, then answered this late (after the client gave up).
    patch_stall: Option<std::time::Duration>,
    /// Users whose role the app may not reset (Global Administrators, say): its PATCH gets 403.
    privileged: HashSet<String>,
    /// Generated users, the request budget and the listing's failure (see `bulk`).
    bulk: bulk::Bulk,
}

/// An authorization code and what it was issued for.
struct CodeGrant {
    user_id: String,
    nonce: String,
    challenge: String,
    redirect_uri: String,
}

/// The double's fixed registration and its mutable tenant.
pub struct GraphDouble {
    pub url: String,
    pub tenant_id: String,
    pub client_id: String,
    client_secret: String,
    /// PKCS#1 RSAPublicKey and SHA-256 thumbprint of the registered certificate.
    cert_key: Option<(Vec<u8>, String)>,
    properties: HashMap<String, HashSet<String>>,
    /// A verified domain of the tenant, accepted wherever the tenant id is (as Entra does).
    pub domain: String,
    /// The key the ID tokens are signed with and its `kid`; rotated by [`Self::rotate_keys`].
    signing: Mutex<Arc<(String, ring::signature::RsaKeyPair)>>,
    /// How often the key set was fetched.
    jwks_fetches: std::sync::atomic::AtomicUsize,
    state: Mutex<Tenant>,
    /// Password facts and domains (`expiry.rs`); apart from `state`, which reads hold while
    /// they describe users.
    expiry: Mutex<expiry::Expiry>,
}

impl GraphDouble {
    /// Starts the double for one app registration: a client secret and, optionally, a
    /// registered certificate (PEM).
    pub async fn start(client_secret: &str, certificate_pem: Option<&str>) -> Arc<GraphDouble> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let cert_key = certificate_pem.map(|pem| {
            let der = rustls_pemfile::certs(&mut pem.as_bytes()).next().unwrap().unwrap();
            let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).unwrap();
            let key = cert.public_key().subject_public_key.data.to_vec();
            let thumb = URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, der.as_ref()));
            (key, thumb)
        });
        let tenant_id = uuid::Uuid::new_v4().to_string();
        let double = Arc::new(GraphDouble {
            signing: Mutex::new(Arc::new(new_signing_key())),
            jwks_fetches: Default::default(),
            domain: format!("t{}.onmicrosoft.test", &tenant_id[..8]),
            url,
            tenant_id,
            client_id: uuid::Uuid::new_v4().to_string(),
            client_secret: client_secret.to_owned(),
            cert_key,
            properties: load_properties(),
            state: Mutex::new(Tenant { token_lifetime: 3599, ..Tenant::default() }),
            expiry: Mutex::default(),
        });
        let app = Router::new()
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .route("/{tenant}/v2.0/.well-known/openid-configuration", get(discovery))
            .route("/{tenant}/oauth2/v2.0/authorize", get(authorize))
            .route("/{tenant}/discovery/v2.0/keys", get(keys))
            .route("/v1.0/users", get(list_users))
            .route("/v1.0/domains", get(expiry::list_domains))
            .route("/v1.0/users/{id}", patch(patch_user).get(get_user))
            .route("/v1.0/users/{id}/revokeSignInSessions", post(revoke))
            .route("/v1.0/users/{id}/checkMemberGroups", post(check_member_groups))
            .route("/v1.0/groups/{id}/transitiveMembers", get(bulk::transitive_members))
            .route("/v1.0/me/changePassword", post(change_password))
            .layer(axum::middleware::from_fn(length_required))
            .with_state(double.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        double
    }

    pub fn add_user(&self, user: GraphUser) {
        self.state.lock().unwrap().users.insert(user.id.clone(), user);
    }

    /// From now on a PATCH is applied and then answered `delay` late.
    pub fn stall_patches(&self, delay: std::time::Duration) {
        self.state.lock().unwrap().patch_stall = Some(delay);
    }

    /// Makes the user a privileged target: the app's PATCH of it is refused with 403
    /// Authorization_RequestDenied, as Entra refuses an app whose role does not cover it.
    pub fn make_privileged(&self, id: &str) {
        self.state.lock().unwrap().privileged.insert(id.to_owned());
    }

    /// Queues faults for the next Graph requests, in order.
    pub fn fail_next(&self, faults: &[Fault]) {
        self.state.lock().unwrap().faults.extend(faults.iter().copied());
    }

    /// The next `n` token requests find the token endpoint down (503 `temporarily_unavailable`).
    pub fn token_outage(&self, n: usize) {
        self.state.lock().unwrap().token_outages = n;
    }

    /// Every revokeSignInSessions from now on is answered with this status (Graph's error body).
    pub fn refuse_revocations(&self, status: u16) {
        self.state.lock().unwrap().revoke_refusal = Some(status);
    }

    /// The group ids of each checkMemberGroups call so far.
    pub fn member_checks(&self) -> Vec<Vec<String>> {
        self.state.lock().unwrap().member_checks.clone()
    }

    /// Signs the browser in at the identity provider as this user.
    pub fn sign_in_as(&self, user_id: &str) {
        self.state.lock().unwrap().signed_in_as = Some(user_id.to_owned());
    }

    /// The next ID token carries a nonce the portal did not send.
    pub fn tamper_next_nonce(&self) {
        self.state.lock().unwrap().tamper_nonce = true;
    }

    /// Entra rolls its signing keys: from now on ID tokens are signed with a new key under a new
    /// `kid`, and the published key set holds only the new one.
    pub fn rotate_keys(&self) {
        *self.signing.lock().unwrap() = Arc::new(new_signing_key());
    }

    /// How often the published key set was fetched.
    pub fn jwks_fetches(&self) -> usize {
        self.jwks_fetches.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Changes a user's UPN (their object id stays).
    pub fn rename(&self, id: &str, upn: &str) {
        self.state.lock().unwrap().users.get_mut(id).unwrap().upn = upn.to_owned();
    }

    /// Whether `tenant` names this tenant in a URL: its id or its verified domain.
    fn knows_tenant(&self, tenant: &str) -> bool {
        tenant == self.tenant_id || tenant.eq_ignore_ascii_case(&self.domain)
    }

    /// Seconds the next tokens live.
    pub fn set_token_lifetime(&self, secs: u64) {
        self.state.lock().unwrap().token_lifetime = secs;
    }

    /// Issues a delegated token for a user, as OpenID Connect sign-in would.
    pub fn delegated_token(&self, user_id: &str) -> String {
        let token = format!("dlg-{}", uuid::Uuid::new_v4());
        super::remember_secret(&token);
        let mut s = self.state.lock().unwrap();
        s.tokens.insert(token.clone(), (Some(user_id.to_owned()), Instant::now() + Duration::from_secs(3600)));
        token
    }

    pub fn token_requests(&self) -> usize {
        self.state.lock().unwrap().token_requests
    }
    /// "METHOD path" of every Graph request that passed authentication.
    pub fn graph_requests(&self) -> Vec<String> {
        self.state.lock().unwrap().graph_requests.clone()
    }
    pub fn patches(&self) -> Vec<(String, Value)> {
        self.state.lock().unwrap().patches.clone()
    }
    pub fn revokes(&self) -> Vec<String> {
        self.state.lock().unwrap().revokes.clone()
    }
    pub fn changes(&self) -> Vec<String> {
        self.state.lock().unwrap().changes.clone()
    }
    pub fn password_of(&self, id: &str) -> String {
        self.state.lock().unwrap().users[id].password.clone()
    }

    /// The portal's `[directory.graph]` for this double, with the client secret.
    pub fn config(&self) -> rekey::config::GraphConfig {
        rekey::config::GraphConfig {
            tenant_id: self.tenant_id.clone(),
            client_id: self.client_id.clone(),
            client_secret: Some(self.client_secret.clone().into()),
            authority_url: self.url.clone(),
            graph_url: self.url.clone(),
            allow_insecure_loopback: true,
            timeout_secs: 5,
            deadline_secs: 10,
            ..rekey::config::GraphConfig::default()
        }
    }

    fn allowed(&self, type_name: &str, key: &str) -> bool {
        self.properties.get(type_name).is_some_and(|p| p.contains(key))
    }
}

fn load_properties() -> HashMap<String, HashSet<String>> {
    let text = include_str!("../../fixtures/graph-v1.0-properties.txt");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, props)| (name.trim().to_owned(), props.split_whitespace().map(str::to_owned).collect()))
        .collect()
}

/// Graph's error body and headers.
fn graph_error(status: StatusCode, code: &str, message: &str) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    let body = json!({"error": {"code": code, "message": message,
        "innerError": {"date": "2026-11-25T08:00:00", "request-id": request_id, "client-request-id": request_id}}});
    (status, [("request-id", request_id.as_str()), ("content-type", "application/json")], body.to_string())
        .into_response()
}

fn ok_json(status: StatusCode, body: Value) -> Response {
    let request_id = uuid::Uuid::new_v4().to_string();
    (status, [("request-id", request_id.as_str()), ("content-type", "application/json")], body.to_string())
        .into_response()
}

fn not_found(id: &str) -> Response {
    graph_error(
        StatusCode::NOT_FOUND,
        "Request_ResourceNotFound",
        &format!("Resource '{id}' does not exist or one of its queried reference-property objects are not present."),
    )
}

fn bad_request(message: &str) -> Response {
    graph_error(StatusCode::BAD_REQUEST, "Request_BadRequest", message)
}

/// Parses a JSON object body and refuses names not declared for `type_name`.
fn object_body(d: &GraphDouble, body: &[u8], type_name: &str) -> Result<serde_json::Map<String, Value>, Response> {
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return Err(bad_request(
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        ));
    };
    for key in map.keys() {
        if !d.allowed(type_name, key) {
            return Err(bad_request(&format!(
                "Property '{key}' does not exist as a declared property or extension property."
            )));
        }
    }
    Ok(map)
}

/// A request's query options; one given twice is refused, as Graph does.
fn query_options(raw: Option<&str>) -> Result<HashMap<String, String>, Response> {
    let mut options = HashMap::new();
    for (k, v) in url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()).into_owned() {
        if options.contains_key(&k) {
            return Err(bad_request(&format!(
                "Query option '{}' was specified more than once, but it must be specified at most once.",
                k.trim_start_matches('$')
            )));
        }
        options.insert(k, v);
    }
    Ok(options)
}

/// The `$select`ed properties of a request, `id` when none are.
fn selected(q: &HashMap<String, String>) -> Vec<&str> {
    q.get("$select").map(|s| s.split(',').collect()).unwrap_or_else(|| vec!["id"])
}

impl GraphDouble {
    /// Authenticates a Graph request and applies any queued fault. `Ok(Some(user id))` for a
    /// delegated token, `Ok(None)` for the app's.
    fn admit(&self, headers: &HeaderMap, what: String) -> Result<Option<String>, Response> {
        let mut s = self.state.lock().unwrap();
        if let Some(fault) = s.faults.pop_front() {
            return Err(match fault {
                Fault::Throttle(after) => {
                    let mut r = graph_error(
                        StatusCode::TOO_MANY_REQUESTS,
                        "TooManyRequests",
                        "Too many requests. Please try again later.",
                    );
                    if let Some(secs) = after {
                        r.headers_mut().insert("retry-after", secs.to_string().parse().unwrap());
                    }
                    r
                }
                Fault::Unauthorized => graph_error(
                    StatusCode::UNAUTHORIZED,
                    "InvalidAuthenticationToken",
                    "Access token has expired or is not yet valid.",
                ),
                Fault::Server(code) => graph_error(
                    StatusCode::from_u16(code).unwrap(),
                    "serviceNotAvailable",
                    "The service is temporarily unavailable.",
                ),
                Fault::ServerRetryAfter(code, secs) => {
                    let mut r = graph_error(
                        StatusCode::from_u16(code).unwrap(),
                        "serviceNotAvailable",
                        "The service is temporarily unavailable.",
                    );
                    r.headers_mut().insert("retry-after", secs.to_string().parse().unwrap());
                    r
                }
            });
        }
        if let Some(throttled) = s.bulk.throttle() {
            return Err(throttled);
        }
        let token = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        match s.tokens.get(token) {
            Some((who, expiry)) if *expiry > Instant::now() => {
                let who = who.clone();
                s.graph_requests.push(what);
                Ok(who)
            }
            Some(_) => Err(graph_error(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationToken",
                "Lifetime validation failed, the token is expired.",
            )),
            None => Err(graph_error(
                StatusCode::UNAUTHORIZED,
                "InvalidAuthenticationToken",
                "IDX14100: JWT is not well formed, there are no dots (.).",
            )),
        }
    }

    fn user_json(&self, u: &GraphUser, select: &[&str]) -> Value {
        let full = json!({
            "id": u.id, "userPrincipalName": u.upn, "displayName": u.display_name, "accountEnabled": u.enabled,
            "mail": u.mail, "otherMails": [], "mobilePhone": null, "onPremisesSyncEnabled": if u.synced { json!(true) } else { Value::Null },
            "onPremisesSamAccountName": if u.synced { json!(u.upn.split('@').next()) } else { Value::Null },
            "onPremisesDistinguishedName": u.on_premises_dn,
        });
        let mut full = full;
        full.as_object_mut().unwrap().extend(self.password_json(&u.id));
        let mut out = serde_json::Map::new();
        for p in select {
            out.insert((*p).to_owned(), full.get(*p).cloned().unwrap_or(Value::Null));
        }
        Value::Object(out)
    }

    /// What every read does first: admits the request (recorded as `what`), reads its query
    /// options, and refuses a `$select`ed property users do not have, naming `type_name` as
    /// Graph does.
    pub(super) fn admit_read(
        &self,
        headers: &HeaderMap,
        what: String,
        raw: Option<&str>,
        type_name: &str,
    ) -> Result<HashMap<String, String>, Response> {
        self.admit(headers, what)?;
        let q = query_options(raw)?;
        if let Some(p) = selected(&q).into_iter().find(|p| !self.allowed("user", p)) {
            return Err(bad_request(&format!("Could not find a property named '{p}' on type '{type_name}'.")));
        }
        Ok(q)
    }
}

/// A throw-away RSA key and self-signed certificate (PEM), made with the openssl command.
pub fn make_certificate(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let key = dir.join("app.key");
    let cert = dir.join("app.crt");
    let status = std::process::Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=rekey-test-app"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stderr(std::process::Stdio::null())
        .status()
        .expect("openssl runs");
    assert!(status.success(), "openssl made a certificate");
    (key, cert)
}
