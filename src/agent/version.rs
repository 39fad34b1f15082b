//! Which agent versions the portal serves. Agents report their version (`CARGO_PKG_VERSION`)
//! when they enrol, in heartbeats and in polls; the portal keeps the last one it heard, shows
//! it on the admin status page and `/readyz`, warns about agents older than
//! [`MIN_AGENT_VERSION`], and refuses them with `directory.agent.refuse_old_agents = true`.

/// The oldest agent version this portal supports: older ones are warned about, and refused
/// with `directory.agent.refuse_old_agents = true`. Raise it when the portal stops serving
/// what older agents need (the protocol stays readable both ways otherwise).
pub const MIN_AGENT_VERSION: &str = "0.1.0";

/// The config key that makes the portal refuse old agents.
pub const REFUSE_KEY: &str = "directory.agent.refuse_old_agents";

/// Whether `version` is at least [`MIN_AGENT_VERSION`]. A version that is not semantic
/// (`1.2.3`) cannot be vouched for and counts as older.
pub fn supported(version: &str) -> bool {
    match (semver::Version::parse(version.trim()), semver::Version::parse(MIN_AGENT_VERSION)) {
        (Ok(v), Ok(min)) => v >= min,
        _ => false,
    }
}

/// What a refused agent is told (and logs): its version, the oldest served, and the key.
pub fn refusal(version: &str) -> String {
    format!(
        "this agent's version {version:?} is older than {MIN_AGENT_VERSION}, the oldest this portal supports: \
         upgrade the agent (the portal refuses older ones because {REFUSE_KEY} = true)"
    )
}

/// The warning logged about an old agent the portal still serves.
pub fn warning(version: &str) -> String {
    format!(
        "a writeback agent runs version {version:?}, older than {MIN_AGENT_VERSION}, the oldest this portal \
         supports: upgrade it (set {REFUSE_KEY} = true to refuse such agents)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_older_than_the_minimum_or_unreadable_are_not_supported() {
        assert!(supported(MIN_AGENT_VERSION));
        assert!(supported(super::super::proto::VERSION));
        assert!(supported("99.0.0"));
        assert!(!supported("0.0.1"));
        assert!(!supported("test"));
        assert!(!supported(""));
        assert!(refusal("0.0.1").contains(REFUSE_KEY));
    }
}
