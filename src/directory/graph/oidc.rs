//! OpenID Connect sign-in against Entra ID: issuer discovery, authorization code with PKCE,
//! state and nonce checked.
//!
//! Nothing is kept in this process, so any replica can finish a sign-in another began: the
//! caller keeps the [`Pending`] half (PKCE verifier and nonce) and later the delegated token
//! in the person's session, sealed with the master key (see `web::oidc`).

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthType, AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use secrecy::{ExposeSecret, SecretString};

use super::token::AppTokens;

/// Why a sign-in was refused. Details are for the log only.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider cannot be reached: {0}")]
    Unavailable(String),
    #[error("the sign-in answer was refused: {0}")]
    Refused(String),
}

/// A finished sign-in: who, and their delegated Graph token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub login: String,
    pub token: SecretString,
}

/// The secret half of a started sign-in, for the caller to keep (sealed) until it finishes.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Pending {
    nonce: String,
    verifier: String,
}

/// The OpenID Connect side of the Graph directory.
pub struct OidcSignIn {
    issuer: String,
    client_id: String,
    client_secret: Option<SecretString>,
    scope: String,
    http: reqwest::Client,
    metadata: tokio::sync::Mutex<Option<CoreProviderMetadata>>,
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

    /// Starts a sign-in: the URL to send the person to, the state, and the pending secrets,
    /// all for the person's session to keep.
    pub async fn start(&self, redirect: &str) -> Result<(String, String, Pending), OidcError> {
        let client = self.client(redirect).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("profile".into()))
            .add_scope(Scope::new(self.scope.clone()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = Pending { nonce: nonce.secret().clone(), verifier: verifier.secret().clone() };
        Ok((url.to_string(), state.secret().clone(), pending))
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
        pending: Pending,
        app: &AppTokens,
    ) -> Result<SignedIn, OidcError> {
        if !crate::crypto::constant_time_eq(expected_state.as_bytes(), state.as_bytes()) {
            return Err(OidcError::Refused("state does not match the session".into()));
        }
        let client = self.client(redirect).await?;
        let mut request = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Unavailable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.verifier));
        if let Some(assertion) = app.client_assertion()? {
            request = request
                .add_extra_param("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .add_extra_param("client_assertion", assertion);
        }
        let response =
            request.request_async(&self.http).await.map_err(|e| OidcError::Refused(format!("code exchange: {e}")))?;
        let id_token = response.id_token().ok_or_else(|| OidcError::Refused("no ID token".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
            .map_err(|e| OidcError::Refused(format!("ID token: {e}")))?;
        let login = claims
            .preferred_username()
            .map(|u| u.as_str().to_owned())
            .ok_or_else(|| OidcError::Refused("the ID token names no user".into()))?;
        let token = SecretString::from(response.access_token().secret().clone());
        Ok(SignedIn { login, token })
    }
}

impl From<crate::directory::DirError> for OidcError {
    fn from(e: crate::directory::DirError) -> Self {
        OidcError::Unavailable(e.to_string())
    }
}
