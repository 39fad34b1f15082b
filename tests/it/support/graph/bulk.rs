//! A large tenant and Graph's throttling, for the coverage listing.
//!
//! Users are generated from their index, on the page that shows them: a tenant of 100,000
//! costs a counter, not 100,000 records. Collections page as Graph's do (`$top` from 1 to 999,
//! an opaque `$skiptoken` in `@odata.nextLink`).
//!
//! Throttling is Graph's per-app request budget, made strict: a bucket of `requests` refilled
//! over `per`; a request that finds it empty gets 429 with `Retry-After`, and so does every
//! request until that time has passed (counted as `early`: a client that ignores Retry-After,
//! or fires pages in parallel without bound, is refused and seen).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};

use super::{GraphDouble, GraphUser, bad_request, graph_error, not_found, ok_json, selected};

/// The generated part of the tenant, the request budget and what the listing went through.
#[derive(Default)]
pub(super) struct Bulk {
    /// Users `0..count`, described by [`generated`].
    count: usize,
    /// Every `n`-th generated user (0, n, 2n…) is in this group.
    group: Option<(String, usize)>,
    budget: Option<Budget>,
    /// Once this many pages of `GET /users` were served, the next request is throttled
    /// whatever the budget says (Graph also throttles for the tenant's load, not only the app's).
    throttle_at: Option<usize>,
    /// After this many more pages of `GET /users`, the next pages fail with this status.
    failing: Option<(usize, u16)>,
    stats: BulkStats,
}

/// What a listing cost.
#[derive(Debug, Default, Clone, Copy)]
pub struct BulkStats {
    /// Pages of `GET /users` answered with users.
    pub user_pages: usize,
    /// Requests answered 429 because the budget was spent.
    pub throttled: usize,
    /// Requests sent before the Retry-After of a 429 had passed (also answered 429).
    pub early: usize,
}

struct Budget {
    requests: f64,
    per: Duration,
    retry_after: u64,
    left: f64,
    refilled: Instant,
    blocked_until: Option<Instant>,
}

/// Generated user `n`: a valid object id, a UPN in the tenant, one in seven disabled.
fn generated(n: usize, domain: &str, group: &Option<(String, usize)>) -> GraphUser {
    GraphUser {
        id: format!("00000000-0000-4000-8000-{n:012}"),
        upn: format!("bulk{n}@{domain}"),
        mail: format!("bulk{n}@{domain}"),
        display_name: format!("Bulk {n}"),
        enabled: n % 7 != 6,
        synced: false,
        on_premises_dn: None,
        password: String::new(),
        groups: group.iter().filter(|(_, every)| n.is_multiple_of(*every)).map(|(g, _)| g.clone()).collect(),
    }
}

impl Bulk {
    /// Spends one request of the budget, or the 429 that refuses it.
    pub(super) fn throttle(&mut self) -> Option<Response> {
        let now = Instant::now();
        if self.throttle_at.is_some_and(|at| self.stats.user_pages >= at) {
            self.throttle_at = None;
            let budget = self.budget.get_or_insert_with(|| Budget::new(u32::MAX, Duration::from_secs(1), 1));
            budget.blocked_until = Some(now + Duration::from_secs(budget.retry_after));
            self.stats.throttled += 1;
            return Some(too_many(Duration::from_secs(budget.retry_after)));
        }
        let budget = self.budget.as_mut()?;
        let wait = match budget.blocked_until {
            Some(until) if until > now => {
                self.stats.early += 1;
                until - now
            }
            _ => {
                budget.blocked_until = None;
                let refill = now.duration_since(budget.refilled).as_secs_f64() / budget.per.as_secs_f64();
                budget.left = (budget.left + refill * budget.requests).min(budget.requests);
                budget.refilled = now;
                if budget.left >= 1.0 {
                    budget.left -= 1.0;
                    return None;
                }
                self.stats.throttled += 1;
                let wait = Duration::from_secs(budget.retry_after);
                budget.blocked_until = Some(now + wait);
                wait
            }
        };
        Some(too_many(wait))
    }
}

/// Graph's 429, with `Retry-After` in whole seconds (rounded up).
fn too_many(wait: Duration) -> Response {
    let mut r = graph_error(
        StatusCode::TOO_MANY_REQUESTS,
        "TooManyRequests",
        "Too many requests from Identifier:app+tenant under category:throttle.aad.ags. Please try again later.",
    );
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    r.headers_mut().insert("retry-after", secs.to_string().parse().unwrap());
    r
}

impl Budget {
    fn new(requests: u32, per: Duration, retry_after: u64) -> Budget {
        let requests = f64::from(requests);
        Budget { requests, per, retry_after, left: requests, refilled: Instant::now(), blocked_until: None }
    }
}

