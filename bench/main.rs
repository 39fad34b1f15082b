//! rekey-bench: the load harness behind BENCHMARKS.md. `./scripts/bench` builds it, starts a
//! throw-away slapd with the bench accounts, and runs it; it starts `rekey serve` itself.
//!
//! What it measures, in one run: start-up time to ready, memory, page views, the change,
//! reset and unlock flows as a script-less browser walks them (codes read from its own SMTP
//! sink), the same directory writes done directly against slapd (the raw baseline), and two
//! replicas on PostgreSQL. Everything talks to 127.0.0.1 only; every loop is bounded in time
//! and count.

mod ab;
mod browser;
mod load;
mod portal;
mod postgres;
mod profile;
mod raw;
mod report;
mod runs;
mod sink;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use clap::Parser;

use browser::{Account, Browser};
use load::{Bounds, Timings};
use portal::{Portal, Setup, free_port};
use report::Report;
use sink::Sink;

#[derive(Parser)]
#[command(name = "rekey-bench", about = "Load harness for rekey (see ./scripts/bench)")]
struct Args {
    /// The `rekey` binary to run (a release build).
    #[arg(long)]
    rekey: PathBuf,
    /// The bench slapd (loopback).
    #[arg(long)]
    ldap_url: String,
    /// File with the service account's password.
    #[arg(long)]
    service_secret: PathBuf,
    /// The accounts are bench0001 … under ou=people, all with this first password.
    #[arg(long)]
    users: usize,
    #[arg(long)]
    user_password: String,
    /// An empty PostgreSQL database for the two-replica runs (skipped when absent).
    #[arg(long)]
    postgres: Option<String>,
    /// Working folder (configs, SQLite file, portal logs).
    #[arg(long)]
    work: PathBuf,
    /// slapd's pid file, to read the directory's CPU time per operation.
    #[arg(long)]
    slapd_pid_file: Option<PathBuf>,
    /// Markdown tables are written here (and printed).
    #[arg(long)]
    out: PathBuf,
    /// Short runs (CI): a few seconds each, fewer combinations.
    #[arg(long)]
    quick: bool,
    /// Only the portal's CPU per change and reset, this `--rekey` against the binary given here,
    /// taking turns (see bench/ab.rs); no report.
    #[arg(long)]
    ab: Option<PathBuf>,
}

/// Sizes of one bench run.
struct Plan {
    run: Duration,
    page_clients: usize,
    flow_clients: Vec<usize>,
    /// Clients for the run with the uniform POST floor on at high concurrency (0: skipped).
    floor_wide: usize,
    unlocks_per_client: usize,
    in_progress: u64,
}

impl Plan {
    fn new(quick: bool) -> Plan {
        if quick {
            Plan {
                run: Duration::from_secs(3),
                page_clients: 64,
                flow_clients: vec![16, 32],
                floor_wide: 0,
                unlocks_per_client: 2,
                in_progress: 1_000,
            }
        } else {
            Plan {
                run: Duration::from_secs(15),
                page_clients: 64,
                flow_clients: vec![16, 32],
                floor_wide: 128,
                unlocks_per_client: 8,
                in_progress: 10_000,
            }
        }
    }

    fn bounds(&self) -> Bounds {
        Bounds { time: self.run, count: 1_000_000 }
    }
}

/// Clients of the unlock run.
const UNLOCK_CLIENTS: usize = 16;
/// The default uniform POST floor (server.uniform_post_ms), kept for the "as deployed" runs.
const FLOOR_MS: u64 = 150;

