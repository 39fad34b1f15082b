//! Writeback messages that are tampered, replayed, stale, misdirected, forged or revoked, in
//! either direction, and a TLS-terminating proxy that sees no password.

use super::*;
use crate::support::agent::Launch;

#[tokio::test]
async fn tampered_replayed_stale_misdirected_forged_and_revoked_messages_are_refused_and_logged() {
    let env = portal(|_| {}).await;
    let dir = tempfile::tempdir().unwrap();
    let key_file = dir.path().join("agent.key");
    let t = token(&env.server.services, "probe").await;
    let (ok, stderr) = enroll_cli(&env.server.url(), &t, "probe", &key_file).await;
    assert!(ok, "{stderr}");
    let id = Identity::load(&key_file).unwrap();
    let now = proto::now();

    let good = heartbeat(&id, &id.sign, now);
    assert_eq!(post(&env, "heartbeat", &good).await.0, 200);

    // Replayed: the very same message again.
    assert_eq!(post(&env, "heartbeat", &good).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "replay"]).await;

    // Tampered: payload altered after signing.
    let mut tampered = heartbeat(&id, &id.sign, now);
    let b64 = base64::engine::general_purpose::STANDARD;
    let text = String::from_utf8(b64.decode(&tampered.payload).unwrap()).unwrap().replace("true", "false");
    tampered.payload = b64.encode(text);
    assert_eq!(post(&env, "heartbeat", &tampered).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "signature does not verify"]).await;

    // Wrongly signed: another key claims to be this agent.
    let forger = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    assert_eq!(post(&env, "heartbeat", &heartbeat(&id, &forger, now)).await.0, 401);

    // Stale: signed properly, but ten minutes old.
    assert_eq!(post(&env, "heartbeat", &heartbeat(&id, &id.sign, now - 600)).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "timestamp"]).await;

    // Misdirected: a valid heartbeat sent to the poll endpoint.
    assert_eq!(post(&env, "poll", &heartbeat(&id, &id.sign, now)).await.0, 401);
    wait_for_log(&["refused an agent message", &id.agent_id, "wrong kind"]).await;

    // Revoked: a perfectly good message from a revoked agent.
    let row = env.server.services.db.agent(&id.agent_id).await.unwrap().unwrap();
    assert!(rekey::agent::admin::revoke(&env.server.services.db, &env.server.services.keys, &row, now).await.unwrap());
    let (status, body) = post(&env, "heartbeat", &heartbeat(&id, &id.sign, proto::now())).await;
    assert_eq!(status, 403, "{body}");
    wait_for_log(&["refused a message from a revoked agent", &id.agent_id]).await;
}

