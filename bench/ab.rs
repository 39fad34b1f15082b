//! `--ab <binary>`: the portal's own cost, this build against another, in one sitting. Both run
//! on SQLite with the POST floor off, each on a database of its own, and take turns (change,
//! then reset, at each width, round after round) so a drift of the machine falls on both alike.
//! Prints, for each turn and as each binary's median: the portal's CPU per completed flow,
//! slapd's CPU per completed flow, and the p99 of the step that writes the password; writes no
//! report. `BENCH_AB_DATABASE` and `BENCH_AB_DIRECTORY` add lines to B's `[database]` and
//! `[directory]` tables (B may be this same binary, to compare settings).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use crate::browser::Account;
use crate::load::Bounds;
use crate::portal::{Portal, Setup, cpu_of_pid_file, free_port};
use crate::sink::Sink;
use crate::{profile, runs};

/// Rounds of turns; each turn is one flow run per binary.
const ROUNDS: usize = 3;

/// One flow run of one binary.
struct Turn {
    kind: &'static str,
    clients: usize,
    binary: usize,
    portal_ms: f64,
    slapd_ms: f64,
    write_p99: f64,
}

/// The step of a flow that writes the new password.
fn writing_step(kind: &str) -> &'static str {
    if kind == "change" { "POST /change" } else { "POST /reset/password" }
}

pub async fn run(
    setups: [&Setup; 2],
    slapd_pid_file: Option<&Path>,
    work: &Path,
    sink: &Arc<Sink>,
    accounts: &mut Vec<Account>,
    widths: &[usize],
    bounds: Bounds,
) -> Result<()> {
    let mut portals = Vec::new();
    for (i, setup) in setups.iter().enumerate() {
        let port = free_port()?;
        let url = format!("http://127.0.0.1:{port}");
        let db: PathBuf = work.join(format!("ab-{i}.db"));
        let _ = std::fs::remove_file(&db);
        let config = setup.config(
            &format!("ab-{i}"),
            &format!("127.0.0.1:{port}"),
            &url,
            &format!("sqlite://{}", db.display()),
            0,
        )?;
        if i == 1 {
            // Settings of B's tables, to compare configurations of one binary.
            for (table, var) in [("database", "BENCH_AB_DATABASE"), ("directory", "BENCH_AB_DIRECTORY")] {
                if let Ok(extra) = std::env::var(var) {
                    let head = format!("[{table}]\n");
                    let text = std::fs::read_to_string(&config)?.replacen(&head, &format!("{head}{extra}\n"), 1);
                    std::fs::write(&config, text)?;
                }
            }
        }
        let portal = Portal::start(setup, &config, &url, &work.join(format!("ab-{i}.log"))).await?;
        runs::register_all(std::slice::from_ref(&url), &url, sink, accounts.clone()).await?;
        portals.push((url, portal));
    }
    let names = [setups[0].binary.display().to_string(), setups[1].binary.display().to_string()];
    let mut per_flow: Vec<Turn> = Vec::new();
    for round in 0..ROUNDS {
        for &c in widths {
            for kind in ["change", "reset"] {
                for (i, (url, portal)) in portals.iter().enumerate() {
                    // A profile of the first round's turns, when BENCH_PROFILE_DIR asks for them.
                    let profile =
                        (round == 0).then(|| profile::start(portal.pid, &format!("ab{i}-{kind}-{c}"))).flatten();
                    let (cpu0, slapd0) = (portal.cpu()?, cpu_of_pid_file(slapd_pid_file));
                    let r = runs::flow(kind, std::slice::from_ref(url), url, sink, accounts, c, bounds).await?;
                    let (cpu1, slapd1) = (portal.cpu()?, cpu_of_pid_file(slapd_pid_file));
                    profile::stop(profile);
                    let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / r.done.max(1) as f64;
                    let turn = Turn {
                        kind,
                        clients: c,
                        binary: i,
                        portal_ms: per(cpu1.saturating_sub(cpu0)),
                        slapd_ms: slapd0.zip(slapd1).map_or(f64::NAN, |(a, b)| per(b.saturating_sub(a))),
                        write_p99: r
                            .timings
                            .summary()
                            .iter()
                            .find(|s| s.step == writing_step(kind))
                            .map_or(f64::NAN, |s| s.p99),
                    };
                    eprintln!(
                        "  round {round} {kind} at {c} clients, {}: {} done ({:.1}/s, {} errors), {:.2} ms CPU per flow, slapd {:.2} ms, {} p99 {:.1} ms",
                        names[i],
                        r.done,
                        r.per_sec(),
                        r.errors,
                        turn.portal_ms,
                        turn.slapd_ms,
                        writing_step(kind),
                        turn.write_p99,
                    );
                    per_flow.push(turn);
                }
            }
        }
    }
    for &c in widths {
        for kind in ["change", "reset"] {
            for (i, name) in names.iter().enumerate() {
                let turns: Vec<&Turn> =
                    per_flow.iter().filter(|t| t.kind == kind && t.clients == c && t.binary == i).collect();
                let median = |f: fn(&Turn) -> f64| {
                    let mut v: Vec<f64> = turns.iter().map(|t| f(t)).collect();
                    v.sort_by(f64::total_cmp);
                    (v.get(v.len() / 2).copied().unwrap_or(f64::NAN), v)
                };
                let (portal, all) = median(|t| t.portal_ms);
                let (slapd, _) = median(|t| t.slapd_ms);
                let (p99, _) = median(|t| t.write_p99);
                println!(
                    "{kind} at {c} clients, {name}: median {portal:.2} ms CPU per flow ({all:.2?}), slapd {slapd:.2} ms, {} p99 {p99:.1} ms",
                    writing_step(kind)
                );
            }
        }
    }
    for (_, portal) in portals {
        portal.stop().await?;
    }
    Ok(())
}
