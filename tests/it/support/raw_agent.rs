//! An enrolled agent driven by hand: the test signs each message with the agent's own keys and
//! posts it, to play an agent from another version or one that vanishes mid-job.

use std::path::PathBuf;

use rekey::agent::keyfile::Identity;
use rekey::agent::proto::{self, Header, Kind};
use rekey::flow::Services;

pub struct RawAgent {
    pub identity: Identity,
    pub portal_url: String,
    _dir: tempfile::TempDir,
    pub key_file: PathBuf,
}

impl RawAgent {
    /// Enrols with the real CLI (which reports this build's version); nothing runs afterwards.
    pub async fn enroll(services: &Services, portal_url: &str, name: &str) -> RawAgent {
        let dir = tempfile::tempdir().unwrap();
        let key_file = dir.path().join("agent.key");
        let token = super::agent::token(services, name).await;
        let (ok, stderr) = super::agent::enroll_cli(portal_url, &token, name, &key_file).await;
        assert!(ok, "enrolment failed: {stderr}");
        let identity = Identity::load(&key_file).unwrap();
        RawAgent { identity, portal_url: portal_url.to_owned(), _dir: dir, key_file }
    }

    /// Signs `body` as a message of `kind`, posts it to `endpoint`, and returns the portal's
    /// verified answer body, or the HTTP status and text of its refusal.
    pub async fn send(
        &self,
        endpoint: &str,
        kind: Kind,
        reply_kind: Kind,
        body: serde_json::Value,
    ) -> Result<serde_json::Value, (u16, String)> {
        let id = &self.identity;
        let header = Header::new(kind, &id.agent_id, proto::now(), None);
        let nonce = header.nonce.clone();
        let envelope = proto::sign(&id.sign, &id.agent_id, header, &body).unwrap();
        let res = reqwest::Client::new()
            .post(format!("{}/agent/v1/{endpoint}", self.portal_url))
            .json(&envelope)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        if status != 200 {
            return Err((status, res.text().await.unwrap()));
        }
        let reply: proto::Envelope = res.json().await.unwrap();
        let msg: proto::Message<serde_json::Value> = proto::open(&reply, &id.portal_key).unwrap();
        msg.header.check(reply_kind, &id.agent_id, proto::now(), Some(&nonce)).unwrap();
        Ok(msg.body)
    }

    /// A heartbeat reporting `version`.
    pub async fn heartbeat(&self, version: &str) -> Result<serde_json::Value, (u16, String)> {
        let body = serde_json::json!({ "version": version, "hostname": "raw-agent", "directory_ok": true });
        self.send("heartbeat", Kind::Heartbeat, Kind::HeartbeatAck, body).await
    }

    /// A poll that waits for nothing, as an agent of `version` (`None`: one that does not say).
    pub async fn poll(&self, version: Option<&str>) -> Result<serde_json::Value, (u16, String)> {
        let mut body = serde_json::json!({ "wait_secs": 0 });
        if let Some(v) = version {
            body["version"] = v.into();
        }
        self.send("poll", Kind::Poll, Kind::Offer, body).await
    }
}
