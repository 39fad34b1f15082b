//! One mail a scheduler pass plans (`reminders.rs` for expiry, `campaign.rs` for nudges):
//! what it is about, the account, its addresses and its language.

use super::{FlowError, Services, methods};
use crate::clock::UnixTime;
use crate::directory::DirUser;
use crate::directory::expiry::Expiring;
use crate::i18n::Lang;

/// What a mail is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailKind {
    /// The password expires at `expires_at`, within `days_before` days; `changed_at` names the
    /// password.
    Expiry { days_before: u32, changed_at: UnixTime, expires_at: UnixTime },
    /// The `nth` nudge to register.
    Nudge { nth: u32 },
}

/// One mail a pass sends (or, in a dry run, would send).
#[derive(Debug, Clone)]
pub struct Planned {
    pub user: DirUser,
    pub kind: MailKind,
    /// The addresses it goes to.
    pub to: Vec<String>,
    pub lang: Lang,
}

impl Planned {
    /// One line for `rekey remind --dry-run` and the log.
    pub fn line(&self) -> String {
        let what = match &self.kind {
            MailKind::Expiry { days_before, expires_at, .. } => {
                format!("expiry reminder ({days_before} d; expires {})", crate::report::time_text(*expires_at))
            }
            MailKind::Nudge { nth } => format!("registration nudge #{nth}"),
        };
        format!("{}\t{}\t{}\t{what}", self.user.login, self.to.join(","), self.lang.code())
    }
}

/// A planned mail to the account's addresses (the directory's and registered ones), in its
/// language; `None` (logged) when it has none.
pub(super) async fn addressed(
    services: &Services,
    account: &Expiring,
    kind: MailKind,
) -> Result<Option<Planned>, FlowError> {
    let stored = methods::stored(services, &account.user).await?;
    let to = methods::notification_addresses(services, &account.user, &stored);
    if to.is_empty() {
        tracing::info!(login = %account.user.login, "no address to mail a reminder to");
        return Ok(None);
    }
    let lang = account.language.as_deref().and_then(Lang::parse).unwrap_or_else(|| services.config.default_lang());
    Ok(Some(Planned { user: account.user.clone(), kind, to, lang }))
}
