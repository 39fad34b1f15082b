//! The pages that check one method (a code, the security questions, a passkey) and the forms
//! they post. A recovery (`recovery`) and the registration's proof step (`binding`) show the
//! same templates (`templates/recovery/`), each under its own `base` path.

use std::collections::BTreeMap;

use askama::Template;
use secrecy::SecretString;
use serde::Deserialize;

use super::csrf::has_csrf;
use super::error::Error;
use super::pages::{Layout, Step};
use crate::config::MethodKind;
use crate::factors::questions::Question;
use crate::flow::Services;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "recovery/code.html")]
pub(super) struct CodePage {
    pub(super) l: Layout,
    pub(super) base: &'static str,
    pub(super) kind: &'static str,
    pub(super) error: Option<String>,
    pub(super) ttl_minutes: u64,
    pub(super) step: Step,
    /// The SMS gateway's last message failed: say so, the same for every account.
    pub(super) sms_failing: bool,
}

impl CodePage {
    /// The page for a code sent (or shown in an app) by `kind`, with `error` under the field.
    pub(super) fn new(
        s: &Services,
        l: Layout,
        base: &'static str,
        kind: MethodKind,
        error: Option<String>,
        step: Step,
    ) -> CodePage {
        CodePage {
            l,
            base,
            kind: kind.as_str(),
            error,
            ttl_minutes: s.config.codes.ttl_secs / 60,
            step,
            sms_failing: kind == MethodKind::Sms && crate::flow::sms::gateway_failing(s),
        }
    }

    /// The heading: how the code came.
    fn title(&self) -> String {
        self.l.t(match self.kind {
            "email" => "code-email-title",
            "sms" => "code-sms-title",
            _ => "code-totp-title",
        })
    }

    /// The sentence under the heading: how long a sent code lasts, or where an app shows it.
    fn lead(&self) -> String {
        match self.kind {
            "email" => self.l.t1("code-email-lead", "minutes", self.ttl_minutes),
            "sms" => self.l.t1("code-sms-lead", "minutes", self.ttl_minutes),
            _ => self.l.t("code-totp-lead"),
        }
    }
}

#[derive(Template)]
#[template(path = "recovery/questions.html")]
pub(super) struct QuestionsPage {
    pub(super) l: Layout,
    pub(super) base: &'static str,
    pub(super) questions: Vec<String>,
    pub(super) error: Option<String>,
    pub(super) step: Step,
}

#[derive(Template)]
#[template(path = "recovery/passkey.html")]
pub(super) struct PasskeyPage {
    pub(super) l: Layout,
    pub(super) base: &'static str,
    pub(super) error: Option<String>,
    pub(super) step: Step,
}

/// The answers: `a0`, `a1`, … in the order the questions were shown.
#[derive(Deserialize)]
pub(super) struct AnswersForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    fields: BTreeMap<String, SecretString>,
}

impl AnswersForm {
    /// The first `n` answers in the order shown; a missing one is empty.
    pub(super) fn answers(&self, n: usize) -> Vec<SecretString> {
        (0..n).map(|i| self.fields.get(&format!("a{i}")).cloned().unwrap_or_else(|| SecretString::from(""))).collect()
    }
}

/// The browser's answer (JSON), filled in by static/passkey.js.
#[derive(Deserialize)]
pub(super) struct PasskeyForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    pub(super) credential: String,
}

has_csrf!(AnswersForm, PasskeyForm);

/// The questions asked, each in the person's language (the default language's words where
/// a question has none in theirs).
pub(super) fn question_texts(s: &Services, lang: Lang, asked: &[Question]) -> Vec<String> {
    let config = &s.config.questions;
    let default = s.config.default_lang();
    asked.iter().map(|q| crate::factors::questions::text(config, default, q, lang)).collect()
}

/// The attempt a method page belongs to: a reset or unlock (`recovery`), or the registration's
/// proof step (`binding`).
pub(super) trait MethodAttempt {
    /// The methods the person may use in it now.
    async fn choices(&self, s: &Services) -> Result<Vec<MethodKind>, Error>;
}

/// Whether `kind`'s page may show: it is one of the attempt's choices. (Otherwise the page
/// sends the person back to them.)
pub(super) async fn offered(s: &Services, attempt: &impl MethodAttempt, kind: MethodKind) -> Result<bool, Error> {
    Ok(attempt.choices(s).await?.contains(&kind))
}
