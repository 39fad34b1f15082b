//! The identity platform's discovery document and signing keys, cached in this process.
//!
//! `tenant_id` may be the tenant's GUID or one of its verified domains; either way Entra's
//! discovery names the issuer by the GUID, so the issuer is taken from discovery once it is
//! checked to be `{authority_url}/{GUID}/v2.0` (that GUID, when the configuration gives one) and
//! every endpoint to live on the authority. ID tokens are then checked against that issuer.
//!
//! Entra rolls its signing keys: an ID token under a `kid` the cached set lacks makes the set be
//! fetched again, at most once per [`KID_REFETCH_INTERVAL`], and the whole document is fetched
//! again when older than [`MAX_AGE`].

use std::time::{Duration, Instant};

use openidconnect::core::{CoreJsonWebKeySet, CoreProviderMetadata};

/// How long discovery and keys are trusted before they are fetched again on the next sign-in.
pub const MAX_AGE: Duration = Duration::from_secs(24 * 3600);
/// The least time between two key-set fetches caused by an unknown `kid`.
pub const KID_REFETCH_INTERVAL: Duration = Duration::from_secs(60);

/// Why a sign-in was refused (here: discovery or the signing keys failed; in `oidc`: the
/// answer itself). Details are for the log only.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("the identity provider cannot be reached: {0}")]
    Unavailable(String),
    #[error("the sign-in answer was refused: {0}")]
    Refused(String),
}

/// Discovery, its keys and the tenant's GUID.
#[derive(Clone)]
pub struct Provider {
    pub metadata: CoreProviderMetadata,
    pub tenant_guid: uuid::Uuid,
    fetched_at: Instant,
}

/// The cache: what was fetched last, and when an unknown `kid` last caused a key fetch.
pub struct ProviderCache {
    authority: url::Url,
    tenant_id: String,
    http: reqwest::Client,
    state: tokio::sync::Mutex<(Option<Provider>, Option<Instant>)>,
}

impl ProviderCache {
    pub fn new(authority_url: &str, tenant_id: &str, http: reqwest::Client) -> Result<ProviderCache, OidcError> {
        let authority = url::Url::parse(&format!("{}/", authority_url.trim_end_matches('/')))
            .map_err(|e| OidcError::Unavailable(format!("directory.graph.authority_url: {e}")))?;
        Ok(ProviderCache {
            authority,
            tenant_id: tenant_id.trim().to_owned(),
            http,
            state: tokio::sync::Mutex::new((None, None)),
        })
    }

    /// The cached provider, fetched when missing or older than [`MAX_AGE`]. When a refresh
    /// fails, the stale copy is kept and used (and the failure logged).
    pub async fn get(&self) -> Result<Provider, OidcError> {
        let mut state = self.state.lock().await;
        if let Some(p) = state.0.as_ref().filter(|p| p.fetched_at.elapsed() < MAX_AGE) {
            return Ok(p.clone());
        }
        match self.discover().await {
            Ok(p) => {
                state.0 = Some(p.clone());
                Ok(p)
            }
            Err(e) => match state.0.as_ref() {
                Some(stale) => {
                    tracing::warn!(error = %e, "OpenID Connect discovery could not be refreshed; using the last copy");
                    Ok(stale.clone())
                }
                None => Err(e),
            },
        }
    }

    /// After an ID token named a `kid` the cached keys lack: fetches the key set again unless
    /// that was done less than [`KID_REFETCH_INTERVAL`] ago. `Some` with the new keys, `None`
    /// when the interval forbids a fetch.
    pub async fn refetch_keys(&self) -> Result<Option<Provider>, OidcError> {
        let mut state = self.state.lock().await;
        if state.1.is_some_and(|last| last.elapsed() < KID_REFETCH_INTERVAL) {
            return Ok(None);
        }
        state.1 = Some(Instant::now());
        let Some(mut p) = state.0.clone() else { return Ok(None) };
        let jwks = self.keys(&p.metadata).await?;
        p.metadata = p.metadata.set_jwks(jwks);
        state.0 = Some(p.clone());
        tracing::info!("fetched the identity platform's signing keys again for an unknown key id");
        Ok(Some(p))
    }

