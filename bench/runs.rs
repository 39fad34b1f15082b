//! The kinds of run: page views, a flow through the portal, the same directory writes done
//! raw, and the registration every flow needs first. Each takes the accounts it uses from the
//! front of the list and puts them back with what it changed (their new passwords).

use std::sync::Arc;

use anyhow::Result;

use crate::browser::{self, Account, Browser};
use crate::load::{self, Bounds, RunResult, Timings};
use crate::raw;
use crate::sink::Sink;

/// GETs of the reset start page, each as a first visit (no cookies), over `clients`
/// keep-alive connections. Responses must be 200.
pub async fn pages(bases: &[String], public: &str, clients: usize, bounds: Bounds) -> Result<RunResult> {
    let states = (0..clients).map(|_| Browser::new(bases, public)).collect::<Result<Vec<_>>>()?;
    let (r, _) = load::run("page views", states, bounds, |mut b: Browser, mut t: Timings| async move {
        b.forget();
        let outcome = match b.get(&mut t, "GET /reset", "/reset").await {
            Ok(r) if r.status == 200 => Ok(true),
            Ok(r) => Err(anyhow::anyhow!("GET /reset answered {}", r.status)),
            Err(e) => Err(e),
        };
        (b, t, outcome)
    })
    .await;
    Ok(r)
}

/// `kind` ("change" or "reset") through the portal by the first `clients` accounts, one each.
pub async fn flow(
    kind: &'static str,
    bases: &[String],
    public: &str,
    sink: &Arc<Sink>,
    accounts: &mut Vec<Account>,
    clients: usize,
    bounds: Bounds,
) -> Result<RunResult> {
    sink.clear();
    let states = accounts[..clients]
        .iter()
        .map(|a| Ok((Browser::new(bases, public)?, a.clone())))
        .collect::<Result<Vec<_>>>()?;
    let name = format!("{kind} at {clients} clients");
    let sink = sink.clone();
    let (r, back) = load::run(&name, states, bounds, move |(mut b, mut a): (Browser, Account), mut t: Timings| {
        let sink = sink.clone();
        async move {
            let outcome = match kind {
                "change" => browser::change(&mut b, &mut t, &mut a).await,
                _ => browser::recover(&mut b, &mut t, &sink, &mut a, false).await,
            };
            ((b, a), t, outcome.map(|()| true))
        }
    })
    .await;
    accounts.splice(..clients, back.into_iter().map(|(_, a)| a));
    Ok(r)
}

/// The slapd the raw runs write to, and the portal's service account there (for resets).
pub struct Slapd<'a> {
    pub url: &'a str,
    pub service_dn: &'a str,
    pub service_password: &'a str,
}

/// The same password writes straight to slapd, one connection per client (see `raw`):
/// `change` and `reset` are the minimal writes, `change sequence` and `reset sequence` the
/// raw sequence (the account searched for first, the person's bind on a kept-open connection).
pub async fn raw(
    kind: &'static str,
    slapd: &Slapd<'_>,
    accounts: &mut Vec<Account>,
    clients: usize,
    bounds: Bounds,
) -> Result<RunResult> {
    raw_paced(kind, slapd, accounts, clients, bounds, None).await
}

/// [`raw`], the clients together held to `rate` operations a second when given: each client
/// starts one every `clients / rate` seconds, the clients' starts spread over that interval.
/// slapd's CPU per operation depends on how busy it is (more wake-ups per operation when it
/// is not), so its work for a portal is compared with the raw sequence at the portal's rate.
pub async fn raw_paced(
    kind: &'static str,
    slapd: &Slapd<'_>,
    accounts: &mut Vec<Account>,
    clients: usize,
    bounds: Bounds,
    rate: Option<f64>,
) -> Result<RunResult> {
    let every = rate.filter(|r| *r > 0.0).map(|r| std::time::Duration::from_secs_f64(clients as f64 / r));
    let start = tokio::time::Instant::now();
    let mut states = Vec::with_capacity(clients);
    for (i, a) in accounts[..clients].iter().enumerate() {
        let service = || raw::service(slapd.url, slapd.service_dn, slapd.service_password.trim());
        let (first, second) = match kind {
            "change" => (raw::connect(slapd.url).await?, None),
            "change sequence" => (service().await?, Some(raw::connect(slapd.url).await?)),
            _ => (service().await?, None),
        };
        let next = every.map(|e| start + e.mul_f64(i as f64 / clients as f64));
        states.push(((first, second, a.clone()), next));
    }
    let name = match rate {
        Some(rate) => format!("raw {kind} at {clients} clients, {rate:.0}/s"),
        None => format!("raw {kind} at {clients} clients"),
    };
    let (r, back) =
        load::run(&name, states, bounds, move |((mut ldap, mut person, mut a), next), mut t: Timings| async move {
            let next = match (next, every) {
                (Some(at), Some(every)) => {
                    tokio::time::sleep_until(at).await;
                    Some(at + every)
                }
                _ => None,
            };
            let outcome = match (kind, person.as_mut()) {
                ("change", _) => raw::change(&mut ldap, &mut t, &mut a).await,
                ("change sequence", Some(person)) => raw::sequence_change(&mut ldap, person, &mut t, &mut a).await,
                ("reset sequence", _) => raw::sequence_reset(&mut ldap, &mut t, &mut a).await,
                _ => raw::reset(&mut ldap, &mut t, &mut a).await,
            };
            (((ldap, person, a), next), t, outcome.map(|()| true))
        })
        .await;
    accounts.splice(..clients, back.into_iter().map(|((_, _, a), _)| a));
    Ok(r)
}

/// Registers a recovery address for each account, 16 at a time.
pub async fn register_all(bases: &[String], public: &str, sink: &Arc<Sink>, accounts: Vec<Account>) -> Result<()> {
    let per = accounts.len().div_ceil(16).max(1);
    let clients = accounts
        .chunks(per)
        .map(|chunk| Ok((Browser::new(bases, public)?, chunk.to_vec())))
        .collect::<Result<Vec<_>>>()?;
    let count = accounts.len() as u64;
    let bounds = Bounds { time: std::time::Duration::from_secs(300), count: u64::MAX };
    let sink = sink.clone();
    let (r, _) =
        load::run("register", clients, bounds, move |(mut b, mut queue): (Browser, Vec<Account>), mut t: Timings| {
            let sink = sink.clone();
            async move {
                let Some(a) = queue.pop() else { return ((b, queue), t, Ok(false)) };
                let outcome = browser::register_email(&mut b, &mut t, &sink, &a).await.map(|()| true);
                ((b, queue), t, outcome)
            }
        })
        .await;
    anyhow::ensure!(r.errors == 0 && r.done == count, "registration failed: {:?}", r.first_error);
    Ok(())
}
