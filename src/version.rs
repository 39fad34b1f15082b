//! What this build is: the version from Cargo.toml and the git commit it was built from, for
//! `rekey --version` and `/healthz`. `build.rs` finds the commit with git (vergen-gitcl); a
//! build outside a git checkout (a source tarball) says "unknown", and a packager may set
//! `VERGEN_GIT_SHA` in the build's environment to name the commit instead.

use std::sync::LazyLock;

/// The version in Cargo.toml, e.g. "0.1.0".
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The full git commit this binary was built from, or "unknown".
pub const COMMIT: &str = match option_env!("VERGEN_GIT_SHA") {
    Some(sha) => sha,
    None => "unknown",
};

/// "0.1.0 (commit 1a2b3c4d5e6f)": what `rekey --version` prints after the name.
pub static LONG: LazyLock<String> = LazyLock::new(|| format!("{VERSION} (commit {})", short(COMMIT)));

/// The first 12 characters of a commit id (all of "unknown").
pub fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_names_cargo_toml_and_a_commit() {
        assert_eq!(VERSION, env!("CARGO_PKG_VERSION"));
        assert!(LONG.starts_with(&format!("{VERSION} (commit ")), "{}", *LONG);
        // Built from this repository's checkout: the commit is a hex id, not "unknown" (a
        // tarball build would say "unknown", which this test run is not).
        if std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.git")).exists() {
            assert!(COMMIT.len() >= 40 && COMMIT.chars().all(|c| c.is_ascii_hexdigit()), "{COMMIT}");
        }
    }

    #[test]
    fn a_short_commit_is_twelve_characters_and_unknown_stays_whole() {
        assert_eq!(short("0123456789abcdef0123"), "0123456789ab");
        assert_eq!(short("unknown"), "unknown");
    }
}
