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

use self::identity::{DELEGATED_PERMISSION, get_user, new_signing_key};

mod bulk;
mod identity;

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
        });
        let app = Router::new()
            .route("/{tenant}/oauth2/v2.0/token", post(token))
            .route("/{tenant}/v2.0/.well-known/openid-configuration", get(discovery))
            .route("/{tenant}/oauth2/v2.0/authorize", get(authorize))
            .route("/{tenant}/discovery/v2.0/keys", get(keys))
            .route("/v1.0/users", get(list_users))
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

fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = json!({"error": error, "error_description": description, "error_codes": [7000215],
        "trace_id": uuid::Uuid::new_v4(), "correlation_id": uuid::Uuid::new_v4()});
    (status, [("content-type", "application/json")], body.to_string()).into_response()
}

async fn token(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>, body: Bytes) -> Response {
    {
        let mut s = d.state.lock().unwrap();
        s.token_requests += 1;
        if s.token_outages > 0 {
            s.token_outages -= 1;
            return token_error(
                StatusCode::SERVICE_UNAVAILABLE,
                "temporarily_unavailable",
                "AADSTS90033: A transient error has occurred. Please try again.",
            );
        }
    }
    if !d.knows_tenant(&tenant) {
        return token_error(StatusCode::BAD_REQUEST, "invalid_request", "AADSTS90002: Tenant not found.");
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    if form.get("client_id") != Some(&d.client_id) {
        return token_error(StatusCode::BAD_REQUEST, "unauthorized_client", "AADSTS700016: Application not found.");
    }
    match form.get("grant_type").map(String::as_str) {
        Some("client_credentials") => {
            if form.get("scope") != Some(&format!("{}/.default", d.url)) {
                return token_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    "AADSTS1002012: The provided scope is invalid.",
                );
            }
            if let Err(r) = d.client_auth(&form) {
                return r;
            }
            let access = format!("app-{}", uuid::Uuid::new_v4());
            super::remember_secret(&access);
            let mut s = d.state.lock().unwrap();
            let lifetime = s.token_lifetime;
            s.tokens.insert(access.clone(), (None, Instant::now() + Duration::from_secs(lifetime)));
            ok_json(
                StatusCode::OK,
                json!({"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime, "access_token": access}),
            )
        }
        Some("authorization_code") => {
            if let Err(r) = d.client_auth(&form) {
                return r;
            }
            d.redeem_code(&form)
        }
        _ => token_error(StatusCode::BAD_REQUEST, "unsupported_grant_type", "AADSTS70003: unsupported grant."),
    }
}

impl GraphDouble {
    /// A client secret or a signed client assertion, exactly one.
    fn client_auth(&self, form: &HashMap<String, String>) -> Result<(), Response> {
        let token_url = format!("{}/{}/oauth2/v2.0/token", self.url, self.tenant_id);
        match (form.get("client_secret"), form.get("client_assertion")) {
            (Some(secret), None) if *secret == self.client_secret => Ok(()),
            (Some(_), None) => Err(token_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "AADSTS7000215: Invalid client secret provided.",
            )),
            (None, Some(assertion))
                if form.get("client_assertion_type").map(String::as_str)
                    == Some("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") =>
            {
                self.verify_assertion(assertion, &token_url)
                    .map_err(|why| token_error(StatusCode::UNAUTHORIZED, "invalid_client", why))
            }
            _ => Err(token_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "AADSTS7000218: The request body must contain client_assertion or client_secret.",
            )),
        }
    }

    fn issuer(&self) -> String {
        format!("{}/{}/v2.0", self.url, self.tenant_id)
    }

    fn redeem_code(&self, form: &HashMap<String, String>) -> Response {
        let invalid_grant = |why: &str| token_error(StatusCode::BAD_REQUEST, "invalid_grant", why);
        let mut s = self.state.lock().unwrap();
        let Some(grant) = form.get("code").and_then(|c| s.codes.remove(c)) else {
            return invalid_grant(
                "AADSTS70008: The provided authorization code or refresh token has expired or been used.",
            );
        };
        if form.get("redirect_uri") != Some(&grant.redirect_uri) {
            return invalid_grant(
                "AADSTS50148: The redirect_uri does not match the one used in the authorization request.",
            );
        }
        let verifier = form.get("code_verifier").map(String::as_str).unwrap_or("");
        let computed = URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes()));
        if computed != grant.challenge {
            return invalid_grant("AADSTS50148: The code_verifier does not match the code_challenge.");
        }
        let user = s.users[&grant.user_id].clone();
        let nonce = if std::mem::take(&mut s.tamper_nonce) { "tampered".to_owned() } else { grant.nonce };
        let access = format!("dlg-{}", uuid::Uuid::new_v4());
        super::remember_secret(&access);
        s.tokens.insert(access.clone(), (Some(user.id.clone()), Instant::now() + Duration::from_secs(3600)));
        drop(s);
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
        let signing = self.signing.lock().unwrap().clone();
        let (kid, signing_key) = &*signing;
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": kid});
        let claims = json!({
            "iss": self.issuer(), "aud": self.client_id, "sub": format!("sub-{}", user.id), "oid": user.id,
            "tid": self.tenant_id, "preferred_username": user.upn, "name": user.display_name, "nonce": nonce,
            "iat": now, "nbf": now, "exp": now + 3600,
        });
        let input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
        let mut sig = vec![0; signing_key.public().modulus_len()];
        signing_key
            .sign(&ring::signature::RSA_PKCS1_SHA256, &ring::rand::SystemRandom::new(), input.as_bytes(), &mut sig)
            .unwrap();
        let id_token = format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig));
        ok_json(
            StatusCode::OK,
            json!({"token_type": "Bearer", "expires_in": 3600, "scope": format!("{}/{DELEGATED_PERMISSION}", self.url),
                "access_token": access, "id_token": id_token}),
        )
    }
}

