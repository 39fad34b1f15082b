//! A self-hosted proof of work on the username step. The page carries a signed challenge; the
//! browser (static/pow.js, no third party) finds a number such that
//! SHA-256(challenge ":" number) starts with `bits` zero bits, and posts it with the username.
//! Difficulty grows with the attempts the address made recently. A challenge is bound to the
//! address (IPv6: its prefix) it was issued to and counted when issued. Nothing is shown to solve, so
//! screen readers and keyboards need nothing extra; without JavaScript the form still works and
//! the stricter per-address limit applies instead.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};

use super::limits::{self, Scope};
use super::{FlowError, Services};

/// How long a challenge may be used.
pub const TTL_SECS: i64 = 300;
/// Upper bound on difficulty, so a busy address still gets a solvable page.
pub const MAX_BITS: u32 = 22;

/// A challenge for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub text: String,
    pub bits: u32,
}

/// The difficulty for an address: the base, one more bit for every five username steps it
/// sent (or challenges it was handed, whichever is more) in the current window, at most
/// [`MAX_BITS`].
pub async fn difficulty(services: &Services, ip: Option<&str>) -> Result<u32, FlowError> {
    let base = services.config.limits.pow_base_bits;
    // Every username step the address sent counts, with or without a proof, refused or not;
    // so does every challenge it fetched, so collecting easy ones ahead does not pay.
    let recent = match ip {
        Some(ip) => {
            let starts = limits::recent(services, Scope::StartByAddress, ip).await?
                + limits::recent(services, Scope::StartByAddressWithoutPow, ip).await?;
            starts.max(limits::recent(services, Scope::PowIssueByAddress, ip).await?)
        }
        None => 0,
    };
    Ok((base + u32::try_from(recent / 5).unwrap_or(u32::MAX)).min(MAX_BITS))
}

/// The challenge's signature: bound to the address (group) it was issued to, so a solution
/// is no proof from anywhere else.
fn mac(services: &Services, body: &str, ip: Option<&str>) -> String {
    let from = ip.map(|ip| limits::address_group(services, ip)).unwrap_or_default();
    URL_SAFE_NO_PAD.encode(&services.keys.code_hash("pow", &format!("{body}\0{from}"))[..16])
}

/// A fresh signed challenge: `v2.<expires>.<bits>.<random>.<mac>`, counted against the
/// address when issued. Past `limits.pow_challenges_per_address` the page gets none, and the
/// stricter limit without a proof applies to what the address sends.
pub async fn issue(services: &Services, ip: Option<&str>) -> Result<Option<Challenge>, FlowError> {
    if services.config.limits.pow_base_bits == 0 {
        return Ok(None);
    }
    let bits = difficulty(services, ip).await?;
    match limits::hit(services, Scope::PowIssueByAddress, ip).await {
        Ok(()) => {}
        Err(FlowError::RateLimited { .. }) => return Ok(None),
        Err(other) => return Err(other),
    }
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    let body = format!("v2.{}.{bits}.{}", services.clock.now() + TTL_SECS, URL_SAFE_NO_PAD.encode(random));
    let mac = mac(services, &body, ip);
    Ok(Some(Challenge { text: format!("{body}.{mac}"), bits }))
}

/// Whether `nonce` solves `challenge`, which must be ours, issued to this address (group),
/// unexpired and unused. A solved challenge is spent.
pub async fn verify(services: &Services, ip: Option<&str>, challenge: &str, nonce: &str) -> Result<bool, FlowError> {
    if challenge.len() > 200 || nonce.is_empty() || nonce.len() > 20 || !nonce.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(false);
    }
    let Some((body, mac)) = challenge.rsplit_once('.') else { return Ok(false) };
    let expected = self::mac(services, body, ip);
    if !crate::crypto::constant_time_eq(expected.as_bytes(), mac.as_bytes()) {
        return Ok(false);
    }
    let mut parts = body.split('.');
    let (Some("v2"), Some(expires), Some(bits)) = (parts.next(), parts.next(), parts.next()) else { return Ok(false) };
    let (Ok(expires), Ok(bits)) = (expires.parse::<i64>(), bits.parse::<u32>()) else { return Ok(false) };
    if expires < services.clock.now() || !solves(challenge, nonce, bits) {
        return Ok(false);
    }
    // Spent: the same solution cannot open a second attempt.
    Ok(services.db.claim_agent_nonce(&format!("pow:{mac}"), crate::agent::proto::now()).await?)
}

/// Whether SHA-256(challenge ":" nonce) starts with `bits` zero bits.
pub fn solves(challenge: &str, nonce: &str, bits: u32) -> bool {
    let digest = Sha256::digest(format!("{challenge}:{nonce}").as_bytes());
    leading_zero_bits(&digest) >= bits
}

fn leading_zero_bits(bytes: &[u8]) -> u32 {
    let mut n = 0;
    for b in bytes {
        if *b == 0 {
            n += 8;
        } else {
            return n + b.leading_zeros();
        }
    }
    n
}

/// Finds a solution the slow way, as a browser would. For tests and tools.
pub fn solve(challenge: &str, bits: u32) -> String {
    (0u64..).map(|n| n.to_string()).find(|n| solves(challenge, n, bits)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_zero_bits_counts_across_bytes() {
        assert_eq!(leading_zero_bits(&[0, 0, 0x80]), 16);
        assert_eq!(leading_zero_bits(&[0, 0x0f]), 12);
        assert_eq!(leading_zero_bits(&[0xff]), 0);
        assert_eq!(leading_zero_bits(&[0, 0]), 16);
    }

    #[test]
    fn a_solution_meets_its_difficulty() {
        let n = solve("v1.1.8.abc.mac", 8);
        assert!(solves("v1.1.8.abc.mac", &n, 8));
        // The first solution is the smallest: every number below it fails.
        let first: u64 = n.parse().unwrap();
        assert!((0..first).all(|m| !solves("v1.1.8.abc.mac", &m.to_string(), 8)));
    }
}
