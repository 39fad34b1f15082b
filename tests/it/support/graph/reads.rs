//! The double's reads: users by filter or a page at a time (the pages and a group's transitive
//! members are in `bulk`).
//!
//! A `$filter` on users is parsed as Graph's default (non-advanced) queries allow and refused
//! otherwise, as Graph refuses it: `prop eq 'x'` and `startswith(prop,'x')` joined by `or`,
//! for the properties that support them. `endswith`, `ne`, `not`, `$count` and `$search` are
//! advanced queries: without `ConsistencyLevel: eventual` Graph refuses them (and the double
//! does not model them with it either); `contains` Graph refuses on users altogether.

use super::*;

/// Properties `eq` works on without advanced queries (of those the tests use).
const EQ: [&str; 4] = ["id", "userPrincipalName", "mail", "displayName"];
/// Properties `startswith` works on without advanced queries.
const STARTS_WITH: [&str; 5] = ["displayName", "userPrincipalName", "mail", "givenName", "surname"];

/// One clause of a filter.
#[derive(Debug, PartialEq)]
enum Clause {
    Eq(String, String),
    StartsWith(String, String),
}

/// Why a filter is refused: (error code, message), as Graph answers.
type Refusal = (&'static str, String);

fn unsupported(message: impl Into<String>) -> Refusal {
    ("Request_UnsupportedQuery", message.into())
}

fn invalid(message: impl Into<String>) -> Refusal {
    ("BadRequest", message.into())
}

/// An OData string literal at the start of `s` (quotes doubled inside): its value and the rest.
fn literal(s: &str) -> Result<(String, &str), Refusal> {
    let body = s.strip_prefix('\'').ok_or_else(|| invalid("Invalid filter clause: a string literal was expected."))?;
    let mut value = String::new();
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().map(|(_, n)| *n) == Some('\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            return Ok((value, &body[i + 1..]));
        }
        value.push(c);
    }
    Err(invalid("Invalid filter clause: unterminated string literal."))
}

/// A filter as clauses joined by `or`.
fn parse_filter(filter: &str) -> Result<Vec<Clause>, Refusal> {
    let mut clauses = Vec::new();
    let mut rest = filter.trim();
    loop {
        let (clause, after) = parse_clause(rest)?;
        clauses.push(clause);
        rest = after.trim_start();
        if rest.is_empty() {
            return Ok(clauses);
        }
        rest = match rest.split_once(' ') {
            Some(("or", next)) => next.trim_start(),
            Some(("and", _)) => return Err(unsupported("The double models only 'or' between filter clauses.")),
            _ => return Err(invalid(format!("Invalid filter clause: syntax error at '{rest}'."))),
        };
    }
}

fn parse_clause(s: &str) -> Result<(Clause, &str), Refusal> {
    let lower = s.to_ascii_lowercase();
    if lower.starts_with("contains(") {
        return Err(unsupported("Unsupported Query."));
    }
    if lower.starts_with("endswith(") || lower.starts_with("not(") || lower.starts_with("not ") {
        return Err(unsupported("Operator not supported without ConsistencyLevel: eventual and $count=true."));
    }
    if lower.starts_with("startswith(") {
        let inner = &s["startswith(".len()..];
        let (property, value) = inner.split_once(',').ok_or_else(|| invalid("Invalid filter clause"))?;
        let property = property.trim();
        let (value, after) = literal(value.trim_start())?;
        let after = after.trim_start().strip_prefix(')').ok_or_else(|| invalid("Invalid filter clause"))?;
        if !STARTS_WITH.contains(&property) {
            return Err(unsupported(format!(
                "Unsupported or invalid query filter clause specified for property '{property}' of resource 'User'."
            )));
        }
        return Ok((Clause::StartsWith(property.to_owned(), value), after));
    }
    let (property, rest) = s.split_once(' ').ok_or_else(|| invalid("Invalid filter clause"))?;
    let (operator, rest) = rest.trim_start().split_once(' ').ok_or_else(|| invalid("Invalid filter clause"))?;
    match operator {
        "eq" => {}
        "ne" | "le" | "ge" | "lt" | "gt" => {
            return Err(unsupported("Operator not supported without ConsistencyLevel: eventual and $count=true."));
        }
        _ => return Err(invalid("Invalid filter clause")),
    }
    let (value, after) = literal(rest.trim_start())?;
    if !EQ.contains(&property) {
        return Err(unsupported(format!(
            "Unsupported or invalid query filter clause specified for property '{property}' of resource 'User'."
        )));
    }
    Ok((Clause::Eq(property.to_owned(), value), after))
}

fn property<'a>(u: &'a GraphUser, name: &str) -> &'a str {
    match name {
        "id" => &u.id,
        "userPrincipalName" => &u.upn,
        "mail" => &u.mail,
        "displayName" => &u.display_name,
        // The double's users have no given name or surname.
        _ => "",
    }
}

fn matches(u: &GraphUser, clauses: &[Clause]) -> bool {
    clauses.iter().any(|c| match c {
        Clause::Eq(p, v) => property(u, p).eq_ignore_ascii_case(v),
        Clause::StartsWith(p, v) => property(u, p).to_lowercase().starts_with(&v.to_lowercase()),
    })
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
    if q.contains_key("$search") || q.contains_key("$count") {
        let eventual = headers.get("consistencylevel").is_some_and(|v| v == "eventual");
        let message = if eventual {
            "The double does not model advanced queries."
        } else {
            "Request with $search or $count query parameters only works with ConsistencyLevel: eventual."
        };
        return graph_error(StatusCode::BAD_REQUEST, "Request_UnsupportedQuery", message);
    }
    let Some(filter) = q.get("$filter") else {
        // The whole collection, a page at a time, in a stable order.
        return d.users_page(&q, &select);
    };
    let clauses = match parse_filter(filter) {
        Ok(c) => c,
        Err((code, message)) => return graph_error(StatusCode::BAD_REQUEST, code, &message),
    };
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
    let s = d.state.lock().unwrap();
    let mut users: Vec<&GraphUser> = s.users.values().filter(|u| matches(u, &clauses)).collect();
    users.sort_by(|a, b| a.upn.cmp(&b.upn));
    let found: Vec<Value> = users.into_iter().take(top).map(|u| d.user_json(u, &select)).collect();
    ok_json(StatusCode::OK, json!({"@odata.context": format!("{}/v1.0/$metadata#users", d.url), "value": found}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_double_parses_what_graph_takes_and_refuses_what_it_refuses() {
        assert_eq!(parse_filter("mail eq 'o''neil@x'").unwrap(), vec![Clause::Eq("mail".into(), "o'neil@x".into())]);
        let both = parse_filter("startswith(displayName,'Ann') or startswith(mail,'a or b')").unwrap();
        assert_eq!(both.len(), 2);
        assert!(parse_filter("contains(displayName,'nn')").is_err());
        assert!(parse_filter("endswith(mail,'@x')").is_err());
        assert!(parse_filter("mail ne 'x'").is_err());
        assert!(parse_filter("startswith(city,'B')").is_err());
        assert!(parse_filter("startswith(mail,'x").is_err());
        assert!(parse_filter("mail eq 'x' and displayName eq 'y'").is_err());
    }
}
