//! The figures of one bench run as Markdown tables, ready for BENCHMARKS.md: the targets
//! first (met or missed), then throughput against the raw directory rate, latency per step,
//! start-up and memory.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::load::RunResult;

/// The raw runs a portal run is judged against: the minimal writes and the raw sequence
/// (see `raw`), and slapd's CPU time in the minimal run, the sequence run and the portal run;
/// for a change also the raw sequence held to the portal's rate, with slapd's CPU time in it.
pub struct Raw<'a> {
    pub minimal: &'a RunResult,
    pub sequence: &'a RunResult,
    pub slapd: Option<[Duration; 3]>,
    pub at_rate: Option<&'a (RunResult, Duration)>,
}

pub struct Report {
    quick: bool,
    plan: String,
    targets: Vec<[String; 4]>,
    flows: Vec<String>,
    steps: Vec<String>,
    resources: Vec<[String; 2]>,
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn yes(met: bool) -> String {
    if met { "met".into() } else { "**missed**".into() }
}

impl Report {
    pub fn new(quick: bool, plan: &str) -> Report {
        Report {
            quick,
            plan: plan.to_owned(),
            targets: Vec::new(),
            flows: Vec::new(),
            steps: Vec::new(),
            resources: Vec::new(),
        }
    }

    fn target(&mut self, what: &str, measured: String, target: &str, met: bool) {
        self.targets.push([what.to_owned(), measured, target.to_owned(), yes(met)]);
    }

    /// Size of the binary as built, and stripped (when `<binary>.stripped` exists).
    pub fn binary(&mut self, binary: &Path) -> Result<()> {
        let mib = |p: &Path| std::fs::metadata(p).map(|m| m.len() as f64 / 1_048_576.0);
        let built = mib(binary)?;
        self.resources.push(["release binary as built".into(), format!("{built:.1} MiB")]);
        let stripped_path = binary.with_extension("stripped");
        if let Ok(stripped) = mib(&stripped_path) {
            self.resources
                .push(["release binary, stripped (as in the container)".into(), format!("{stripped:.1} MiB")]);
            self.target(
                "release binary (stripped)",
                format!("{stripped:.1} MiB"),
                "< 25 MB",
                stripped * 1.048_576 < 25.0,
            );
        }
        Ok(())
    }

    pub fn ready(&mut self, what: &str, took: Duration) {
        self.resources.push([format!("ready (first 200 from /readyz) — {what}"), ms(took)]);
        if what.starts_with("SQLite") {
            self.target(&format!("ready on {what}"), ms(took), "< 300 ms", took < Duration::from_millis(300));
        }
    }

    pub fn memory(&mut self, what: &str, rss_mib: f64, target_mib: Option<f64>) {
        self.resources.push([format!("RSS, {what}"), format!("{rss_mib:.1} MiB")]);
        if let Some(limit) = target_mib {
            self.target(
                &format!("RSS, {what}"),
                format!("{rss_mib:.1} MiB"),
                &format!("< {limit:.0} MB"),
                rss_mib * 1.048_576 < limit,
            );
        }
    }

    pub fn pages(&mut self, label: &str, r: &RunResult, rows_before: u64, rows_after: u64) {
        let s = r.timings.summary();
        let p99 = s.first().map_or(0.0, |s| s.p99);
        self.flows.push(format!(
            "| start page (GET /reset), {label} | {} connections | {} | {:.0} req/s | — | — | — | — | — | {:.0} % | {} |",
            r.clients,
            r.done,
            r.per_sec(),
            r.machine_busy * 100.0,
            r.errors
        ));
        self.steps_of(&format!("start page, {label}, {} connections", r.clients), r);
        if label == "SQLite" {
            self.target(
                "start page at 64 connections",
                format!("{:.0} req/s, p99 {p99:.1} ms", r.per_sec()),
                "≥ 15,000 req/s, p99 < 3 ms",
                r.per_sec() >= 15_000.0 && p99 < 3.0 && r.errors == 0,
            );
            self.target(
                "a page view writes nothing to the database",
                format!("rows before {rows_before}, after {rows_after}"),
                "no new rows",
                rows_before == rows_after,
            );
        }
    }

