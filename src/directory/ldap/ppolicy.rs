//! The password policy control (draft-behera-ldap-password-policy, OID
//! 1.3.6.1.4.1.42.2.27.8.5.1): asked for on binds and password modifies, its response tells
//! *why* the server refused (locked, expired, too short, in history…).
//!
//! The response value is small and fixed, so it is read by a short BER walker here rather
//! than a general ASN.1 library. A value that does not parse is treated as "no control":
//! the operation's result code still decides success or failure.

use ldap3::controls::{Control, RawControl};

use crate::directory::PolicyReason;

/// OID of the password policy request and response controls.
pub const OID: &str = "1.3.6.1.4.1.42.2.27.8.5.1";

/// The request control: no value, not critical (servers without ppolicy ignore it).
pub fn request() -> RawControl {
    RawControl { ctype: OID.to_owned(), crit: false, val: None }
}

/// `error` of PasswordPolicyResponseValue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PpolicyError {
    PasswordExpired,
    AccountLocked,
    ChangeAfterReset,
    PasswordModNotAllowed,
    MustSupplyOldPassword,
    InsufficientPasswordQuality,
    PasswordTooShort,
    PasswordTooYoung,
    PasswordInHistory,
    PasswordTooLong,
    /// A value this code does not know (a later draft's addition).
    Unknown(i64),
}

impl PpolicyError {
    fn from_code(code: i64) -> PpolicyError {
        match code {
            0 => PpolicyError::PasswordExpired,
            1 => PpolicyError::AccountLocked,
            2 => PpolicyError::ChangeAfterReset,
            3 => PpolicyError::PasswordModNotAllowed,
            4 => PpolicyError::MustSupplyOldPassword,
            5 => PpolicyError::InsufficientPasswordQuality,
            6 => PpolicyError::PasswordTooShort,
            7 => PpolicyError::PasswordTooYoung,
            8 => PpolicyError::PasswordInHistory,
            9 => PpolicyError::PasswordTooLong,
            other => PpolicyError::Unknown(other),
        }
    }

    /// The refusal of a new password this error stands for, if it is one.
    pub fn policy_reason(self) -> Option<PolicyReason> {
        Some(match self {
            PpolicyError::PasswordModNotAllowed => PolicyReason::ModNotAllowed,
            PpolicyError::MustSupplyOldPassword => PolicyReason::MustSupplyOldPassword,
            PpolicyError::InsufficientPasswordQuality => PolicyReason::InsufficientQuality,
            PpolicyError::PasswordTooShort => PolicyReason::TooShort,
            PpolicyError::PasswordTooYoung => PolicyReason::TooYoung,
            PpolicyError::PasswordInHistory => PolicyReason::InHistory,
            PpolicyError::PasswordTooLong => PolicyReason::TooLong,
            PpolicyError::PasswordExpired | PpolicyError::AccountLocked | PpolicyError::ChangeAfterReset => {
                return None;
            }
            PpolicyError::Unknown(code) => PolicyReason::Other(format!("ppolicy error {code}")),
        })
    }
}

/// `warning` of PasswordPolicyResponseValue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PpolicyWarning {
    TimeBeforeExpiration(i64),
    GraceAuthNsRemaining(i64),
}

/// A parsed response control; both parts are optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PpolicyResponse {
    pub warning: Option<PpolicyWarning>,
    pub error: Option<PpolicyError>,
}

/// Finds and parses the ppolicy response among an operation's response controls.
pub fn from_controls(controls: &[Control]) -> PpolicyResponse {
    controls.iter().find(|c| c.1.ctype == OID).and_then(|c| c.1.val.as_deref()).and_then(parse).unwrap_or_default()
}

/// Parses `SEQUENCE { warning [0] CHOICE { [0] INTEGER, [1] INTEGER } OPTIONAL,
/// error [1] ENUMERATED OPTIONAL }`. `None` when the bytes are not such a value.
pub fn parse(value: &[u8]) -> Option<PpolicyResponse> {
    let (tag, body, rest) = element(value)?;
    if tag != 0x30 || !rest.is_empty() {
        return None;
    }
    let mut response = PpolicyResponse::default();
    let mut fields = body;
    while !fields.is_empty() {
        let (tag, content, rest) = element(fields)?;
        match tag {
            // warning: the CHOICE is explicitly tagged, so a constructed [0] wraps it.
            0xA0 => {
                let (inner, number, tail) = element(content)?;
                if !tail.is_empty() {
                    return None;
                }
                let number = integer(number)?;
                response.warning = Some(match inner {
                    0x80 => PpolicyWarning::TimeBeforeExpiration(number),
                    0x81 => PpolicyWarning::GraceAuthNsRemaining(number),
                    _ => return None,
                });
            }
            0x81 => response.error = Some(PpolicyError::from_code(integer(content)?)),
            _ => return None,
        }
        fields = rest;
    }
    Some(response)
}

/// Splits one BER element (single-byte tag, definite length) off the front of `bytes`:
/// `(tag, content, rest)`.
fn element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, bytes) = bytes.split_first()?;
    let (&first, mut bytes) = bytes.split_first()?;
    let len = if first < 0x80 {
        usize::from(first)
    } else {
        let count = usize::from(first & 0x7F);
        // 0x80 is the indefinite form, not allowed in LDAP; four length bytes are plenty.
        if count == 0 || count > 4 || bytes.len() < count {
            return None;
        }
        let (len_bytes, rest) = bytes.split_at(count);
        bytes = rest;
        len_bytes.iter().fold(0usize, |acc, &b| (acc << 8) | usize::from(b))
    };
    if bytes.len() < len {
        return None;
    }
    let (content, rest) = bytes.split_at(len);
    Some((tag, content, rest))
}

