//! App-only tokens for Microsoft Graph: the client-credentials grant against the v2.0 token
//! endpoint, with a client secret or a certificate-signed client assertion (RS256 JWT).
//!
//! A token is cached until shortly before it expires and dropped when Graph answers 401 with
//! it. Neither the token, the secret nor the assertion is ever logged.

use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use oauth2::basic::BasicClient;
use oauth2::{AuthType, ClientId, ClientSecret, RequestTokenError, Scope, TokenResponse, TokenUrl};
use ring::rand::SystemRandom;
use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
use rustls::pki_types::PrivateKeyDer;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use tokio::sync::Mutex;

use crate::config::GraphConfig;
use crate::directory::DirError;

/// How the app proves who it is to the token endpoint.
enum Credential {
    Secret(SecretString),
    Certificate(Box<Certificate>),
}

/// A certificate's RSA key and the thumbprints Entra matches against the registered certificate.
struct Certificate {
    key: RsaKeyPair,
    x5t_s256: String,
    x5t: String,
}

/// A token and when to stop using it.
struct Cached {
    token: Arc<SecretString>,
    refresh_at: Instant,
}

/// The app's token source: one cached token shared by every request.
pub struct AppTokens {
    client_id: String,
    token_url: String,
    scope: String,
    credential: Credential,
    http: reqwest::Client,
    cached: Mutex<Option<Cached>>,
}

impl AppTokens {
    /// Reads the credential named in the config. Errors name the key at fault.
    pub fn new(config: &GraphConfig, http: reqwest::Client) -> Result<AppTokens, DirError> {
        let credential = match (&config.client_secret, &config.certificate_key_file, &config.certificate_file) {
            (Some(secret), _, _) => Credential::Secret(secret.clone()),
            (None, Some(key), Some(cert)) => Credential::Certificate(Box::new(Certificate::load(key, cert)?)),
            _ => {
                return Err(DirError::Denied("directory.graph: no client secret and no certificate configured".into()));
            }
        };
        let authority = config.authority_url.trim_end_matches('/');
        let graph = config.graph_url.trim_end_matches('/');
        Ok(AppTokens {
            client_id: config.client_id.clone(),
            token_url: format!("{authority}/{}/oauth2/v2.0/token", config.tenant_id),
            scope: format!("{graph}/.default"),
            credential,
            http,
            cached: Mutex::new(None),
        })
    }

    /// A token valid for a while yet: the cached one, or a new one from the token endpoint.
    pub async fn token(&self) -> Result<Arc<SecretString>, DirError> {
        let mut cached = self.cached.lock().await;
        if let Some(c) = cached.as_ref()
            && Instant::now() < c.refresh_at
        {
            return Ok(c.token.clone());
        }
        let (token, lifetime) = self.request().await?;
        let token = Arc::new(token);
        // Refresh a little before expiry: five minutes for real tokens (about an hour long),
        // a quarter of the lifetime for short ones.
        let margin = (lifetime / 4).min(Duration::from_secs(300));
        *cached = Some(Cached { token: token.clone(), refresh_at: Instant::now() + lifetime - margin });
        Ok(token)
    }

    /// Forgets `rejected` (Graph answered 401 with it), unless it was already replaced.
    pub async fn reject(&self, rejected: &Arc<SecretString>) {
        let mut cached = self.cached.lock().await;
        if cached.as_ref().is_some_and(|c| Arc::ptr_eq(&c.token, rejected)) {
            *cached = None;
        }
    }

    /// A fresh client assertion when the app uses a certificate; `None` with a secret.
    pub fn client_assertion(&self) -> Result<Option<String>, DirError> {
        match &self.credential {
            Credential::Secret(_) => Ok(None),
            Credential::Certificate(cert) => cert.assertion(&self.client_id, &self.token_url).map(Some),
        }
    }