async fn discovery(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>) -> Response {
    // Asked by domain or by id, Entra names the tenant by its id.
    if !d.knows_tenant(&tenant) {
        return token_error(StatusCode::BAD_REQUEST, "invalid_tenant", "AADSTS90002: Tenant not found.");
    }
    let base = format!("{}/{}", d.url, d.tenant_id);
    ok_json(
        StatusCode::OK,
        json!({
            "issuer": d.issuer(),
            "authorization_endpoint": format!("{base}/oauth2/v2.0/authorize"),
            "token_endpoint": format!("{base}/oauth2/v2.0/token"),
            "jwks_uri": format!("{base}/discovery/v2.0/keys"),
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "preferred_username", "oid", "tid"],
        }),
    )
}

async fn keys(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>) -> Response {
    if !d.knows_tenant(&tenant) {
        return token_error(StatusCode::BAD_REQUEST, "invalid_tenant", "AADSTS90002: Tenant not found.");
    }
    d.jwks_fetches.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let signing = d.signing.lock().unwrap().clone();
    let (kid, key) = &*signing;
    let public = ring::rsa::PublicKeyComponents::<Vec<u8>>::from(key.public());
    ok_json(
        StatusCode::OK,
        json!({"keys": [{"kty": "RSA", "use": "sig", "kid": kid, "alg": "RS256",
            "n": URL_SAFE_NO_PAD.encode(&public.n), "e": URL_SAFE_NO_PAD.encode(&public.e)}]}),
    )
}