impl GraphDouble {
    /// Adds `count` generated users (`bulk0@<domain>`…), every `every`-th of them in `group`.
    pub fn generate_users(&self, count: usize, group: Option<(&str, usize)>) {
        let mut s = self.state.lock().unwrap();
        s.bulk.count = count;
        s.bulk.group = group.map(|(g, every)| (g.to_owned(), every.max(1)));
    }

    /// From now on the app may send `requests` Graph requests per `per`; past that, 429 with
    /// `Retry-After: retry_after` (seconds) and nothing until then.
    pub fn throttle_budget(&self, requests: u32, per: Duration, retry_after: u64) {
        self.state.lock().unwrap().bulk.budget = Some(Budget::new(requests, per, retry_after));
    }

    /// Once `pages` pages of `GET /users` were served, the next request gets 429 with
    /// `Retry-After: 1` (or the budget's), however slowly the client asks.
    pub fn throttle_at_page(&self, pages: usize) {
        self.state.lock().unwrap().bulk.throttle_at = Some(pages);
    }

    /// After `pages` more pages of `GET /users`, every further page fails with `status`
    /// until [`Self::mend_listing`].
    pub fn fail_listing_after(&self, pages: usize, status: u16) {
        self.state.lock().unwrap().bulk.failing = Some((pages, status));
    }

    pub fn mend_listing(&self) {
        self.state.lock().unwrap().bulk.failing = None;
    }

    pub fn bulk_stats(&self) -> BulkStats {
        self.state.lock().unwrap().bulk.stats
    }

    /// A page of every user: the stored ones by id, then the generated ones by number.
    pub(super) fn users_page(&self, q: &HashMap<String, String>, select: &[&str]) -> Response {
        let (mut stored, count, group) = {
            let mut s = self.state.lock().unwrap();
            if let Some((pages, status)) = s.bulk.failing.as_mut() {
                if *pages == 0 {
                    let status = StatusCode::from_u16(*status).unwrap();
                    return graph_error(status, "UnknownError", "An internal server error occurred.");
                }
                *pages -= 1;
            }
            s.bulk.stats.user_pages += 1;
            let stored: Vec<GraphUser> = s.users.values().cloned().collect();
            (stored, s.bulk.count, s.bulk.group.clone())
        };
        stored.sort_by(|a, b| a.id.cmp(&b.id));
        let total = stored.len() + count;
        self.page_with(q, "/v1.0/users", "users", total, |range| {
            range
                .map(|n| match stored.get(n) {
                    Some(u) => self.user_json(u, select),
                    None => self.user_json(&generated(n - stored.len(), &self.domain, &group), select),
                })
                .collect()
        })
    }

    /// One page of a collection of `total` items, of which only the page's are made.
    fn page_with(
        &self,
        q: &HashMap<String, String>,
        path: &str,
        context: &str,
        total: usize,
        items: impl FnOnce(Range<usize>) -> Vec<Value>,
    ) -> Response {
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
        let start = match q.get("$skiptoken") {
            None => 0,
            Some(token) => match self.state.lock().unwrap().skiptokens.get(token) {
                Some(start) => *start,
                None => return bad_request("Invalid $skiptoken."),
            },
        };
        let end = (start + top).min(total);
        let mut body = json!({
            "@odata.context": format!("{}/v1.0/$metadata#{context}", self.url),
            "value": items(start.min(end)..end),
        });
        if end < total {
            let token = URL_SAFE_NO_PAD.encode(uuid::Uuid::new_v4().as_bytes());
            self.state.lock().unwrap().skiptokens.insert(token.clone(), end);
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
    let (mut members, generated_members) = {
        let s = d.state.lock().unwrap();
        let stored: Vec<GraphUser> = s.users.values().filter(|u| u.groups.contains(&id)).cloned().collect();
        let every = s.bulk.group.as_ref().filter(|(g, _)| *g == id).map(|(_, every)| *every);
        (stored, every.map(|every| (s.bulk.count.div_ceil(every), every, s.bulk.group.clone())))
    };
    if members.is_empty() && generated_members.is_none() {
        return not_found(&id);
    }
    members.sort_by(|a, b| a.id.cmp(&b.id));
    let total = members.len() + generated_members.as_ref().map_or(0, |(n, _, _)| *n);
    let member = |u: &GraphUser| {
        let mut item = d.user_json(u, &select);
        item["@odata.type"] = json!("#microsoft.graph.user");
        item
    };
    let path = format!("/v1.0/groups/{id}/transitiveMembers");
    d.page_with(&q, &path, "directoryObjects", total, |range| {
        range
            .map(|n| match (members.get(n), &generated_members) {
                (Some(u), _) => member(u),
                (None, Some((_, every, group))) => member(&generated((n - members.len()) * every, &d.domain, group)),
                (None, None) => unreachable!("within total"),
            })
            .collect()
    })
}
