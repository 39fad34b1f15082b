//! The double's reads: users by filter or a page at a time, and a group's transitive members.

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
        let mut users: Vec<GraphUser> = d.state.lock().unwrap().users.values().cloned().collect();
        users.sort_by(|a, b| a.id.cmp(&b.id));
        return d.page(&q, "/v1.0/users", "users", users.iter().map(|u| d.user_json(u, &select)).collect());
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

/// The users in a group, directly or nested (each user's `groups` already says which).
pub(super) async fn transitive_members(
    State(d): State<Arc<GraphDouble>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let what = format!("GET /groups/{id}/transitiveMembers");
    let q = match d.admit_read(&headers, what, raw.as_deref(), "microsoft.graph.directoryObject") {
        Ok(q) => q,
        Err(r) => return r,
    };
    let select = selected(&q);
    let mut members: Vec<GraphUser> =
        d.state.lock().unwrap().users.values().filter(|u| u.groups.contains(&id)).cloned().collect();
    if members.is_empty() {
        return not_found(&id);
    }
    members.sort_by(|a, b| a.id.cmp(&b.id));
    let items = members
        .iter()
        .map(|u| {
            let mut item = d.user_json(u, &select);
            item["@odata.type"] = json!("#microsoft.graph.user");
            item
        })
        .collect();
    d.page(&q, &format!("/v1.0/groups/{id}/transitiveMembers"), "directoryObjects", items)
}

impl GraphDouble {
    /// One page of `items` by `$top` and `$skiptoken`, with a next-page link that keeps the
    /// rest of the query.
    fn page(&self, q: &HashMap<String, String>, path: &str, context: &str, items: Vec<Value>) -> Response {
        let top = match q.get("$top").map(|t| t.parse::<usize>()) {
            None => 100,
            Some(Ok(n)) if (1..=999).contains(&n) => n,
            Some(_) => {
                let given = q.get("$top").map(String::as_str).unwrap_or_default();
                return graph_error(
                    StatusCode::BAD_REQUEST,
                    "Request_UnsupportedQuery",
                    &format!("Invalid page size specified: '{given}'. Must be between 1 and 999 inclusive."),
                );
            }
        };
        let mut s = self.state.lock().unwrap();
        let start = match q.get("$skiptoken") {
            None => 0,
            Some(token) => match s.skiptokens.get(token) {
                Some(start) => *start,
                None => return bad_request("Invalid $skiptoken."),
            },
        };
        let end = (start + top).min(items.len());
        let mut body = json!({
            "@odata.context": format!("{}/v1.0/$metadata#{context}", self.url),
            "value": items.get(start..end).unwrap_or_default(),
        });
        if end < items.len() {
            let token = URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes());
            s.skiptokens.insert(token.clone(), end);
            let mut link = url::Url::parse(&format!("{}{path}", self.url)).unwrap();
            {
                let mut pairs = link.query_pairs_mut();
                for (k, v) in q.iter().filter(|(k, _)| k.as_str() != "$skiptoken") {
                    pairs.append_pair(k, v);
                }
                pairs.append_pair("$skiptoken", &token);
            }
            body["@odata.nextLink"] = json!(link.to_string());
        }
        ok_json(StatusCode::OK, body)
    }
}
