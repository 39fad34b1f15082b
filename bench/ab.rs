//! `--ab <binary>`: the portal's own cost, this build against another, in one sitting. Both run
//! on SQLite with the POST floor off, each on a database of its own, and take turns (change,
//! then reset, at each width, round after round) so a drift of the machine falls on both alike.
//! Prints the CPU per completed flow of each turn and each binary's median; writes no report.
//! `BENCH_AB_DATABASE` adds lines to B's `[database]` table (B may be this same binary).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Result;

use crate::browser::Account;
use crate::load::Bounds;
use crate::portal::{Portal, Setup, free_port};
use crate::sink::Sink;
use crate::{profile, runs};

/// Rounds of turns; each turn is one flow run per binary.
const ROUNDS: usize = 3;

pub async fn run(
    setups: [&Setup; 2],
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
        if i == 1
            && let Ok(extra) = std::env::var("BENCH_AB_DATABASE")
        {
            // Settings of B's [database] table, to compare configurations of one binary.
            let text = std::fs::read_to_string(&config)?.replacen("[database]\n", &format!("[database]\n{extra}\n"), 1);
            std::fs::write(&config, text)?;
        }
        let portal = Portal::start(setup, &config, &url, &work.join(format!("ab-{i}.log"))).await?;
        runs::register_all(std::slice::from_ref(&url), &url, sink, accounts.clone()).await?;
        portals.push((url, portal));
    }
    let names = [setups[0].binary.display().to_string(), setups[1].binary.display().to_string()];
    let mut per_flow: Vec<(String, usize, usize, f64)> = Vec::new();
    for round in 0..ROUNDS {
        for &c in widths {
            for kind in ["change", "reset"] {
                for (i, (url, portal)) in portals.iter().enumerate() {
                    // A profile of the first round's turns, when BENCH_PROFILE_DIR asks for them.
                    let profile =
                        (round == 0).then(|| profile::start(portal.pid, &format!("ab{i}-{kind}-{c}"))).flatten();
                    let cpu0 = portal.cpu()?;
                    let r = runs::flow(kind, std::slice::from_ref(url), url, sink, accounts, c, bounds).await?;
                    let cpu1 = portal.cpu()?;
                    profile::stop(profile);
                    let ms = cpu1.saturating_sub(cpu0).as_secs_f64() * 1000.0 / r.done.max(1) as f64;
                    eprintln!(
                        "  round {round} {kind} at {c} clients, {}: {} done ({:.1}/s, {} errors), {ms:.2} ms CPU per flow",
                        names[i],
                        r.done,
                        r.per_sec(),
                        r.errors
                    );
                    per_flow.push((kind.to_owned(), c, i, ms));
                }
            }
        }
    }
    for &c in widths {
        for kind in ["change", "reset"] {
            for (i, name) in names.iter().enumerate() {
                let mut v: Vec<f64> =
                    per_flow.iter().filter(|(k, w, b, _)| k == kind && *w == c && *b == i).map(|p| p.3).collect();
                v.sort_by(f64::total_cmp);
                println!("{kind} at {c} clients, {name}: median {:.2} ms CPU per flow ({v:.2?})", v[v.len() / 2]);
            }
        }
    }
    for (_, portal) in portals {
        portal.stop().await?;
    }
    Ok(())
}
