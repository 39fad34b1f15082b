//! `[database]`: where rekey keeps its state (SQLite file or PostgreSQL).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://path/to/file.db` or `postgres://…`. Empty: `<data_dir>/rekey.db`.
    pub url: String,
    /// Folder for the SQLite file; created on first run.
    pub data_dir: PathBuf,
    /// Largest number of pooled connections.
    pub max_connections: u32,
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig { url: String::new(), data_dir: PathBuf::from("data"), max_connections: 10 }
    }
}

impl DatabaseConfig {
    /// The URL to connect to, defaulting to a SQLite file in the data folder.
    pub fn effective_url(&self) -> String {
        if self.url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("rekey.db").display())
        } else {
            self.url.clone()
        }
    }

    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        let db = self.effective_url();
        if !(db.starts_with("sqlite:") || db.starts_with("postgres://") || db.starts_with("postgresql://")) {
            err("database.url", format!("expected sqlite://… or postgres://…, got {:?}", redact_url(&db)));
        }
        if self.max_connections == 0 {
            err("database.max_connections", "must be at least 1".into());
        }
    }
}

fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("redacted"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}
