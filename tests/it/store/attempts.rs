//! Attempts, their codes and TOTP steps in the store: each used once, also when many try at once.

// Test code: failing loudly is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rekey::store::{Attempt, WrongTry};

use super::{NOW, at_once, each_db, method, new_attempt, new_id};

// --- TOTP steps -----------------------------------------------------------------------------

#[tokio::test]
async fn a_totp_step_is_accepted_once_and_never_an_older_one() {
    each_db(2, async |c| {
        let m = method(&new_id(), "totp", NOW);
        c.db.insert_method(&m).await.unwrap();
        assert!(c.db.claim_totp_step(&m.id, 1000, NOW + 1).await.unwrap());
        assert!(!c.db.claim_totp_step(&m.id, 1000, NOW + 2).await.unwrap(), "same step replayed");
        assert!(!c.db.claim_totp_step(&m.id, 999, NOW + 3).await.unwrap(), "older step accepted");
        let stored = &c.db.list_methods(&m.user_id).await.unwrap()[0];
        assert_eq!((stored.totp_last_step, stored.last_used_at), (Some(1000), Some(NOW + 1)));
        assert!(c.db.claim_totp_step(&m.id, 1001, NOW + 30).await.unwrap());
        assert!(!c.db.claim_totp_step(&new_id(), 5, NOW).await.unwrap(), "unknown method");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_one_of_many_parallel_claims_of_a_totp_step_wins() {
    each_db(20, async |c| {
        let m = method(&new_id(), "totp", NOW);
        c.db.insert_method(&m).await.unwrap();
        let claims = at_once(20, &c.db, |db| {
            let id = m.id.clone();
            async move { db.claim_totp_step(&id, 1000, NOW).await.unwrap() }
        })
        .await;
        assert_eq!(claims.iter().filter(|won| **won).count(), 1, "on {}", c.name);
    })
    .await;
}

// --- attempts -------------------------------------------------------------------------------

#[tokio::test]
async fn an_attempt_reads_back_as_created() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap(), Some(a.clone()));
        let anonymous = Attempt { id: new_id(), user_id: None, ..a };
        c.db.create_attempt(&anonymous).await.unwrap();
        assert_eq!(c.db.get_attempt(&anonymous.id).await.unwrap(), Some(anonymous));
        assert_eq!(c.db.get_attempt(&new_id()).await.unwrap(), None);
    })
    .await;
}

#[tokio::test]
async fn the_wrong_try_after_the_limit_voids_the_attempt() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        for remaining in (0..5).rev() {
            assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Remaining(remaining));
        }
        assert!(!c.db.get_attempt(&a.id).await.unwrap().unwrap().voided);
        assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Voided);
        assert_eq!(c.db.record_wrong_try(&a.id, 5).await.unwrap(), WrongTry::Voided);
        let stored = c.db.get_attempt(&a.id).await.unwrap().unwrap();
        assert!(stored.voided);
        assert_eq!(stored.wrong_tries, 6);
        assert_eq!(c.db.record_wrong_try(&new_id(), 5).await.unwrap(), WrongTry::Voided, "unknown attempt");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_wrong_tries_never_pass_the_limit() {
    each_db(20, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        let tries = at_once(20, &c.db, |db| {
            let id = a.id.clone();
            async move { db.record_wrong_try(&id, 5).await.unwrap() }
        })
        .await;
        let mut remaining: Vec<_> =
            tries.into_iter().filter_map(|t| if let WrongTry::Remaining(n) = t { Some(n) } else { None }).collect();
        remaining.sort_unstable();
        assert_eq!(remaining, vec![0, 1, 2, 3, 4], "on {}", c.name);
        let stored = c.db.get_attempt(&a.id).await.unwrap().unwrap();
        assert!(stored.voided);
        assert_eq!(stored.wrong_tries, 6, "tries after voiding must not count");
    })
    .await;
}

#[tokio::test]
async fn an_attempt_completes_only_once() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        assert!(c.db.complete_attempt(&a.id, NOW + 5).await.unwrap());
        assert!(!c.db.complete_attempt(&a.id, NOW + 6).await.unwrap());
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap().unwrap().completed_at, Some(NOW + 5));
    })
    .await;
}

