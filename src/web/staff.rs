//! The one sign-in of the staff areas (`/admin` and `/helpdesk`): directory password or OpenID
//! Connect, then a registered second method. The handlers are generic over the [`Area`], so
//! both areas run the same code; only the groups (`flow::admin::Role`), the paths and the
//! session keys differ. Someone signed in to one area is not signed in to the other.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use secrecy::SecretString;
use serde::Deserialize;
use tower_sessions::Session;

use super::context::Ctx;
use super::csrf::{CodeForm, CsrfToken, EmptyForm, Verified, has_csrf};
use super::error::Error;
use super::extract::Page;
use super::pages::{Layout, form_page, html};
use crate::config::MethodKind;
use crate::flow::admin::{self, Admin, Entry, Pending, Role};
use crate::flow::codes::CodeCheck;
use crate::flow::{FlowError, Services};

/// A staff area: its role, where it lives and where its session is kept.
pub trait Area: Send + Sync + 'static {
    const ROLE: Role;
    /// The area's path ("/admin").
    const BASE: &'static str;
    /// The session key of a signed-in member.
    const SIGNED_IN: &'static str;
    /// The session key of a sign-in that still owes its second method.
    const PENDING: &'static str;
    /// The catalogue key prefix of the sign-in pages' words ("admin" → `admin-sign-in-title`).
    const WORDS: &'static str;
    /// The answer for someone signed in who is not a member.
    fn refusal() -> Error;
}

/// The admin area.
pub struct AdminArea;
/// The helpdesk console.
pub struct HelpdeskArea;

impl Area for AdminArea {
    const ROLE: Role = Role::Admin;
    const BASE: &'static str = "/admin";
    const SIGNED_IN: &'static str = "admin";
    const PENDING: &'static str = "admin.pending";
    const WORDS: &'static str = "admin";
    fn refusal() -> Error {
        Error::NotAdmin
    }
}

impl Area for HelpdeskArea {
    const ROLE: Role = Role::Helpdesk;
    const BASE: &'static str = "/helpdesk";
    const SIGNED_IN: &'static str = "helpdesk";
    const PENDING: &'static str = "helpdesk.pending";
    const WORDS: &'static str = "helpdesk";
    fn refusal() -> Error {
        Error::NotHelpdesk
    }
}

/// The sign-in routes of an area, under its base.
pub fn routes<A: Area>() -> Router<Arc<Services>> {
    let at = |p: &str| format!("{}{p}", A::BASE);
    Router::new()
        .route(&at("/sign-in"), get(sign_in_form::<A>).post(sign_in::<A>))
        .route(&at("/verify"), get(verify_page::<A>))
        .route(&at("/verify/send"), post(send_code::<A>))
        .route(&at("/verify/{kind}"), post(verify::<A>))
        .route(&at("/sign-out"), post(sign_out::<A>))
}

/// The signed-in member of area `A` for a request, or the answer for whoever is not one.
pub async fn signed_in<A: Area>(parts: &mut Parts, s: &Arc<Services>) -> Result<Admin, Response> {
    if parts.extensions.get::<Ctx>().is_some_and(Ctx::is_kiosk) {
        return Err(Error::NotFound.into_response());
    }
    let session = Session::from_request_parts(parts, s).await.map_err(IntoResponse::into_response)?;
    let err = |e: tower_sessions::session::Error| Error::from(e).into_response();
    if let Some(a) = session.get::<Admin>(A::SIGNED_IN).await.map_err(err)? {
        if a.until > s.clock.now() && a.role == A::ROLE {
            return Ok(a);
        }
        session.remove::<Admin>(A::SIGNED_IN).await.map_err(err)?;
    }
    // Signed in for registration (by password or OpenID Connect) as someone who is no member.
    let enrolled = session.get::<crate::flow::enrol::Enrolment>(super::shared::REGISTER_KEY).await.map_err(err)?;
    if enrolled.is_some_and(|e| !A::ROLE.has(s, &e.user)) {
        return Err(A::refusal().into_response());
    }
    Err(Redirect::to(&format!("{}/sign-in", A::BASE)).into_response())
}

#[derive(Template)]
#[template(path = "admin/sign_in.html")]
pub(super) struct SignInPage {
    pub(super) l: Layout,
    pub(super) base: &'static str,
    pub(super) words: &'static str,
    pub(super) username: String,
    pub(super) error: Option<String>,
    /// Offer OpenID Connect sign-in (a Graph directory).
    pub(super) oidc: bool,
}

impl SignInPage {
    fn word(&self, what: &str) -> String {
        self.l.t(&format!("{}-{what}", self.words))
    }
}