    async fn discover(&self) -> Result<Provider, OidcError> {
        let url = self
            .authority
            .join(&format!("{}/v2.0/.well-known/openid-configuration", self.tenant_id))
            .map_err(|e| OidcError::Unavailable(format!("discovery URL: {e}")))?;
        let response = self
            .http
            .get(url)
            .header("accept", "application/json")
            .send()
            .await
            .map_err(|e| OidcError::Unavailable(format!("discovery: {e}")))?;
        let status = response.status();
        if !status.is_success() {
            return Err(OidcError::Unavailable(format!(
                "discovery answered {status}: check directory.graph.tenant_id and authority_url"
            )));
        }
        let body = response.bytes().await.map_err(|e| OidcError::Unavailable(format!("discovery: {e}")))?;
        let metadata: CoreProviderMetadata =
            serde_json::from_slice(&body).map_err(|e| OidcError::Unavailable(format!("discovery document: {e}")))?;
        let tenant_guid = self.check(&metadata)?;
        let jwks = self.keys(&metadata).await?;
        Ok(Provider { metadata: metadata.set_jwks(jwks), tenant_guid, fetched_at: Instant::now() })
    }

    /// The tenant's GUID from the issuer, once issuer and endpoints are where they belong.
    fn check(&self, m: &CoreProviderMetadata) -> Result<uuid::Uuid, OidcError> {
        let refused = |why: String| OidcError::Unavailable(format!("discovery document refused: {why}"));
        let issuer = m.issuer().as_str();
        let guid = issuer
            .strip_prefix(self.authority.as_str())
            .and_then(|rest| rest.strip_suffix("/v2.0"))
            .and_then(|g| uuid::Uuid::parse_str(g).ok())
            .ok_or_else(|| refused(format!("issuer {issuer:?} is not {}{{tenant GUID}}/v2.0", self.authority)))?;
        if let Ok(configured) = uuid::Uuid::parse_str(&self.tenant_id)
            && configured != guid
        {
            return Err(refused(format!("issuer {issuer:?} names another tenant than directory.graph.tenant_id")));
        }
        let mut endpoints = vec![m.authorization_endpoint().url(), m.jwks_uri().url()];
        endpoints.extend(m.token_endpoint().map(|t| t.url()));
        for e in endpoints {
            if e.origin() != self.authority.origin() {
                return Err(refused(format!("endpoint {e} is not on {}", self.authority)));
            }
        }
        Ok(guid)
    }

    async fn keys(&self, m: &CoreProviderMetadata) -> Result<CoreJsonWebKeySet, OidcError> {
        CoreJsonWebKeySet::fetch_async(m.jwks_uri(), &self.http)
            .await
            .map_err(|e| OidcError::Unavailable(format!("signing keys: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUID: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    fn metadata(issuer: &str, keys_host: &str) -> CoreProviderMetadata {
        serde_json::from_value(serde_json::json!({
            "issuer": issuer,
            "authorization_endpoint": format!("https://login.microsoftonline.com/{GUID}/oauth2/v2.0/authorize"),
            "token_endpoint": format!("https://login.microsoftonline.com/{GUID}/oauth2/v2.0/token"),
            "jwks_uri": format!("https://{keys_host}/{GUID}/discovery/v2.0/keys"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }))
        .unwrap()
    }

    fn cache(tenant: &str) -> ProviderCache {
        ProviderCache::new("https://login.microsoftonline.com", tenant, reqwest::Client::new()).unwrap()
    }

    #[test]
    fn a_domain_tenant_takes_the_guid_from_the_issuer() {
        let issuer = format!("https://login.microsoftonline.com/{GUID}/v2.0");
        let m = metadata(&issuer, "login.microsoftonline.com");
        assert_eq!(cache("contoso.com").check(&m).unwrap().to_string(), GUID);
        assert_eq!(cache(GUID).check(&m).unwrap().to_string(), GUID);
    }

    #[test]
    fn another_tenant_another_host_or_a_non_guid_issuer_is_refused() {
        let issuer = format!("https://login.microsoftonline.com/{GUID}/v2.0");
        let other = "00000000-0000-0000-0000-000000000001";
        assert!(cache(other).check(&metadata(&issuer, "login.microsoftonline.com")).is_err());
        assert!(cache("contoso.com").check(&metadata(&issuer, "keys.attacker.test")).is_err());
        let named = metadata("https://login.microsoftonline.com/contoso.com/v2.0", "login.microsoftonline.com");
        assert!(cache("contoso.com").check(&named).is_err());
        let elsewhere = metadata(&format!("https://sts.attacker.test/{GUID}/v2.0"), "login.microsoftonline.com");
        assert!(cache("contoso.com").check(&elsewhere).is_err());
    }
}
