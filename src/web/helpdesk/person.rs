//! A person's page in the console, and the posts made from it: start and answer a caller
//! check, mail a confirmation link, act on the account, approve or reject another member's request.

use super::*;
use crate::flow::codes::CodeCheck;
use crate::flow::helpdesk::{Acted, Action, Approved, CallerCheck, Checked, Confirmation, Person};
use crate::web::csrf::{CodeForm, Verified, has_csrf};

/// The caller check under way, in the member's session.
const CHECK: &str = "helpdesk.check";

#[derive(Template)]
#[template(path = "helpdesk/person.html")]
struct PersonPage {
    l: Layout,
    bar: Bar,
    p: Person,
    /// A check of this person's caller is waiting for the code they read back.
    checking: Option<String>,
    /// A note after a post (catalogue key already looked up) and whether it was a refusal.
    note: Option<(String, bool)>,
    /// The error next to the code field.
    code_error: Option<String>,
    actions: [Action; 4],
}

impl PersonPage {
    fn when(&self, at: &i64) -> String {
        crate::report::time_text(*at)
    }

    fn kind_name(&self, kind: &str) -> String {
        self.l.t(&format!("admin-method-{kind}"))
    }

    /// The words on a method's button: ask for the app's code, or send one.
    fn verb(&self, kind: &str) -> String {
        self.l.t(if kind == "totp" { "helpdesk-ask-app-code" } else { "helpdesk-send-code" })
    }

    fn code_kind(&self, kind: &str) -> bool {
        matches!(kind, "email" | "sms" | "totp")
    }

    fn action_name(&self, a: &Action) -> String {
        self.l.t(&format!("helpdesk-action-{}", a.as_str().replace('_', "-")))
    }

    fn four_eyes(&self) -> bool {
        self.p.reach == helpdesk::Reach::FourEyes
    }

    /// What became of the newest confirmation link, in words.
    fn confirmation_text(&self) -> Option<String> {
        Some(match self.p.confirmation? {
            Confirmation::Waiting { until } => {
                self.l.t1("helpdesk-confirm-waiting", "until", self.when(&until).as_str())
            }
            Confirmation::Confirmed { at } => self.l.t1("helpdesk-confirm-confirmed", "at", self.when(&at).as_str()),
            Confirmation::Ended => self.l.t("helpdesk-confirm-ended"),
        })
    }

    /// Whether the newest confirmation link is still waiting for the person.
    fn confirmation_waiting(&self) -> bool {
        matches!(self.p.confirmation, Some(Confirmation::Waiting { .. }))
    }

    /// This page again (the refresh link while a confirmation is waiting).
    fn self_href(&self) -> String {
        format!(
            "/helpdesk/person?{}",
            url::form_urlencoded::Serializer::new(String::new()).append_pair("login", &self.p.user.login).finish()
        )
    }

    fn never(&self) -> Option<String> {
        match self.p.reach {
            helpdesk::Reach::Own => Some(self.l.t("helpdesk-refused-own")),
            helpdesk::Reach::OutOfReach => Some(self.l.t("helpdesk-refused-out-of-reach")),
            _ => None,
        }
    }
}

#[derive(Deserialize)]
pub(super) struct Who_ {
    login: Option<String>,
}

/// What a post answers with on the person's page.
struct Answer {
    status: StatusCode,
    /// A note (catalogue words) and whether it is a refusal.
    note: Option<(String, bool)>,
    /// The error next to the code field.
    code_error: Option<String>,
}

impl Answer {
    fn new(status: StatusCode, note: Option<(String, bool)>, code_error: Option<String>) -> Answer {
        Answer { status, note, code_error }
    }
}

async fn render(req: &Page, m: &Admin, login: &str, answer: Answer) -> Result<Response, Error> {
    let (s, ctx, csrf, session) = (&*req.s, &req.ctx, &req.csrf, &req.session);
    let Answer { status, note, code_error } = answer;
    let Some(p) = helpdesk::person(s, m, login).await? else { return Err(Error::NotFound) };
    let checking = session
        .get::<CallerCheck>(CHECK)
        .await?
        .filter(|c| c.user_id == p.user.id.0 && c.member_id == m.user_id && c.expires_at > s.clock.now())
        .map(|c| c.kind.as_str().to_owned());
    let page = PersonPage {
        l: Layout::with_csrf(s, ctx, "helpdesk-person-title", csrf),
        bar: Bar::new(m),
        p,
        checking,
        note,
        code_error,
        actions: Action::ALL,
    };
    Ok((status, html(&page)?).into_response())
}

pub(super) async fn page(req: Page, Member(m): Member, Query(q): Query<Who_>) -> Result<Response, Error> {
    let login = q.login.unwrap_or_default();
    render(&req, &m, &login, Answer::new(StatusCode::OK, None, None)).await
}

#[derive(Deserialize)]
pub(super) struct StartForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    method: String,
}

#[derive(Deserialize)]
pub(super) struct ActForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize)]
pub(super) struct ApproveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
}

#[derive(Deserialize)]
pub(super) struct RejectForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    reason: String,
}

has_csrf!(StartForm, ActForm, ApproveForm, RejectForm);

