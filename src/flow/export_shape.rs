//! The shapes in which the audit trail leaves rekey (documented in docs/exports.md): the
//! account event of a webhook and the OCSF "Account Change" record of the SIEM export, both
//! built from an audit record's fields alone. An audit record never holds a password, a code
//! or a token, and these shapes copy only named fields of it.

use serde_json::{Value, json};

use crate::crypto::Keys;
use crate::store::{AuditEvent, AuditRow};

/// The webhook event an audit record is, if it is an account event: a password changed or
/// reset, an account unlocked, a method added or removed, "this wasn't me", self-service
/// blocked or unblocked. Only what happened, never attempts that failed.
pub fn webhook_event(e: &AuditEvent) -> Option<&'static str> {
    let ok = e.outcome == "success";
    Some(match e.event.as_str() {
        "change" if ok => "password.changed",
        "reset" if ok => "password.reset",
        "unlock" | "helpdesk_unlock" if ok => "account.unlocked",
        "method_added" if ok => "method.added",
        "method_removed" | "helpdesk_clear_methods" if ok => "method.removed",
        "disowned" => "account.disowned",
        "self_service_closed" => "account.blocked",
        "helpdesk_lift_block" if ok => "account.unblocked",
        _ => return None,
    })
}

/// A webhook's JSON body for the audit record `id`.
pub fn webhook_body(id: i64, e: &AuditEvent, kind: &str) -> String {
    let by_helpdesk = e.flow.as_deref() == Some("helpdesk");
    let body = json!({
        "id": format!("evt_{id}"),
        "type": kind,
        "created": e.at,
        "account": { "id": e.user_id, "login": e.login },
        "actor": if by_helpdesk { json!({ "kind": "helpdesk", "name": e.method }) } else { json!({ "kind": "self" }) },
        // The method used or registered (email, sms, totp, passkey, questions; "+" joins several).
        "method": if by_helpdesk { None } else { e.method.clone() },
        // For account.disowned: which notice the owner did not recognise. Else a reason code.
        "reason": e.reason,
        "source_ip": e.source_ip,
        "request_id": e.request_id,
        "audit_id": id,
    });
    body.to_string()
}

/// OCSF activity ids of the Account Change class (3001) that fit rekey's events.
fn ocsf_activity(event: &str) -> (u8, &'static str) {
    match event {
        "change" => (3, "Password Change"),
        "reset" => (4, "Password Reset"),
        "unlock" | "helpdesk_unlock" => (12, "Unlock"),
        "method_added" => (10, "MFA Factor Enable"),
        "method_removed" | "helpdesk_clear_methods" => (11, "MFA Factor Disable"),
        _ => (99, "Other"),
    }
}

/// The audit record `id` as an OCSF 1.1 "Account Change" event (class 3001); events that are
/// not account changes (a sign-in, a code sent) keep the class with activity 99 "Other" and
/// their rekey name in `unmapped`.
pub fn ocsf(row: &AuditRow, chain_ok: bool) -> Value {
    let e = &row.event;
    let (activity_id, activity_name) = ocsf_activity(&e.event);
    let (status_id, status) = match e.outcome.as_str() {
        "success" => (1, "Success"),
        "failure" => (2, "Failure"),
        _ => (99, "Other"),
    };
    json!({
        "class_uid": 3001,
        "class_name": "Account Change",
        "category_uid": 3,
        "category_name": "Identity & Access Management",
        "activity_id": activity_id,
        "activity_name": activity_name,
        "type_uid": 300100 + u32::from(activity_id),
        "time": e.at.saturating_mul(1000),
        "severity_id": if status_id == 1 { 1 } else { 3 },
        "status_id": status_id,
        "status": status,
        "status_code": e.reason,
        "message": format!("{} {}", e.event, e.outcome),
        "metadata": {
            "version": "1.1.0",
            "uid": row.id.to_string(),
            "sequence": row.id,
            "correlation_uid": e.request_id,
            "product": { "name": "rekey", "vendor_name": "rekey", "version": env!("CARGO_PKG_VERSION") },
        },
        "user": { "uid": e.user_id, "name": e.login },
        "src_endpoint": { "ip": e.source_ip },
        "http_request": { "user_agent": e.user_agent },
        "unmapped": {
            "event": e.event,
            "flow": e.flow,
            "outcome": e.outcome,
            "method": e.method,
            "chain_ok": chain_ok,
        },
    })
}

/// Whether the record's chain hash matches its contents and the hash it follows (it was
/// written by rekey, not into the database by someone without the master key).
pub fn chain_ok(keys: &Keys, row: &AuditRow) -> bool {
    match (&row.prev_hash, &row.hash) {
        (Some(prev), Some(hash)) => {
            crate::crypto::constant_time_eq(&keys.audit_mac(prev, &row.event.canonical()), hash)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(name: &str, outcome: &str) -> AuditEvent {
        AuditEvent {
            at: 1_700_000_000,
            event: name.into(),
            outcome: outcome.into(),
            user_id: Some("u1".into()),
            login: Some("alice".into()),
            method: Some("email".into()),
            ..AuditEvent::default()
        }
    }

    #[test]
    fn only_account_events_that_happened_are_webhooks() {
        assert_eq!(webhook_event(&event("reset", "success")), Some("password.reset"));
        assert_eq!(webhook_event(&event("reset", "failure")), None);
        assert_eq!(webhook_event(&event("sign_in", "success")), None);
        assert_eq!(webhook_event(&event("disowned", "blocked")), Some("account.disowned"));
        assert_eq!(webhook_event(&event("self_service_closed", "blocked")), Some("account.blocked"));
        for kind in crate::config::WEBHOOK_EVENTS {
            let produced = ["change", "reset", "unlock", "method_added", "method_removed", "disowned"]
                .into_iter()
                .chain(["self_service_closed", "helpdesk_lift_block"])
                .any(|n| {
                    webhook_event(&event(n, "success")) == Some(kind)
                        || webhook_event(&event(n, "blocked")) == Some(kind)
                });
            assert!(produced, "{kind} is offered in config but never sent");
        }
    }

    #[test]
    fn the_body_and_the_ocsf_record_carry_the_documented_fields() {
        let e = event("reset", "success");
        let body: Value = serde_json::from_str(&webhook_body(12, &e, "password.reset")).unwrap_or_default();
        assert_eq!(body["type"], "password.reset");
        assert_eq!(body["account"]["login"], "alice");
        assert_eq!(body["actor"]["kind"], "self");
        assert_eq!(body["audit_id"], 12);
        let row = AuditRow { id: 12, event: e, prev_hash: None, hash: None };
        let o = ocsf(&row, false);
        assert_eq!(
            (o["class_uid"].as_u64(), o["activity_id"].as_u64(), o["type_uid"].as_u64()),
            (Some(3001), Some(4), Some(300104))
        );
        assert_eq!(o["time"].as_i64(), Some(1_700_000_000_000));
        assert_eq!(o["metadata"]["sequence"].as_i64(), Some(12));
    }
}
