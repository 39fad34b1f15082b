//! The account an OpenID Connect sign-in names, by the ID token's `oid`: the object id, which
//! stays when the UPN or mail changes (Microsoft documents `preferred_username` as mutable), and
//! whatever `login_attribute` says typed logins match.

use super::client::Call;
use super::{GraphDirectory, GraphUser, app_error, parse};
use crate::directory::{DirError, DirUser, Login};

impl GraphDirectory {
    /// The account with this object id, as [`crate::directory::Directory::find_user`] would
    /// give it (groups read, a synced account from its on-premises directory); `None` for an
    /// unknown id.
    pub async fn find_signed_in(&self, object_id: &str) -> Result<Option<DirUser>, DirError> {
        let Ok(id) = uuid::Uuid::parse_str(object_id) else { return Ok(None) };
        let path = format!("/users/{}", id.hyphenated());
        let bytes = match self.app_call(Call::get("find signed-in user", &path, &[("$select", super::SELECT)])).await {
            Ok(bytes) => bytes,
            Err(e) => {
                return match app_error(e, "User.Read.All") {
                    DirError::NotFound => Ok(None),
                    e => Err(e),
                };
            }
        };
        let user: GraphUser = parse(&bytes)?;
        if !user.id.eq_ignore_ascii_case(object_id) {
            return Ok(None);
        }
        // Today's UPN of that object: the look-up (groups, on-premises routing) is the one a
        // typed UPN gets, checked to land on the same object.
        let Some(upn) = user.user_principal_name.as_deref().and_then(Login::parse) else { return Ok(None) };
        let found = self.find_by("userPrincipalName", &upn).await?;
        Ok(found
            .filter(|u| user.on_premises_sync_enabled == Some(true) || u.id.as_str().eq_ignore_ascii_case(&user.id)))
    }
}
