//! A bound on directory operations in flight, whatever the backend: a burst of requests (or
//! an attack) queues briefly for a permit instead of opening unbounded work against the
//! directory, and gives up with "unavailable" rather than waiting forever.

use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use secrecy::SecretString;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::{DirError, DirUser, Directory, LockStatus, Login};

pub struct Bounded {
    inner: Arc<dyn Directory>,
    permits: Arc<Semaphore>,
    queue_timeout: Duration,
}

impl Bounded {
    pub fn new(inner: Arc<dyn Directory>, max_in_flight: usize, queue_timeout: Duration) -> Bounded {
        Bounded { inner, permits: Arc::new(Semaphore::new(max_in_flight.max(1))), queue_timeout }
    }

    async fn permit(&self) -> Result<OwnedSemaphorePermit, DirError> {
        match tokio::time::timeout(self.queue_timeout, self.permits.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            _ => {
                tracing::warn!("too many directory operations at once; one was turned away");
                Err(DirError::Unavailable("too many directory operations at once".into()))
            }
        }
    }
}

super::wrapper::wrap_directory! { Bounded {
    async fn find_user(&self, login: &Login) -> Result<Option<DirUser>, DirError> {
        let _p = self.permit().await?;
        self.inner.find_user(login).await
    }

    async fn search_users(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        let _p = self.permit().await?;
        self.inner.search_users(text, limit).await
    }

    async fn verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.verify_password(user, password).await
    }

    async fn verify_password_warned(
        &self,
        user: &DirUser,
        password: &SecretString,
    ) -> Result<Option<super::PasswordWarning>, DirError> {
        let _p = self.permit().await?;
        self.inner.verify_password_warned(user, password).await
    }

    async fn change_password(&self, user: &DirUser, old: &SecretString, new: &SecretString) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.change_password(user, old, new).await
    }

    async fn reset_password(&self, user: &DirUser, new: &SecretString, must_change: bool) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.reset_password(user, new, must_change).await
    }

    async fn unlock(&self, user: &DirUser) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.unlock(user).await
    }

    async fn lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        let _p = self.permit().await?;
        self.inner.lock_status(user).await
    }

    async fn health(&self) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.health().await
    }

    async fn list_users_counted(&self, limit: usize, progress: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
        let _p = self.permit().await?;
        self.inner.list_users_counted(limit, progress).await
    }

    async fn list_password_expiry(
        &self,
        limit: usize,
        throttle: &super::expiry::Throttle,
    ) -> Result<Vec<super::expiry::Expiring>, DirError> {
        let _p = self.permit().await?;
        self.inner.list_password_expiry(limit, throttle).await
    }

    async fn password_expiry(&self, user: &DirUser) -> Result<Option<super::expiry::Expiry>, DirError> {
        let _p = self.permit().await?;
        self.inner.password_expiry(user).await
    }

    async fn sign_out_everywhere(&self, user: &DirUser) -> Result<(), DirError> {
        let _p = self.permit().await?;
        self.inner.sign_out_everywhere(user).await
    }

    async fn password_rules(&self, user: &DirUser) -> Result<Option<super::rules::AccountRules>, DirError> {
        let _p = self.permit().await?;
        self.inner.password_rules(user).await
    }
}}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;

    /// A directory whose look-ups take a while.
    struct Slow;

    #[async_trait]
    impl Directory for Slow {
        async fn find_user(&self, _: &Login) -> Result<Option<DirUser>, DirError> {
            tokio::time::sleep(Duration::from_millis(300)).await;
            Ok(None)
        }
        async fn verify_password(&self, _: &DirUser, _: &SecretString) -> Result<(), DirError> {
            Ok(())
        }
        async fn change_password(&self, _: &DirUser, _: &SecretString, _: &SecretString) -> Result<(), DirError> {
            Ok(())
        }
        async fn reset_password(&self, _: &DirUser, _: &SecretString, _: bool) -> Result<(), DirError> {
            Ok(())
        }
        async fn unlock(&self, _: &DirUser) -> Result<(), DirError> {
            Ok(())
        }
        async fn lock_status(&self, _: &DirUser) -> Result<LockStatus, DirError> {
            Ok(LockStatus::Unlocked)
        }
        async fn health(&self) -> Result<(), DirError> {
            Ok(())
        }
        async fn list_users_counted(&self, _: usize, _: &AtomicUsize) -> Result<Vec<DirUser>, DirError> {
            Ok(vec![])
        }
    }

    #[tokio::test]
    async fn operations_past_the_bound_wait_then_give_up() {
        let d = Arc::new(Bounded::new(Arc::new(Slow), 2, Duration::from_millis(100)));
        let login = Login::parse("x").unwrap();
        let calls: Vec<_> = (0..3)
            .map(|_| {
                let d = d.clone();
                let login = login.clone();
                tokio::spawn(async move { d.find_user(&login).await })
            })
            .collect();
        let mut turned_away = 0;
        for c in calls {
            if matches!(c.await.unwrap(), Err(DirError::Unavailable(_))) {
                turned_away += 1;
            }
        }
        assert_eq!(turned_away, 1, "two run, the third waits 100 ms and gives up");
        // Once they are done, there is room again.
        assert!(d.find_user(&login).await.is_ok());
    }
}
