//! What a test needs from a directory, so one test body runs against OpenLDAP and Active
//! Directory alike. Every method works on the real server directly, never through rekey.

pub use super::slapd::TestUser;

#[async_trait::async_trait]
pub trait TestDirectory: Send + Sync {
    /// "openldap" or "samba".
    fn name(&self) -> &'static str;
    /// What a portal needs to use this directory.
    fn directory_config(&self) -> rekey::config::DirectoryConfig;
    /// Whether the portal reaches this directory through a writeback agent process
    /// (`directory_config` is then the agent's, and the portal's is `kind = "agent"`).
    fn via_agent(&self) -> bool {
        false
    }
    /// A new enabled account with a unique login and a random policy-compliant password.
    async fn create_user(&self, prefix: &str) -> TestUser;
    /// Adds the account to a group by cn (staff, contractors, it-admins; AD also staff-nested).
    async fn add_to_group(&self, user: &TestUser, group: &str);
    /// A raw simple bind; true on success.
    async fn bind(&self, dn: &str, password: &str) -> bool;
    async fn is_locked(&self, user: &TestUser) -> bool;
    /// Locks the account with bad binds, as a person would.
    async fn lock(&self, user: &TestUser);
    /// Whether the directory will make the person change the password at next logon.
    async fn must_change(&self, user: &TestUser) -> bool;
    /// Makes a forced change at next logon possible (OpenLDAP needs a policy for it).
    async fn allow_forced_change(&self, user: &TestUser);
    /// Disables the account the way an administrator would.
    async fn disable(&self, user: &TestUser);
}

/// An account as JSON with its groups in a stable order, to compare what `list_users` says
/// with what `find_user` says.
pub fn comparable(user: &rekey::directory::DirUser) -> serde_json::Value {
    let mut user = user.clone();
    user.groups.sort_by_key(|g| g.to_lowercase());
    serde_json::to_value(user).unwrap()
}

/// `impl TestDirectory for $server`, where the server's inherent methods of the same names do
/// the work; the methods each server does its own way (`allow_forced_change`, `disable`) follow
/// as items.
macro_rules! delegate_test_directory {
    ($server:ident, $name:literal, { $($own:tt)* }) => {
        #[async_trait::async_trait]
        impl $crate::support::directory::TestDirectory for $server {
            fn name(&self) -> &'static str {
                $name
            }

            fn directory_config(&self) -> rekey::config::DirectoryConfig {
                $server::directory_config(self)
            }

            async fn create_user(&self, prefix: &str) -> TestUser {
                $server::create_user(self, prefix).await
            }

            async fn add_to_group(&self, user: &TestUser, group: &str) {
                $server::add_to_group(self, user, group).await
            }

            async fn bind(&self, dn: &str, password: &str) -> bool {
                $server::bind(self, dn, password).await
            }

            async fn is_locked(&self, user: &TestUser) -> bool {
                $server::is_locked(self, user).await
            }

            async fn lock(&self, user: &TestUser) {
                $server::lock(self, user).await
            }

            async fn must_change(&self, user: &TestUser) -> bool {
                $server::must_change(self, user).await
            }

            $($own)*
        }
    };
}
pub(crate) use delegate_test_directory;
