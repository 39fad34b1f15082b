//! The double's reads: users by filter or a page at a time (the pages and a group's transitive
//! members are in `bulk`).

use super::*;

/// `userPrincipalName eq 'x'` or `mail eq 'x'`, with OData's doubled quotes.
fn parse_filter(filter: &str) -> Option<(&str, String)> {
    let (property, rest) = filter.split_once(" eq ")?;
    let literal = rest.trim().strip_prefix('\'')?.strip_suffix('\'')?;
    if literal.replace("''", "").contains('\'') {
        return None;
    }
    Some((property.trim(), literal.replace("''", "'")))
}

pub(super) async fn list_users(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = match d.admit_read(&headers, "GET /users".into(), raw.as_deref(), "microsoft.graph.user") {
        Ok(q) => q,
        Err(r) => return r,
    };
    let select = selected(&q);
    let Some(filter) = q.get("$filter") else {
        // The whole collection, a page at a time, in a stable order.
        return d.users_page(&q, &select);
    };
    let Some((property, value)) = parse_filter(filter) else {
        return bad_request("Invalid filter clause");
    };
    let s = d.state.lock().unwrap();
    let found: Vec<Value> = s
        .users
        .values()
        .filter(|u| match property {
            "userPrincipalName" => u.upn.eq_ignore_ascii_case(&value),
            "mail" => u.mail.eq_ignore_ascii_case(&value),
            _ => false,
        })
        .map(|u| d.user_json(u, &select))
        .collect();
    if !matches!(property, "userPrincipalName" | "mail") {
        return bad_request(&format!(
            "Unsupported or invalid query filter clause specified for property '{property}'."
        ));
    }
    ok_json(StatusCode::OK, json!({"@odata.context": format!("{}/v1.0/$metadata#users", d.url), "value": found}))
}
