//! What the directory wrappers (`bounded.rs`, `instrumented.rs`) share: the operations they
//! hand to the directory they wrap as they are.

/// `impl Directory for $wrapper` (a struct with an `inner: Arc<dyn Directory>`): the operations
/// written out in the braces, and the rest passed to `inner` unchanged. Those are answered from
/// configuration or a backend's cache (the rules for everyone, notes, the Graph handle, whether
/// a change proves the current password), so there is nothing to bound or to time.
macro_rules! wrap_directory {
    ($wrapper:ty { $($own:tt)* }) => {
        #[async_trait::async_trait]
        impl $crate::directory::Directory for $wrapper {
            $($own)*

            async fn default_password_rules(&self) -> Option<$crate::directory::rules::PasswordRules> {
                self.inner.default_password_rules().await
            }

            async fn notes(&self) -> Vec<String> {
                self.inner.notes().await
            }

            fn graph(&self) -> Option<&$crate::directory::graph::GraphDirectory> {
                self.inner.graph()
            }

            fn change_proves_current(&self) -> bool {
                self.inner.change_proves_current()
            }
        }
    };
}
pub(super) use wrap_directory;
