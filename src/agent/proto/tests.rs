use super::*;

fn header(kind: Kind) -> Header {
    Header::new(kind, "agent-1", 1_000, None)
}

#[test]
fn a_signed_message_opens_with_its_key_only() {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let other = SigningKey::generate(&mut rand::rngs::OsRng);
    let env = sign(&key, "agent-1", header(Kind::Poll), &PollBody { wait_secs: 5, version: None }).unwrap();
    let msg: Message<PollBody> = open(&env, &key.verifying_key()).unwrap();
    assert_eq!(msg.body.wait_secs, 5);
    assert_eq!(open::<PollBody>(&env, &other.verifying_key()).unwrap_err(), ProtoError::BadSignature);
}

#[test]
fn an_altered_payload_is_refused() {
    let key = SigningKey::generate(&mut rand::rngs::OsRng);
    let mut env = sign(&key, "agent-1", header(Kind::Poll), &PollBody { wait_secs: 5, version: None }).unwrap();
    let mut bytes = B64.decode(&env.payload).unwrap();
    let at = bytes.iter().position(|&b| b == b'5').unwrap();
    bytes[at] = b'9';
    env.payload = B64.encode(bytes);
    assert_eq!(open::<PollBody>(&env, &key.verifying_key()).unwrap_err(), ProtoError::BadSignature);
}

#[test]
fn headers_are_checked_for_kind_agent_time_and_reply() {
    let h = Header::new(Kind::Offer, "a", 1_000, Some("n1"));
    assert!(h.check(Kind::Offer, "a", 1_000 + MAX_SKEW_SECS, Some("n1")).is_ok());
    assert_eq!(h.check(Kind::Poll, "a", 1_000, None), Err(ProtoError::WrongKind));
    assert_eq!(h.check(Kind::Offer, "b", 1_000, None), Err(ProtoError::WrongAgent));
    assert_eq!(h.check(Kind::Offer, "a", 1_000 + MAX_SKEW_SECS + 1, None), Err(ProtoError::Stale));
    assert_eq!(h.check(Kind::Offer, "a", 1_000, Some("n2")), Err(ProtoError::NotAReply));
}

#[test]
fn a_sealed_job_opens_only_with_the_agents_key() {
    let secret = crypto_box::SecretKey::generate(&mut OsRng);
    let other = crypto_box::SecretKey::generate(&mut OsRng);
    let job =
        SealedJob { job_id: "j1".into(), request: Request::FindUser { login: "alice".into() }, expires: 0, sig: None };
    let sealed = seal_job(&job, secret.public_key().as_bytes()).unwrap();
    assert!(!String::from_utf8_lossy(&sealed).contains("alice"));
    assert!(matches!(unseal_job(&sealed, &[&other]), Err(ProtoError::Unseal)));
    let opened = unseal_job(&sealed, &[&other, &secret]).unwrap();
    assert_eq!(opened.job_id, "j1");
    assert_eq!(opened.request.op(), Op::FindUser);
}

/// `JobOffer` and `Op` as agents before `list_users` read them.
mod first_protocol {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Op {
        FindUser,
        VerifyPassword,
        ChangePassword,
        ResetPassword,
        Unlock,
        LockStatus,
        Health,
    }
    #[derive(serde::Deserialize)]
    pub struct JobOffer {
        pub op: Op,
    }
}

fn offer(op: Op) -> JobOffer {
    JobOffer { job_id: "j".into(), lease_id: "l".into(), op, sealed: String::new(), lease_expires: 1, lease_secs: None }
}

#[test]
fn a_later_operation_travels_so_that_older_agents_can_still_read_the_offer() {
    let json = serde_json::to_value(offer(Op::ListUsers)).unwrap();
    assert_eq!((&json["op"], &json["operation"]), (&serde_json::json!("health"), &serde_json::json!("list_users")));
    let old: first_protocol::JobOffer = serde_json::from_value(json.clone()).unwrap();
    assert!(matches!(old.op, first_protocol::Op::Health));
    assert_eq!(serde_json::from_value::<JobOffer>(json).unwrap().op, Op::ListUsers);

    let reset = serde_json::to_value(offer(Op::ResetPassword)).unwrap();
    assert_eq!(reset["op"], "reset_password");
    assert!(reset.get("operation").is_none(), "first-protocol offers are unchanged: {reset}");
    assert_eq!(serde_json::from_value::<JobOffer>(reset).unwrap().op, Op::ResetPassword);

    let future = serde_json::json!({"job_id": "j", "lease_id": "l", "op": "health", "operation": "rename_user",
        "sealed": "", "lease_expires": 1});
    assert_eq!(serde_json::from_value::<JobOffer>(future).unwrap().op, Op::Health);
}

/// The lease as a duration rides beside the old absolute end: older agents ignore it, and
/// offers from older portals (without it) still read.
#[test]
fn the_lease_duration_is_an_added_field_both_sides_can_do_without() {
    let offer = JobOffer { lease_secs: Some(7), ..offer(Op::ResetPassword) };
    let json = serde_json::to_value(offer).unwrap();
    assert_eq!((&json["lease_secs"], &json["lease_expires"]), (&serde_json::json!(7), &serde_json::json!(1)));
    let _: first_protocol::JobOffer = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(serde_json::from_value::<JobOffer>(json).unwrap().lease_secs, Some(7));
    let from_older_portal = serde_json::to_value(offer_without_duration()).unwrap();
    assert!(from_older_portal.get("lease_secs").is_none(), "{from_older_portal}");
    assert_eq!(serde_json::from_value::<JobOffer>(from_older_portal).unwrap().lease_secs, None);

    let poll: PollBody = serde_json::from_value(serde_json::json!({"wait_secs": 5})).unwrap();
    assert_eq!(poll.version, None, "polls of agents before the version in polls");
}

fn offer_without_duration() -> JobOffer {
    offer(Op::Unlock)
}

#[test]
fn a_job_of_an_unknown_operation_opens_to_an_answer_that_says_so() {
    let secret = crypto_box::SecretKey::generate(&mut OsRng);
    let plain = br#"{"job_id":"j1","request":{"op":"rename_user","user":"x"}}"#;
    let sealed = crypto_box::PublicKey::from(*secret.public_key().as_bytes()).seal(&mut OsRng, plain).unwrap();
    let e = unseal_job(&sealed, &[&secret]).err().unwrap();
    assert_eq!(e, ProtoError::UnknownOp("rename_user".into()));
    assert!(is_unsupported(&unopened(&e)), "{}", unopened(&e));
    // What an agent from before unknown operations answers: it cannot read the request.
    assert!(is_unsupported(&unopened(&ProtoError::Malformed)));
    assert!(!is_unsupported(&unopened(&ProtoError::Unseal)));
    assert!(!is_unsupported(&DirError::Unavailable("the directory did not answer in time".into())));

    let garbled = crypto_box::PublicKey::from(*secret.public_key().as_bytes())
        .seal(&mut OsRng, br#"{"job_id":"j1","request":{"op":"find_user"}}"#)
        .unwrap();
    assert_eq!(unseal_job(&garbled, &[&secret]).err(), Some(ProtoError::Malformed), "a known op, badly formed");
}

#[test]
fn a_rotation_proof_binds_the_new_keys() {
    let new = SigningKey::generate(&mut rand::rngs::OsRng);
    let proof = rotation_proof(&new, "a", "n", "bk", "sk");
    assert!(rotation_proof_valid(&new.verifying_key(), &proof, "a", "n", "bk", "sk"));
    assert!(!rotation_proof_valid(&new.verifying_key(), &proof, "a", "n", "bk2", "sk"));
}
