//! The JSON API's decisions: who a token is and what it may read (`tokens.rs`), the answers
//! themselves (`reads.rs`): a person's registration and self-service state, the audit trail,
//! the helpdesk's open requests; and the helpdesk actions it may take (`actions.rs`). No HTTP
//! types here: `web/api/` turns these into JSON.
//!
//! What it must never do: tell a caller without a valid token anything, not even whether a path
//! exists; keep or log a token (only its keyed hash is stored); or answer differently in shape
//! for an unknown person than for a known one.

pub mod actions;
pub mod reads;
pub mod tokens;

pub use reads::{AuditPage, PersonStatus, Registration, audit_trail, open_requests, registration, status};
pub use tokens::{ApiToken, Denied, authenticate};

/// What a token may read or do. Each endpoint needs exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Whether a person has registered enough methods (`/api/v1/registration`): the one call a
    /// sign-in system or reverse proxy needs.
    Registration,
    /// A person's self-service state (`/api/v1/status`).
    Status,
    /// The audit trail (`/api/v1/audit`).
    Audit,
    /// The helpdesk's requests waiting for a second member (`/api/v1/helpdesk/requests`).
    Helpdesk,
    /// The helpdesk's actions (`/api/v1/helpdesk/unlock`, `/api/v1/helpdesk/reset-link`):
    /// apart from `helpdesk`, so a tool that reads need not be one that acts.
    HelpdeskActions,
}

impl Scope {
    pub const ALL: [Scope; 5] =
        [Scope::Registration, Scope::Status, Scope::Audit, Scope::Helpdesk, Scope::HelpdeskActions];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Registration => "registration",
            Scope::Status => "status",
            Scope::Audit => "audit",
            Scope::Helpdesk => "helpdesk",
            Scope::HelpdeskActions => "helpdesk_actions",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

impl std::str::FromStr for Scope {
    type Err = String;

    fn from_str(s: &str) -> Result<Scope, String> {
        Scope::parse(s).ok_or_else(|| {
            let names: Vec<&str> = Scope::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown scope {s:?}; expected one of {}", names.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Scope;

    #[test]
    fn scopes_round_trip_and_unknown_ones_are_refused() {
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(s));
        }
        assert!("admin".parse::<Scope>().is_err());
    }
}
