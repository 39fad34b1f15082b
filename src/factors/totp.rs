//! Authenticator apps (TOTP, RFC 6238): SHA-1, 6 digits, 30-second steps, the one setting
//! every app supports. Builds the enrolment (otpauth URL, base32 key, QR code as inline SVG)
//! and verifies codes.
//!
//! The seed is a secret: it is held in zeroizing memory, has no printable `Debug`, and the
//! enrolment (which encodes it three ways) is made of `SecretString`s. Replay protection is
//! the caller's job: `verify` returns the matched time step so the caller can refuse a step
//! it has already accepted.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use rand::RngCore as _;
use rand::rngs::OsRng;
use secrecy::SecretString;
use subtle::{ConditionallySelectable as _, ConstantTimeEq as _};
use zeroize::Zeroizing;

/// Seconds per step.
const STEP: i64 = 30;
/// Digits per code.
const DIGITS: usize = 6;
/// Bytes in a generated seed (160 bits, as RFC 4226 recommends).
const SEED_LEN: usize = 20;
/// Seeds accepted from storage: RFC 4226's minimum of 128 bits up to one SHA-1 block.
const SEED_RANGE: std::ops::RangeInclusive<usize> = 16..=64;
/// Steps of skew `verify` will ever look at, whatever it is asked.
const MAX_SKEW: u8 = 10;

/// A TOTP seed. Wiped from memory on drop; never printed.
pub struct TotpSecret(Zeroizing<Vec<u8>>);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret([redacted])")
    }
}

impl TotpSecret {
    /// A new random seed of 160 bits from the operating system's random source.
    pub fn generate() -> TotpSecret {
        let mut bytes = Zeroizing::new(vec![0u8; SEED_LEN]);
        OsRng.fill_bytes(&mut bytes);
        TotpSecret(bytes)
    }

    /// A seed read back from storage; `None` if it is shorter than 128 or longer than 512 bits.
    pub fn from_bytes(b: &[u8]) -> Option<TotpSecret> {
        SEED_RANGE.contains(&b.len()).then(|| TotpSecret(Zeroizing::new(b.to_vec())))
    }

    /// The raw seed, for sealing before storage.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

/// What the registration page shows: each part encodes the seed, so each is a secret.
pub struct Enrolment {
    /// `otpauth://totp/Issuer:account?secret=…&issuer=…`, percent-encoded.
    pub otpauth_url: SecretString,
    /// The seed in base32 without padding, for typing into an app by hand.
    pub secret_base32: SecretString,
    /// The otpauth URL as a QR code: inline SVG markup with a text alternative.
    pub qr_svg: SecretString,
}

impl std::fmt::Debug for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Enrolment { .. }")
    }
}

/// Why an enrolment could not be built. Never contains the seed.
#[derive(Debug, thiserror::Error)]
pub enum TotpError {
    /// Authenticator apps split `Issuer:account` at the colon, so neither may contain one.
    #[error("the issuer and account name must be non-empty and contain no ':'")]
    InvalidName,
    /// The URL did not fit in a QR code (an absurdly long account name).
    #[error("the enrolment does not fit in a QR code")]
    QrTooLong,
}

/// The otpauth URL, base32 key and QR code for registering `secret` in an app, shown there as
/// `issuer` / `account`.
pub fn enrolment(secret: &TotpSecret, issuer: &str, account: &str) -> Result<Enrolment, TotpError> {
    if issuer.trim().is_empty() || account.trim().is_empty() || issuer.contains(':') || account.contains(':') {
        return Err(TotpError::InvalidName);
    }
    let totp = totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(6)
        .with_step_duration(30)
        .with_skew(0)
        .with_secret(secret.as_bytes())
        .with_issuer(Some(issuer))
        .with_account_name(account)
        .build()
        .map_err(|_| TotpError::InvalidName)?;
    let url = Zeroizing::new(totp.to_url().map_err(|_| TotpError::InvalidName)?);
    let qr_svg = qr_svg(&url)?;
    Ok(Enrolment {
        secret_base32: SecretString::from(totp.secret().to_base32()),
        otpauth_url: SecretString::from(url.as_str()),
        qr_svg: SecretString::from(qr_svg),
    })
}

