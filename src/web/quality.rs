//! The new-password field that change and reset share: its rules, and why the last password
//! was refused, one sentence each. The live hint behind the field is `password_check`.

use crate::flow::Services;
use crate::i18n::Lang;
use crate::policy::quality::Refusal;

/// What the new-password field shows besides its label.
pub struct NewPasswordField {
    /// The rules, said before anyone types.
    pub rules: String,
    /// Why the password just sent was refused, one sentence each (empty otherwise).
    pub problems: Vec<String>,
}

impl NewPasswordField {
    pub fn new(s: &Services, lang: Lang) -> NewPasswordField {
        let rules = &s.config.password;
        NewPasswordField {
            rules: lang
                .t_with("quality-rules", &[("length", rules.min_length.into()), ("classes", rules.min_classes.into())]),
            problems: Vec::new(),
        }
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
