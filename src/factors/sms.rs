//! Phone numbers as a verification factor: what people type, read once into E.164 (`+4915…`)
//! and validated against libphonenumber's metadata (the `phonenumber` crate), and masked for
//! display so a page never shows a whole number to someone who only knows a username.
//!
//! A number is personal data: it is never logged whole, only masked.

/// Longest input worth parsing: E.164 has at most 15 digits, people add spaces and dashes.
const MAX_INPUT: usize = 40;

/// A valid phone number in E.164 form, built only by [`PhoneE164::parse`].
#[derive(Clone, PartialEq, Eq)]
pub struct PhoneE164(String);

/// Masked, so a stray `{:?}` cannot put a whole number in a log.
impl std::fmt::Debug for PhoneE164 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("PhoneE164").field(&mask(&self.0)).finish()
    }
}

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    /// Not a phone number at all (letters, too long, nothing typed).
    #[error("not a phone number")]
    Unreadable,
    /// Typed without `+country` and no default region is configured.
    #[error("no country code")]
    NoCountry,
    /// Looks like a number but is not one any country hands out.
    #[error("not a valid number")]
    Invalid,
}

impl PhoneE164 {
    /// Reads a number as people type it (`+49 151 2345-6789`, `0151 23456789` with a default
    /// region of `DE`, `00 49 …`) into E.164, or says why not.
    pub fn parse(input: &str, default_region: Option<&str>) -> Result<PhoneE164, PhoneError> {
        let input = input.trim();
        if input.is_empty()
            || input.len() > MAX_INPUT
            || !input.chars().all(|c| c.is_ascii_digit() || " +-./()".contains(c))
        {
            return Err(PhoneError::Unreadable);
        }
        let region = default_region.and_then(region);
        if region.is_none() && !input.starts_with('+') && !input.starts_with("00") {
            return Err(PhoneError::NoCountry);
        }
        // "00" is the international prefix almost everywhere; the parser wants "+".
        let normalised = match input.strip_prefix("00") {
            Some(rest) if region.is_none() => format!("+{rest}"),
            _ => input.to_owned(),
        };
        let number = phonenumber::parse(region, &normalised).map_err(|_| PhoneError::Invalid)?;
        if !number.is_valid() || number.extension().is_some() {
            return Err(PhoneError::Invalid);
        }
        Ok(PhoneE164(number.format().mode(phonenumber::Mode::E164).to_string()))
    }

    /// The number as E.164 (`+4915123456789`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Re-reads a number stored in E.164; `None` if it no longer is one.
    pub fn from_stored(stored: &str) -> Option<PhoneE164> {
        stored.starts_with('+').then(|| PhoneE164::parse(stored, None).ok()).flatten()
    }
}

/// A two-letter region (`DE`), if it is one the metadata knows (kept with `[sms]`, which
/// checks `default_region` with it).
pub use crate::config::sms::region;

/// The country code and the last two digits, the rest hidden: `+49•••••89`.
pub fn mask(e164: &str) -> String {
    const DOTS: &str = "•••••";
    let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
    let country_len =
        phonenumber::parse(None, format!("+{digits}")).map(|n| n.code().value().to_string().len()).unwrap_or(0);
    if digits.len() < country_len + 4 {
        return format!("+{DOTS}");
    }
    let (country, rest) = digits.split_at(country_len);
    let last = &rest[rest.len() - 2..];
    format!("+{country}{DOTS}{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn international_numbers_are_read_into_e164_however_they_are_written() {
        for typed in ["+49 151 23456789", "+49 (151) 2345-6789", "  +4915123456789 ", "0049 151 23456789"] {
            assert_eq!(PhoneE164::parse(typed, None).map(|p| p.0), Ok("+4915123456789".into()), "{typed:?}");
        }
        assert_eq!(PhoneE164::parse("+1 415 555 2671", None).map(|p| p.0), Ok("+14155552671".into()));
        assert_eq!(PhoneE164::parse("+44 7400 123456", None).map(|p| p.0), Ok("+447400123456".into()));
    }

    #[test]
    fn national_numbers_use_the_default_region() {
        assert_eq!(PhoneE164::parse("0151 23456789", Some("DE")).map(|p| p.0), Ok("+4915123456789".into()));
        assert_eq!(PhoneE164::parse("06 12 34 56 78", Some("fr")).map(|p| p.0), Ok("+33612345678".into()));
        // A number with its country code ignores the default region.
        assert_eq!(PhoneE164::parse("+33 6 12 34 56 78", Some("DE")).map(|p| p.0), Ok("+33612345678".into()));
        assert_eq!(PhoneE164::parse("0151 23456789", None), Err(PhoneError::NoCountry));
    }

    #[test]
    fn things_that_are_not_numbers_are_refused() {
        for bad in ["", "  ", "alice", "+49 151 CALLME", "+49 151 2345 6789 ext. 12", &"1".repeat(100)] {
            assert_eq!(PhoneE164::parse(bad, None), Err(PhoneError::Unreadable), "{bad:?}");
        }
        for invalid in ["+", "+49 1", "+999 1234567", "+1 555 0100", "+49 151 234567890123"] {
            assert_eq!(PhoneE164::parse(invalid, None), Err(PhoneError::Invalid), "{invalid:?}");
        }
    }

    #[test]
    fn masking_shows_the_country_code_and_the_last_two_digits() {
        assert_eq!(mask("+4915123456789"), "+49•••••89");
        assert_eq!(mask("+14155552671"), "+1•••••71");
        assert_eq!(mask("+353861234567"), "+353•••••67");
        assert_eq!(mask("garbage"), "+•••••");
        let debug = format!("{:?}", PhoneE164::parse("+4915123456789", None).unwrap());
        assert!(!debug.contains("123456"), "{debug}");
    }

    #[test]
    fn stored_numbers_read_back() {
        assert_eq!(PhoneE164::from_stored("+4915123456789").map(|p| p.0), Some("+4915123456789".into()));
        assert_eq!(PhoneE164::from_stored("015123456789"), None);
    }
}
