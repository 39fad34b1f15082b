//! The double's additions for OpenID Connect against a real tenant: rolled signing keys, the
//! consented delegated permission, and `GET /users/{id}` (the account an `oid` names).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::json;

use super::{GraphDouble, make_certificate, not_found, ok_json, selected};

/// The delegated permission the double's app registration is consented for: the least privileged
/// one Microsoft documents for `POST /me/changePassword`.
pub(super) const DELEGATED_PERMISSION: &str = "User-PasswordProfile.ReadWrite.All";

/// A fresh ID-token signing key and a `kid` for it.
pub(super) fn new_signing_key() -> (String, ring::signature::RsaKeyPair) {
    let key_dir = tempfile::tempdir().unwrap();
    let (key_file, _) = make_certificate(key_dir.path());
    let key_pem = std::fs::read(key_file).unwrap();
    let key = rustls_pemfile::private_key(&mut key_pem.as_slice()).unwrap().unwrap();
    let key = ring::signature::RsaKeyPair::from_pkcs8(key.secret_der()).unwrap();
    (format!("kid-{}", uuid::Uuid::new_v4().simple()), key)
}

/// `GET /users/{id}` with `$select`.
pub(super) async fn get_user(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = match d.admit_read(&headers, format!("GET /users/{id}"), raw.as_deref(), "microsoft.graph.user") {
        Ok(q) => q,
        Err(r) => return r,
    };
    let select = selected(&q);
    let user = d.state.lock().unwrap().users.get(&id).cloned();
    match user {
        Some(u) => {
            let mut body = d.user_json(&u, &select);
            body["@odata.context"] = json!(format!("{}/v1.0/$metadata#users/$entity", d.url));
            ok_json(StatusCode::OK, body)
        }
        None => not_found(&id),
    }
}
