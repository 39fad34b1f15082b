//! One-time codes: generation from the operating system's random source and normalisation of
//! what people type. Codes are secrets: they leave this module as `SecretString` and are never
//! formatted into errors or logs.

use rand::Rng as _;
use rand::rngs::OsRng;
use secrecy::SecretString;

/// Characters accepted around the digits beyond the code itself, so a pasted code with a
/// stray space or separator still works while huge inputs are refused without scanning them.
const SLACK: usize = 32;

/// A fresh code of `len` decimal digits, each uniformly distributed (no modulo bias).
pub fn generate(len: usize) -> SecretString {
    let mut code = String::with_capacity(len);
    for _ in 0..len {
        let digit: u8 = OsRng.gen_range(0..10);
        code.push(char::from(b'0' + digit));
    }
    SecretString::from(code)
}

/// Reads a code as people type it: white space and dashes between digits are ignored.
/// Returns exactly `len` ASCII digits, or `None` for anything else (letters, other
/// separators, non-ASCII digits, too few or too many digits, very long input).
pub fn normalise(input: &str, len: usize) -> Option<String> {
    if input.len() > len.saturating_mul(4).saturating_add(SLACK) {
        return None;
    }
    let mut digits = String::with_capacity(len);
    for c in input.trim().chars() {
        match c {
            '0'..='9' => {
                if digits.len() == len {
                    return None;
                }
                digits.push(c);
            }
            '-' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    (digits.len() == len).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn generated_codes_have_the_requested_number_of_ascii_digits() {
        for len in [6, 8, 10] {
            let code = generate(len);
            assert_eq!(code.expose_secret().len(), len);
            assert!(code.expose_secret().bytes().all(|b| b.is_ascii_digit()));
        }
    }

    #[test]
    fn generated_digits_cover_every_value_roughly_evenly() {
        let mut counts = [0u32; 10];
        for _ in 0..2000 {
            for b in generate(10).expose_secret().bytes() {
                counts[usize::from(b - b'0')] += 1;
            }
        }
        // 20 000 digits: each value expected 2 000 times; a biased generator falls far outside.
        for (digit, count) in counts.iter().enumerate() {
            assert!((1700..2300).contains(count), "digit {digit} came {count} times: {counts:?}");
        }
    }

    #[test]
    fn two_codes_differ() {
        assert_ne!(generate(10).expose_secret(), generate(10).expose_secret());
    }

    #[test]
    fn spaces_dashes_and_surrounding_white_space_are_ignored() {
        assert_eq!(normalise("123456", 6).as_deref(), Some("123456"));
        assert_eq!(normalise("  123 456\n", 6).as_deref(), Some("123456"));
        assert_eq!(normalise("123-456", 6).as_deref(), Some("123456"));
        assert_eq!(normalise("12 34 56 78", 8).as_deref(), Some("12345678"));
        assert_eq!(normalise("\t012345 ", 6).as_deref(), Some("012345"));
    }

    #[test]
    fn wrong_lengths_and_other_characters_are_refused() {
        assert_eq!(normalise("12345", 6), None);
        assert_eq!(normalise("1234567", 6), None);
        assert_eq!(normalise("", 6), None);
        assert_eq!(normalise("12345a", 6), None);
        assert_eq!(normalise("123.456", 6), None);
        assert_eq!(normalise("+123456", 6), None);
        assert_eq!(normalise("１２３４５６", 6), None, "full-width digits");
        assert_eq!(normalise("١٢٣٤٥٦", 6), None, "Arabic-Indic digits");
    }

    #[test]
    fn huge_inputs_are_refused_without_scanning_them() {
        let padded = format!("{}123456", " ".repeat(10_000_000));
        assert_eq!(normalise(&padded, 6), None);
        assert_eq!(normalise(&"1".repeat(1_000_000), 6), None);
    }
}
