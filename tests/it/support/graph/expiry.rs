//! What the double says about password expiry: each user's `lastPasswordChangeDateTime`,
//! `passwordPolicies` and `preferredLanguage` (returned only when `$select`ed, as Graph does,
//! and null where not set), and `GET /domains` with each domain's
//! `passwordValidityPeriodInDays`. Selecting a property domains do not have is refused as Graph
//! refuses it.

use super::*;

/// A user's password facts, as Graph returns them.
#[derive(Debug, Clone, Default)]
pub struct PasswordFacts {
    /// RFC 3339, e.g. `2026-12-01T08:00:00Z`.
    pub last_change: Option<String>,
    /// e.g. `DisablePasswordExpiration`.
    pub policies: Option<String>,
    pub preferred_language: Option<String>,
}

/// The tenant's domains and their periods (`None`: not set, Graph's null).
#[derive(Default)]
pub(super) struct Expiry {
    pub(super) facts: HashMap<String, PasswordFacts>,
    pub(super) domains: Vec<(String, Option<i64>)>,
}

impl GraphDouble {
    /// Sets a user's password facts.
    pub fn set_password_facts(&self, id: &str, facts: PasswordFacts) {
        self.expiry.lock().unwrap().facts.insert(id.to_owned(), facts);
    }

    /// Adds a verified domain with its password validity period (`None`: not set).
    pub fn add_domain(&self, name: &str, validity_days: Option<i64>) {
        self.expiry.lock().unwrap().domains.push((name.to_owned(), validity_days));
    }

    /// The facts as JSON properties of the user.
    pub(super) fn password_json(&self, id: &str) -> serde_json::Map<String, Value> {
        let e = self.expiry.lock().unwrap();
        let f = e.facts.get(id).cloned().unwrap_or_default();
        let mut out = serde_json::Map::new();
        out.insert("lastPasswordChangeDateTime".into(), json!(f.last_change));
        out.insert("passwordPolicies".into(), json!(f.policies));
        out.insert("preferredLanguage".into(), json!(f.preferred_language));
        out
    }
}

pub(super) async fn list_domains(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    if let Err(r) = d.admit(&headers, "GET /domains".into()) {
        return r;
    }
    let q = match query_options(raw.as_deref()) {
        Ok(q) => q,
        Err(r) => return r,
    };
    let select = selected(&q);
    if let Some(p) = select.iter().find(|p| !d.allowed("domain", p)) {
        return bad_request(&format!("Could not find a property named '{p}' on type 'microsoft.graph.domain'."));
    }
    let domains = d.expiry.lock().unwrap().domains.clone();
    let value: Vec<Value> = domains
        .iter()
        .map(|(name, days)| {
            let full = json!({"id": name, "isVerified": true, "isDefault": name == &d.domain,
                "passwordValidityPeriodInDays": days, "passwordNotificationWindowInDays": 14});
            let mut out = serde_json::Map::new();
            for p in &select {
                out.insert((*p).to_owned(), full.get(*p).cloned().unwrap_or(Value::Null));
            }
            Value::Object(out)
        })
        .collect();
    ok_json(StatusCode::OK, json!({"@odata.context": format!("{}/v1.0/$metadata#domains", d.url), "value": value}))
}
