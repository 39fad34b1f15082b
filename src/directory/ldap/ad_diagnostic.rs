//! Reading Active Directory's diagnostic messages: the `data XXX` sub-code of a failed bind and
//! the Win32 code (`0000052D: …`) that starts the text of a refused modify, turned into
//! [`DirError`]s.
//!
//! The texts come from the server and never contain a password; they are still only written
//! to the admin log, never shown to the person.
//!
//! Seen on Samba 4.17 (the Windows texts differ; their codes are the same):
//! - bind: `80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1`
//! - `0000052D: Constraint violation - check_password_restrictions: the password is too short. …`,
//!   `… does not meet the complexity criteria!`, `… was already used (in history)!`,
//!   `… password is too young to change!` (19 on a change and on a reset)
//! - `00000056: Constraint violation - check_password_restrictions: The old password specified
//!   doesn't match!` (19; counts as a bad password towards lockout)
//! - `00000775: Password change not permitted, account locked out! at …` (19, on a change)
//! - `error in module acl: Constraint violation during LDB_MODIFY` (19, a change by someone
//!   denied the Change Password right: "user cannot change password")
//!
//! Windows only says `0000052D: AtrErr: … problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a
//! (unicodePwd)`: the reason is then [`PolicyReason::Other`].

use crate::directory::{DirError, PolicyReason};

/// Win32 codes that appear in AD diagnostics.
mod code {
    pub const ACCESS_DENIED: u32 = 0x5;
    pub const WRONG_OLD_PASSWORD: u32 = 0x56;
    pub const NEEDS_TLS: u32 = 0x1F;
    pub const POLICY: u32 = 0x52D;
    pub const UNKNOWN_USER: u32 = 0x525;
    pub const WRONG_PASSWORD: u32 = 0x52E;
    pub const ACCOUNT_RESTRICTION: u32 = 0x52F;
    pub const LOGON_HOURS: u32 = 0x530;
    pub const WORKSTATION: u32 = 0x531;
    pub const PASSWORD_EXPIRED: u32 = 0x532;
    pub const DISABLED: u32 = 0x533;
    pub const ACCOUNT_EXPIRED: u32 = 0x701;
    pub const MUST_CHANGE: u32 = 0x773;
    pub const LOCKED: u32 = 0x775;
}

