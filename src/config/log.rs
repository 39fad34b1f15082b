//! `[log]`: what the portal logs, and in which format.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A tracing filter: `info`, `rekey=debug,info`, ….
    pub level: String,
    pub format: LogFormat,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig { level: "info".into(), format: LogFormat::Text }
    }
}

impl LogConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if tracing_subscriber::EnvFilter::try_new(&self.level).is_err() {
            err("log.level", format!("not a valid filter: {:?}", self.level));
        }
    }
}