#[tokio::test]
async fn a_voided_attempt_cannot_complete() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.void_attempt(&a.id).await.unwrap();
        assert!(c.db.get_attempt(&a.id).await.unwrap().unwrap().voided);
        assert!(!c.db.complete_attempt(&a.id, NOW + 5).await.unwrap());
        assert_eq!(c.db.get_attempt(&a.id).await.unwrap().unwrap().completed_at, None);
    })
    .await;
}

#[tokio::test]
async fn expired_attempts_are_deleted_with_their_codes() {
    each_db(2, async |c| {
        let old = new_attempt(&c.db, NOW + 100).await;
        let live = new_attempt(&c.db, NOW + 900).await;
        for a in [&old, &live] {
            c.db.put_code(&a.id, "email", b"hash", NOW, NOW + 600).await.unwrap();
        }
        assert_eq!(c.db.delete_expired(NOW + 99).await.unwrap(), 0);
        assert_eq!(c.db.delete_expired(NOW + 100).await.unwrap(), 1);
        assert_eq!(c.db.get_attempt(&old.id).await.unwrap(), None);
        assert_eq!(c.db.get_code(&old.id, "email").await.unwrap(), None);
        assert!(c.db.get_attempt(&live.id).await.unwrap().is_some());
        assert!(c.db.get_code(&live.id, "email").await.unwrap().is_some());
    })
    .await;
}

// --- codes ----------------------------------------------------------------------------------

#[tokio::test]
async fn a_code_is_used_once_and_only_with_its_hash() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"right-hash", NOW, NOW + 600).await.unwrap();
        let stored = c.db.get_code(&a.id, "email").await.unwrap().unwrap();
        assert_eq!(
            (stored.hash.as_slice(), stored.created_at, stored.expires_at, stored.used_at),
            (&b"right-hash"[..], NOW, NOW + 600, None)
        );
        assert!(!c.db.use_code(&a.id, "email", b"wrong-hash", NOW + 1).await.unwrap());
        assert!(!c.db.use_code(&a.id, "sms", b"right-hash", NOW + 1).await.unwrap(), "other channel");
        assert!(c.db.use_code(&a.id, "email", b"right-hash", NOW + 2).await.unwrap());
        assert!(!c.db.use_code(&a.id, "email", b"right-hash", NOW + 3).await.unwrap(), "second use");
        assert_eq!(c.db.get_code(&a.id, "email").await.unwrap().unwrap().used_at, Some(NOW + 2));
    })
    .await;
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"first", NOW, NOW + 600).await.unwrap();
        assert!(c.db.use_code(&a.id, "email", b"first", NOW + 1).await.unwrap());
        c.db.put_code(&a.id, "email", b"second", NOW + 60, NOW + 660).await.unwrap();
        let stored = c.db.get_code(&a.id, "email").await.unwrap().unwrap();
        assert_eq!(
            (stored.hash.as_slice(), stored.created_at, stored.expires_at, stored.used_at),
            (&b"second"[..], NOW + 60, NOW + 660, None)
        );
        assert!(!c.db.use_code(&a.id, "email", b"first", NOW + 61).await.unwrap());
        assert!(c.db.use_code(&a.id, "email", b"second", NOW + 62).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 600).await.unwrap());
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 601).await.unwrap());
        assert!(c.db.use_code(&a.id, "email", b"h", NOW + 599).await.unwrap());
    })
    .await;
}

#[tokio::test]
async fn a_code_of_a_voided_attempt_is_refused() {
    each_db(2, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        c.db.void_attempt(&a.id).await.unwrap();
        assert!(!c.db.use_code(&a.id, "email", b"h", NOW + 1).await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn exactly_one_of_many_parallel_uses_of_a_code_wins() {
    each_db(20, async |c| {
        let a = new_attempt(&c.db, NOW + 900).await;
        c.db.put_code(&a.id, "email", b"h", NOW, NOW + 600).await.unwrap();
        let uses = at_once(20, &c.db, |db| {
            let id = a.id.clone();
            async move { db.use_code(&id, "email", b"h", NOW + 1).await.unwrap() }
        })
        .await;
        assert_eq!(uses.iter().filter(|won| **won).count(), 1, "on {}", c.name);
    })
    .await;
}
