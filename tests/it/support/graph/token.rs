//! The double's Entra side: the token endpoint (client secret, client assertion, authorization
//! code with PKCE), OpenID discovery, signing keys and the authorize endpoint.

use super::*;

fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    let body = json!({"error": error, "error_description": description, "error_codes": [7000215],
        "trace_id": uuid::Uuid::new_v4(), "correlation_id": uuid::Uuid::new_v4()});
    (status, [("content-type", "application/json")], body.to_string()).into_response()
}

pub(super) async fn token(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>, body: Bytes) -> Response {
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
            crate::support::remember_secret(&access);
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
        crate::support::remember_secret(&access);
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

pub(super) async fn discovery(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>) -> Response {
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

pub(super) async fn keys(State(d): State<Arc<GraphDouble>>, Path(tenant): Path<String>) -> Response {
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

pub(super) async fn authorize(
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
    crate::support::remember_secret(&code);
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
}
