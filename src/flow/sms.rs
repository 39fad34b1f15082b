//! Text-message codes: which numbers an account has, and sending a code to one.
//!
//! Messages go out in the background, like mails, so a page takes the same time whether a
//! number was found or not, and whether the gateway answered or not: an answer that waited
//! for the gateway would tell a stranger that an account has a number (only real accounts
//! cause a request). A gateway failure is logged for the admin (status and a short reason,
//! the number masked), shown on the admin page and counted; the person learns of it only on
//! a later page, from the gateway's state, which is the same for every account.
//!
//! Never log a whole number or a code here.

use secrecy::SecretString;

use super::limits::{self, Scope};
use super::methods;
use super::{FlowError, Requester, Services};
use crate::config::MethodKind;
use crate::directory::DirUser;
use crate::factors::sms::{PhoneE164, mask};
use crate::notify::sms::Sms;
use crate::store::StoredMethod;

/// The registered numbers a code may go to, and the directory's mobile when it counts.
pub fn numbers(services: &Services, user: &DirUser, methods: &[StoredMethod]) -> Vec<PhoneE164> {
    let mut out: Vec<PhoneE164> = methods
        .iter()
        .filter(|m| m.kind == MethodKind::Sms.as_str())
        .filter_map(|m| match methods::open(services, m) {
            Ok(bytes) => std::str::from_utf8(&bytes).ok().and_then(PhoneE164::from_stored),
            Err(err) => {
                tracing::error!(%err, "skipping a stored number that does not open");
                None
            }
        })
        .collect();
    if methods::directory_phone_counts(services, user) {
        let region = services.config.sms.default_region.as_str();
        out.extend(user.phones.iter().filter_map(|p| PhoneE164::parse(p, Some(region).filter(|r| !r.is_empty())).ok()));
    }
    let mut seen = std::collections::BTreeSet::new();
    out.retain(|n| seen.insert(n.as_str().to_owned()));
    out
}

/// Whether the last message the gateway was given failed: the person is then told that no
/// text message could be sent just now. The same for every account.
pub fn gateway_failing(services: &Services) -> bool {
    services.sms.as_ref().is_some_and(|s| s.failing())
}

/// Sends `code` to `to` in the background, within the per-number limit. Past that limit
/// nothing is sent and nothing is said: a refusal would tell a stranger the account has that
/// number, and the limit is there to stop a number being flooded.
pub async fn send_code(
    services: &Services,
    who: &Requester,
    to: PhoneE164,
    code: &SecretString,
) -> Result<(), FlowError> {
    let Some(sender) = services.sms.clone() else {
        return Err(FlowError::Internal("sms method offered without a gateway".into()));
    };
    match limits::hit(services, Scope::SendByNumber, Some(to.as_str())).await {
        Ok(()) => {}
        Err(FlowError::RateLimited { .. }) => {
            tracing::info!(to = %mask(to.as_str()), "text message not sent: limit for this number reached");
            return Ok(());
        }
        Err(other) => return Err(other),
    }
    let org = &services.config.server.organisation;
    let text = crate::notify::messages::sms_code(who.lang, org, code);
    let sms = Sms { to, text, code: code.clone() };
    let last_errors = services.last_errors.clone();
    let metrics = services.metrics.clone();
    let clock = services.clock.clone();
    let span = tracing::Span::current();
    tokio::spawn(tracing::Instrument::instrument(
        async move {
            if let Err(err) = sender.send(&sms).await {
                last_errors.record("sms", clock.now(), err.to_string());
                metrics.sms_failed();
                tracing::warn!(%err, to = %mask(sms.to.as_str()), "text message delivery failed");
            }
        },
        span,
    ));
    Ok(())
}
