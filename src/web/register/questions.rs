//! Registering security questions.

use super::*;

/// What can be wrong with an answer (shown under the answer, not the question).
pub(super) const ANSWER_PROBLEMS: [crate::factors::questions::AnswerProblem; 3] = [
    crate::factors::questions::AnswerProblem::TooShort,
    crate::factors::questions::AnswerProblem::Repeated,
    crate::factors::questions::AnswerProblem::SameAsQuestion,
];

/// One question of the registration form as the person left it.
pub(super) struct QuestionRow {
    selected: String,
    own: String,
    question_error: Option<String>,
    answer_error: Option<String>,
}

#[derive(Template)]
#[template(path = "register/questions.html")]
pub(super) struct QuestionsPage {
    l: Layout,
    step: Step,
    rows: Vec<QuestionRow>,
    /// (id, words) of every question on offer.
    options: Vec<(String, String)>,
    allow_own: bool,
    min_chars: usize,
    any_error: bool,
}

/// The form: `q<i>` (a question id or `own`), `own<i>` (the person's own words), `a<i>` (the
/// answer). Everything but the token is kept as a secret until it is known to be a question.
#[derive(Deserialize)]
pub(super) struct QuestionsForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    fields: std::collections::BTreeMap<String, SecretString>,
}

has_csrf!(QuestionsForm);

pub(super) fn questions_view(p: &Page, rows: Vec<QuestionRow>) -> Result<Response, Error> {
    let (s, ctx) = (&p.s, &p.ctx);
    let config = &s.config.questions;
    let default = s.config.default_lang();
    let options = crate::factors::questions::pool(config)
        .into_iter()
        .map(|id| {
            let text = crate::factors::questions::text(
                config,
                default,
                &crate::factors::questions::Question::Pool(id.clone()),
                ctx.lang,
            );
            (id, text)
        })
        .collect();
    let any_error = rows.iter().any(|r| r.question_error.is_some() || r.answer_error.is_some());
    let page = QuestionsPage {
        l: p.layout("questions-register-title"),
        step: steps(ctx, 3),
        rows,
        options,
        allow_own: config.allow_own,
        min_chars: config.min_answer_chars,
        any_error,
    };
    form_page(&page, any_error)
}

pub(super) async fn questions_page(p: Page) -> Result<Response, Error> {
    if current(&p.session).await?.is_none() {
        return Ok(Redirect::to("/register").into_response());
    }
    let config = &p.s.config;
    if !crate::policy::method_allowed(&config.policy, MethodKind::Questions) {
        return Ok(to_methods());
    }
    let pool = crate::factors::questions::pool(&config.questions);
    let rows = (0..config.questions.to_register)
        .map(|i| QuestionRow {
            selected: pool.get(i).cloned().unwrap_or_else(|| "own".into()),
            own: String::new(),
            question_error: None,
            answer_error: None,
        })
        .collect();
    questions_view(&p, rows)
}

pub(super) async fn save_questions(p: Page, Verified(form): Verified<QuestionsForm>) -> Result<Response, Error> {
    use crate::factors::questions::Question;
    let (s, ctx) = (&p.s, &p.ctx);
    let e = required(&p.session).await?;
    let field = |name: String| form.fields.get(&name).map(|v| v.expose_secret().trim().to_owned()).unwrap_or_default();
    let n = s.config.questions.to_register;
    let mut answers = Vec::with_capacity(n);
    let mut rows = Vec::with_capacity(n);
    for i in 0..n {
        let selected: String = field(format!("q{i}")).chars().take(64).collect();
        let own: String = field(format!("own{i}")).chars().take(200).collect();
        let question = if selected == "own" { Question::Own(own.clone()) } else { Question::Pool(selected.clone()) };
        let answer = form.fields.get(&format!("a{i}")).cloned().unwrap_or_else(|| SecretString::from(""));
        answers.push((question, answer));
        rows.push(QuestionRow { selected, own, question_error: None, answer_error: None });
    }
    match enrol::save_questions(s, &p.who, &e, &answers).await? {
        enrol::QuestionsOutcome::Saved => {
            p.session.insert(NOTICE, "methods-added").await?;
            Ok(to_methods())
        }
        enrol::QuestionsOutcome::Refused(problems) => {
            for (row, problem) in rows.iter_mut().zip(problems) {
                match problem {
                    Some(key) if ANSWER_PROBLEMS.iter().any(|p| p.advice() == key) => {
                        row.answer_error = Some(ctx.lang.t(key))
                    }
                    Some(key) => row.question_error = Some(ctx.lang.t(key)),
                    None => {}
                }
            }
            questions_view(&p, rows)
        }
    }
}
