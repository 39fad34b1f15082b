//! The helpdesk's rows in the store, on SQLite and PostgreSQL: a request is decided once and
//! never by its requester, a reset link is used once and not after it expires, and a
//! verification is found only for its member and person while it lasts.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::store::{HelpdeskLink, HelpdeskRequest, HelpdeskVerification};

use super::{NOW, each_db};

fn request(id: &str) -> HelpdeskRequest {
    HelpdeskRequest {
        id: id.into(),
        action: "unlock".into(),
        user_id: "user-1".into(),
        login: "alice".into(),
        requester_id: "member-a".into(),
        requester_login: "ann".into(),
        reason: "lost phone".into(),
        verified: 0,
        created_at: NOW,
        expires_at: NOW + 3600,
        decided_at: None,
        approver_id: None,
        approved: None,
        mac: vec![7; 32],
    }
}

#[tokio::test]
async fn a_request_is_decided_once_and_never_by_its_requester() {
    each_db(2, async |c| {
        c.db.insert_helpdesk_request(&request("r1")).await.unwrap();
        c.db.insert_helpdesk_request(&HelpdeskRequest { expires_at: NOW - 1, ..request("old") }).await.unwrap();
        let open = c.db.open_helpdesk_requests(NOW, 10).await.unwrap();
        assert_eq!(open.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["r1"], "{}", c.name);
        assert!(!c.db.decide_helpdesk_request("r1", "member-a", true, NOW + 1).await.unwrap(), "{}", c.name);
        assert!(!c.db.decide_helpdesk_request("old", "member-b", true, NOW + 1).await.unwrap(), "{}", c.name);
        assert!(c.db.decide_helpdesk_request("r1", "member-b", true, NOW + 1).await.unwrap(), "{}", c.name);
        assert!(!c.db.decide_helpdesk_request("r1", "member-c", true, NOW + 2).await.unwrap(), "{}", c.name);
        let r = c.db.helpdesk_request("r1").await.unwrap().unwrap();
        assert_eq!((r.approver_id.as_deref(), r.approved, r.decided_at), (Some("member-b"), Some(1), Some(NOW + 1)));
        assert!(c.db.open_helpdesk_requests(NOW + 2, 10).await.unwrap().is_empty(), "{}", c.name);
    })
    .await;
}

#[tokio::test]
async fn a_reset_link_is_used_once_and_not_after_it_expires() {
    each_db(2, async |c| {
        let link = |hash: u8| HelpdeskLink {
            token_hash: vec![hash; 32],
            user_id: "user-1".into(),
            login: "alice".into(),
            created_at: NOW,
            expires_at: NOW + 600,
            used_at: None,
            mac: vec![1; 32],
        };
        c.db.insert_helpdesk_link(&link(1)).await.unwrap();
        c.db.insert_helpdesk_link(&link(2)).await.unwrap();
        assert!(c.db.helpdesk_link(&[1; 32], NOW + 1).await.unwrap().is_some(), "{}", c.name);
        assert!(c.db.use_helpdesk_link(&[1; 32], NOW + 1).await.unwrap(), "{}", c.name);
        assert!(!c.db.use_helpdesk_link(&[1; 32], NOW + 2).await.unwrap(), "{}", c.name);
        assert!(c.db.helpdesk_link(&[1; 32], NOW + 2).await.unwrap().is_none(), "{}", c.name);
        assert!(c.db.helpdesk_link(&[2; 32], NOW + 600).await.unwrap().is_none(), "expired: {}", c.name);
        assert!(!c.db.use_helpdesk_link(&[2; 32], NOW + 600).await.unwrap(), "{}", c.name);
    })
    .await;
}

#[tokio::test]
async fn a_verification_is_for_its_member_and_person_while_it_lasts() {
    each_db(2, async |c| {
        let v = HelpdeskVerification {
            id: "v1".into(),
            member_id: "member-a".into(),
            user_id: "user-1".into(),
            method: "email".into(),
            verified_at: NOW,
            expires_at: NOW + 600,
            mac: vec![3; 32],
        };
        c.db.insert_helpdesk_verification(&v).await.unwrap();
        assert_eq!(c.db.helpdesk_verifications("member-a", "user-1", NOW + 1).await.unwrap(), vec![v.clone()]);
        assert!(c.db.helpdesk_verifications("member-b", "user-1", NOW + 1).await.unwrap().is_empty());
        assert!(c.db.helpdesk_verifications("member-a", "user-2", NOW + 1).await.unwrap().is_empty());
        assert!(c.db.helpdesk_verifications("member-a", "user-1", NOW + 600).await.unwrap().is_empty());
    })
    .await;
}
