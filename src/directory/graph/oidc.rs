//! OpenID Connect sign-in against Entra ID: issuer discovery, authorization code with PKCE,
//! state and nonce checked. The person is named by the ID token's `oid` (their object id), which
//! never changes; `preferred_username` is only shown.
//!
//! Nothing is kept in this process, so any replica can finish a sign-in another began: the
//! caller keeps the [`Pending`] half (PKCE verifier and nonce) and later the delegated token
//! in the person's session, sealed with the master key (see `web::oidc`).

use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AuthType, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, SignatureVerificationError,
    TokenResponse,
};
use secrecy::{ExposeSecret, SecretString};

pub use super::provider::OidcError;
use super::provider::{Provider, ProviderCache};
use super::token::AppTokens;

/// The delegated permission `POST /me/changePassword` needs: the least privileged one Microsoft
/// documents for it (work or school accounts).
pub const CHANGE_PASSWORD_PERMISSION: &str = "User-PasswordProfile.ReadWrite.All";

type Client = CoreClient<
    openidconnect::EndpointSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointNotSet,
    openidconnect::EndpointMaybeSet,
    openidconnect::EndpointMaybeSet,
>;

/// A finished sign-in: who (object id, and the name shown), and their delegated Graph token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The `oid` claim: the account's object id in the tenant.
    pub object_id: String,
    /// `preferred_username` (or the object id when absent): for display only.
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
    provider: ProviderCache,
    client_id: String,
    client_secret: Option<SecretString>,
    scope: String,
    http: reqwest::Client,
}

impl OidcSignIn {
    pub fn new(config: &crate::config::GraphConfig, http: reqwest::Client) -> Result<OidcSignIn, OidcError> {
        let graph = config.graph_url.trim_end_matches('/');
        Ok(OidcSignIn {
            provider: ProviderCache::new(&config.authority_url, &config.tenant_id, http.clone())?,
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            scope: format!("{graph}/{CHANGE_PASSWORD_PERMISSION}"),
            http,
        })
    }

    fn client(&self, provider: &Provider, redirect: &str) -> Result<Client, OidcError> {
        let secret = self.client_secret.as_ref().map(|s| ClientSecret::new(s.expose_secret().to_owned()));
        let redirect = RedirectUrl::new(redirect.to_owned()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(provider.metadata.clone(), ClientId::new(self.client_id.clone()), secret)
            .set_redirect_uri(redirect)
            .set_auth_type(AuthType::RequestBody))
    }

    /// Starts a sign-in: the URL to send the person to, the state, and the pending secrets,
    /// all for the person's session to keep.
    pub async fn start(&self, redirect: &str) -> Result<(String, String, Pending), OidcError> {
        let client = self.client(&self.provider.get().await?, redirect)?;
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
        let provider = self.provider.get().await?;
        let client = self.client(&provider, redirect)?;
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
        let nonce = Nonce::new(pending.nonce);
        let (provider, verified) = match id_token.claims(&client.id_token_verifier(), &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(SignatureVerificationError::NoMatchingKey)) => {
                // Entra rolled its keys since they were fetched.
                let Some(fresh) = self.provider.refetch_keys().await? else {
                    return Err(OidcError::Refused("ID token signed with an unknown key id".into()));
                };
                let verified = id_token.claims(&self.client(&fresh, redirect)?.id_token_verifier(), &nonce).map(|_| ());
                (fresh, verified)
            }
            other => (provider, other.map(|_| ())),
        };
        verified.map_err(|e| OidcError::Refused(format!("ID token: {e}")))?;
        let claims = entra_claims(id_token)?;
        if claims.tid != provider.tenant_guid {
            return Err(OidcError::Refused("the ID token is from another tenant".into()));
        }
        let object_id = claims.oid.to_string();
        let login = claims.preferred_username.unwrap_or_else(|| object_id.clone());
        let token = SecretString::from(response.access_token().secret().clone());
        Ok(SignedIn { object_id, login, token })
    }
}

/// The Entra claims of an ID token whose signature, issuer, audience, expiry and nonce are
/// already verified.
#[derive(serde::Deserialize)]
struct EntraClaims {
    oid: uuid::Uuid,
    tid: uuid::Uuid,
    preferred_username: Option<String>,
}

fn entra_claims(id_token: &CoreIdToken) -> Result<EntraClaims, OidcError> {
    use base64::Engine as _;
    let jwt = id_token.to_string();
    let payload = jwt.split('.').nth(1).ok_or_else(|| OidcError::Refused("malformed ID token".into()))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| OidcError::Refused("malformed ID token".into()))?;
    serde_json::from_slice(&bytes).map_err(|e| OidcError::Refused(format!("ID token without oid or tid: {e}")))
}

impl From<crate::directory::DirError> for OidcError {
    fn from(e: crate::directory::DirError) -> Self {
        OidcError::Unavailable(e.to_string())
    }
}
