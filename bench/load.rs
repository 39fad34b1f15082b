//! Running clients side by side for a bounded time and count, and what they measured:
//! latencies per step, completed operations, errors.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;

/// Latencies per step, in microseconds, in the order the steps were first seen.
#[derive(Default, Clone)]
pub struct Timings {
    steps: Vec<(&'static str, Vec<u32>)>,
}

impl Timings {
    pub fn record(&mut self, step: &'static str, took: Duration) {
        let us = u32::try_from(took.as_micros()).unwrap_or(u32::MAX);
        match self.steps.iter_mut().find(|(s, _)| *s == step) {
            Some((_, v)) => v.push(us),
            None => self.steps.push((step, vec![us])),
        }
    }

    fn merge(&mut self, other: Timings) {
        for (step, v) in other.steps {
            match self.steps.iter_mut().find(|(s, _)| *s == step) {
                Some((_, mine)) => mine.extend(v),
                None => self.steps.push((step, v)),
            }
        }
    }

    /// Per step: count, p50, p95, p99 (milliseconds).
    pub fn summary(&self) -> Vec<StepStats> {
        self.steps
            .iter()
            .map(|(step, v)| {
                let mut v = v.clone();
                v.sort_unstable();
                let at = |q: f64| {
                    let i = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len().max(1)) - 1;
                    f64::from(v.get(i).copied().unwrap_or(0)) / 1000.0
                };
                StepStats { step, count: v.len() as u64, p50: at(0.50), p95: at(0.95), p99: at(0.99) }
            })
            .collect()
    }
}

pub struct StepStats {
    pub step: &'static str,
    pub count: u64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

/// What one run measured.
pub struct RunResult {
    pub name: String,
    pub clients: usize,
    pub elapsed: Duration,
    pub done: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    pub timings: Timings,
    /// Share of the machine's CPU time (all cores) that was busy during the run.
    pub machine_busy: f64,
}

impl RunResult {
    pub fn per_sec(&self) -> f64 {
        self.done as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Bounds of one run: it stops at whichever comes first.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub time: Duration,
    pub count: u64,
}

/// Runs one task per client state, each calling `op` until the run's time or count is used
/// up, and gives the states back. `op` answers `Ok(true)` for a completed operation and
/// `Ok(false)` when its client has nothing left to do. A failed operation is counted and ends
/// that client (its account's state is no longer known).
pub async fn run<S, F, Fut>(name: &str, clients: Vec<S>, bounds: Bounds, op: F) -> (RunResult, Vec<S>)
where
    S: Send + 'static,
    F: Fn(S, Timings) -> Fut + Send + Sync + Clone + 'static,
    Fut: Future<Output = (S, Timings, Result<bool>)> + Send,
{
    let n = clients.len();
    let cpu_before = machine_cpu();
    let started = Instant::now();
    let deadline = started + bounds.time;
    let issued = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::with_capacity(n);
    for state in clients {
        let (op, issued) = (op.clone(), issued.clone());
        tasks.push(tokio::spawn(async move {
            let mut state = state;
            let mut t = Timings::default();
            let (mut done, mut error) = (0u64, None);
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < bounds.count {
                let (s, t2, outcome) = op(state, t).await;
                state = s;
                t = t2;
                match outcome {
                    Ok(true) => done += 1,
                    Ok(false) => break,
                    Err(e) => {
                        error = Some(format!("{e:#}"));
                        break;
                    }
                }
            }
            (done, error, t, state)
        }));
    }
    let mut result = RunResult {
        name: name.to_owned(),
        clients: n,
        elapsed: Duration::ZERO,
        done: 0,
        errors: 0,
        first_error: None,
        timings: Timings::default(),
        machine_busy: 0.0,
    };
    let mut states = Vec::with_capacity(n);
    for task in tasks {
        match task.await {
            Ok((done, error, t, state)) => {
                states.push(state);
                result.done += done;
                if let Some(e) = error {
                    result.errors += 1;
                    result.first_error.get_or_insert(e);
                }
                result.timings.merge(t);
            }
            Err(e) => {
                result.errors += 1;
                result.first_error.get_or_insert(e.to_string());
            }
        }
    }
    result.elapsed = started.elapsed();
    if let (Some((busy0, total0)), Some((busy1, total1))) = (cpu_before, machine_cpu()) {
        result.machine_busy = (busy1 - busy0) as f64 / ((total1 - total0).max(1)) as f64;
    }
    if let Some(e) = &result.first_error {
        eprintln!("  {name}: {} client(s) stopped on an error; the first: {e}", result.errors);
    }
    eprintln!("  {name}: {} done in {:.1} s ({:.1}/s)", result.done, result.elapsed.as_secs_f64(), result.per_sec());
    (result, states)
}

/// Busy and total CPU ticks of the whole machine, from the first line of /proc/stat.
fn machine_cpu() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let ticks: Vec<u64> = stat.lines().next()?.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
    let total: u64 = ticks.iter().take(8).sum();
    // idle and iowait are the fourth and fifth.
    let idle = ticks.get(3)? + ticks.get(4)?;
    Some((total - idle, total))
}