/// A two's-complement big-endian INTEGER or ENUMERATED of at most 8 bytes.
fn integer(content: &[u8]) -> Option<i64> {
    if content.is_empty() || content.len() > 8 {
        return None;
    }
    let negative = content[0] & 0x80 != 0;
    let start: i64 = if negative { -1 } else { 0 };
    Some(content.iter().fold(start, |acc, &b| (acc << 8) | i64::from(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_only_response_is_read() {
        // What slapd 2.5 sends for a too-short password: 30 03 81 01 06.
        let parsed = parse(&[0x30, 0x03, 0x81, 0x01, 0x06]).unwrap();
        assert_eq!(parsed, PpolicyResponse { warning: None, error: Some(PpolicyError::PasswordTooShort) });
    }

    #[test]
    fn every_error_value_maps_to_its_own_meaning() {
        let expected = [
            (0, PpolicyError::PasswordExpired, None),
            (1, PpolicyError::AccountLocked, None),
            (2, PpolicyError::ChangeAfterReset, None),
            (3, PpolicyError::PasswordModNotAllowed, Some(PolicyReason::ModNotAllowed)),
            (4, PpolicyError::MustSupplyOldPassword, Some(PolicyReason::MustSupplyOldPassword)),
            (5, PpolicyError::InsufficientPasswordQuality, Some(PolicyReason::InsufficientQuality)),
            (6, PpolicyError::PasswordTooShort, Some(PolicyReason::TooShort)),
            (7, PpolicyError::PasswordTooYoung, Some(PolicyReason::TooYoung)),
            (8, PpolicyError::PasswordInHistory, Some(PolicyReason::InHistory)),
            (9, PpolicyError::PasswordTooLong, Some(PolicyReason::TooLong)),
        ];
        for (code, error, reason) in expected {
            let parsed = parse(&[0x30, 0x03, 0x81, 0x01, code]).unwrap();
            assert_eq!(parsed.error, Some(error), "code {code}");
            assert_eq!(error.policy_reason(), reason, "code {code}");
        }
        let unknown = parse(&[0x30, 0x03, 0x81, 0x01, 0x2A]).unwrap().error.unwrap();
        assert_eq!(unknown, PpolicyError::Unknown(42));
        assert!(matches!(unknown.policy_reason(), Some(PolicyReason::Other(_))));
    }

    #[test]
    fn warnings_are_read_with_or_without_an_error() {
        // timeBeforeExpiration = 3600 (0x0E10)
        let parsed = parse(&[0x30, 0x06, 0xA0, 0x04, 0x80, 0x02, 0x0E, 0x10]).unwrap();
        assert_eq!(parsed, PpolicyResponse { warning: Some(PpolicyWarning::TimeBeforeExpiration(3600)), error: None });
        // graceAuthNsRemaining = 2, error passwordExpired
        let parsed = parse(&[0x30, 0x08, 0xA0, 0x03, 0x81, 0x01, 0x02, 0x81, 0x01, 0x00]).unwrap();
        assert_eq!(parsed.warning, Some(PpolicyWarning::GraceAuthNsRemaining(2)));
        assert_eq!(parsed.error, Some(PpolicyError::PasswordExpired));
    }

    #[test]
    fn an_empty_sequence_and_long_form_lengths_are_accepted() {
        assert_eq!(parse(&[0x30, 0x00]), Some(PpolicyResponse::default()));
        assert_eq!(parse(&[0x30, 0x81, 0x03, 0x81, 0x01, 0x08]).unwrap().error, Some(PpolicyError::PasswordInHistory));
    }

    #[test]
    fn malformed_values_are_rejected_not_misread() {
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x81, 0x01, 0x06],             // length beyond the data
            &[0x31, 0x03, 0x81, 0x01, 0x06],             // not a SEQUENCE
            &[0x30, 0x03, 0x82, 0x01, 0x06],             // unknown field
            &[0x30, 0x02, 0x81, 0x00],                   // empty enumeration
            &[0x30, 0x80, 0x81, 0x01, 0x06, 0x00, 0x00], // indefinite length
            &[0x30, 0x03, 0x81, 0x01, 0x06, 0xFF],       // trailing garbage
        ] {
            assert_eq!(parse(bad), None, "{bad:02x?}");
        }
    }

    #[test]
    fn negative_integers_keep_their_sign() {
        assert_eq!(integer(&[0xFF]), Some(-1));
        assert_eq!(integer(&[0x00, 0x80]), Some(128));
    }

    #[test]
    fn the_response_is_found_among_other_controls() {
        let other = Control(None, RawControl { ctype: "1.2.3".into(), crit: false, val: Some(vec![0x30, 0x00]) });
        let ours =
            Control(None, RawControl { ctype: OID.into(), crit: false, val: Some(vec![0x30, 0x03, 0x81, 0x01, 0x01]) });
        assert_eq!(from_controls(&[other.clone(), ours]).error, Some(PpolicyError::AccountLocked));
        assert_eq!(from_controls(&[other]), PpolicyResponse::default());
    }
}
