//! The password rules a directory applies to an account (Active Directory: the domain's policy
//! or the fine-grained policy, PSO, that `msDS-ResultantPSO` names), and what they explain
//! about a refusal.
//!
//! Windows refuses every policy failure with the same `0000052D … data 0` and no words, so
//! rekey explains a refusal from the rules themselves, in the order Windows checks them:
//! minimum age (a change only: a reset by the service account is not subject to it), length,
//! complexity, history. History cannot be checked here (rekey never sees the old hashes): it is
//! what is left when the others pass.

use serde::{Deserialize, Serialize};

use crate::clock::UnixTime;

/// The rules, as the directory states them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordRules {
    pub min_length: u32,
    /// How many earlier passwords may not be used again (0: none).
    pub history: u32,
    /// Windows' complexity: three of five kinds of character, and not the account name or a
    /// part of the full name.
    pub complexity: bool,
    /// Seconds a password must be kept before the person may change it again.
    pub min_age_secs: i64,
    /// Seconds before a password expires; `None` for never.
    pub max_age_secs: Option<i64>,
}

/// The rules that apply to one account, and when its password was last set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRules {
    pub rules: PasswordRules,
    /// `None` when the password must be changed at next logon (pwdLastSet = 0), which the
    /// minimum age does not hold back.
    pub last_set: Option<UnixTime>,
}

/// Why the rules refused a password, with what a person needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Explanation {
    /// Changed too recently; it may be changed again from `until`.
    TooYoung {
        until: UnixTime,
    },
    TooShort {
        min_length: u32,
    },
    /// Fewer than three kinds of character.
    NotComplex,
    /// Contains the account name or a part of the full name.
    ContainsName,
    InHistory {
        count: u32,
    },
}

impl Explanation {
    /// The message key of the general sentence (`PolicyReason::advice`'s).
    pub fn advice(&self) -> &'static str {
        match self {
            Explanation::TooYoung { .. } => "policy-too-young",
            Explanation::TooShort { .. } => "policy-too-short",
            Explanation::NotComplex | Explanation::ContainsName => "policy-quality",
            Explanation::InHistory { .. } => "policy-in-history",
        }
    }

    /// The stable code for logs and the audit (`PolicyReason::code`'s).
    pub fn code(&self) -> &'static str {
        match self {
            Explanation::TooYoung { .. } => "too_young",
            Explanation::TooShort { .. } => "too_short",
            Explanation::NotComplex | Explanation::ContainsName => "insufficient_quality",
            Explanation::InHistory { .. } => "in_history",
        }
    }
}

/// What the rules say about a refused `password` for the account named `login` and
/// `display_name`. `change` is true for a change by the person (minimum age applies), false
/// for a reset. `None` when nothing in the rules explains it.
pub fn explain(
    account: &AccountRules,
    login: &str,
    display_name: &str,
    password: &str,
    change: bool,
    now: UnixTime,
) -> Option<Explanation> {
    let rules = &account.rules;
    if change
        && rules.min_age_secs > 0
        && let Some(set) = account.last_set
    {
        let until = set.saturating_add(rules.min_age_secs);
        if until > now {
            return Some(Explanation::TooYoung { until });
        }
    }
    // Windows counts UTF-16 code units; for anything but emoji that is the characters.
    let length = password.encode_utf16().count();
    if length < usize::try_from(rules.min_length).unwrap_or(usize::MAX) {
        return Some(Explanation::TooShort { min_length: rules.min_length });
    }
    if rules.complexity {
        if contains_name(password, login, display_name) {
            return Some(Explanation::ContainsName);
        }
        if kinds(password) < 3 {
            return Some(Explanation::NotComplex);
        }
    }
    (rules.history > 0).then_some(Explanation::InHistory { count: rules.history })
}

/// Windows' name rule: the whole account name (when it has 3 characters or more), or any part
/// of the full name of 3 characters or more (split at , . - _ # space and tab), found in the
/// password, ignoring case.
pub fn contains_name(password: &str, login: &str, display_name: &str) -> bool {
    let password = password.to_lowercase();
    let login = login.to_lowercase();
    if login.chars().count() >= 3 && password.contains(&login) {
        return true;
    }
    display_name
        .split([',', '.', '-', '_', '#', ' ', '\t'])
        .filter(|part| part.chars().count() >= 3)
        .any(|part| password.contains(&part.to_lowercase()))
}