#[tokio::main]
async fn main() -> Result<()> {
    let args = Args::parse();
    let plan = Plan::new(args.quick);
    std::fs::create_dir_all(&args.work)?;
    let work = std::fs::canonicalize(&args.work)?;
    let service_password = std::fs::read_to_string(&args.service_secret).context("read the service secret")?;
    let sink = Arc::new(Sink::start().await?);
    let setup =
        Setup::new(args.rekey.clone(), work.clone(), args.ldap_url.clone(), args.service_secret.clone(), sink.port);
    let slapd = runs::Slapd { url: &args.ldap_url, service_dn: &setup.bind_dn, service_password: &service_password };
    let mut report = Report::new(args.quick, &plan_text(&plan));
    report.binary(&args.rekey)?;

    let accounts: Vec<Account> = (1..=args.users)
        .map(|i| {
            let uid = format!("bench{i:04}");
            Account { dn: format!("uid={uid},ou=people,dc=example,dc=test"), uid, password: args.user_password.clone() }
        })
        .collect();
    let flow_max = plan.flow_clients.iter().copied().chain([plan.floor_wide]).max().unwrap_or(0);
    let unlock_count = UNLOCK_CLIENTS * plan.unlocks_per_client;
    anyhow::ensure!(accounts.len() >= flow_max + unlock_count, "need {} accounts", flow_max + unlock_count);
    let (mut flow_accounts, unlock_accounts) = {
        let mut all = accounts;
        let rest = all.split_off(flow_max);
        (all, rest.into_iter().take(unlock_count).collect::<Vec<_>>())
    };

    if let Some(other) = &args.ab {
        let b = Setup::new(other.clone(), work.clone(), args.ldap_url.clone(), args.service_secret.clone(), sink.port);
        return ab::run(
            [&setup, &b],
            args.slapd_pid_file.as_deref(),
            &work,
            &sink,
            &mut flow_accounts,
            &plan.flow_clients,
            plan.bounds(),
        )
        .await;
    }

    // --- SQLite, one replica, as deployed (uniform POST floor on) --------------------------
    let port = free_port()?;
    let url = format!("http://127.0.0.1:{port}");
    let db = format!("sqlite://{}", work.join("rekey.db").display());
    let _ = std::fs::remove_file(work.join("rekey.db"));
    let config = setup.config("sqlite-floor", &format!("127.0.0.1:{port}"), &url, &db, FLOOR_MS)?;
    eprintln!("==> rekey serve on SQLite (first start: creates the database)");
    let portal = Portal::start(&setup, &config, &url, &work.join("sqlite-floor.log")).await?;
    report.ready("SQLite, first start (creates the database, runs migrations)", portal.ready_in);
    tokio::time::sleep(Duration::from_secs(1)).await;
    report.memory("`rekey serve` idle after start (SQLite)", portal.memory()?.0, Some(30.0));

    eprintln!("==> registering a recovery address for {} accounts", flow_accounts.len() + unlock_accounts.len());
    let everyone: Vec<Account> = flow_accounts.iter().chain(&unlock_accounts).cloned().collect();
    runs::register_all(std::slice::from_ref(&url), &url, &sink, everyone).await?;

    eprintln!("==> page views");
    let rows_before = report::sqlite_rows(&work.join("rekey.db")).await?;
    let page = runs::pages(std::slice::from_ref(&url), &url, plan.page_clients, plan.bounds()).await?;
    let rows_after = report::sqlite_rows(&work.join("rekey.db")).await?;
    report.pages("SQLite", &page, rows_before, rows_after);
    report.memory("`rekey serve` after the page views (SQLite)", portal.memory()?.0, None);

    eprintln!("==> flows with the uniform POST floor ({FLOOR_MS} ms)");
    let mut widths = plan.flow_clients.clone();
    if plan.floor_wide > 0 {
        widths.push(plan.floor_wide);
    }
    for &c in &widths {
        for kind in ["change", "reset"] {
            if kind == "change" && c > 32 {
                continue;
            }
            let r =
                runs::flow(kind, std::slice::from_ref(&url), &url, &sink, &mut flow_accounts, c, plan.bounds()).await?;
            report.flow(&format!("{kind}, floor {FLOOR_MS} ms"), &r, None, None);
        }
    }
    portal.stop().await?;

    // --- SQLite, floor off: what the portal itself can do ----------------------------------
    let config = setup.config("sqlite", &format!("127.0.0.1:{port}"), &url, &db, 0)?;
    eprintln!("==> rekey serve on SQLite, floor off (restarts for the start-up time)");
    let mut warm = Vec::new();
    for _ in 0..2 {
        let p = Portal::start(&setup, &config, &url, &work.join("sqlite.log")).await?;
        warm.push(p.ready_in);
        p.stop().await?;
    }
    let portal = Portal::start(&setup, &config, &url, &work.join("sqlite.log")).await?;
    warm.push(portal.ready_in);
    warm.sort();
    report.ready("SQLite, restart (database exists; median of 3)", warm[1]);

    // CPU time slapd has used so far, when its pid file was given.
    let slapd_cpu = || portal::cpu_of_pid_file(args.slapd_pid_file.as_deref());
    for &c in &plan.flow_clients {
        for kind in ["change", "reset"] {
            let slapd0 = slapd_cpu();
            let minimal = runs::raw(kind, &slapd, &mut flow_accounts, c, plan.bounds()).await?;
            let slapd1 = slapd_cpu();
            let sequence = if kind == "change" { "change sequence" } else { "reset sequence" };
            let sequence = runs::raw(sequence, &slapd, &mut flow_accounts, c, plan.bounds()).await?;
            let slapd2 = slapd_cpu();
            let cpu0 = portal.cpu()?;
            let profile = profile::start(portal.pid, &format!("{kind}-{c}"));
            let r =
                runs::flow(kind, std::slice::from_ref(&url), &url, &sink, &mut flow_accounts, c, plan.bounds()).await?;
            profile::stop(profile);
            let cpu = portal.cpu()?.saturating_sub(cpu0);
            let slapd3 = slapd_cpu();
            // The raw sequence again, held to the rate the portal reached (see runs::raw_paced).
            let at_rate = if kind == "change" {
                let rate = Some(r.per_sec());
                let paced =
                    runs::raw_paced("change sequence", &slapd, &mut flow_accounts, c, plan.bounds(), rate).await?;
                let cpu = slapd3.zip(slapd_cpu()).map(|(a, b)| b.saturating_sub(a));
                report.raw(&paced);
                cpu.map(|cpu| (paced, cpu))
            } else {
                None
            };
            let slapd = match (slapd0, slapd1, slapd2, slapd3) {
                (Some(a), Some(b), Some(c), Some(d)) => {
                    Some([b.saturating_sub(a), c.saturating_sub(b), d.saturating_sub(c)])
                }
                _ => None,
            };
            let raw = report::Raw { minimal: &minimal, sequence: &sequence, slapd, at_rate: at_rate.as_ref() };
            report.flow(&format!("{kind}, floor off"), &r, Some(&raw), Some(cpu));
            report.raw(&minimal);
            report.raw(&sequence);
        }
    }

    eprintln!("==> unlock ({} accounts, locked first by wrong binds)", unlock_accounts.len());
    let mut locked = Vec::with_capacity(unlock_accounts.len());
    for a in unlock_accounts {
        match raw::lock(&args.ldap_url, &a).await {
            Ok(()) => locked.push(a),
            Err(e) => eprintln!("  left out of the unlock run: {e:#}"),
        }
    }
    let unlock_clients: Vec<(Browser, Vec<Account>)> = locked
        .chunks(plan.unlocks_per_client)
        .map(|chunk| Ok((Browser::new(std::slice::from_ref(&url), &url)?, chunk.to_vec())))
        .collect::<Result<_>>()?;
    let (r, _) = load::run("unlock", unlock_clients, Bounds { time: plan.run * 4, count: u64::MAX }, {
        let sink = sink.clone();
        move |(mut b, mut queue): (Browser, Vec<Account>), mut t: Timings| {
            let sink = sink.clone();
            async move {
                let Some(mut a) = queue.pop() else { return ((b, queue), t, Ok(false)) };
                let outcome = browser::recover(&mut b, &mut t, &sink, &mut a, true).await.map(|()| true);
                ((b, queue), t, outcome)
            }
        }
    })
    .await;
    report.flow("unlock, floor off", &r, None, None);

    eprintln!("==> {} flows left in progress", plan.in_progress);
    let (_, hwm_before) = portal.memory()?;
    let clients = (0..64)
        .map(|i| {
            Ok((Browser::new(std::slice::from_ref(&url), &url)?, flow_accounts[i % flow_accounts.len().max(1)].clone()))
        })
        .collect::<Result<Vec<_>>>()?;
    let (r, _) = load::run(
        "username step only",
        clients,
        Bounds { time: Duration::from_secs(120), count: plan.in_progress },
        |(mut b, a): (Browser, Account), mut t: Timings| async move {
            let outcome = browser::start_only(&mut b, &mut t, &a).await.map(|()| true);
            ((b, a), t, outcome)
        },
    )
    .await;
    let (rss, hwm) = portal.memory()?;
    report.in_progress(&r, rss, hwm, hwm_before);
    portal.stop().await?;

    // --- Two replicas on PostgreSQL ----------------------------------------------------------
    if let Some(pg) = &args.postgres {
        eprintln!("==> two replicas on PostgreSQL");
        let ports = [free_port()?, free_port()?];
        let urls: Vec<String> = ports.iter().map(|p| format!("http://127.0.0.1:{p}")).collect();
        let public = urls[0].clone();
        let mut replicas = Vec::new();
        for (i, p) in ports.iter().enumerate() {
            let config = setup.config(&format!("pg-{i}"), &format!("127.0.0.1:{p}"), &public, pg, 0)?;
            let r = Portal::start(&setup, &config, &urls[i], &work.join(format!("pg-{i}.log"))).await?;
            report.ready(
                &format!("PostgreSQL, replica {}{}", i + 1, if i == 0 { " (runs migrations)" } else { "" }),
                r.ready_in,
            );
            replicas.push(r);
        }
        let needed = plan.flow_clients.iter().copied().max().unwrap_or(0);
        runs::register_all(&urls, &public, &sink, flow_accounts[..needed].to_vec()).await?;
        let page = runs::pages(&urls, &public, plan.page_clients, plan.bounds()).await?;
        report.pages("PostgreSQL, 2 replicas", &page, 0, 0);
        for &c in &plan.flow_clients {
            for kind in ["change", "reset"] {
                let minimal = runs::raw(kind, &slapd, &mut flow_accounts, c, plan.bounds()).await?;
                let sequence = if kind == "change" { "change sequence" } else { "reset sequence" };
                let sequence = runs::raw(sequence, &slapd, &mut flow_accounts, c, plan.bounds()).await?;
                let db0 = postgres::load(pg).await;
                let cpu0: Duration = replicas.iter().map(|r| r.cpu().unwrap_or_default()).sum();
                let r = runs::flow(kind, &urls, &public, &sink, &mut flow_accounts, c, plan.bounds()).await?;
                let cpu = replicas.iter().map(|r| r.cpu().unwrap_or_default()).sum::<Duration>().saturating_sub(cpu0);
                let db1 = postgres::load(pg).await;
                let raw = report::Raw { minimal: &minimal, sequence: &sequence, slapd: None, at_rate: None };
                let label = format!("{kind}, 2 replicas on PostgreSQL");
                report.flow(&label, &r, Some(&raw), Some(cpu));
                if let (Some(a), Some(b)) = (db0, db1) {
                    report.database(&format!("{label}, {c} clients"), &r, b.since(&a));
                }
            }
        }
        for (i, r) in replicas.iter().enumerate() {
            let (rss, hwm) = r.memory()?;
            report.memory(&format!("replica {} after the PostgreSQL runs (peak {hwm:.1} MiB)", i + 1), rss, None);
        }
        for r in replicas {
            r.stop().await?;
        }
    }

    eprintln!("==> mails received by the sink: {}", sink.mails());
    let text = report.render();
    std::fs::write(&args.out, &text)?;
    println!("{text}");
    Ok(())
}

fn plan_text(plan: &Plan) -> String {
    format!(
        "each run {} s (or 1,000,000 operations); page views at {} connections; flows at {:?} clients{}; {} flows left in progress",
        plan.run.as_secs(),
        plan.page_clients,
        plan.flow_clients,
        if plan.floor_wide > 0 { format!(" and {} with the floor on", plan.floor_wide) } else { String::new() },
        plan.in_progress
    )
}
