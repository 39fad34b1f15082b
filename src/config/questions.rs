//! `[questions]`: security questions (method `questions`): which questions people pick from,
//! how many they register and how many they answer. The ids of the built-in questions live
//! here, below `factors::questions` (which normalises, hashes and checks answers), so the
//! configuration can check them without reaching up.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The questions built in, each translated in every catalogue as `question-<id>`.
pub const BUILTIN: [&str; 8] = [
    "first-pet",
    "birth-city",
    "first-school",
    "childhood-friend",
    "first-car",
    "favourite-teacher",
    "first-job",
    "parents-met",
];

/// Security questions (method `questions`): which questions people pick from, how many they
/// register and how many they answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct QuestionsConfig {
    /// Built-in questions offered, by id (each translated into every language).
    pub builtin: Vec<String>,
    /// The organisation's own questions, each with its words per language code.
    pub custom: Vec<CustomQuestion>,
    /// People may also write a question of their own. Such a question is shown when someone
    /// resets the account, which tells whoever typed the username that it has registered.
    pub allow_own: bool,
    /// Questions a person answers when registering.
    pub to_register: usize,
    /// Questions asked (of those registered) to prove it is them.
    pub to_answer: usize,
    /// Fewest letters or digits in an answer.
    pub min_answer_chars: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CustomQuestion {
    pub id: String,
    /// Language code → the question, e.g. `{ en = "Your badge colour?", de = "…" }`.
    pub text: BTreeMap<String, String>,
}

impl Default for QuestionsConfig {
    fn default() -> Self {
        QuestionsConfig {
            builtin: BUILTIN.iter().map(|s| (*s).to_owned()).collect(),
            custom: vec![],
            allow_own: false,
            to_register: 3,
            to_answer: 2,
            min_answer_chars: 3,
        }
    }
}

impl QuestionsConfig {
    /// `used`: `policy.methods` offers questions; `default_language`: `server.default_lang`,
    /// which every custom question must be written in.
    pub(super) fn validate(&self, used: bool, default_language: &str, err: &mut impl FnMut(&str, String)) {
        let q = self;
        for (i, id) in q.builtin.iter().enumerate() {
            if !BUILTIN.contains(&id.as_str()) {
                err(&format!("questions.builtin[{i}]"), format!("expected one of {}, got {id:?}", BUILTIN.join(", ")));
            }
        }
        for (i, c) in q.custom.iter().enumerate() {
            let ok_id = !c.id.is_empty() && c.id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
            if !ok_id || q.builtin.contains(&c.id) || q.custom[..i].iter().any(|o| o.id == c.id) {
                err(
                    &format!("questions.custom[{i}].id"),
                    format!("expected a new id of letters, digits, - or _, got {:?}", c.id),
                );
            }
            if !c.text.contains_key(default_language) {
                err(
                    &format!("questions.custom[{i}].text"),
                    format!("needs the question in the default language ({default_language})"),
                );
            }
            if let Some(lang) = c.text.keys().find(|l| crate::i18n::Lang::parse(l).is_none()) {
                err(
                    &format!("questions.custom[{i}].text"),
                    format!("expected language codes {}, got {lang:?}", crate::i18n::Lang::codes()),
                );
            }
        }
        if !(1..=10).contains(&q.to_register) {
            err("questions.to_register", format!("expected 1 to 10, got {}", q.to_register));
        }
        if q.to_answer == 0 || q.to_answer > q.to_register {
            err(
                "questions.to_answer",
                format!("expected 1 to questions.to_register ({}), got {}", q.to_register, q.to_answer),
            );
        }
        if !(1..=64).contains(&q.min_answer_chars) {
            err("questions.min_answer_chars", format!("expected 1 to 64, got {}", q.min_answer_chars));
        }
        let offered = q.builtin.len() + q.custom.len();
        if used && !q.allow_own && offered < q.to_register {
            err(
                "questions.to_register",
                format!(
                    "{} questions must be registered but only {offered} are offered (builtin and custom)",
                    q.to_register
                ),
            );
        }
    }
}