/// How many of Windows' five kinds of character `password` has: upper case, lower case,
/// digits, symbols (anything else that is not a letter), and letters without case.
pub fn kinds(password: &str) -> usize {
    let (mut upper, mut lower, mut digit, mut symbol, mut caseless) = (false, false, false, false, false);
    for c in password.chars() {
        if c.is_uppercase() {
            upper = true;
        } else if c.is_lowercase() {
            lower = true;
        } else if c.is_ascii_digit() {
            digit = true;
        } else if c.is_alphabetic() {
            caseless = true;
        } else {
            symbol = true;
        }
    }
    [upper, lower, digit, symbol, caseless].into_iter().filter(|k| *k).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn account(min_length: u32, history: u32, min_age_secs: i64, last_set: Option<i64>) -> AccountRules {
        AccountRules {
            rules: PasswordRules { min_length, history, complexity: true, min_age_secs, max_age_secs: None },
            last_set,
        }
    }

    #[test]
    fn minimum_age_comes_first_and_holds_back_only_a_change() {
        let a = account(14, 5, DAY, Some(1_000_000));
        let now = 1_000_000 + 3600;
        assert_eq!(
            explain(&a, "jdoe", "Jane Doe", "short", true, now),
            Some(Explanation::TooYoung { until: 1_000_000 + DAY })
        );
        assert_eq!(
            explain(&a, "jdoe", "Jane Doe", "short", false, now),
            Some(Explanation::TooShort { min_length: 14 })
        );
        // Once the day has passed, or when the password must be changed, it does not apply.
        let later = explain(&a, "jdoe", "Jane Doe", "short", true, 1_000_000 + DAY);
        assert_eq!(later, Some(Explanation::TooShort { min_length: 14 }));
        let must_change = account(14, 5, DAY, None);
        assert_eq!(
            explain(&must_change, "jdoe", "Jane Doe", "short", true, now),
            Some(Explanation::TooShort { min_length: 14 })
        );
    }

    #[test]
    fn then_length_complexity_and_history() {
        let a = account(10, 7, 0, Some(0));
        assert_eq!(
            explain(&a, "jdoe", "Jane Doe", "Ab1!ab1!a", true, 5),
            Some(Explanation::TooShort { min_length: 10 })
        );
        assert_eq!(explain(&a, "jdoe", "Jane Doe", "alllowercase1", true, 5), Some(Explanation::NotComplex));
        assert_eq!(explain(&a, "jdoe", "Jane Doe", "Xx-JDOE-2024!", true, 5), Some(Explanation::ContainsName));
        assert_eq!(explain(&a, "jdoe", "Jane Doe", "My-Jane-2024!", true, 5), Some(Explanation::ContainsName));
        assert_eq!(explain(&a, "jdoe", "Jane Doe", "Tr0ub4dor&3x", true, 5), Some(Explanation::InHistory { count: 7 }));
        let no_history = account(10, 0, 0, Some(0));
        assert_eq!(explain(&no_history, "jdoe", "Jane Doe", "Tr0ub4dor&3x", true, 5), None);
        let simple = AccountRules {
            rules: PasswordRules { complexity: false, ..no_history.rules.clone() },
            ..no_history.clone()
        };
        assert_eq!(explain(&simple, "jdoe", "Jane Doe", "alllowercase", true, 5), None);
    }

    #[test]
    fn the_length_is_counted_as_windows_counts_it() {
        let a = account(4, 0, 0, None);
        // U+1F511 is two UTF-16 code units.
        assert_eq!(explain(&a, "x", "", "A1🔑", false, 0), None);
        assert_eq!(explain(&a, "x", "", "A1é", false, 0), Some(Explanation::TooShort { min_length: 4 }));
    }

    #[test]
    fn names_count_from_three_characters() {
        assert!(contains_name("xxBOBxx", "bob", ""));
        assert!(!contains_name("xxJOxx", "jo", "Jo Li"), "shorter than three");
        assert!(contains_name("1smith#", "x", "Anna-Maria Smith"));
        assert!(contains_name("maria!", "x", "Anna-Maria Smith"));
        assert!(contains_name("ÉVA2024", "x", "Éva Kovács"));
        assert!(!contains_name("Kq7#vRm2Lp9x", "adpolicy1234", "Adpolicy Adpolicysson"));
    }

    #[test]
    fn five_kinds_of_character() {
        assert_eq!(kinds("abc"), 1);
        assert_eq!(kinds("aB"), 2);
        assert_eq!(kinds("aB1"), 3);
        assert_eq!(kinds("aB1!"), 4);
        assert_eq!(kinds("aB1!密"), 5, "a letter without case is its own kind");
        assert_eq!(kinds("ÀÉ1"), 2, "accented capitals are upper case");
        assert_eq!(kinds(""), 0);
    }
}
