//! MACs on the helpdesk's rows (`Keys::row_mac`): a verification, a request, a reset link and a
//! confirmation link each decide what may be done to whose account, so one written or edited
//! without the master key is treated as absent and reported (`crate::tamper`). The one-way
//! marks (a request's decision, a link's use, a confirmation's settling) are set in one
//! statement and are not covered, as in `flow/rows.rs`.

use crate::crypto::constant_time_eq;
use crate::flow::Services;
use crate::store::{HelpdeskConfirmation, HelpdeskLink, HelpdeskRequest, HelpdeskVerification};
use crate::tamper::{self, Tampered};

const VERIFICATION: &str = "helpdesk verification v1";
const REQUEST: &str = "helpdesk request v1";
const LINK: &str = "helpdesk link v1";
const CONFIRMATION: &str = "helpdesk confirmation v1";

pub(super) fn verification_mac(services: &Services, v: &HelpdeskVerification) -> [u8; 32] {
    services.keys.row_mac(
        VERIFICATION,
        &[
            Some(v.id.as_bytes()),
            Some(v.member_id.as_bytes()),
            Some(v.user_id.as_bytes()),
            Some(v.method.as_bytes()),
            Some(&v.verified_at.to_be_bytes()),
            Some(&v.expires_at.to_be_bytes()),
        ],
    )
}

pub(super) fn request_mac(services: &Services, r: &HelpdeskRequest) -> [u8; 32] {
    services.keys.row_mac(
        REQUEST,
        &[
            Some(r.id.as_bytes()),
            Some(r.action.as_bytes()),
            Some(r.user_id.as_bytes()),
            Some(r.login.as_bytes()),
            Some(r.requester_id.as_bytes()),
            Some(r.requester_login.as_bytes()),
            Some(r.reason.as_bytes()),
            Some(&r.verified.to_be_bytes()),
            Some(&r.created_at.to_be_bytes()),
            Some(&r.expires_at.to_be_bytes()),
        ],
    )
}

pub(super) fn link_mac(services: &Services, l: &HelpdeskLink) -> [u8; 32] {
    services.keys.row_mac(
        LINK,
        &[
            Some(&l.token_hash),
            Some(l.user_id.as_bytes()),
            Some(l.login.as_bytes()),
            Some(&l.created_at.to_be_bytes()),
            Some(&l.expires_at.to_be_bytes()),
        ],
    )
}

pub(super) fn confirmation_mac(services: &Services, c: &HelpdeskConfirmation) -> [u8; 32] {
    services.keys.row_mac(
        CONFIRMATION,
        &[
            Some(&c.token_hash),
            Some(c.member_id.as_bytes()),
            Some(c.member_login.as_bytes()),
            Some(c.user_id.as_bytes()),
            Some(c.login.as_bytes()),
            Some(&c.created_at.to_be_bytes()),
            Some(&c.expires_at.to_be_bytes()),
        ],
    )
}

/// Whether a row's MAC checks out; a row that fails is reported.
pub(super) async fn checked(services: &Services, table: &str, row: Option<&str>, user_id: &str, ok: bool) -> bool {
    if !ok {
        let t = Tampered { table, row, user_id: Some(user_id) };
        tamper::report(&services.db, &services.keys, services.clock.now(), None, t).await;
    }
    ok
}

pub(super) fn same(expected: &[u8; 32], stored: &[u8]) -> bool {
    constant_time_eq(expected, stored)
}
