//! Which of the configured groups an account is in: checkMemberGroups, transitive, asked in
//! batches of 20 ids (the most Graph takes in one call) so that every group the configuration
//! names (scope, exclusions, method rules, admin area, privileged alerts) is answered.

use reqwest::Method;
use serde::Deserialize;

use super::client::Call;
use super::{GraphDirectory, app_error, parse};
use crate::directory::DirError;

/// The most group ids checkMemberGroups accepts in one call.
pub(super) const MAX_IDS_PER_CALL: usize = 20;

#[derive(Deserialize)]
struct Ids {
    value: Vec<String>,
}

impl GraphDirectory {
    /// The configured groups the account `id` is in, directly or through nested groups, in
    /// the order the configuration names them.
    pub(super) async fn member_groups(&self, id: &str) -> Result<Vec<String>, DirError> {
        let mut member = Vec::new();
        for batch in self.scope_groups.chunks(MAX_IDS_PER_CALL) {
            let body = serde_json::json!({ "groupIds": batch });
            let bytes = self
                .app_call(Call::write(
                    "checkMemberGroups",
                    Method::POST,
                    &format!("/users/{id}/checkMemberGroups"),
                    Some(&body),
                ))
                .await
                .map_err(|e| app_error(e, "GroupMember.Read.All"))?;
            let found: Ids = parse(&bytes)?;
            member.extend(batch.iter().filter(|g| found.value.iter().any(|f| f.eq_ignore_ascii_case(g))).cloned());
        }
        Ok(member)
    }
}
