//! The double's writes: password profile PATCHes, session revocation, group membership checks,
//! and a person's own change with a delegated token.

use super::*;

/// A POST, PUT or PATCH with neither a length nor chunked encoding gets 411, as from the
/// front door of Microsoft's services (HTTP.sys wording), before Graph sees it.
pub(super) async fn length_required(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
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

pub(super) async fn patch_user(
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

pub(super) async fn revoke(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    if let Err(r) = d.admit(&headers, format!("POST /users/{id}/revokeSignInSessions")) {
        return r;
    }
    if !body.is_empty()
        && let Err(r) = object_body(&d, &body, "revokeSignInSessions")
    {
        return r;
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

pub(super) async fn check_member_groups(
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

pub(super) async fn change_password(State(d): State<Arc<GraphDouble>>, headers: HeaderMap, body: Bytes) -> Response {
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
