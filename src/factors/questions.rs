//! Security questions: which questions exist, how an answer is normalised, and how it is kept
//! (an argon2 hash, never the answer).
//!
//! Answers are normalised before hashing and before checking, so `  Café au Lait ` and
//! `cafe au lait` are the same answer: Unicode compatibility decomposition, accents removed,
//! lower-cased, punctuation dropped, runs of white space made one space.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization as _;
use unicode_normalization::char::is_combining_mark;
use zeroize::Zeroizing;

use crate::config::QuestionsConfig;
use crate::i18n::Lang;

/// The questions built in, each translated in every catalogue as `question-<id>` (their ids
/// live in the configuration, which checks them).
pub use crate::config::questions::BUILTIN;

/// A question as stored with its answer: one of the pool, or the person's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    /// A built-in or admin-defined question, by id.
    Pool(String),
    /// The person's own question (when `questions.allow_own`).
    Own(String),
}

/// One registered question with its answer's hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Answered {
    pub question: Question,
    /// argon2id in PHC string format.
    pub hash: String,
}

/// What a questions method holds, sealed in the store.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuestionSet {
    pub items: Vec<Answered>,
}

/// The ids of the questions people may pick, in the configured order.
pub fn pool(config: &QuestionsConfig) -> Vec<String> {
    config.builtin.iter().cloned().chain(config.custom.iter().map(|c| c.id.clone())).collect()
}

/// A question's words in `lang` (falling back to the default language, then any).
pub fn text(config: &QuestionsConfig, default: Lang, q: &Question, lang: Lang) -> String {
    match q {
        Question::Own(words) => words.clone(),
        Question::Pool(id) => match config.custom.iter().find(|c| &c.id == id) {
            Some(c) => c
                .text
                .get(lang.code())
                .or_else(|| c.text.get(default.code()))
                .or_else(|| c.text.values().next())
                .cloned()
                .unwrap_or_default(),
            None => lang.t(&format!("question-{id}")),
        },
    }
}

/// The answer as compared: see the module documentation.
pub fn normalise(answer: &str) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(answer.len()));
    let mut space = false;
    for c in answer.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else if c.is_whitespace() {
            space = true;
        }
        // Punctuation is dropped: "O'Neill" and "oneill" are one answer.
    }
    out
}

/// Why an answer cannot be registered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerProblem {
    TooShort,
    Repeated,
    SameAsQuestion,
}

impl AnswerProblem {
    pub fn advice(self) -> &'static str {
        match self {
            AnswerProblem::TooShort => "questions-answer-short",
            AnswerProblem::Repeated => "questions-answer-repeated",
            AnswerProblem::SameAsQuestion => "questions-answer-is-question",
        }
    }
}

/// Checks a set of answers to register: each long enough, none the same as another, none
/// merely repeating its question. Returns the first problem per answer.
pub fn check_answers(min_chars: usize, pairs: &[(String, &str)]) -> Vec<Option<AnswerProblem>> {
    let normalised: Vec<Zeroizing<String>> = pairs.iter().map(|(_, a)| normalise(a)).collect();
    normalised
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if n.chars().filter(|c| !c.is_whitespace()).count() < min_chars {
                Some(AnswerProblem::TooShort)
            } else if normalised[..i].iter().any(|m| m.as_str() == n.as_str()) {
                Some(AnswerProblem::Repeated)
            } else if normalise(&pairs[i].0).as_str() == n.as_str() {
                Some(AnswerProblem::SameAsQuestion)
            } else {
                None
            }
        })
        .collect()
}

/// The argon2id hash of the normalised answer.
pub fn hash(answer: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(normalise(answer).as_bytes(), &salt)?.to_string())
}

/// Whether `answer` matches the stored hash. A malformed hash never matches.
pub fn verify(stored: &str, answer: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else { return false };
    Argon2::default().verify_password(normalise(answer).as_bytes(), &parsed).is_ok()
}

/// A hash no answer matches, for checking answers against an account that has none (the same
/// work as a real check).
pub fn decoy_hash() -> String {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash(&uuid::Uuid::new_v4().to_string()).unwrap_or_default()).clone()
}

/// Picks `n` of `len` positions in an order fixed by `seed`: the same account is always asked
/// the same questions, so asking again cannot be used to shop for easier ones, and an account
/// without questions gets a fixed, plausible set too.
pub fn pick(seed: &[u8], len: usize, n: usize) -> Vec<usize> {
    let mut order: Vec<(Vec<u8>, usize)> = (0..len)
        .map(|i| {
            let mut key = seed.to_vec();
            key.extend_from_slice(&(i as u64).to_be_bytes());
            (ring::digest::digest(&ring::digest::SHA256, &key).as_ref().to_vec(), i)
        })
        .collect();
    order.sort();
    let mut picked: Vec<usize> = order.into_iter().take(n).map(|(_, i)| i).collect();
    picked.sort_unstable();
    picked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_compared_without_case_accents_punctuation_or_extra_spaces() {
        assert_eq!(normalise("  Café   au LAIT ").as_str(), "cafe au lait");
        assert_eq!(normalise("O'Neill-Street").as_str(), "oneillstreet");
        assert_eq!(normalise("Ｍünchen").as_str(), "munchen");
        assert_eq!(normalise("São\tPaulo\n").as_str(), "sao paulo");
        let h = hash("Rex the Dog").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(!h.to_lowercase().contains("rex"));
        assert!(verify(&h, "  rex THE dog"));
        assert!(!verify(&h, "rex the cat"));
        assert!(!verify("not a hash", "rex the dog"));
        assert!(!verify(&decoy_hash(), ""));
    }

    #[test]
    fn short_repeated_and_echoing_answers_are_refused() {
        let pairs = vec![
            ("Your first pet?".to_owned(), "Rex"),
            ("Your birth city?".to_owned(), " rex "),
            ("Your first school?".to_owned(), "ab"),
            ("Your first car".to_owned(), "your first car"),
            ("Your favourite teacher".to_owned(), "Mrs Hopkins"),
        ];
        assert_eq!(
            check_answers(3, &pairs),
            vec![
                None,
                Some(AnswerProblem::Repeated),
                Some(AnswerProblem::TooShort),
                Some(AnswerProblem::SameAsQuestion),
                None
            ]
        );
    }

    #[test]
    fn every_built_in_question_is_in_every_language() {
        for lang in Lang::ALL {
            for id in BUILTIN {
                let key = format!("question-{id}");
                let text = lang.t(&key);
                assert!(text != key && text.ends_with('?'), "{key} in {}: {text:?}", lang.code());
            }
        }
    }

    #[test]
    fn the_same_seed_picks_the_same_questions() {
        let a = pick(b"user-1", 8, 2);
        assert_eq!(a, pick(b"user-1", 8, 2));
        assert_eq!(a.len(), 2);
        assert!(a[0] < a[1] && a[1] < 8);
        let spread: std::collections::BTreeSet<Vec<usize>> =
            (0..50).map(|i| pick(format!("user-{i}").as_bytes(), 8, 2)).collect();
        assert!(spread.len() > 10, "different accounts get different questions");
        assert_eq!(pick(b"x", 3, 5), vec![0, 1, 2]);
    }
}