pub(super) async fn start_check(
    req: Page,
    Member(m): Member,
    Verified(form): Verified<StartForm>,
) -> Result<Response, Error> {
    let (s, ctx, who, session) = (&req.s, &req.ctx, &req.who, &req.session);
    match helpdesk::begin_check(s, who, &m, &form.login, &form.method).await? {
        Some(check) => {
            session.insert(CHECK, check).await?;
            render(&req, &m, &form.login, Answer::new(StatusCode::OK, None, None)).await
        }
        None => {
            let note = Some((ctx.lang.t("helpdesk-check-not-allowed"), true));
            render(&req, &m, &form.login, Answer::new(StatusCode::FORBIDDEN, note, None)).await
        }
    }
}

pub(super) async fn send_confirmation(
    req: Page,
    Member(m): Member,
    Verified(form): Verified<StartForm>,
) -> Result<Response, Error> {
    let (s, ctx, who) = (&req.s, &req.ctx, &req.who);
    let (status, note) = if helpdesk::send_confirmation(s, who, &m, &form.login).await? {
        (StatusCode::OK, (ctx.lang.t("helpdesk-confirm-sent"), false))
    } else {
        (StatusCode::FORBIDDEN, (ctx.lang.t("helpdesk-check-not-allowed"), true))
    };
    render(&req, &m, &form.login, Answer::new(status, Some(note), None)).await
}

pub(super) async fn check(req: Page, Member(m): Member, Verified(form): Verified<CodeForm>) -> Result<Response, Error> {
    let (s, ctx, who, session) = (&req.s, &req.ctx, &req.who, &req.session);
    let Some(c) = session.get::<CallerCheck>(CHECK).await? else {
        return Err(Error::Flow(crate::flow::FlowError::Expired));
    };
    let login = c.login.clone();
    let answer = |status, note, error| render(&req, &m, &login, Answer::new(status, note, error));
    match helpdesk::check_caller(s, who, &m, &c, &form.code).await? {
        Checked::Verified => {
            session.remove::<CallerCheck>(CHECK).await?;
            answer(StatusCode::OK, Some((ctx.lang.t("helpdesk-verified"), false)), None).await
        }
        Checked::Refused(CodeCheck::Voided) => {
            session.remove::<CallerCheck>(CHECK).await?;
            answer(StatusCode::FORBIDDEN, Some((ctx.lang.t("helpdesk-check-voided"), true)), None).await
        }
        Checked::Refused(check) => {
            answer(StatusCode::UNPROCESSABLE_ENTITY, None, Some(super::super::staff::code_refusal(ctx, check))).await
        }
        Checked::NotAllowed => {
            session.remove::<CallerCheck>(CHECK).await?;
            answer(StatusCode::FORBIDDEN, Some((ctx.lang.t("helpdesk-check-not-allowed"), true)), None).await
        }
    }
}

pub(super) async fn act(req: Page, Member(m): Member, Verified(form): Verified<ActForm>) -> Result<Response, Error> {
    let (s, ctx, who) = (&req.s, &req.ctx, &req.who);
    let action = Action::parse(&form.action).ok_or(Error::BadForm(StatusCode::BAD_REQUEST))?;
    let (status, note) = match helpdesk::act(s, who, &m, &form.login, action, &form.reason).await {
        Ok(Acted::Done) => (StatusCode::OK, (ctx.lang.t("helpdesk-done"), false)),
        Ok(Acted::Requested) => (StatusCode::ACCEPTED, (ctx.lang.t("helpdesk-requested"), false)),
        Ok(Acted::Refused(key)) => (StatusCode::FORBIDDEN, (ctx.lang.t(key), true)),
        Err(crate::flow::FlowError::OutOfStep(_)) => (StatusCode::CONFLICT, (ctx.lang.t("helpdesk-no-address"), true)),
        Err(e) => return Err(e.into()),
    };
    render(&req, &m, &form.login, Answer::new(status, Some(note), None)).await
}

pub(super) async fn approve(
    req: Page,
    Member(m): Member,
    Verified(form): Verified<ApproveForm>,
) -> Result<Response, Error> {
    let (s, ctx, csrf, who) = (&req.s, &req.ctx, &req.csrf, &req.who);
    let note = match helpdesk::approve(s, who, &m, &form.id).await? {
        Approved::Done => (ctx.lang.t("helpdesk-approved"), false),
        Approved::Refused(key) => (ctx.lang.t(key), true),
    };
    super::home_view(s, ctx, csrf, &m, Search::default(), Some(note)).await
}

pub(super) async fn reject(
    req: Page,
    Member(m): Member,
    Verified(form): Verified<RejectForm>,
) -> Result<Response, Error> {
    let (s, ctx, csrf, who) = (&req.s, &req.ctx, &req.csrf, &req.who);
    let note = match helpdesk::reject(s, who, &m, &form.id, &form.reason).await? {
        Approved::Done => (ctx.lang.t("helpdesk-rejected"), false),
        Approved::Refused(key) => (ctx.lang.t(key), true),
    };
    super::home_view(s, ctx, csrf, &m, Search::default(), Some(note)).await
}