#[derive(Template)]
#[template(path = "admin/verify.html")]
struct VerifyPage {
    l: Layout,
    base: &'static str,
    totp: bool,
    email: bool,
    code_sent: bool,
    /// Which form the error belongs to.
    error: Option<(String, &'static str)>,
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    password: SecretString,
}

has_csrf!(SignInForm);

async fn sign_in_form<A: Area>(req: Page) -> Result<Response, Error> {
    let (s, ctx, csrf, session) = (&req.s, &req.ctx, &req.csrf, &req.session);
    if ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    if session.get::<Admin>(A::SIGNED_IN).await?.is_some_and(|a| a.until > s.clock.now()) {
        return Ok(Redirect::to(A::BASE).into_response());
    }
    Ok(html(&sign_in_page::<A>(s, ctx, csrf, String::new(), None))?.into_response())
}

/// The sign-in page of area `A`, with what was typed and why it was refused.
pub(super) fn sign_in_page<A: Area>(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    username: String,
    error: Option<String>,
) -> SignInPage {
    SignInPage {
        l: Layout::with_csrf(s, ctx, &format!("{}-sign-in-title", A::WORDS), csrf),
        base: A::BASE,
        words: A::WORDS,
        username,
        error,
        oidc: s.directory.graph().is_some(),
    }
}

/// What to answer after the first factor (password or OpenID Connect).
pub(super) async fn entered<A: Area>(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    session: &Session,
    entry: Entry,
    username: &str,
) -> Result<Response, Error> {
    let refuse = |status: StatusCode, key: &str| -> Result<Response, Error> {
        let page = sign_in_page::<A>(s, ctx, csrf, username.chars().take(256).collect(), Some(ctx.lang.t(key)));
        Ok((status, html(&page)?).into_response())
    };
    match entry {
        Entry::Pending(p) => {
            super::shared::renew_id(session).await?;
            session.insert(A::PENDING, *p).await?;
            Ok(Redirect::to(&format!("{}/verify", A::BASE)).into_response())
        }
        Entry::Failed => refuse(StatusCode::UNPROCESSABLE_ENTITY, super::shared::SIGN_IN_FAILED),
        Entry::MustChange => refuse(StatusCode::UNPROCESSABLE_ENTITY, "must-change"),
        Entry::NotAdmin => Err(A::refusal()),
        Entry::NoSecondMethod => refuse(StatusCode::FORBIDDEN, "admin-needs-method"),
        Entry::SecondMethodTooNew => refuse(StatusCode::FORBIDDEN, "admin-method-too-new"),
    }
}

async fn sign_in<A: Area>(req: Page, Verified(form): Verified<SignInForm>) -> Result<Response, Error> {
    let (s, ctx, csrf, who, session) = (&req.s, &req.ctx, &req.csrf, &req.who, &req.session);
    if ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let entry = admin::sign_in(s, who, A::ROLE, &form.username, &form.password).await?;
    entered::<A>(s, ctx, csrf, session, entry, &form.username).await
}

async fn pending<A: Area>(session: &Session) -> Result<Pending, Error> {
    session.get::<Pending>(A::PENDING).await?.filter(|p| p.role == A::ROLE).ok_or(Error::Flow(FlowError::Expired))
}

fn verify_view<A: Area>(
    s: &Services,
    ctx: &Ctx,
    csrf: &CsrfToken,
    p: &Pending,
    error: Option<(String, &'static str)>,
) -> Result<Response, Error> {
    let refused = error.is_some();
    let page = VerifyPage {
        l: Layout::with_csrf(s, ctx, "admin-verify-title", csrf),
        base: A::BASE,
        totp: p.kinds.contains(&MethodKind::Totp),
        email: p.kinds.contains(&MethodKind::Email),
        code_sent: p.code_sent,
        error,
    };
    form_page(&page, refused)
}

async fn verify_page<A: Area>(req: Page) -> Result<Response, Error> {
    let (s, ctx, csrf, session) = (&req.s, &req.ctx, &req.csrf, &req.session);
    let Ok(p) = pending::<A>(session).await else {
        return Ok(Redirect::to(&format!("{}/sign-in", A::BASE)).into_response());
    };
    verify_view::<A>(s, ctx, csrf, &p, None)
}

async fn send_code<A: Area>(req: Page, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    let (s, ctx, who, session) = (&req.s, &req.ctx, &req.who, &req.session);
    if ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let mut p = pending::<A>(session).await?;
    admin::send_email_code(s, who, &mut p).await?;
    session.insert(A::PENDING, p).await?;
    Ok(Redirect::to(&format!("{}/verify#email-code", A::BASE)).into_response())
}

async fn verify<A: Area>(
    req: Page,
    Path(kind): Path<String>,
    Verified(form): Verified<CodeForm>,
) -> Result<Response, Error> {
    let (s, ctx, csrf, who, session) = (&req.s, &req.ctx, &req.csrf, &req.who, &req.session);
    if ctx.is_kiosk() {
        return Err(Error::NotFound);
    }
    let p = pending::<A>(session).await?;
    let kind = MethodKind::parse(&kind).ok_or(Error::NotFound)?;
    match admin::verify(s, who, &p, kind, &form.code).await? {
        Ok(a) => {
            session.remove::<Pending>(A::PENDING).await?;
            super::shared::renew_id(session).await?;
            session.insert(A::SIGNED_IN, a).await?;
            Ok(Redirect::to(A::BASE).into_response())
        }
        Err(CodeCheck::Voided) => {
            session.remove::<Pending>(A::PENDING).await?;
            Err(Error::Voided)
        }
        Err(check) => {
            let field = if kind == MethodKind::Totp { "totp-code" } else { "email-code" };
            verify_view::<A>(s, ctx, csrf, &p, Some((code_refusal(ctx, check), field)))
        }
    }
}

/// What a refused code check says next to the field.
pub(super) fn code_refusal(ctx: &Ctx, check: CodeCheck) -> String {
    match check {
        CodeCheck::Expired => ctx.lang.t("code-expired"),
        CodeCheck::NotSent => ctx.lang.t("code-not-sent"),
        CodeCheck::Replayed => ctx.lang.t("code-replayed"),
        CodeCheck::Wrong { remaining } => ctx.lang.t_with("code-wrong", &[("count", remaining.into())]),
        CodeCheck::Voided => ctx.lang.t("error-voided"),
        CodeCheck::Passed => String::new(),
    }
}

async fn sign_out<A: Area>(session: Session, Verified(_): Verified<EmptyForm>) -> Result<Response, Error> {
    session.flush().await?;
    Ok(Redirect::to(&format!("{}/sign-in", A::BASE)).into_response())
}
