//! Telling a person about an event on their account (a password changed, a method added or
//! removed): to every address the account has, each notice with a one-time "this wasn't me"
//! link.

use super::{FlowError, Requester, Services, methods};
use crate::directory::DirUser;
use crate::notify::messages::{self, AccountEvent, NoticeTo};

/// Tells every address the account has (registered and the directory's) about an event.
pub(super) async fn notify(
    services: &Services,
    who: &Requester,
    user: &DirUser,
    event: AccountEvent<'_>,
) -> Result<(), FlowError> {
    let stored = methods::stored(services, user).await?;
    services.notify_account(who, user, methods::notification_addresses(services, user, &stored), event).await;
    Ok(())
}

impl Services {
    /// Mails `code` to each address, in the background, in the requester's language.
    pub fn mail_code(
        &self,
        who: &Requester,
        to: impl IntoIterator<Item = String>,
        code: &secrecy::SecretString,
        purpose: messages::CodePurpose,
    ) {
        let (org, ttl_minutes) = (&self.config.server.organisation, self.config.codes.ttl_secs / 60);
        let contact = self.contact(who);
        for address in to {
            let mail = messages::code(who.lang, org, &address, code, purpose, ttl_minutes, contact.as_ref());
            self.send_in_background(mail);
        }
    }

    /// The helpdesk's contact in the requester's language, for mails that send people to it.
    pub fn contact(&self, who: &Requester) -> Option<crate::config::Contact> {
        self.config.contact.for_lang(who.lang.code())
    }

    /// Tells each address about an event on the account, in the background. Every notice
    /// carries the same one-time "this wasn't me" link.
    pub async fn notify_account(&self, who: &Requester, user: &DirUser, to: Vec<String>, event: AccountEvent<'_>) {
        if to.is_empty() {
            return;
        }
        let link = match super::protection::disown_link(self, user, event.name()).await {
            Ok(link) => Some(link),
            Err(err) => {
                tracing::error!(%err, "could not make a \"this wasn't me\" link; the notice goes without one");
                None
            }
        };
        let server = &self.config.server;
        let now = self.clock.now();
        let zone = server.zone();
        let contact = self.contact(who);
        for address in to {
            let notice = NoticeTo {
                lang: who.lang,
                org: &server.organisation,
                url: &server.public_url,
                to: &address,
                display_name: &user.display_name,
                when_utc: now,
                zone: &zone,
                source_ip: who.ip.as_deref(),
                disown_url: link.as_deref(),
                contact: contact.as_ref(),
            };
            self.send_in_background(messages::account_notice(&notice, event));
        }
    }
}
