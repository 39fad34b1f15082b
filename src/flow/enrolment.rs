//! A registration visit as its session keeps it: who is registering, the method being
//! confirmed, and what the visit has proven so far (`flow::binding`). `enrol` and `binding`
//! both work on it; it needs neither.

use serde::{Deserialize, Serialize};

use super::{FlowError, Services, methods};
use crate::config::MethodKind;
use crate::directory::DirUser;

/// A signed-in person registering methods, kept in their session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Enrolment {
    pub attempt_id: String,
    pub user: DirUser,
    pub expires_at: i64,
    pub pending: Option<PendingMethod>,
    /// Whether methods may change in this sign-in (`flow::binding`).
    #[serde(default)]
    pub proof: Proof,
}

/// A method being confirmed. Its secret is sealed even inside the session, which lives in the
/// database.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingMethod {
    pub kind: MethodKind,
    pub label: String,
    pub(super) sealed: Vec<u8>,
}

impl Enrolment {
    /// Unexpired, and the account's owner has not blocked self-service since it began.
    pub(super) async fn live(&self, services: &Services) -> Result<(), FlowError> {
        if self.expires_at <= services.clock.now() || super::protection::blocked(services, &self.user).await? {
            Err(FlowError::Expired)
        } else {
            Ok(())
        }
    }
}

/// What a registration visit has proven, kept in its session.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Proof {
    /// Methods may change: an existing one passed in this sign-in, or there was none.
    pub proven: bool,
    /// The passkey check the browser was last asked for; each is answered at most once.
    pub(super) passkey_check: Option<webauthn_rs::prelude::PasskeyAuthentication>,
}

impl Proof {
    /// At sign-in: the password alone registers only the first method.
    pub async fn at_sign_in(services: &Services, user: &DirUser) -> Result<Proof, FlowError> {
        Ok(Proof { proven: methods::stored(services, user).await?.is_empty(), passkey_check: None })
    }
}

/// Refuses a change of methods until an existing method has passed in this sign-in (and, as
/// every step, once the registration has expired or the owner blocked self-service).
pub async fn may_change(services: &Services, e: &Enrolment) -> Result<(), FlowError> {
    e.live(services).await?;
    if e.proof.proven { Ok(()) } else { Err(FlowError::OutOfStep("prove an existing method first")) }
}
