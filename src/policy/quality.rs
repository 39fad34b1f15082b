//! Password quality, judged before any directory is asked to set a password: length and
//! character classes, banned terms scored the way Entra's password protection scores them,
//! the person's own names, a strength estimate (zxcvbn) and a list of commonly breached
//! passwords compiled into the binary.
//!
//! Pure and offline: no I/O, no network, and nothing here logs (a password must never reach
//! a log). The flows and the live hint call the same `check`, so they always agree.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::config::Config;
use crate::directory::DirUser;

mod banned;

#[cfg(test)]
use banned::{MIN_POINTS, refuses, score, within_one_edit};

/// Why a new password was refused. Each is one sentence for the person (`key`, `arg`) and one
/// reason code for the audit trail (`code`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    TooShort {
        min: usize,
    },
    TooFewClasses {
        min: usize,
    },
    /// Contains the person's name, username or the local part of their address.
    OwnName,
    /// Scores under five points once banned terms count one point each (Entra's rule).
    Banned,
    /// On the shipped list of commonly breached passwords.
    Breached,
    /// The strength estimate is under `password.min_score`; `advice` holds message keys of
    /// zxcvbn's warning and suggestions.
    Guessable {
        advice: Vec<&'static str>,
    },
}

impl Refusal {
    /// Short stable name for audit records, metrics and reports.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::TooShort { .. } => "quality_too_short",
            Refusal::TooFewClasses { .. } => "quality_classes",
            Refusal::OwnName => "quality_own_name",
            Refusal::Banned => "quality_banned",
            Refusal::Breached => "quality_breached",
            Refusal::Guessable { .. } => "quality_guessable",
        }
    }

    /// The message key of the sentence for the person.
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::TooShort { .. } => "quality-too-short",
            Refusal::TooFewClasses { .. } => "quality-classes",
            Refusal::OwnName => "quality-own-name",
            Refusal::Banned => "quality-banned",
            Refusal::Breached => "quality-breached",
            Refusal::Guessable { .. } => "quality-guessable",
        }
    }

    /// The one number the sentence names, if any.
    pub fn arg(&self) -> Option<(&'static str, usize)> {
        match self {
            Refusal::TooShort { min } | Refusal::TooFewClasses { min } => Some(("min", *min)),
            _ => None,
        }
    }

    /// Message keys of the advice that follows the sentence (zxcvbn's feedback).
    pub fn advice(&self) -> &[&'static str] {
        match self {
            Refusal::Guessable { advice } => advice,
            _ => &[],
        }
    }
}

/// Every audit reason code `check` can give.
pub const CODES: [&str; 6] = [
    "quality_too_short",
    "quality_classes",
    "quality_own_name",
    "quality_banned",
    "quality_breached",
    "quality_guessable",
];

/// Names a password must not contain: what is known of whose password it is.
#[derive(Debug, Clone, Default)]
pub struct Person {
    /// Lower-cased, at least three characters each, no repeats.
    names: Vec<String>,
}

impl Person {
    /// Only what someone typed as their username (no directory look-up).
    pub fn typed(username: &str) -> Person {
        let mut person = Person::default();
        person.add_login(username);
        person
    }

    /// An account as the directory knows it: login, display name, addresses.
    pub fn of(user: &DirUser) -> Person {
        let mut person = Person::default();
        person.add_login(&user.login);
        person.add_words(&user.display_name);
        for address in &user.emails {
            person.add_login(address);
        }
        person
    }

    /// Both sets of names.
    pub fn and(mut self, other: Person) -> Person {
        for name in other.names {
            self.add(name);
        }
        self
    }

    /// The names, for zxcvbn's user inputs.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// A login or address: the whole of it (its local part, for an address) and its words.
    fn add_login(&mut self, login: &str) {
        let login = login.trim();
        let local = login.split_once('@').map_or(login, |(local, _)| local);
        self.add(local.to_lowercase());
        self.add_words(local);
    }

    /// Each word of a name such as "Alice van Archer" or "a.archer".
    fn add_words(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            self.add(word.to_lowercase());
        }
    }

    fn add(&mut self, name: String) {
        // Like Active Directory, names of fewer than three characters do not count.
        if name.chars().count() >= 3 && !self.names.contains(&name) {
            self.names.push(name);
        }
    }
}

