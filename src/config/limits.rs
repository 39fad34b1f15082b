//! `[limits]`: the rate limits. The numbers live here; they are counted in the database
//! (`store::limits`) by `flow::limits`.

use serde::{Deserialize, Serialize};

/// Rate limits, counted in the database so every replica shares them. Each is a maximum per
/// `window_secs` (a sliding window), except the daily self-service limit.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    pub window_secs: u64,
    /// Username steps (reset, unlock, sign-in) from one address.
    pub starts_per_address: u32,
    /// Username steps from one address without a solved proof of work (no JavaScript): a
    /// stricter limit instead of blocking the page.
    pub starts_per_address_without_pow: u32,
    /// Proof-of-work difficulty on the username step, in leading zero bits of SHA-256 (about
    /// 2^bits hashes); one bit more for every five recent attempts from the same address. 0
    /// turns the challenge off.
    pub pow_base_bits: u32,
    /// Proof-of-work challenges handed out to one address (each username page carries one);
    /// past it the page comes without one and the stricter limit without proof applies.
    pub pow_challenges_per_address: u32,
    /// Reset and unlock: username steps for one account from one address (the account as
    /// resolved in the directory, so every alias counts alike; the login as typed when none
    /// matched). Password sign-in: per username.
    pub starts_per_account: u32,
    /// Codes sent for one account and method, from one address.
    pub code_sends_per_account: u32,
    /// Codes sent for one account, from all addresses together: a ceiling high enough that the
    /// owner still gets codes while strangers send theirs.
    pub code_sends_per_account_total: u32,
    /// Codes sent from one address, whatever the username.
    pub code_sends_per_address: u32,
    /// Text messages sent to one phone number, whoever asks.
    pub code_sends_per_number: u32,
    /// Codes checked for one account and method, from one address.
    pub code_checks_per_account: u32,
    /// Codes checked from one address.
    pub code_checks_per_address: u32,
    /// Reset attempts for one account from one address in 24 hours; past it self-service is
    /// paused for that account from that address until the day has passed, and the person is
    /// sent to the helpdesk.
    pub resets_per_account_per_day: u32,
    /// Consecutive failed proofs (wrong codes, answers, authenticator codes, refused passkeys)
    /// for one account, across attempts and days (NIST SP 800-63B 5.2.2). The one that reaches
    /// it closes self-service for the account until an admin reopens it (`rekey account
    /// unblock`), and the admins are alerted. A passed attempt starts the count again.
    pub failed_proofs_per_account: u32,
    /// IPv6 clients are counted by this prefix length for the address limits (a /64 is
    /// usually one household or one machine; 32 to 128).
    pub ipv6_prefix: u8,
    /// Live password-quality hints (`POST /password/check`) from one address.
    pub password_checks_per_address: u32,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            window_secs: 3600,
            starts_per_address: 30,
            starts_per_address_without_pow: 10,
            pow_base_bits: 14,
            pow_challenges_per_address: 120,
            starts_per_account: 10,
            code_sends_per_account: 5,
            code_sends_per_account_total: 50,
            code_sends_per_address: 20,
            code_sends_per_number: 5,
            code_checks_per_account: 15,
            code_checks_per_address: 40,
            resets_per_account_per_day: 5,
            failed_proofs_per_account: 100,
            ipv6_prefix: 64,
            password_checks_per_address: 600,
        }
    }
}

impl LimitsConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        let l = self;
        if l.pow_base_bits > 20 {
            err("limits.pow_base_bits", format!("expected 0 to 20, got {}", l.pow_base_bits));
        }
        if !(60..=86_400).contains(&l.window_secs) {
            err("limits.window_secs", format!("expected 60 to 86400, got {}", l.window_secs));
        }
        if !(32..=128).contains(&l.ipv6_prefix) {
            err("limits.ipv6_prefix", format!("expected 32 to 128, got {}", l.ipv6_prefix));
        }
        for (path, v) in [
            ("limits.starts_per_address", l.starts_per_address),
            ("limits.starts_per_address_without_pow", l.starts_per_address_without_pow),
            ("limits.pow_challenges_per_address", l.pow_challenges_per_address),
            ("limits.starts_per_account", l.starts_per_account),
            ("limits.code_sends_per_account", l.code_sends_per_account),
            ("limits.code_sends_per_account_total", l.code_sends_per_account_total),
            ("limits.failed_proofs_per_account", l.failed_proofs_per_account),
            ("limits.code_sends_per_address", l.code_sends_per_address),
            ("limits.code_checks_per_account", l.code_checks_per_account),
            ("limits.code_checks_per_address", l.code_checks_per_address),
            ("limits.resets_per_account_per_day", l.resets_per_account_per_day),
            ("limits.password_checks_per_address", l.password_checks_per_address),
        ] {
            if !(1..=100_000).contains(&v) {
                err(path, format!("expected 1 to 100000, got {v}"));
            }
        }
    }
}