    async fn request(&self) -> Result<(SecretString, Duration), DirError> {
        let token_url = TokenUrl::new(self.token_url.clone())
            .map_err(|e| DirError::Unavailable(format!("directory.graph.authority_url: {e}")))?;
        let mut client = BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_token_uri(token_url)
            .set_auth_type(AuthType::RequestBody);
        if let Credential::Secret(secret) = &self.credential {
            client = client.set_client_secret(ClientSecret::new(secret.expose_secret().to_owned()));
        }
        let mut request = client.exchange_client_credentials().add_scope(Scope::new(self.scope.clone()));
        if let Credential::Certificate(cert) = &self.credential {
            let assertion = cert.assertion(&self.client_id, &self.token_url)?;
            request = request
                .add_extra_param("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .add_extra_param("client_assertion", assertion);
        }
        match request.request_async(&self.http).await {
            Ok(response) => {
                let lifetime = response.expires_in().unwrap_or(Duration::from_secs(3599));
                Ok((SecretString::from(response.access_token().secret().clone()), lifetime))
            }
            Err(RequestTokenError::ServerResponse(e)) if outage(e.error()) => {
                let description = e.error_description().map(String::as_str).unwrap_or("");
                tracing::error!(
                    error = %e.error(),
                    description,
                    token_url = %self.token_url,
                    "the Microsoft Entra token endpoint is having an outage (it answered {}): nothing is \
                     wrong with rekey's configuration; password services wait until it is back",
                    e.error()
                );
                Err(DirError::Unavailable(format!("token endpoint outage ({})", e.error())))
            }
            Err(RequestTokenError::ServerResponse(e)) => {
                let description = e.error_description().map(String::as_str).unwrap_or("");
                tracing::error!(
                    error = %e.error(),
                    description,
                    token_url = %self.token_url,
                    "the token endpoint refused rekey's app credentials"
                );
                Err(DirError::Denied(format!(
                    "token endpoint refused the app credentials ({}): check directory.graph.tenant_id, client_id \
                     and the secret or certificate registered for the app",
                    e.error()
                )))
            }
            Err(e) => {
                // Connection refused or reset, a timeout, or an answer that is not the
                // endpoint's JSON (a proxy's error page): an outage or the network, not the
                // app's credentials.
                tracing::error!(
                    error = %e,
                    source = ?std::error::Error::source(&e),
                    token_url = %self.token_url,
                    "the Microsoft Entra token endpoint is unreachable or failing (outage or network \
                     between rekey and login.microsoftonline.com); password services wait until it answers"
                );
                Err(DirError::Unavailable(format!("token endpoint unreachable: {e}")))
            }
        }
    }
}

/// Whether the token endpoint's error code says it is down rather than refusing the app
/// (RFC 6749 5.2 `temporarily_unavailable` and `server_error`, which Entra sends with 5xx).
fn outage(error: &oauth2::basic::BasicErrorResponseType) -> bool {
    matches!(error.as_ref(), "temporarily_unavailable" | "server_error")
}

impl Certificate {
    fn load(key_file: &std::path::Path, cert_file: &std::path::Path) -> Result<Certificate, DirError> {
        let bad = |what: &str| DirError::Denied(format!("directory.graph.{what}"));
        let key_pem = std::fs::read(key_file).map_err(|e| bad(&format!("certificate_key_file: {e}")))?;
        let key = rustls_pemfile::private_key(&mut key_pem.as_slice())
            .map_err(|e| bad(&format!("certificate_key_file: {e}")))?
            .ok_or_else(|| bad("certificate_key_file: no private key in the file"))?;
        let key = match &key {
            PrivateKeyDer::Pkcs8(der) => RsaKeyPair::from_pkcs8(der.secret_pkcs8_der()),
            PrivateKeyDer::Pkcs1(der) => RsaKeyPair::from_der(der.secret_pkcs1_der()),
            _ => return Err(bad("certificate_key_file: expected an RSA key")),
        }
        .map_err(|e| bad(&format!("certificate_key_file: not a usable RSA key ({e})")))?;
        let cert_pem = std::fs::read(cert_file).map_err(|e| bad(&format!("certificate_file: {e}")))?;
        let cert = rustls_pemfile::certs(&mut cert_pem.as_slice())
            .next()
            .ok_or_else(|| bad("certificate_file: no certificate in the file"))?
            .map_err(|e| bad(&format!("certificate_file: {e}")))?;
        Ok(Certificate {
            key,
            x5t_s256: URL_SAFE_NO_PAD.encode(Sha256::digest(cert.as_ref())),
            // SHA-1 only for the legacy `x5t` thumbprint some tenants still match on.
            x5t: URL_SAFE_NO_PAD.encode(ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, cert.as_ref())),
        })
    }

    /// A fresh client assertion: RS256, valid ten minutes, audience the token endpoint.
    fn assertion(&self, client_id: &str, token_url: &str) -> Result<String, DirError> {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let header = serde_json::json!({
            "alg": "RS256",
            "typ": "JWT",
            "x5t#S256": self.x5t_s256,
            "x5t": self.x5t,
        });
        let claims = serde_json::json!({
            "aud": token_url,
            "iss": client_id,
            "sub": client_id,
            "jti": uuid::Uuid::new_v4().to_string(),
            "nbf": now,
            "iat": now,
            "exp": now + 600,
        });
        let signing_input =
            format!("{}.{}", URL_SAFE_NO_PAD.encode(header.to_string()), URL_SAFE_NO_PAD.encode(claims.to_string()));
        let mut signature = vec![0; self.key.public().modulus_len()];
        self.key
            .sign(&RSA_PKCS1_SHA256, &SystemRandom::new(), signing_input.as_bytes(), &mut signature)
            .map_err(|_| DirError::Unavailable("could not sign the client assertion".into()))?;
        Ok(format!("{signing_input}.{}", URL_SAFE_NO_PAD.encode(signature)))
    }
}