/// The hexadecimal sub-code after `data ` in a bind failure: `…, data 52e, v1db1` → `0x52e`.
pub fn bind_subcode(text: &str) -> Option<u32> {
    let (_, rest) = text.split_once("data ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
    if digits.is_empty() { None } else { u32::from_str_radix(&digits, 16).ok() }
}

/// The Win32 code that starts a diagnostic message: `0000052D: Constraint …` → `0x52d`.
pub fn leading_code(text: &str) -> Option<u32> {
    let (head, _) = text.trim_start().split_once(':')?;
    if head.len() == 8 && head.chars().all(|c| c.is_ascii_hexdigit()) {
        u32::from_str_radix(head, 16).ok()
    } else {
        None
    }
}

/// What a failed simple bind (result 49) means.
pub fn bind_error(text: &str) -> DirError {
    match bind_subcode(text) {
        Some(code::LOCKED) => DirError::Locked,
        Some(code::MUST_CHANGE) => DirError::MustChange,
        Some(code::PASSWORD_EXPIRED) => DirError::PasswordExpired,
        Some(code::DISABLED) => DirError::Disabled,
        // An expired *account* (accountExpires), logon hours, a workstation restriction: the
        // password is right but the account may not sign in, and nothing self-service can do
        // (a new password would not help) changes that. Treat it like a disabled account.
        Some(code::ACCOUNT_EXPIRED | code::LOGON_HOURS | code::WORKSTATION | code::ACCOUNT_RESTRICTION) => {
            DirError::Disabled
        }
        // 52e wrong password, 525 no such user (one answer, so accounts cannot be probed).
        Some(code::WRONG_PASSWORD | code::UNKNOWN_USER) => DirError::WrongPassword,
        // A sub-code not known here, or none: nothing proves the password right.
        Some(_) | None => DirError::WrongPassword,
    }
}

/// Why the policy refused a password, from the words of Samba's message.
pub fn policy_reason(text: &str) -> PolicyReason {
    let lower = text.to_lowercase();
    if lower.contains("too short") {
        PolicyReason::TooShort
    } else if lower.contains("too long") {
        PolicyReason::TooLong
    } else if lower.contains("complexity") {
        PolicyReason::InsufficientQuality
    } else if lower.contains("history") || lower.contains("already used") {
        PolicyReason::InHistory
    } else if lower.contains("too young") || lower.contains("too recent") {
        PolicyReason::TooYoung
    } else {
        PolicyReason::Other(text.to_owned())
    }
}

/// What a refused `unicodePwd` modify (change or reset) means. `None` for result codes that
/// are not specific to passwords; the caller maps those.
pub fn password_refusal(rc: u32, text: &str) -> Option<DirError> {
    let win32 = leading_code(text);
    Some(match (rc, win32) {
        (_, Some(code::WRONG_OLD_PASSWORD)) => DirError::WrongPassword,
        // Change refused by policy: 19. Reset refused by policy: 19 on Samba 4.17, 53 on
        // Windows and later Samba.
        (19 | 53, Some(code::POLICY)) => DirError::PolicyViolation(policy_reason(text)),
        (_, Some(code::LOCKED)) => DirError::Locked,
        (_, Some(code::DISABLED)) => DirError::Disabled,
        (53, Some(code::NEEDS_TLS)) => {
            DirError::Unavailable(format!("the directory refused a password operation without TLS (53): {text}"))
        }
        // "User cannot change password" (the Change Password right denied to Everyone and
        // SELF): a change is answered with constraint violation, not insufficient access.
        // Windows gives Win32 code 5 (access denied); Samba 4.17 gives no code and names its
        // acl module. Trying again will not help.
        (19 | 50, Some(code::ACCESS_DENIED)) => change_right_denied(rc, text),
        (19, None) if text.contains(SAMBA_ACL_REFUSAL) => change_right_denied(rc, text),
        (19, _) => DirError::PolicyViolation(policy_reason(text)),
        // insufficientAccessRights on this account's password: an AdminSDHolder-protected
        // account, "user cannot change password", or a delegation that leaves it out. Trying
        // again will not help.
        (50, _) => {
            DirError::Refused(format!("{}: insufficient access rights (50): {text}", super::super::INSUFFICIENT_ACCESS))
        }
        _ => return None,
    })
}

/// How Samba's acl module (not its password checks) words a refused change.
const SAMBA_ACL_REFUSAL: &str = "error in module acl";

fn change_right_denied(rc: u32, text: &str) -> DirError {
    DirError::Refused(format!(
        "{}: the Change Password right is denied, \"user cannot change password\" ({rc}): {text}",
        super::super::INSUFFICIENT_ACCESS
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMBA_BIND: &str = "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data {}, v1db1";
    const WINDOWS_BIND: &str = "80090308: LdapErr: DSID-0C09041C, comment: AcceptSecurityContext error, data {}, v4563";

    fn bind(template: &str, sub: &str) -> DirError {
        bind_error(&template.replace("{}", sub))
    }

    #[test]
    fn bind_sub_codes_are_read_from_samba_and_windows_texts() {
        assert_eq!(bind_subcode(&SAMBA_BIND.replace("{}", "52e")), Some(0x52e));
        assert_eq!(bind_subcode(&WINDOWS_BIND.replace("{}", "775")), Some(0x775));
        assert_eq!(bind_subcode("data 773"), Some(0x773));
        assert_eq!(bind_subcode("Invalid credentials"), None);
        assert_eq!(bind_subcode("data , v1"), None);
        assert_eq!(bind_subcode(""), None);
    }

    #[test]
    fn each_bind_sub_code_has_its_error() {
        for template in [SAMBA_BIND, WINDOWS_BIND] {
            assert!(matches!(bind(template, "52e"), DirError::WrongPassword));
            assert!(matches!(bind(template, "525"), DirError::WrongPassword));
            assert!(matches!(bind(template, "775"), DirError::Locked));
            assert!(matches!(bind(template, "533"), DirError::Disabled));
            assert!(matches!(bind(template, "532"), DirError::PasswordExpired));
            assert!(matches!(bind(template, "773"), DirError::MustChange));
            assert!(matches!(bind(template, "701"), DirError::Disabled));
            assert!(matches!(bind(template, "530"), DirError::Disabled));
            assert!(matches!(bind(template, "531"), DirError::Disabled));
        }
        assert!(matches!(bind_error("Invalid credentials"), DirError::WrongPassword));
    }

    #[test]
    fn the_leading_win32_code_is_read_only_at_the_start() {
        assert_eq!(leading_code("0000052D: Constraint violation - x"), Some(0x52d));
        assert_eq!(leading_code("00000056: Constraint violation"), Some(0x56));
        assert_eq!(leading_code("0000001F: SvcErr: DSID-031A12D2, problem 5003"), Some(0x1f));
        assert_eq!(leading_code("Constraint violation: 0000052D"), None);
        assert_eq!(leading_code("52D: short"), None);
        assert_eq!(leading_code(""), None);
    }

    #[test]
    fn samba_policy_messages_name_their_reason() {
        let cases = [
            (
                "0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal or longer than 8 characters!",
                PolicyReason::TooShort,
            ),
            (
                "0000052D: Constraint violation - check_password_restrictions: the password does not meet the complexity criteria!",
                PolicyReason::InsufficientQuality,
            ),
            (
                "0000052D: Constraint violation - check_password_restrictions: the password was already used (in history)!",
                PolicyReason::InHistory,
            ),
            (
                "0000052D: Constraint violation - check_password_restrictions: password is too young to change!",
                PolicyReason::TooYoung,
            ),
        ];
        for (text, reason) in cases {
            for rc in [19, 53] {
                match password_refusal(rc, text) {
                    Some(DirError::PolicyViolation(got)) => assert_eq!(got, reason, "{rc} {text}"),
                    other => panic!("{rc} {text}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn a_windows_policy_refusal_without_words_is_other() {
        let text = "0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n";
        assert!(matches!(password_refusal(19, text), Some(DirError::PolicyViolation(PolicyReason::Other(_)))));
        assert!(matches!(password_refusal(53, text), Some(DirError::PolicyViolation(PolicyReason::Other(_)))));
    }

    #[test]
    fn other_password_refusals_map_to_their_errors() {
        let wrong_old =
            "00000056: Constraint violation - check_password_restrictions: The old password specified doesn't match!";
        assert!(matches!(password_refusal(19, wrong_old), Some(DirError::WrongPassword)));
        let locked = "00000775: Password change not permitted, account locked out! at ../../source4/dsdb/samdb/ldb_modules/password_hash.c:3929:setup_io";
        assert!(matches!(password_refusal(19, locked), Some(DirError::Locked)));
        let no_tls = "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0\n";
        assert!(matches!(password_refusal(53, no_tls), Some(DirError::Unavailable(m)) if m.contains("without TLS")));
        assert!(matches!(
            password_refusal(50, "00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS)"),
            Some(DirError::Refused(m)) if m.contains("(50)")
        ));
        assert!(password_refusal(32, "0000208D: NameErr: DSID-0310020A, problem 2001 (NO_OBJECT)").is_none());
        let samba_denied = "error in module acl: Constraint violation during LDB_MODIFY";
        assert!(
            matches!(password_refusal(19, samba_denied), Some(DirError::Refused(m)) if m.contains("cannot change"))
        );
        let windows_denied = "00000005: AtrErr: DSID-03190F80, #1:\n\t0: 00000005: DSID-03190F80, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n";
        assert!(matches!(password_refusal(19, windows_denied), Some(DirError::Refused(_))));
    }
}
