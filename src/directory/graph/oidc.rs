//! OpenID Connect sign-in against Entra ID: issuer discovery, authorization code with PKCE,
//! state and nonce checked, and the person's delegated Graph token kept in memory only.
//!
//! The PKCE verifier, the nonce and the delegated token never leave this process: the
//! session (stored in the database) carries only the state and a random handle.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthType, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use secrecy::{ExposeSecret, SecretString};

use super::token::AppTokens;

/// How long a started sign-in and a finished one stay usable.
const PENDING_TTL: Duration = Duration::from_secs(600);
const SIGNED_IN_TTL: Duration = Duration::from_secs(900);

/// Why a sign-in was refused. Details are for the log only.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider cannot be reached: {0}")]
    Unavailable(String),
    #[error("the sign-in answer was refused: {0}")]
    Refused(String),
}

/// A finished sign-in: who, and a handle to their delegated token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub login: String,
    pub handle: String,
}

struct Pending {
    nonce: Nonce,
    verifier: PkceCodeVerifier,
    started: Instant,
}

/// The OpenID Connect side of the Graph directory.
pub struct OidcSignIn {
    issuer: String,
    client_id: String,
    client_secret: Option<SecretString>,
    scope: String,
    http: reqwest::Client,
    metadata: tokio::sync::Mutex<Option<CoreProviderMetadata>>,
    pending: Mutex<HashMap<String, Pending>>,
    tokens: Mutex<HashMap<String, (SecretString, Instant)>>,
}

impl OidcSignIn {
    pub fn new(config: &crate::config::GraphConfig, http: reqwest::Client) -> OidcSignIn {
        let authority = config.authority_url.trim_end_matches('/');
        let graph = config.graph_url.trim_end_matches('/');
        OidcSignIn {
            issuer: format!("{authority}/{}/v2.0", config.tenant_id),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            scope: format!("{graph}/Directory.AccessAsUser.All"),
            http,
            metadata: tokio::sync::Mutex::new(None),
            pending: Mutex::new(HashMap::new()),
            tokens: Mutex::new(HashMap::new()),
        }
    }

    async fn metadata(&self) -> Result<CoreProviderMetadata, OidcError> {
        let mut cached = self.metadata.lock().await;
        if let Some(m) = cached.as_ref() {
            return Ok(m.clone());
        }
        let issuer = IssuerUrl::new(self.issuer.clone()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
        let m = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("discovery: {e}")))?;
        *cached = Some(m.clone());
        Ok(m)
    }

    async fn client(
        &self,
        redirect: &str,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        OidcError,
    > {
        let secret = self.client_secret.as_ref().map(|s| ClientSecret::new(s.expose_secret().to_owned()));
        let redirect = RedirectUrl::new(redirect.to_owned()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(self.metadata().await?, ClientId::new(self.client_id.clone()), secret)
            .set_redirect_uri(redirect)
            .set_auth_type(AuthType::RequestBody))
    }

    /// Starts a sign-in: the URL to send the person to and the state their session keeps.
    pub async fn start(&self, redirect: &str) -> Result<(String, String), OidcError> {
        let client = self.client(redirect).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new(self.scope.clone()))
            .set_pkce_challenge(challenge)
            .url();
        let state = state.secret().clone();
        let mut pending = lock(&self.pending);
        pending.retain(|_, p| p.started.elapsed() < PENDING_TTL);
        pending.insert(state.clone(), Pending { nonce, verifier, started: Instant::now() });
        Ok((url.to_string(), state))
    }

    /// Finishes a sign-in. `expected_state` is what the person's session kept; `state` came
    /// back in the URL. The code is exchanged with the PKCE verifier, the ID token's
    /// signature, issuer, audience and nonce are checked.
    pub async fn finish(
        &self,
        redirect: &str,
        expected_state: &str,
        state: &str,
        code: &str,
        app: &AppTokens,
    ) -> Result<SignedIn, OidcError> {
        if !crate::crypto::constant_time_eq(expected_state.as_bytes(), state.as_bytes()) {
            return Err(OidcError::Refused("state does not match the session".into()));
        }
        let pending = lock(&self.pending)
            .remove(state)
            .filter(|p| p.started.elapsed() < PENDING_TTL)
            .ok_or_else(|| OidcError::Refused("unknown or expired state".into()))?;
        let client = self.client(redirect).await?;
        let mut request = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Unavailable(e.to_string()))?
            .set_pkce_verifier(pending.verifier);
        if let Some(assertion) = app.client_assertion()? {
            request = request
                .add_extra_param("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .add_extra_param("client_assertion", assertion);
        }
        let response =
            request.request_async(&self.http).await.map_err(|e| OidcError::Refused(format!("code exchange: {e}")))?;
        let id_token = response.id_token().ok_or_else(|| OidcError::Refused("no ID token".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &pending.nonce)
            .map_err(|e| OidcError::Refused(format!("ID token: {e}")))?;
        let login = claims
            .preferred_username()
            .map(|u| u.as_str().to_owned())
            .ok_or_else(|| OidcError::Refused("the ID token names no user".into()))?;
        let handle = hex::encode(rand::random::<[u8; 32]>());
        let token = SecretString::from(response.access_token().secret().clone());
        let mut tokens = lock(&self.tokens);
        tokens.retain(|_, (_, at)| at.elapsed() < SIGNED_IN_TTL);
        tokens.insert(handle.clone(), (token, Instant::now()));
        Ok(SignedIn { login, handle })
    }

    /// The delegated token behind a handle, while it is fresh.
    pub fn token(&self, handle: &str) -> Option<SecretString> {
        lock(&self.tokens).get(handle).filter(|(_, at)| at.elapsed() < SIGNED_IN_TTL).map(|(t, _)| t.clone())
    }

    /// Forgets a sign-in once its change is done.
    pub fn forget(&self, handle: &str) {
        lock(&self.tokens).remove(handle);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl From<crate::directory::DirError> for OidcError {
    fn from(e: crate::directory::DirError) -> Self {
        OidcError::Unavailable(e.to_string())
    }
}