/// The breached list: one password per line, lower-case (see `common_passwords.LICENSE`).
static BREACHED: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("common_passwords.txt").lines().filter(|l| !l.is_empty()).collect());

/// How many passwords the shipped breached list holds.
pub fn breached_list_len() -> usize {
    BREACHED.len()
}

/// Judges `password` for `person` against `[password]` (and the organisation's name, which
/// counts as a banned term). `Err` lists every rule it breaks, in a fixed order.
pub fn check(config: &Config, person: &Person, password: &str) -> Result<(), Vec<Refusal>> {
    judge(config, person, password, true)
}

/// [`check`] without the strength estimate, which costs more than every other rule together:
/// for a first look before the account is known, when [`check`] follows once it is.
pub fn check_rules(config: &Config, person: &Person, password: &str) -> Result<(), Vec<Refusal>> {
    judge(config, person, password, false)
}

fn judge(config: &Config, person: &Person, password: &str, estimate: bool) -> Result<(), Vec<Refusal>> {
    let rules = &config.password;
    let mut refusals = Vec::new();
    let length = password.chars().count();
    if length < rules.min_length {
        refusals.push(Refusal::TooShort { min: rules.min_length });
    }
    if classes(password) < rules.min_classes {
        refusals.push(Refusal::TooFewClasses { min: rules.min_classes });
    }
    let lower = password.to_lowercase();
    let normalised = normalise(password);
    if contains_a_name(&lower, &normalised, person) {
        refusals.push(Refusal::OwnName);
    }
    if rules.check_breached && (BREACHED.contains(lower.as_str()) || BREACHED.contains(normalised.as_str())) {
        refusals.push(Refusal::Breached);
    }
    // Without a term found, fewer than five points means fewer than five characters, which
    // `password.min_length` (at least five) has refused already.
    if banned::of(config).refuses(&normalised) {
        refusals.push(Refusal::Banned);
    }
    if estimate && rules.min_score > 0 {
        let mut inputs: Vec<&str> = person.names().iter().map(String::as_str).collect();
        inputs.extend(rules.banned_terms.iter().map(String::as_str));
        inputs.push(&config.server.organisation);
        let estimate = zxcvbn::zxcvbn(password, &inputs);
        if u8::from(estimate.score()) < rules.min_score {
            let mut advice = advice(estimate.feedback(), rules.min_classes);
            // "A very common password" says again what the breached refusal says.
            if refusals.contains(&Refusal::Breached) {
                advice
                    .retain(|k| !matches!(*k, "quality-warn-top-10" | "quality-warn-top-100" | "quality-warn-common"));
            }
            refusals.push(Refusal::Guessable { advice });
        }
    }
    if refusals.is_empty() { Ok(()) } else { Err(refusals) }
}

/// Lower-case, with the common look-alike substitutions undone (`P@55w0rd` → `password`).
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' | '|' => 'l',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' => 't',
            '!' => 'i',
            other => other,
        })
        .collect()
}

/// Of lower-case letters, capitals, digits and everything else (symbols, spaces, letters of
/// scripts without case), how many kinds the password uses.
fn classes(password: &str) -> usize {
    let mut seen = [false; 4];
    for c in password.chars() {
        let class = if c.is_lowercase() {
            0
        } else if c.is_uppercase() {
            1
        } else if c.is_numeric() {
            2
        } else {
            3
        };
        seen[class] = true;
    }
    seen.iter().filter(|s| **s).count()
}

/// Whether the password holds one of the person's names: as typed (any case) for names of
/// three characters or more, and with substitutions undone for names of four or more (shorter
/// ones would turn up by chance in the digits of a random password).
fn contains_a_name(lower: &str, normalised: &str, person: &Person) -> bool {
    person.names.iter().any(|name| {
        lower.contains(name.as_str()) || (name.chars().count() >= 4 && normalised.contains(normalise(name).as_str()))
    })
}