    /// A flow through the portal, with `cpu` the portal's CPU time over the run and `raw`
    /// the same clients' raw runs just before it.
    pub fn flow(&mut self, label: &str, r: &RunResult, raw: Option<&Raw<'_>>, cpu: Option<Duration>) {
        let per = |d: Duration, n: u64| d.as_secs_f64() * 1000.0 / (n.max(1) as f64);
        let rate = |raw: &RunResult| format!("{:.1}/s (CPU {:.0} %)", raw.per_sec(), raw.machine_busy * 100.0);
        let ratio = raw.map(|raw| r.per_sec() / raw.sequence.per_sec().max(1e-9));
        let cpu_each = cpu.map(|c| per(c, r.done));
        let slapd_each = raw.and_then(|raw| {
            raw.slapd.map(|[minimal, sequence, portal]| {
                (per(minimal, raw.minimal.done), per(sequence, raw.sequence.done), per(portal, r.done))
            })
        });
        self.flows.push(format!(
            "| {label} | {} clients | {} | {:.1}/s | {} | {} | {} | {} | {} | {:.0} % | {} |",
            r.clients,
            r.done,
            r.per_sec(),
            raw.map_or("—".into(), |raw| rate(raw.minimal)),
            raw.map_or("—".into(), |raw| rate(raw.sequence)),
            ratio.map_or("—".into(), |v| format!("{:.0} %", v * 100.0)),
            cpu_each.map_or("—".into(), |v| format!("{v:.2} ms")),
            slapd_each.map_or("—".into(), |(m, s, p)| format!("{m:.2} / {s:.2} → {p:.2} ms")),
            r.machine_busy * 100.0,
            r.errors
        ));
        self.steps_of(&format!("{label}, {} clients", r.clients), r);
        let change = label.starts_with("change");
        let what = if change { "change" } else { "full reset" };
        if let Some(ratio) = ratio {
            let need = if change { 0.8 } else { 0.6 };
            self.target(
                &format!("{what} ({label}) vs the raw sequence at {} clients", r.clients),
                format!("{:.0} %", ratio * 100.0),
                &format!("≥ {:.0} %", need * 100.0),
                ratio >= need && r.errors == 0,
            );
        }
        if let Some(each) = cpu_each.filter(|_| label.contains("floor off")) {
            let goal = if change { 0.5 } else { 1.5 };
            self.target(
                &format!("rekey CPU per completed {what} at {} clients", r.clients),
                format!("{each:.2} ms"),
                &format!("≤ {goal} ms"),
                each <= goal,
            );
        }
        if let (Some((_, sequence, portal)), true) = (slapd_each, change) {
            self.target(
                &format!("slapd CPU per change through rekey at {} clients", r.clients),
                format!("{portal:.2} ms = {:.2} × the raw sequence's {sequence:.2} ms", portal / sequence.max(1e-9)),
                "≤ 1.1 ×",
                portal <= 1.1 * sequence,
            );
            if let Some((paced, cpu)) = raw.and_then(|raw| raw.at_rate) {
                let at_rate = per(*cpu, paced.done);
                self.target(
                    &format!(
                        "slapd CPU per change through rekey at {} clients, against the raw sequence at the same rate",
                        r.clients
                    ),
                    format!(
                        "{portal:.2} ms = {:.2} × the raw sequence's {at_rate:.2} ms at {:.0}/s",
                        portal / at_rate.max(1e-9),
                        paced.per_sec()
                    ),
                    "≤ 1.1 ×",
                    portal <= 1.1 * at_rate && paced.errors == 0,
                );
            }
        }
    }