/// A portal impostor (or an intercepting proxy): it answers heartbeats properly but offers a
/// reset job for a victim, once signed by the wrong key and once as a replay of an answer to
/// another request. The agent must run neither.
#[tokio::test]
async fn an_agent_runs_no_job_from_a_forged_or_replayed_portal_answer() {
    use axum::extract::State;
    use axum::routing::post as route_post;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    let dc = SambaDc::shared().await;
    let victim = dc.create_user("victim").await;
    let account = dir_user(dc, &victim.uid).await;
    let before = dc.password_writes(&victim).await;

    let (sign, boxk) = Identity::generate_keys();
    let portal_key = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let forger = ed25519_dalek::SigningKey::generate(&mut rand::rngs::OsRng);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let identity = Identity {
        agent_id: "agent-under-attack".into(),
        name: "target".into(),
        portal_url: url::Url::parse(&url).unwrap(),
        portal_key: portal_key.verifying_key(),
        job_key: Some(portal_key.verifying_key()),
        sign,
        boxk: boxk.clone(),
        previous_box: None,
    };

    struct Impostor {
        portal_key: ed25519_dalek::SigningKey,
        forger: ed25519_dalek::SigningKey,
        box_key: Vec<u8>,
        account: DirUser,
        password: String,
        polls: AtomicU32,
    }
    let password = new_password();
    let impostor = Arc::new(Impostor {
        portal_key,
        forger,
        box_key: boxk.public_key().as_bytes().to_vec(),
        account,
        password: password.clone(),
        polls: AtomicU32::new(0),
    });
    async fn heartbeat_ack(
        State(s): State<Arc<Impostor>>,
        axum::Json(env): axum::Json<Envelope>,
    ) -> axum::Json<Envelope> {
        let req: proto::Message<serde_json::Value> = proto::peek(&env).unwrap();
        let header = Header::new(Kind::HeartbeatAck, &req.header.agent, proto::now(), Some(&req.header.nonce));
        axum::Json(
            proto::sign(&s.portal_key, proto::PORTAL, header, &proto::HeartbeatAckBody { rotate_requested: false })
                .unwrap(),
        )
    }
    async fn forged_offer(
        State(s): State<Arc<Impostor>>,
        axum::Json(env): axum::Json<Envelope>,
    ) -> axum::Json<Envelope> {
        let req: proto::Message<serde_json::Value> = proto::peek(&env).unwrap();
        let n = s.polls.fetch_add(1, Ordering::SeqCst);
        let job_id = format!("evil-{n}");
        let sealed = proto::seal_job(
            &proto::SealedJob {
                job_id: job_id.clone(),
                request: proto::Request::ResetPassword {
                    user: Box::new(s.account.clone()),
                    new: SecretString::from(s.password.clone()),
                    must_change: false,
                },
                expires: proto::now() + 10,
                sig: None,
            },
            &s.box_key,
        )
        .unwrap();
        let offer = proto::OfferBody {
            job: Some(proto::JobOffer {
                job_id,
                lease_id: "l".into(),
                op: proto::Op::ResetPassword,
                sealed: base64::engine::general_purpose::STANDARD.encode(sealed),
                lease_expires: proto::now() + 10,
                lease_secs: Some(10),
            }),
        };
        // Even polls: signed by a key the agent never pinned. Odd: the right key, but an answer
        // to some other request (a replay).
        let (key, reply_to) = if n % 2 == 0 {
            (&s.forger, req.header.nonce.clone())
        } else {
            (&s.portal_key, "an-earlier-request-nonce".to_owned())
        };
        let header = Header::new(Kind::Offer, &req.header.agent, proto::now(), Some(&reply_to));
        tokio::time::sleep(Duration::from_millis(100)).await;
        axum::Json(proto::sign(key, proto::PORTAL, header, &offer).unwrap())
    }
    let app = axum::Router::new()
        .route("/agent/v1/heartbeat", route_post(heartbeat_ack))
        .route("/agent/v1/poll", route_post(forged_offer))
        .with_state(impostor.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let mut agent = AgentProcess::from_identity(&identity, &dc.directory_config(), "target").await;
    let started = Instant::now();
    loop {
        let log = agent.log();
        if log.contains("signature does not verify") && log.contains("does not answer the request") {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(15), "the agent did not refuse both:\n{log}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(impostor.polls.load(Ordering::SeqCst) >= 2);
    agent.kill().await;
    server.abort();
    assert_eq!(dc.password_writes(&victim).await, before, "no forged job reached the DC");
    assert!(dc.bind(&victim.dn, &victim.password).await);
    assert!(!agent.log().contains("took a job") && !agent.log().contains("job done"));
}

/// Over real HTTPS through a TLS-terminating proxy (the agent trusting a private CA): the
/// proxy sees every byte in the clear, yet never a password, because jobs are sealed.
#[tokio::test]
async fn a_tls_terminating_proxy_between_agent_and_portal_never_sees_a_password() {
    let dc = SambaDc::shared().await;
    let env = portal(|_| {}).await;
    let tls = dc.ca_file.parent().unwrap();
    let proxy =
        crate::support::tls_proxy::TlsProxy::start(&tls.join("server.pem"), &tls.join("server.key"), env.server.addr)
            .await;
    let extra = format!("portal_ca_file = {:?}", dc.ca_file.display().to_string());
    let launch = Launch { ca_file: Some(&dc.ca_file), extra: &extra, ..Launch::default() };
    let agent =
        AgentProcess::start_with(&env.server.services, &proxy.url, &dc.directory_config(), "behind-proxy", launch)
            .await;

    let user = dc.create_user("proxied").await;
    let account = dir_user(dc, &user.uid).await;
    let services = &env.server.services;
    let old = SecretString::from(user.password.clone());
    services.directory.verify_password(&account, &old).await.unwrap();
    let p = new_password();
    services.directory.change_password(&account, &old, &SecretString::from(p.clone())).await.unwrap();
    assert!(dc.bind(&user.dn, &p).await);

    let seen = proxy.seen();
    assert!(seen.len() > 1000, "the proxy carried the agent's traffic");
    assert!(memchr::memmem::find(&seen, b"agent/v1/poll").is_some());
    for secret in [user.password.as_bytes(), p.as_bytes()] {
        assert!(memchr::memmem::find(&seen, secret).is_none(), "a password crossed the proxy in the clear");
    }
    assert!(agent.log().contains("job done"));
}
