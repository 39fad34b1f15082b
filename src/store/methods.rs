//! Registered recovery methods. `sealed` is encrypted by the caller; `label` is a non-secret
//! display such as a masked address. TOTP replay protection lives here as one atomic update.

use super::{Db, StoreError, WithMac, execute, inline, with_pool};
use crate::clock::UnixTime;

/// One registered method as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StoredMethod {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub label: String,
    /// The address or TOTP seed, sealed with `crypto::Keys`.
    pub sealed: Vec<u8>,
    pub created_at: UnixTime,
    pub last_used_at: Option<UnixTime>,
    /// The last TOTP time step accepted; a code for this step or an older one is a replay.
    pub totp_last_step: Option<i64>,
}

impl Db {
    /// A person's methods, oldest first, unchecked (see `flow::rows` for the checked list).
    pub async fn list_methods(&self, user_id: &str) -> Result<Vec<StoredMethod>, StoreError> {
        Ok(self.list_methods_with_macs(user_id).await?.into_iter().map(|(m, _)| m).collect())
    }

    /// A person's methods, oldest first, each with its MAC as stored.
    pub async fn list_methods_with_macs(
        &self,
        user_id: &str,
    ) -> Result<Vec<(StoredMethod, Option<Vec<u8>>)>, StoreError> {
        const SQL: &str = "SELECT id, user_id, kind, label, sealed, created_at, last_used_at, totp_last_step, mac \
                           FROM methods WHERE user_id = $1 ORDER BY created_at, id";
        let here = self.read_here(|c| {
            inline::all(c, SQL, &[&user_id], |r| {
                let method = StoredMethod {
                    id: r.get(0)?,
                    user_id: r.get(1)?,
                    kind: r.get(2)?,
                    label: r.get(3)?,
                    sealed: r.get(4)?,
                    created_at: r.get(5)?,
                    last_used_at: r.get(6)?,
                    totp_last_step: r.get(7)?,
                };
                Ok((method, r.get(8)?))
            })
        });
        if let Some(rows) = here {
            return Ok(rows);
        }
        let rows: Vec<WithMac<StoredMethod>> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).fetch_all(pool).await?);
        Ok(rows.into_iter().map(WithMac::into_pair).collect())
    }

    /// Methods stored by a version before MACs (migration 0008), for `flow::rows` to bind.
    pub async fn methods_without_mac(&self) -> Result<Vec<StoredMethod>, StoreError> {
        const SQL: &str = "SELECT id, user_id, kind, label, sealed, created_at, last_used_at, totp_last_step \
                           FROM methods WHERE mac IS NULL ORDER BY created_at, id";
        Ok(with_pool!(self, |pool| sqlx::query_as(SQL).fetch_all(pool).await?))
    }

    /// Gives a method stored without a MAC the one `flow::rows` made; never replaces a MAC.
    pub async fn set_method_mac(&self, id: &str, mac: &[u8]) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE methods SET mac = $2 WHERE id = $1 AND mac IS NULL";
        let n = execute!(self, SQL, id, mac);
        Ok(n == 1)
    }

    /// Saves a newly confirmed method without a MAC, as tests and tools do: the portal's
    /// checks (`flow::rows`) treat such a row as absent.
    pub async fn insert_method(&self, m: &StoredMethod) -> Result<(), StoreError> {
        self.insert_with_credential(m, None, None).await?;
        Ok(())
    }

    /// Saves a newly confirmed method with the MAC `flow::rows` made for it.
    pub async fn insert_method_with_mac(&self, m: &StoredMethod, mac: &[u8]) -> Result<(), StoreError> {
        self.insert_with_credential(m, None, Some(mac)).await?;
        Ok(())
    }

    /// Saves a newly confirmed passkey with the keyed hash of its credential id and its MAC;
    /// false when that credential is registered already (to this account or another).
    pub async fn insert_passkey(&self, m: &StoredMethod, credential: &str, mac: &[u8]) -> Result<bool, StoreError> {
        self.insert_with_credential(m, Some(credential), Some(mac)).await
    }

    /// Inserts a method; false when `credential` is set and taken already (an empty one never is).
    async fn insert_with_credential(
        &self,
        m: &StoredMethod,
        credential: Option<&str>,
        mac: Option<&[u8]>,
    ) -> Result<bool, StoreError> {
        const SQL: &str = "INSERT INTO methods (id, user_id, kind, label, sealed, created_at, last_used_at, totp_last_step, credential, mac) \
                           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (credential) DO NOTHING";
        let n = execute!(
            self,
            SQL,
            &m.id,
            &m.user_id,
            &m.kind,
            &m.label,
            &m.sealed,
            m.created_at,
            m.last_used_at,
            m.totp_last_step,
            credential,
            mac
        );
        Ok(n == 1)
    }

    /// Replaces a method's sealed value (a passkey's signature counter moved on) and its MAC,
    /// and records that it was just used.
    pub async fn reseal_method(&self, id: &str, sealed: &[u8], mac: &[u8], now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE methods SET sealed = $2, mac = $3, last_used_at = $4 WHERE id = $1";
        execute!(self, SQL, id, sealed, mac, now);
        Ok(())
    }

    /// Removes one of a person's methods; false if they have no method with that id.
    pub async fn delete_method(&self, user_id: &str, id: &str) -> Result<bool, StoreError> {
        const SQL: &str = "DELETE FROM methods WHERE user_id = $1 AND id = $2";
        let n = execute!(self, SQL, user_id, id);
        Ok(n == 1)
    }

    /// Accepts TOTP time step `step` for method `id` only if no step at or after it was accepted
    /// before. Atomic: of several concurrent claims of one step, exactly one wins.
    pub async fn claim_totp_step(&self, id: &str, step: i64, now: UnixTime) -> Result<bool, StoreError> {
        const SQL: &str = "UPDATE methods SET totp_last_step = $2, last_used_at = $3 \
                           WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)";
        let n = execute!(self, SQL, id, step, now);
        Ok(n == 1)
    }

    /// Records that a method was just used successfully.
    pub async fn touch_method(&self, id: &str, now: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "UPDATE methods SET last_used_at = $2 WHERE id = $1";
        execute!(self, SQL, id, now);
        Ok(())
    }
}

impl Db {
    /// When the person last confirmed their methods, if ever.
    pub async fn method_reviewed_at(&self, user_id: &str) -> Result<Option<UnixTime>, StoreError> {
        const SQL: &str = "SELECT reviewed_at FROM method_reviews WHERE user_id = $1";
        let row: Option<(UnixTime,)> =
            with_pool!(self, |pool| sqlx::query_as(SQL).bind(user_id).fetch_optional(pool).await?);
        Ok(row.map(|(at,)| at))
    }

    /// Records that the person confirmed their methods at `at`.
    pub async fn set_method_reviewed(&self, user_id: &str, at: UnixTime) -> Result<(), StoreError> {
        const SQL: &str = "INSERT INTO method_reviews (user_id, reviewed_at) VALUES ($1, $2) \
                           ON CONFLICT (user_id) DO UPDATE SET reviewed_at = excluded.reviewed_at";
        execute!(self, SQL, user_id, at);
        Ok(())
    }
}