/// Inline SVG for `text`: no XML declaration, a viewBox so CSS can scale it, dark modules on
/// white with the standard four-module quiet zone. Hidden from assistive technology: the page
/// wraps it in an element with a text alternative in the person's language.
pub fn qr_svg(text: &str) -> Result<String, TotpError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).map_err(|_| TotpError::QrTooLong)?;
    let rendered = Zeroizing::new(
        code.render::<svg::Color<'_>>()
            .quiet_zone(true)
            .module_dimensions(6, 6)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    );
    let start = rendered.find("<svg ").ok_or(TotpError::QrTooLong)?;
    let body = &rendered[start + "<svg ".len()..];
    Ok(format!(r#"<svg aria-hidden="true" focusable="false" {body}"#))
}

/// The code `secret` produces at unix time `now` (6 digits, zero-padded). For tests and the demo.
pub fn code_at(secret: &TotpSecret, now: i64) -> String {
    let step = u64::try_from(now.max(0) / STEP).unwrap_or(0);
    String::from(code_for_step(secret, step, DIGITS).as_str())
}

/// Checks `code` against the steps around `now` (`now / 30` ± `skew`). Returns the step that
/// matched, so the caller can refuse its reuse; `None` for a wrong or malformed code.
/// Every step in the window is computed and compared in constant time, so timing tells
/// neither whether nor where a code matched.
pub fn verify(secret: &TotpSecret, code: &str, now: i64, skew: u8) -> Option<i64> {
    let typed = Zeroizing::new(super::codes::normalise(code, DIGITS)?);
    if now < 0 {
        return None;
    }
    let skew = i64::from(skew.min(MAX_SKEW));
    let current = now / STEP;
    let mut found = subtle::Choice::from(0);
    let mut step_found: u64 = 0;
    for step in (current - skew).max(0)..=current + skew {
        let Ok(step) = u64::try_from(step) else { continue };
        let expected = code_for_step(secret, step, DIGITS);
        let matches = expected.as_bytes().ct_eq(typed.as_bytes());
        step_found.conditional_assign(&step, matches & !found);
        found |= matches;
    }
    bool::from(found).then(|| i64::try_from(step_found).ok()).flatten()
}

/// The code for one time step with `digits` digits, as RFC 6238 computes it.
fn code_for_step(secret: &TotpSecret, step: u64, digits: usize) -> Zeroizing<String> {
    // The builder's checks are met by construction (SHA-1, 6–8 digits, seed of 128 bits or
    // more); build without them so this cannot fail.
    let totp = totp_rs::Builder::new()
        .with_algorithm(totp_rs::Algorithm::SHA1)
        .with_digits(u8::try_from(digits).unwrap_or(6))
        .with_step_duration(30)
        .with_skew(0)
        .with_secret(secret.as_bytes())
        .build_noncompliant();
    Zeroizing::new(format!("{:0>digits$}", totp.generate(step.saturating_mul(30)).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890").unwrap()
    }

    #[test]
    fn rfc_6238_sha1_test_vectors_match() {
        let s = rfc_secret();
        assert_eq!(code_for_step(&s, 59 / 30, 8).as_str(), "94287082");
        assert_eq!(code_for_step(&s, 1_111_111_109 / 30, 8).as_str(), "07081804");
        assert_eq!(code_for_step(&s, 1_234_567_890 / 30, 8).as_str(), "89005924");
        assert_eq!(code_at(&s, 59), "287082");
        assert_eq!(code_at(&s, 1_111_111_109), "081804", "leading zeros are kept");
    }

    #[test]
    fn a_current_code_is_accepted_and_its_step_returned() {
        let s = rfc_secret();
        assert_eq!(verify(&s, "287082", 59, 1), Some(1));
        assert_eq!(verify(&s, "081804", 1_111_111_109, 0), Some(1_111_111_109 / 30));
    }

    #[test]
    fn one_step_of_skew_either_side_is_accepted_and_two_are_not() {
        let s = TotpSecret::generate();
        let now = 1_700_000_015;
        for (offset, accepted) in [(-60, false), (-30, true), (0, true), (30, true), (60, false)] {
            let code = code_at(&s, now + offset);
            let expected = accepted.then_some((now + offset) / 30);
            assert_eq!(verify(&s, &code, now, 1), expected, "offset {offset}s");
        }
    }

    #[test]
    fn without_skew_only_the_current_step_is_accepted() {
        let s = TotpSecret::generate();
        let now = 1_700_000_015;
        assert_eq!(verify(&s, &code_at(&s, now), now, 0), Some(now / 30));
        assert_eq!(verify(&s, &code_at(&s, now - 30), now, 0), None);
        assert_eq!(verify(&s, &code_at(&s, now + 30), now, 0), None);
    }

    #[test]
    fn wrong_and_malformed_codes_are_refused() {
        let s = rfc_secret();
        for bad in ["287083", "000000", "28708", "2870822", "", "abcdef", "28708a", "+87082", "287 08x", "94287082"] {
            assert_eq!(verify(&s, bad, 59, 1), None, "{bad:?} was accepted");
        }
        assert_eq!(verify(&s, "287082", -1, 1), None, "a time before the epoch");
    }

    #[test]
    fn a_code_typed_with_a_space_in_the_middle_is_accepted() {
        let s = rfc_secret();
        assert_eq!(verify(&s, " 287 082 ", 59, 0), Some(1));
    }

    #[test]
    fn seeds_outside_128_to_512_bits_are_refused() {
        assert!(TotpSecret::from_bytes(&[7; 15]).is_none());
        assert!(TotpSecret::from_bytes(&[7; 16]).is_some());
        assert!(TotpSecret::from_bytes(&[7; 64]).is_some());
        assert!(TotpSecret::from_bytes(&[7; 65]).is_none());
        let generated = TotpSecret::generate();
        assert_eq!(generated.as_bytes().len(), 20);
        assert_ne!(generated.as_bytes(), TotpSecret::generate().as_bytes());
    }

    #[test]
    fn debug_does_not_print_the_seed() {
        let s = rfc_secret();
        let shown = format!("{s:?}");
        assert!(!shown.contains("49") && !shown.contains("1234"), "{shown}");
        let e = enrolment(&s, "rekey", "alice").unwrap();
        assert!(!format!("{e:?}").contains("GEZD"));
    }

    #[test]
    fn the_otpauth_url_names_issuer_and_account_percent_encoded() {
        let e = enrolment(&rfc_secret(), "Example Corp", "alice@example.test").unwrap();
        let url = e.otpauth_url.expose_secret();
        assert!(url.starts_with("otpauth://totp/Example%20Corp:alice%40example.test?"), "{url}");
        assert!(url.contains("issuer=Example%20Corp"), "{url}");
        assert!(url.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), "{url}");
        assert!(!url.contains("algorithm=") && !url.contains("digits=") && !url.contains("period="), "defaults: {url}");
        assert_eq!(e.secret_base32.expose_secret(), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }

    #[test]
    fn names_containing_a_colon_are_refused() {
        assert!(matches!(enrolment(&rfc_secret(), "a:b", "alice"), Err(TotpError::InvalidName)));
        assert!(matches!(enrolment(&rfc_secret(), "rekey", "al:ice"), Err(TotpError::InvalidName)));
        assert!(matches!(enrolment(&rfc_secret(), "rekey", ""), Err(TotpError::InvalidName)));
    }

    #[test]
    fn the_qr_code_is_inline_svg_hidden_from_screen_readers() {
        let e = enrolment(&rfc_secret(), "rekey", "alice").unwrap();
        let svg = e.qr_svg.expose_secret();
        assert!(svg.starts_with("<svg "), "no XML declaration: {}", &svg[..40]);
        assert!(!svg.contains("<?xml"));
        // The page's wrapper carries the text alternative, in the person's language.
        assert!(svg.contains(r#"aria-hidden="true""#));
        assert!(svg.contains("viewBox=\"0 0 "));
        assert!(svg.contains(r##"fill="#ffffff""##) && svg.contains(r##"fill="#000000""##));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn the_qr_code_has_a_four_module_quiet_zone() {
        let e = enrolment(&rfc_secret(), "rekey", "alice").unwrap();
        let svg = e.qr_svg.expose_secret();
        // Every dark rectangle starts at least 4 modules (24 px) from the top-left edge.
        let path = svg.split(" d=\"").nth(1).unwrap();
        for cmd in path.split('M').skip(1) {
            let mut xy = cmd.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty());
            let x: u32 = xy.next().unwrap().parse().unwrap();
            let y: u32 = xy.next().unwrap().parse().unwrap();
            assert!(x >= 24 && y >= 24, "module at {x},{y} inside the quiet zone");
        }
    }
}
