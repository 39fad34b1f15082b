//! Prometheus metrics, one registry per portal (no global recorder, so two portals in one
//! process, as in the tests, never mix their counts).
//!
//! Labels are always from a closed set (route templates, flow and reason codes, method kinds),
//! never a username, an address or anything else a person types.

use std::time::Duration;

use metrics::{Key, Label, Metadata, Recorder};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

const META: Metadata<'static> = Metadata::new("rekey", metrics::Level::INFO, Some(module_path!()));

/// Latency buckets in seconds: from a cached page (well under a millisecond) to a directory
/// that needs its whole timeout.
const LATENCY_BUCKETS: &[f64] =
    &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

fn key(name: &'static str, labels: &[(&'static str, &str)]) -> Key {
    Key::from_parts(name, labels.iter().map(|(k, v)| Label::new(*k, (*v).to_owned())).collect::<Vec<_>>())
}

impl Metrics {
    pub fn new() -> Metrics {
        // Setting buckets cannot fail for a non-empty list; fall back to summaries if it did.
        let builder = PrometheusBuilder::new();
        let builder = match builder.set_buckets(LATENCY_BUCKETS) {
            Ok(b) => b,
            Err(_) => PrometheusBuilder::new(),
        };
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        let m = Metrics { recorder, handle };
        m.describe();
        m
    }

    fn describe(&self) {
        let d = |name: &'static str, text: &'static str| {
            self.recorder.describe_counter(name.into(), None, text.into());
        };
        d("rekey_http_requests_total", "HTTP requests answered, by route template, method and status");
        d("rekey_flow_events_total", "Audited flow events, by flow, event, outcome, method and reason");
        d("rekey_sms_failures_total", "Text messages the SMS gateway did not take (refused, timed out, unreachable)");
        d(
            "rekey_codes_sent_total",
            "One-time codes made and sent, by channel (email; enrol-email confirms an address)",
        );
        d("rekey_rate_limit_hits_total", "Requests refused by a rate limit, by limit");
        d(
            "rekey_directory_errors_total",
            "Directory operations that failed for want of the directory, by operation and kind",
        );
        self.recorder.describe_histogram(
            "rekey_http_request_duration_seconds".into(),
            Some(metrics::Unit::Seconds),
            "Time to answer, by route template".into(),
        );
        self.recorder.describe_histogram(
            "rekey_directory_operation_duration_seconds".into(),
            Some(metrics::Unit::Seconds),
            "Directory operation latency, by operation and result".into(),
        );
        self.recorder.describe_gauge(
            "rekey_agent_queue_depth".into(),
            None,
            "Writeback jobs waiting for an agent or in progress".into(),
        );
    }

    fn count(&self, name: &'static str, labels: &[(&'static str, &str)]) {
        self.recorder.register_counter(&key(name, labels), &META).increment(1);
    }

    /// One answered request. `route` is the route template (`/reset/code`), never the raw path.
    pub fn http(&self, route: &str, method: &str, status: u16, took: Duration) {
        let status = status.to_string();
        self.count("rekey_http_requests_total", &[("route", route), ("method", method), ("status", &status)]);
        self.recorder
            .register_histogram(
                &key("rekey_http_request_duration_seconds", &[("route", route), ("method", method)]),
                &META,
            )
            .record(took.as_secs_f64());
    }

    /// One audited event of a flow.
    pub fn flow_event(&self, flow: &str, event: &str, outcome: &str, method: &str, reason: &str) {
        self.count(
            "rekey_flow_events_total",
            &[("flow", flow), ("event", event), ("outcome", outcome), ("method", method), ("reason", reason)],
        );
    }

    pub fn code_sent(&self, channel: &str) {
        self.count("rekey_codes_sent_total", &[("channel", channel)]);
    }

    /// A text message the gateway did not take.
    pub fn sms_failed(&self) {
        self.count("rekey_sms_failures_total", &[]);
    }

    pub fn rate_limited(&self, limit: &str) {
        self.count("rekey_rate_limit_hits_total", &[("limit", limit)]);
    }

    /// One directory operation; `result` is `ok`, `refused` (the directory answered no) or the
    /// kind of failure (`unavailable`, `denied`, `unconfirmed`).
    pub fn directory_op(&self, op: &str, result: &str, took: Duration) {
        self.recorder
            .register_histogram(
                &key("rekey_directory_operation_duration_seconds", &[("op", op), ("result", result)]),
                &META,
            )
            .record(took.as_secs_f64());
        if !matches!(result, "ok" | "refused") {
            self.count("rekey_directory_errors_total", &[("op", op), ("kind", result)]);
        }
    }

    pub fn set_agent_queue_depth(&self, jobs: u64) {
        #[allow(clippy::cast_precision_loss)]
        self.recorder.register_gauge(&key("rekey_agent_queue_depth", &[]), &META).set(jobs as f64);
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        self.handle.render()
    }

    /// Drains histogram buffers; called by housekeeping so memory stays flat between scrapes.
    pub fn upkeep(&self) {
        self.handle.run_upkeep();
    }
}

/// The last failure of each outside service (directory, database, mail), for the admin's
/// status page. Messages are the same admin-log texts, never a secret.
#[derive(Debug, Default)]
pub struct LastErrors(std::sync::Mutex<std::collections::BTreeMap<&'static str, (i64, String)>>);

impl LastErrors {
    pub fn record(&self, component: &'static str, at: i64, message: impl Into<String>) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(component, (at, message.into()));
        }
    }

    /// When and what last went wrong with `component`, if anything has since start-up.
    pub fn get(&self, component: &str) -> Option<(i64, String)> {
        self.0.lock().ok().and_then(|map| map.get(component).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_render_with_their_labels() {
        let m = Metrics::new();
        m.flow_event("reset", "verify", "failure", "email", "wrong_code");
        m.flow_event("reset", "verify", "failure", "email", "wrong_code");
        m.http("/reset", "GET", 200, Duration::from_millis(2));
        m.set_agent_queue_depth(3);
        let text = m.render();
        assert!(
            text.contains(
                r#"rekey_flow_events_total{flow="reset",event="verify",outcome="failure",method="email",reason="wrong_code"} 2"#
            ),
            "{text}"
        );
        assert!(text.contains(r#"rekey_http_requests_total{route="/reset",method="GET",status="200"} 1"#), "{text}");
        assert!(
            text.contains(r#"rekey_http_request_duration_seconds_bucket{route="/reset",method="GET",le="0.0025"} 1"#),
            "{text}"
        );
        assert!(text.contains("rekey_agent_queue_depth 3"), "{text}");
        // A second registry starts from nothing.
        assert!(!Metrics::new().render().contains("rekey_flow_events_total{"));
    }
}