/// zxcvbn's warning and suggestions as message keys, so they can be said in every language.
/// "No need for symbols, digits or capitals" is left out where the class rule wants them.
fn advice(feedback: Option<&zxcvbn::feedback::Feedback>, min_classes: usize) -> Vec<&'static str> {
    use zxcvbn::feedback::{Suggestion as S, Warning as W};
    let Some(feedback) = feedback else { return vec!["quality-tip-another-word"] };
    let warning = feedback.warning().map(|w| match w {
        W::StraightRowsOfKeysAreEasyToGuess => "quality-warn-keyboard-rows",
        W::ShortKeyboardPatternsAreEasyToGuess => "quality-warn-keyboard-short",
        W::RepeatsLikeAaaAreEasyToGuess => "quality-warn-repeats",
        W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => "quality-warn-repeated-groups",
        W::ThisIsATop10Password => "quality-warn-top-10",
        W::ThisIsATop100Password => "quality-warn-top-100",
        W::ThisIsACommonPassword => "quality-warn-common",
        W::ThisIsSimilarToACommonlyUsedPassword => "quality-warn-similar",
        W::SequencesLikeAbcAreEasyToGuess => "quality-warn-sequences",
        W::RecentYearsAreEasyToGuess => "quality-warn-recent-years",
        W::AWordByItselfIsEasyToGuess => "quality-warn-word",
        W::DatesAreOftenEasyToGuess => "quality-warn-dates",
        W::NamesAndSurnamesByThemselvesAreEasyToGuess => "quality-warn-names",
        W::CommonNamesAndSurnamesAreEasyToGuess => "quality-warn-common-names",
    });
    let suggestions = feedback.suggestions().iter().filter_map(|s| match s {
        S::UseAFewWordsAvoidCommonPhrases => Some("quality-tip-few-words"),
        S::NoNeedForSymbolsDigitsOrUppercaseLetters if min_classes > 1 => None,
        S::NoNeedForSymbolsDigitsOrUppercaseLetters => Some("quality-tip-no-symbols-needed"),
        S::AddAnotherWordOrTwo => Some("quality-tip-another-word"),
        S::CapitalizationDoesntHelpVeryMuch => Some("quality-tip-capitals"),
        S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => Some("quality-tip-all-capitals"),
        S::ReversedWordsArentMuchHarderToGuess => Some("quality-tip-reversed"),
        S::PredictableSubstitutionsDontHelpVeryMuch => Some("quality-tip-substitutions"),
        S::UseALongerKeyboardPatternWithMoreTurns => Some("quality-tip-keyboard"),
        S::AvoidRepeatedWordsAndCharacters => Some("quality-tip-repeats"),
        S::AvoidSequences => Some("quality-tip-sequences"),
        S::AvoidRecentYears => Some("quality-tip-recent-years"),
        S::AvoidYearsThatAreAssociatedWithYou => Some("quality-tip-your-years"),
        S::AvoidDatesAndYearsThatAreAssociatedWithYou => Some("quality-tip-your-dates"),
    });
    let mut keys: Vec<&'static str> = warning.into_iter().chain(suggestions).collect();
    if keys.is_empty() {
        keys.push("quality-tip-another-word");
    }
    keys
}

/// Every message key `check` can name, for the catalogue tests.
pub const MESSAGE_KEYS: &[&str] = &[
    "quality-too-short",
    "quality-classes",
    "quality-own-name",
    "quality-banned",
    "quality-breached",
    "quality-guessable",
    "quality-warn-keyboard-rows",
    "quality-warn-keyboard-short",
    "quality-warn-repeats",
    "quality-warn-repeated-groups",
    "quality-warn-top-10",
    "quality-warn-top-100",
    "quality-warn-common",
    "quality-warn-similar",
    "quality-warn-sequences",
    "quality-warn-recent-years",
    "quality-warn-word",
    "quality-warn-dates",
    "quality-warn-names",
    "quality-warn-common-names",
    "quality-tip-few-words",
    "quality-tip-no-symbols-needed",
    "quality-tip-another-word",
    "quality-tip-capitals",
    "quality-tip-all-capitals",
    "quality-tip-reversed",
    "quality-tip-substitutions",
    "quality-tip-keyboard",
    "quality-tip-repeats",
    "quality-tip-sequences",
    "quality-tip-recent-years",
    "quality-tip-your-years",
    "quality-tip-your-dates",
];

#[cfg(test)]
mod tests;