async fn authorize(
    State(d): State<Arc<GraphDouble>>,
    Path(tenant): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let refuse = |why: &str| (StatusCode::BAD_REQUEST, why.to_owned()).into_response();
    if !d.knows_tenant(&tenant) {
        return refuse("AADSTS90002: Tenant not found.");
    }
    if q.get("client_id") != Some(&d.client_id) {
        return refuse("AADSTS700016: Application not found.");
    }
    // The registration holds admin consent for the least privileged delegated permission only:
    // asking for any other sends the person to a consent prompt they cannot grant.
    let resource_scope = format!("{}/{DELEGATED_PERMISSION}", d.url);
    let consented = |s: &str| matches!(s, "openid" | "profile" | "email" | "offline_access") || s == resource_scope;
    if let Some(s) = q.get("scope").and_then(|s| s.split(' ').find(|s| !consented(s))) {
        return refuse(&format!(
            "AADSTS65001: The user or administrator has not consented to use the application with ID '{}'. Scope: {s}",
            d.client_id
        ));
    }
    if q.get("response_type").map(String::as_str) != Some("code") {
        return refuse("AADSTS900144: response_type must be code.");
    }
    if !q.get("scope").is_some_and(|s| s.split(' ').any(|s| s == "openid")) {
        return refuse("AADSTS900144: scope must include openid.");
    }
    if q.get("code_challenge_method").map(String::as_str) != Some("S256") {
        return refuse("AADSTS501491: PKCE with S256 is required here.");
    }
    let (Some(redirect), Some(state), Some(nonce), Some(challenge)) =
        (q.get("redirect_uri"), q.get("state"), q.get("nonce"), q.get("code_challenge"))
    else {
        return refuse("AADSTS900144: missing redirect_uri, state, nonce or code_challenge.");
    };
    let mut s = d.state.lock().unwrap();
    let Some(user_id) = s.signed_in_as.clone() else { return refuse("nobody is signed in at the double") };
    let code = format!("code-{}", uuid::Uuid::new_v4());
    super::remember_secret(&code);
    s.codes.insert(
        code.clone(),
        CodeGrant { user_id, nonce: nonce.clone(), challenge: challenge.clone(), redirect_uri: redirect.clone() },
    );
    let mut location = url::Url::parse(redirect).unwrap();
    location.query_pairs_mut().append_pair("code", &code).append_pair("state", state);
    (StatusCode::FOUND, [("location", location.to_string())]).into_response()
}

