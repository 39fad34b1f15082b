//! `[password]`: what a new password must be before the directory is asked to set it.

use serde::{Deserialize, Serialize};

/// What a new password must be before the directory is asked to set it (`policy::quality`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PasswordConfig {
    /// Fewest characters (5 to 128).
    pub min_length: usize,
    /// Of lower-case letters, capitals, digits and symbols, how many kinds must appear (1 to 4).
    pub min_classes: usize,
    /// The organisation's own banned terms, added to the built-in list and its name.
    pub banned_terms: Vec<String>,
    /// Lowest zxcvbn strength score accepted (0 to 4; 0 turns the estimate off).
    pub min_score: u8,
    /// Refuse passwords on the shipped list of commonly breached passwords.
    pub check_breached: bool,
}

impl Default for PasswordConfig {
    fn default() -> Self {
        PasswordConfig { min_length: 8, min_classes: 3, banned_terms: vec![], min_score: 3, check_breached: true }
    }
}

impl PasswordConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        if !(5..=128).contains(&self.min_length) {
            err("password.min_length", format!("expected 5 to 128, got {}", self.min_length));
        }
        if !(1..=4).contains(&self.min_classes) {
            err("password.min_classes", format!("expected 1 to 4, got {}", self.min_classes));
        }
        if self.min_score > 4 {
            err("password.min_score", format!("expected 0 to 4, got {}", self.min_score));
        }
        for (i, term) in self.banned_terms.iter().enumerate() {
            if !(3..=64).contains(&term.trim().chars().count()) {
                err(&format!("password.banned_terms[{i}]"), format!("expected 3 to 64 characters, got {term:?}"));
            }
        }
    }
}
