//! The notice after a sign-in whose password is close to its expiry (or past it, on grace
//! logins), in the person's language. The directory's warning is shown once, on the next page.

use crate::directory::PasswordWarning;
use crate::i18n::{Arg, Lang};

/// Session key of the translated notice, taken by the page after the sign-in.
pub(super) const KEY: &str = "password_notice";

pub(super) fn sentence(lang: Lang, warning: PasswordWarning) -> String {
    match warning {
        PasswordWarning::ExpiresInSecs(secs) if secs >= 2 * 86_400 => {
            lang.t_with("password-expires-in-days", &[("days", Arg::Num(secs / 86_400))])
        }
        PasswordWarning::ExpiresInSecs(secs) => {
            let hours = (secs.max(1) + 3_599) / 3_600;
            lang.t_with("password-expires-in-hours", &[("hours", Arg::Num(hours))])
        }
        PasswordWarning::GraceLoginsLeft(count) => {
            lang.t_with("password-grace-logins-left", &[("count", Arg::Num(count.max(0)))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_hours_and_grace_logins_are_worded() {
        let en = Lang::ALL[0];
        assert!(sentence(en, PasswordWarning::ExpiresInSecs(5 * 86_400 + 10)).contains("5 days"));
        assert!(sentence(en, PasswordWarning::ExpiresInSecs(86_398)).contains("24 hours"));
        assert!(sentence(en, PasswordWarning::ExpiresInSecs(30)).contains("1 hour"));
        assert!(sentence(en, PasswordWarning::GraceLoginsLeft(2)).contains("2 more"));
        for lang in Lang::ALL {
            let text = sentence(lang, PasswordWarning::GraceLoginsLeft(1));
            assert!(!text.contains("grace-logins"), "{lang:?}: {text}");
        }
    }
}