impl GraphDouble {
    fn verify_assertion(&self, jwt: &str, token_url: &str) -> Result<(), &'static str> {
        let bad = "AADSTS700027: Client assertion failed signature validation.";
        let (key, thumb) = self.cert_key.as_ref().ok_or("AADSTS700027: No certificate is registered for the app.")?;
        let mut parts = jwt.split('.');
        let (Some(h), Some(c), Some(sig), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err("AADSTS50027: JWT token is invalid or malformed.");
        };
        let decode = |p: &str| URL_SAFE_NO_PAD.decode(p).map_err(|_| "AADSTS50027: JWT token is invalid or malformed.");
        let header: Value = serde_json::from_slice(&decode(h)?).map_err(|_| bad)?;
        let claims: Value = serde_json::from_slice(&decode(c)?).map_err(|_| bad)?;
        if header["alg"] != "RS256" && header["alg"] != "PS256" {
            return Err(bad);
        }
        if header["x5t#S256"].as_str() != Some(thumb.as_str()) {
            return Err(
                "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.",
            );
        }
        let algorithm: &dyn ring::signature::VerificationAlgorithm = if header["alg"] == "RS256" {
            &ring::signature::RSA_PKCS1_2048_8192_SHA256
        } else {
            &ring::signature::RSA_PSS_2048_8192_SHA256
        };
        ring::signature::UnparsedPublicKey::new(algorithm, key)
            .verify(format!("{h}.{c}").as_bytes(), &decode(sig)?)
            .map_err(|_| bad)?;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
        if claims["aud"] != token_url {
            return Err("AADSTS700212: No matching federated identity record found for presented assertion audience.");
        }
        if claims["iss"] != self.client_id.as_str() || claims["sub"] != self.client_id.as_str() {
            return Err("AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        let exp = claims["exp"].as_i64().ok_or(bad)?;
        let nbf = claims["nbf"].as_i64().unwrap_or(0);
        if exp <= now || nbf > now + 300 {
            return Err("AADSTS700024: Client assertion is not within its valid time range.");
        }
        let jti = claims["jti"].as_str().ok_or(bad)?.to_owned();
        if !self.state.lock().unwrap().used_jtis.insert(jti) {
            return Err("AADSTS700025: Client assertion has been replayed.");
        }
        Ok(())
    }

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
        let mut out = serde_json::Map::new();
        for p in select {
            out.insert((*p).to_owned(), full.get(*p).cloned().unwrap_or(Value::Null));
        }
        Value::Object(out)
    }
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

/// `userPrincipalName eq 'x'` or `mail eq 'x'`, with OData's doubled quotes.
fn parse_filter(filter: &str) -> Option<(&str, String)> {
    let (property, rest) = filter.split_once(" eq ")?;
    let literal = rest.trim().strip_prefix('\'')?.strip_suffix('\'')?;
    if literal.replace("''", "").contains('\'') {
        return None;
    }
    Some((property.trim(), literal.replace("''", "'")))
}

async fn list_users(State(d): State<Arc<GraphDouble>>, headers: HeaderMap, RawQuery(raw): RawQuery) -> Response {
    if let Err(r) = d.admit(&headers, "GET /users".into()) {
        return r;
    }
    let q = match query_options(raw.as_deref()) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let select: Vec<&str> = q.get("$select").map(|s| s.split(',').collect()).unwrap_or_else(|| vec!["id"]);
    if let Some(p) = select.iter().find(|p| !d.allowed("user", p)) {
        return bad_request(&format!("Could not find a property named '{p}' on type 'microsoft.graph.user'."));
    }
    let Some(filter) = q.get("$filter") else {
        // The whole collection, a page at a time, in a stable order.
        return d.users_page(&q, &select);
    };
    let Some((property, value)) = parse_filter(filter) else {
        return bad_request("Invalid filter clause");
    };
    let s = d.state.lock().unwrap();
    let found: Vec<Value> = s
        .users
        .values()
        .filter(|u| match property {
            "userPrincipalName" => u.upn.eq_ignore_ascii_case(&value),
            "mail" => u.mail.eq_ignore_ascii_case(&value),
            _ => false,
        })
        .map(|u| d.user_json(u, &select))
        .collect();
    if !matches!(property, "userPrincipalName" | "mail") {
        return bad_request(&format!(
            "Unsupported or invalid query filter clause specified for property '{property}'."
        ));
    }
    ok_json(StatusCode::OK, json!({"@odata.context": format!("{}/v1.0/$metadata#users", d.url), "value": found}))
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

/// A POST, PUT or PATCH with neither a length nor chunked encoding gets 411, as from the
/// front door of Microsoft's services (HTTP.sys wording), before Graph sees it.
async fn length_required(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let needs_body = matches!(request.method().as_str(), "POST" | "PUT" | "PATCH");
    let headers = request.headers();
    if headers.get_all("content-length").iter().count() > 1 {
        return (StatusCode::BAD_REQUEST, "Bad Request - Invalid Header").into_response();
    }
    if needs_body && !headers.contains_key("content-length") && !headers.contains_key("transfer-encoding") {
        let body = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n\
                    <HTML><HEAD><TITLE>Length Required</TITLE>\r\n\
                    <META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n\
                    <BODY><h2>Length Required</h2>\r\n<hr><p>HTTP Error 411. The request must be chunked or have a \
                    content length.</p>\r\n</BODY></HTML>\r\n";
        return (StatusCode::LENGTH_REQUIRED, [("content-type", "text/html; charset=us-ascii")], body).into_response();
    }
    next.run(request).await
}

/// Entra's default policy, roughly: 8 to 256 characters, three of four character classes.
fn complex_enough(password: &str) -> bool {
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    (8..=256).contains(&password.chars().count()) && classes.iter().filter(|c| **c).count() >= 3
}

const COMPLEXITY: &str = "The specified password does not comply with password complexity requirements. Please provide a different password.";

async fn patch_user(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let who = match d.admit(&headers, format!("PATCH /users/{id}")) {
        Ok(w) => w,
        Err(r) => return r,
    };
    if who.is_some() {
        return graph_error(
            StatusCode::FORBIDDEN,
            "Authorization_RequestDenied",
            "Insufficient privileges to complete the operation.",
        );
    }
    let map = match object_body(&d, &body, "user") {
        Ok(m) => m,
        Err(r) => return r,
    };
    let mut new_password = None;
    if let Some(profile) = map.get("passwordProfile") {
        let Value::Object(profile) = profile else { return bad_request("Invalid value for passwordProfile.") };
        if let Some(k) = profile.keys().find(|k| !d.allowed("passwordProfile", k)) {
            return bad_request(&format!(
                "Property '{k}' does not exist as a declared property or extension property."
            ));
        }
        let Some(Value::String(p)) = profile.get("password") else {
            return bad_request("Invalid value specified for property 'passwordProfile' of resource 'User'.");
        };
        if !complex_enough(p) {
            return bad_request(COMPLEXITY);
        }
        new_password = Some(p.clone());
    }
    let stall = {
        let mut s = d.state.lock().unwrap();
        if s.privileged.contains(&id) {
            return graph_error(
                StatusCode::FORBIDDEN,
                "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation.",
            );
        }
        let Some(user) = s.users.get_mut(&id) else { return not_found(&id) };
        if let Some(p) = new_password {
            user.password = p;
        }
        s.patches.push((id, Value::Object(map)));
        s.patch_stall
    };
    if let Some(delay) = stall {
        tokio::time::sleep(delay).await;
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn revoke(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = d.admit(&headers, format!("POST /users/{id}/revokeSignInSessions")) {
        return r;
    }
    if !body.is_empty() {
        if let Err(r) = object_body(&d, &body, "revokeSignInSessions") {
            return r;
        }
    }
    let mut s = d.state.lock().unwrap();
    if !s.users.contains_key(&id) {
        return not_found(&id);
    }
    if let Some(status) = s.revoke_refusal {
        return graph_error(StatusCode::from_u16(status).unwrap(), "generalException", "An error occurred.");
    }
    s.revokes.push(id);
    ok_json(StatusCode::OK, json!({"@odata.context": format!("{}/v1.0/$metadata#Edm.Boolean", d.url), "value": true}))
}

async fn check_member_groups(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = d.admit(&headers, format!("POST /users/{id}/checkMemberGroups")) {
        return r;
    }
    let map = match object_body(&d, &body, "checkMemberGroups") {
        Ok(m) => m,
        Err(r) => return r,
    };
    let wanted: Vec<String> = map
        .get("groupIds")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    // Graph checks at most 20 groups per call.
    if wanted.len() > 20 {
        return graph_error(
            StatusCode::BAD_REQUEST,
            "Request_BadRequest",
            "The number of group ids in the request exceeds the maximum allowed: 20.",
        );
    }
    if let Some(bad) = wanted.iter().find(|g| uuid::Uuid::parse_str(g).is_err()) {
        return bad_request(&format!("Invalid GUID:{bad}"));
    }
    let mut s = d.state.lock().unwrap();
    s.member_checks.push(wanted.clone());
    let Some(user) = s.users.get(&id) else { return not_found(&id) };
    let found: Vec<&String> = wanted.iter().filter(|g| user.groups.contains(g)).collect();
    ok_json(StatusCode::OK, json!({"value": found}))
}

async fn change_password(State(d): State<Arc<GraphDouble>>, headers: HeaderMap, body: Bytes) -> Response {
    let who = match d.admit(&headers, "POST /me/changePassword".into()) {
        Ok(w) => w,
        Err(r) => return r,
    };
    let Some(id) = who else {
        return bad_request("/me request is only valid with delegated authentication flow.");
    };
    let map = match object_body(&d, &body, "changePassword") {
        Ok(m) => m,
        Err(r) => return r,
    };
    let (Some(Value::String(old)), Some(Value::String(new))) = (map.get("currentPassword"), map.get("newPassword"))
    else {
        return bad_request("Invalid request body.");
    };
    let mut s = d.state.lock().unwrap();
    let Some(user) = s.users.get_mut(&id) else { return not_found(&id) };
    if user.password != *old {
        return bad_request("Invalid value specified for property 'currentPassword' of resource 'User'.");
    }
    if !complex_enough(new) || new == old {
        return bad_request(COMPLEXITY);
    }
    user.password = new.clone();
    s.changes.push(id);
    StatusCode::NO_CONTENT.into_response()
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
