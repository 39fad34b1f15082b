//! The new-password field that change and reset share: its rules, and why the last password
//! was refused, one sentence each. The live hint behind the field is `password_check`.

use crate::directory::rules::{Explanation, PasswordRules};
use crate::directory::{DirUser, PolicyReason};
use crate::flow::Services;
use crate::i18n::{Arg, Lang};
use crate::policy::quality::Refusal;

/// What the new-password field shows besides its label.
pub struct NewPasswordField {
    /// The rules, said before anyone types.
    pub rules: String,
    /// Why the password just sent was refused, one sentence each (empty otherwise).
    pub problems: Vec<String>,
    /// The directory's own rules (Active Directory's policy), one sentence each.
    pub directory: Vec<String>,
}

impl NewPasswordField {
    pub fn new(s: &Services, lang: Lang) -> NewPasswordField {
        let rules = &s.config.password;
        NewPasswordField {
            rules: lang
                .t_with("quality-rules", &[("length", rules.min_length.into()), ("classes", rules.min_classes.into())]),
            problems: Vec::new(),
            directory: Vec::new(),
        }
    }

    /// With the rules of `user`'s account, for a page where the person has been identified
    /// (a reset: the minimum age does not hold a reset back, so it is not said).
    pub async fn for_account(mut self, s: &Services, lang: Lang, user: &DirUser) -> NewPasswordField {
        if let Some(account) = crate::flow::dir_rules::for_account(s, user).await {
            self.directory = rule_sentences(lang, &account.rules, false);
        }
        self
    }

    /// With the directory's rules for everyone (the domain's policy), for the change page where
    /// the person is not known yet: the same for every visitor, so it tells nothing about an
    /// account. An account with stricter rules (a PSO) learns them from the refusal.
    pub async fn for_everyone(mut self, s: &Services, lang: Lang) -> NewPasswordField {
        if let Some(rules) = s.directory.default_password_rules().await {
            self.directory = rule_sentences(lang, &rules, true);
            if !self.directory.is_empty() {
                self.directory.push(lang.t("dir-rules-most"));
            }
        }
        self
    }
}

/// The directory's rules as sentences; the minimum age only for a change.
pub fn rule_sentences(lang: Lang, rules: &PasswordRules, change: bool) -> Vec<String> {
    let mut out = Vec::new();
    if rules.min_length > 0 {
        out.push(lang.t_with("dir-rule-length", &[("length", Arg::Num(rules.min_length.into()))]));
    }
    if rules.complexity {
        out.push(lang.t("dir-rule-complexity"));
    }
    if rules.history > 0 {
        out.push(lang.t_with("dir-rule-history", &[("count", Arg::Num(rules.history.into()))]));
    }
    if change && rules.min_age_secs > 0 {
        // Whole hours, rounded up: "1 hour" rather than "0 hours" for a shorter minimum.
        let hours = (rules.min_age_secs + 3599) / 3600;
        out.push(lang.t_with("dir-rule-min-age", &[("hours", Arg::Num(hours))]));
    }
    out
}

/// A refusal explained from the directory's rules, as one sentence.
pub fn explanation(lang: Lang, zone: &jiff::tz::TimeZone, why: &Explanation) -> String {
    match why {
        Explanation::TooYoung { until } => {
            lang.t_with("dir-why-too-young", &[("when", Arg::Str(&crate::i18n::human_time(lang, zone, *until)))])
        }
        Explanation::TooShort { min_length } => {
            lang.t_with("dir-why-too-short", &[("length", Arg::Num((*min_length).into()))])
        }
        Explanation::NotComplex => lang.t("dir-why-not-complex"),
        Explanation::ContainsName => lang.t("dir-why-name"),
        Explanation::InHistory { count } => lang.t_with("dir-why-history", &[("count", Arg::Num((*count).into()))]),
    }
}

/// The sentence under the field for a directory refusal, when the rules explained it.
pub fn refusal_sentences(lang: Lang, zone: &jiff::tz::TimeZone, reason: &PolicyReason) -> Vec<String> {
    match reason {
        PolicyReason::Explained(why) => vec![explanation(lang, zone, why)],
        _ => Vec::new(),
    }
}

/// Each refusal as one sentence in `lang`, its advice (zxcvbn's feedback) following it.
pub fn sentences(lang: Lang, refusals: &[Refusal]) -> Vec<String> {
    refusals
        .iter()
        .map(|r| {
            let mut sentence = match r.arg() {
                Some((name, n)) => lang.t_with(r.key(), &[(name, n.into())]),
                None => lang.t(r.key()),
            };
            for key in r.advice() {
                sentence.push(' ');
                sentence.push_str(&lang.t(key));
            }
            sentence
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    static UTC: jiff::tz::TimeZone = jiff::tz::TimeZone::UTC;

    #[test]
    fn the_directory_rules_read_as_sentences_and_the_minimum_age_only_for_a_change() {
        let rules =
            PasswordRules { min_length: 14, history: 24, complexity: true, min_age_secs: 86_400, max_age_secs: None };
        let change = rule_sentences(Lang::En, &rules, true);
        assert_eq!(change.len(), 4, "{change:?}");
        assert!(change[0].contains("at least 14 characters"), "{change:?}");
        assert!(change[2].contains("last 24 passwords"), "{change:?}");
        assert!(change[3].contains("for 24 hours"), "{change:?}");
        assert_eq!(rule_sentences(Lang::En, &rules, false).len(), 3, "a reset is not held back");
        let short = PasswordRules { min_age_secs: 60, ..rules.clone() };
        assert!(rule_sentences(Lang::En, &short, true)[3].contains("for 1 hour."));
        let none = PasswordRules { min_length: 0, history: 0, complexity: false, min_age_secs: 0, max_age_secs: None };
        assert!(rule_sentences(Lang::De, &none, true).is_empty());
    }

    #[test]
    fn each_explanation_has_its_sentence_in_every_language() {
        let all = [
            Explanation::TooYoung { until: 1_796_575_440 },
            Explanation::TooShort { min_length: 14 },
            Explanation::NotComplex,
            Explanation::ContainsName,
            Explanation::InHistory { count: 7 },
        ];
        for lang in Lang::ALL {
            for why in &all {
                let sentence = explanation(lang, &UTC, why);
                assert!(!sentence.starts_with("dir-") && sentence.ends_with('.'), "{lang:?} {why:?}: {sentence}");
            }
        }
        let when = explanation(Lang::En, &UTC, &all[0]);
        assert!(when.contains(&crate::i18n::human_time(Lang::En, &UTC, 1_796_575_440)), "{when}");
        assert!(explanation(Lang::De, &UTC, &all[1]).contains("14"));
        assert_eq!(refusal_sentences(Lang::En, &UTC, &PolicyReason::TooShort), Vec::<String>::new());
        assert_eq!(refusal_sentences(Lang::En, &UTC, &PolicyReason::Explained(all[4].clone())).len(), 1);
    }
}