    /// The database server's work per completed flow (PostgreSQL runs).
    pub fn database(&mut self, label: &str, r: &RunResult, load: crate::postgres::Load) {
        let n = r.done.max(1) as f64;
        self.resources.push([
            format!("PostgreSQL per completed flow: {label}"),
            format!(
                "{:.1} statements, {:.2} ms server CPU",
                load.transactions as f64 / n,
                load.cpu.as_secs_f64() * 1000.0 / n
            ),
        ]);
    }

    pub fn raw(&mut self, r: &RunResult) {
        self.steps_of(&format!("{}, no portal", r.name), r);
    }

    pub fn in_progress(&mut self, r: &RunResult, rss: f64, hwm: f64, hwm_before: f64) {
        self.flows.push(format!(
            "| username step only (flows left in progress), floor off | {} clients | {} | {:.1}/s | — | — | — | — | — | {:.0} % | {} |",
            r.clients,
            r.done,
            r.per_sec(),
            r.machine_busy * 100.0,
            r.errors
        ));
        let what = format!("with {} flows in progress", r.done);
        self.resources.push([
            format!("RSS {what} (peak during the run {hwm:.1} MiB; peak before {hwm_before:.1} MiB)"),
            format!("{rss:.1} MiB"),
        ]);
        if !self.quick {
            self.target(
                &format!("RSS {what}"),
                format!("{rss:.1} MiB (peak {hwm:.1})"),
                "< 80 MB",
                hwm * 1.048_576 < 80.0,
            );
        }
    }

    fn steps_of(&mut self, title: &str, r: &RunResult) {
        let mut out = format!(
            "\n#### {title}\n\n| step | requests | per second | p50 | p95 | p99 |\n|---|---:|---:|---:|---:|---:|\n"
        );
        let secs = r.elapsed.as_secs_f64().max(1e-9);
        for s in r.timings.summary() {
            let _ = writeln!(
                out,
                "| {} | {} | {:.1} | {:.2} ms | {:.2} ms | {:.2} ms |",
                s.step,
                s.count,
                s.count as f64 / secs,
                s.p50,
                s.p95,
                s.p99
            );
        }
        self.steps.push(out);
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "### Targets{}\n", if self.quick { " (quick run: short, indicative only)" } else { "" });
        let _ = writeln!(out, "Plan: {}.\n", self.plan);
        out.push_str("| target | measured | goal | |\n|---|---|---|---|\n");
        for [a, b, c, d] in &self.targets {
            let _ = writeln!(out, "| {a} | {b} | {c} | {d} |");
        }
        out.push_str("\n### Throughput\n\n| run | concurrency | completed | rate | raw minimal rate, same clients (machine CPU busy) | raw sequence rate, same clients (machine CPU busy) | portal / raw sequence | rekey CPU per completed flow | slapd CPU per operation: raw minimal / raw sequence → portal | machine CPU busy | clients stopped by an error |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for line in &self.flows {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str("\n### Start-up and memory\n\n| figure | value |\n|---|---:|\n");
        for [a, b] in &self.resources {
            let _ = writeln!(out, "| {a} | {b} |");
        }
        out.push_str("\n### Latency per step\n\nEvery request is timed from sending it to reading the whole answer; redirects are steps of their own.\n");
        for s in &self.steps {
            out.push_str(s);
        }
        out
    }
}

/// Rows in every table of a SQLite database (read-only), to show a run wrote nothing.
pub async fn sqlite_rows(path: &Path) -> Result<u64> {
    use sqlx::Row as _;
    let url = format!("sqlite://{}?mode=ro", path.display());
    let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url).await?;
    let tables: Vec<String> =
        sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .fetch_all(&mut conn)
            .await?
            .iter()
            .map(|r| r.get::<String, _>(0))
            .collect();
    let mut total = 0u64;
    for t in tables {
        let n: i64 =
            sqlx::query(&format!("SELECT count(*) FROM \"{}\"", t.replace('"', ""))).fetch_one(&mut conn).await?.get(0);
        total += u64::try_from(n).unwrap_or(0);
    }
    Ok(total)
}
