//! The webhooks page: deliveries waiting and the dead letters (tried `max_attempts` times),
//! each with a button that puts it back in the queue (`flow::webhooks::retry`).

use super::*;
use crate::store::{DELIVERY_DEAD, DELIVERY_PENDING, Delivery};
use crate::web::csrf::Verified;

#[derive(Template)]
#[template(path = "admin/webhooks.html")]
pub(super) struct WebhooksPage {
    l: Layout,
    nav: Nav,
    configured: Vec<String>,
    pending: i64,
    dead: Vec<Delivery>,
    /// The outcome of a retry just asked for: (message key, is an error).
    note: Option<(&'static str, bool)>,
}

impl WebhooksPage {
    fn when(&self, at: &Option<i64>) -> String {
        at.map_or_else(|| "–".to_owned(), report::time_text)
    }

    fn note_key(&self) -> Option<&'static str> {
        self.note.map(|(key, _)| key)
    }

    fn note_is_error(&self) -> bool {
        self.note.is_some_and(|(_, e)| e)
    }

    fn error<'a>(&self, d: &'a Delivery) -> &'a str {
        d.last_error.as_deref().unwrap_or("")
    }
}

async fn page(p: &Page, a: &Admin, note: Option<(&'static str, bool)>) -> Result<Response, Error> {
    let s = &p.s;
    let pending = s.db.count_deliveries(DELIVERY_PENDING).await.map_err(FlowError::from)?;
    let dead = s.db.deliveries(DELIVERY_DEAD, PAGE).await.map_err(FlowError::from)?;
    let page = WebhooksPage {
        l: p.layout("admin-webhooks-title"),
        nav: Nav::new("webhooks", a),
        configured: s.config.webhooks.iter().map(|h| h.url.clone()).collect(),
        pending,
        dead,
        note,
    };
    Ok(html(&page)?.into_response())
}

pub(super) async fn webhooks(p: Page, AdminUser(a): AdminUser) -> Result<Response, Error> {
    page(&p, &a, None).await
}

#[derive(Deserialize)]
pub(super) struct RetryForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
}
crate::web::csrf::has_csrf!(RetryForm);

pub(super) async fn retry(
    p: Page,
    AdminUser(a): AdminUser,
    Verified(form): Verified<RetryForm>,
) -> Result<Response, Error> {
    let retried = match form.id.trim().parse::<i64>() {
        Ok(id) => crate::flow::webhooks::retry(&p.s, &p.who, &a.login, id).await?,
        Err(_) => false,
    };
    let note = if retried { ("admin-webhooks-retried", false) } else { ("admin-webhooks-not-dead", true) };
    page(&p, &a, Some(note)).await
}
