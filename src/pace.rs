//! The uniform answer time for form posts, adapted per route to what an existing account
//! costs.
//!
//! Every post is held until a floor has passed since it arrived, so that how long a page takes
//! does not tell whether the account exists, is in scope or has registered anything. A fixed
//! floor only works while the directory is faster than it: an account that exists costs more
//! directory work (a nested-group search, a Graph group check, an agent round trip to a
//! distant domain controller) than a name that matches nothing, and past the floor that
//! difference shows. So the floor of each route follows the work of existing accounts there:
//! every request during which the directory found or acted on an account marks itself (see
//! [`mark_account_work`]), its time joins that route's window of recent times, and the route's
//! floor is a high percentile of that window (with a margin), never below the configured
//! `server.uniform_post_ms` and never above `server.uniform_post_max_ms`.
//!
//! Only requests that did account work are sampled, so a flood of unknown names cannot pull
//! the floor down. Memory is bounded: one window of [`WINDOW`] times per route template.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

/// How many recent times of the account path each route keeps.
pub const WINDOW: usize = 200;

tokio::task_local! {
    static ACCOUNT_WORK: std::cell::Cell<bool>;
}

/// Notes that the current request did the directory work an existing account costs. Outside a
/// paced request (background jobs, the command line) it does nothing.
pub fn mark_account_work() {
    let _ = ACCOUNT_WORK.try_with(|c| c.set(true));
}

/// Per-route floors learned from recent answer times.
pub struct Pacer {
    min: Duration,
    max: Duration,
    routes: Mutex<HashMap<String, VecDeque<Duration>>>,
}

impl Pacer {
    /// `min` is the configured floor (zero: no holding at all), `max` the ceiling.
    pub fn new(min: Duration, max: Duration) -> Pacer {
        Pacer { min, max: max.max(min), routes: Mutex::new(HashMap::new()) }
    }

    /// The floor for `route` now: the 95th percentile of its recent account-path times plus a
    /// tenth, within the configured bounds.
    pub fn floor(&self, route: &str) -> Duration {
        if self.min.is_zero() {
            return Duration::ZERO;
        }
        let learned = {
            let routes = self.routes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            routes.get(route).map(|w| percentile(w, 95)).unwrap_or_default()
        };
        (learned + learned / 10).clamp(self.min, self.max)
    }

    /// Adds a time of the account path on `route` to its window.
    pub fn record(&self, route: &str, took: Duration) {
        let mut routes = self.routes.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let window = routes.entry(route.to_owned()).or_insert_with(|| VecDeque::with_capacity(WINDOW));
        if window.len() == WINDOW {
            window.pop_front();
        }
        window.push_back(took.min(self.max));
    }

    /// Runs `work` for a post on `route`, answers no sooner than the route's floor, and learns
    /// from it when it did account work.
    pub async fn hold<T>(&self, route: &str, work: impl std::future::Future<Output = T>) -> T {
        let started = tokio::time::Instant::now();
        let until = started + self.floor(route);
        let (out, marked) = ACCOUNT_WORK
            .scope(std::cell::Cell::new(false), async {
                let out = work.await;
                (out, ACCOUNT_WORK.with(std::cell::Cell::get))
            })
            .await;
        if marked && !self.min.is_zero() {
            self.record(route, started.elapsed());
        }
        tokio::time::sleep_until(until).await;
        out
    }
}

/// The `p`th percentile (nearest rank) of `window`; zero when it is empty.
fn percentile(window: &VecDeque<Duration>, p: usize) -> Duration {
    let mut sorted: Vec<Duration> = window.iter().copied().collect();
    sorted.sort_unstable();
    let rank = (sorted.len() * p).div_ceil(100);
    rank.checked_sub(1).and_then(|i| sorted.get(i)).copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: Duration = Duration::from_millis(1);

    #[test]
    fn the_floor_follows_the_slow_path_within_its_bounds() {
        let pacer = Pacer::new(150 * MS, 2000 * MS);
        assert_eq!(pacer.floor("/reset"), 150 * MS, "nothing learned yet: the configured floor");
        for i in 0..100 {
            pacer.record("/reset", (300 + i) * MS);
        }
        // 95th percentile 394 ms, plus a tenth.
        assert_eq!(pacer.floor("/reset"), Duration::from_micros(433_400));
        assert_eq!(pacer.floor("/unlock"), 150 * MS, "per route");
        for _ in 0..WINDOW {
            pacer.record("/reset", 10 * MS);
        }
        assert_eq!(pacer.floor("/reset"), 150 * MS, "old times leave the window; never below the minimum");
        for _ in 0..WINDOW {
            pacer.record("/reset", 60 * 1000 * MS);
        }
        assert_eq!(pacer.floor("/reset"), 2000 * MS, "never above the ceiling");
        assert_eq!(Pacer::new(Duration::ZERO, 2000 * MS).floor("/reset"), Duration::ZERO, "zero turns holding off");
    }

    #[tokio::test]
    async fn only_requests_that_did_account_work_are_learned_from() {
        let pacer = Pacer::new(MS, 2000 * MS);
        pacer.hold("/reset", tokio::time::sleep(30 * MS)).await;
        assert_eq!(pacer.floor("/reset"), MS);
        pacer
            .hold("/reset", async {
                tokio::time::sleep(30 * MS).await;
                mark_account_work();
            })
            .await;
        assert!(pacer.floor("/reset") >= 33 * MS, "{:?}", pacer.floor("/reset"));
    }
}
