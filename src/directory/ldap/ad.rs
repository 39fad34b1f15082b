//! The Active Directory flavour of the LDAP backend: objectGUID ids, state from
//! userAccountControl / msDS-User-Account-Control-Computed / pwdLastSet, and password
//! operations on `unicodePwd` (groups: `ad_groups.rs`).
//!
//! Passwords only travel over TLS (the config refuses anything else: Samba 4.17 with
//! `ldap server require strong auth = no` accepts a `unicodePwd` write over plain LDAP instead
//! of answering 53/0000001F). They are encoded into zeroized buffers; ldap3 copies them into
//! its request, which is beyond our reach. Never log a password or a `unicodePwd` value.
//!
//! Facts from the Samba 4.17 DC these were tested against (REFERENCE.md is silent or differs):
//! - A change (`delete unicodePwd <old>` + `add unicodePwd <new>`) works on the service
//!   account's connection: AD grants "Change Password" to Everyone, and the DC still checks
//!   the old password (00000056, counted as a bad password towards lockout), history, minimum
//!   age and complexity, and refuses a locked account (19, 00000775). It also works when the
//!   person's own bind fails with 773 (must change) or 532 (expired), which is why every
//!   change is made that way. It does *not* refuse a disabled account: that is checked here.
//! - `replace unicodePwd`, `lockoutTime = 0` and `pwdLastSet = 0` or `-1` are accepted in one
//!   modify, applied in order; `lockoutTime = 0` also zeroes badPwdCount.
//! - `pwdLastSet = 0` also sets 0x800000 (password expired) in the computed flags.
//! - The policy-hints control is not in Samba 4.17's supportedControl: sent non-critical it
//!   is ignored, so a reset may reuse a password from history whatever
//!   `enforce_history_on_reset` (on by default for AD) says; sent critical, the reset fails
//!   with 12. `ad_hints.rs` reads supportedControl and says so in the log and on `/readyz`.
//! - A bind with the right password of a disabled account answers 533; a wrong one 52e.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

use ldap3::controls::RawControl;
use ldap3::{LdapResult, Mod, Scope, SearchEntry};
use secrecy::{ExposeSecret, SecretString};
use zeroize::Zeroizing;

use super::ad_diagnostic::{bind_error, bind_subcode, password_refusal};
use super::conn::Retry;
use super::{LdapDirectory, connection_error, first, logged, result_error};
use crate::directory::{AccountState, DirError, DirUser, LockStatus, PolicyReason, UserId};

pub const OBJECT_GUID: &str = "objectGUID";
const USER_ACCOUNT_CONTROL: &str = "userAccountControl";
/// Constructed: only returned when asked for by name.
const UAC_COMPUTED: &str = "msDS-User-Account-Control-Computed";
const PWD_LAST_SET: &str = "pwdLastSet";
const ACCOUNT_EXPIRES: &str = "accountExpires";
const LOCKOUT_TIME: &str = "lockoutTime";
const UNICODE_PWD: &str = "unicodePwd";

/// Attributes read for every account, besides the configured login, name, mail and phone.
pub const STATE_ATTRIBUTES: [&str; 5] =
    [OBJECT_GUID, USER_ACCOUNT_CONTROL, UAC_COMPUTED, PWD_LAST_SET, ACCOUNT_EXPIRES];

const UAC_ACCOUNTDISABLE: i64 = 0x2;
const COMPUTED_LOCKOUT: i64 = 0x10;
const COMPUTED_PASSWORD_EXPIRED: i64 = 0x80_0000;

/// LDAP_SERVER_POLICY_HINTS_OID with `SEQUENCE { INTEGER 1 }`: apply history to a reset.
/// Not critical: a DC without it (Samba 4.17) must still reset.
fn policy_hints() -> RawControl {
    RawControl {
        ctype: super::ad_hints::POLICY_HINTS_OID.to_owned(),
        crit: false,
        val: Some(vec![0x30, 0x03, 0x02, 0x01, 0x01]),
    }
}

/// An attribute name or value in a modify; password values are wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
struct Bytes(Zeroizing<Vec<u8>>);

impl Bytes {
    fn text(s: &str) -> Bytes {
        Bytes(Zeroizing::new(s.as_bytes().to_vec()))
    }
}

impl Hash for Bytes {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_slice().hash(state);
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

/// A `unicodePwd` value: the password in double quotes, UTF-16LE. Characters outside the
/// BMP become surrogate pairs.
fn unicode_pwd(password: &SecretString) -> Bytes {
    let quoted = std::iter::once('"').chain(password.expose_secret().chars()).chain(std::iter::once('"'));
    let mut out = Zeroizing::new(Vec::with_capacity(2 * password.expose_secret().len() + 4));
    let mut units = [0u16; 2];
    for c in quoted {
        for unit in c.encode_utf16(&mut units).iter() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
    }
    units.fill(0);
    Bytes(out)
}

fn one(value: Bytes) -> HashSet<Bytes> {
    HashSet::from([value])
}

/// A 16-byte objectGUID in its usual text form: the first three fields are little-endian.
pub fn guid_string(b: &[u8]) -> Option<String> {
    let b: &[u8; 16] = b.try_into().ok()?;
    Some(format!(
        "{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
        b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
    ))
}

/// The `DC=` suffix of a DN: the domain the groups are searched under by default.
pub fn domain_dn(dn: &str) -> String {
    let parts: Vec<&str> = dn.split(',').map(str::trim).collect();
    let start =
        parts.iter().position(|p| p.get(..3).is_some_and(|k| k.eq_ignore_ascii_case("dc="))).unwrap_or(parts.len());
    parts.get(start..).map(|p| p.join(",")).unwrap_or_default()
}

/// A binary attribute's first value. ldap3 files a value that happens to be valid UTF-8
/// under `attrs`, so both maps are looked at.
fn binary(entry: &SearchEntry, name: &str) -> Option<Vec<u8>> {
    let bin = entry.bin_attrs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).and_then(|(_, v)| v.first()).cloned();
    bin.or_else(|| first(entry, name).map(|s| s.as_bytes().to_vec()))
}

fn integer(entry: &SearchEntry, name: &str) -> Option<i64> {
    first(entry, name).and_then(|v| v.trim().parse().ok())
}

/// Windows FILETIME (100 ns since 1601) of `now`.
fn filetime(now: SystemTime) -> i64 {
    let unix = now.duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 2));
    (unix + 11_644_473_600).saturating_mul(10_000_000)
}

/// The account's state. `now` judges accountExpires; the DC uses its own clock for the rest.
pub fn account_state(entry: &SearchEntry, now: SystemTime) -> AccountState {
    let uac = integer(entry, USER_ACCOUNT_CONTROL).unwrap_or(0);
    let computed = integer(entry, UAC_COMPUTED).unwrap_or(0);
    let must_change = integer(entry, PWD_LAST_SET) == Some(0);
    // 0 and i64::MAX both mean "never".
    let account_expired = integer(entry, ACCOUNT_EXPIRES).is_some_and(|t| t > 0 && t < i64::MAX && t <= filetime(now));
    AccountState {
        // An expired account cannot sign in and self-service cannot change that.
        disabled: uac & UAC_ACCOUNTDISABLE != 0 || account_expired,
        locked: computed & COMPUTED_LOCKOUT != 0,
        // pwdLastSet = 0 raises the expired flag too; that is must-change, not expiry.
        password_expired: computed & COMPUTED_PASSWORD_EXPIRED != 0 && !must_change,
        must_change,
    }
}

/// The stable id and state of a found entry; `None` (logged) without a usable objectGUID.
pub fn identity(entry: &SearchEntry, now: SystemTime) -> Option<(UserId, AccountState)> {
    let Some(id) = binary(entry, OBJECT_GUID).and_then(|b| guid_string(&b)) else {
        tracing::warn!(dn = %entry.dn, "directory entry has no 16-byte objectGUID; ignored");
        return None;
    };
    Some((UserId(id), account_state(entry, now)))
}

impl LdapDirectory {
    /// The account's state read now, as the service account.
    async fn ad_state(&self, dn: &str) -> Result<AccountState, DirError> {
        let timeout = self.connector().timeout();
        let found = self
            .pool
            .run(Retry::Idempotent, |mut ldap| async move {
                ldap.with_timeout(timeout).search(dn, Scope::Base, "(objectClass=*)", STATE_ATTRIBUTES.to_vec()).await
            })
            .await?;
        if found.1.rc != 0 {
            return Err(logged("account state", dn, &found.1));
        }
        let entry = found.0.into_iter().next().map(SearchEntry::construct).ok_or(DirError::NotFound)?;
        Ok(account_state(&entry, SystemTime::now()))
    }

    /// A fresh state that allows a password to be set, or why not.
    async fn ad_usable(&self, dn: &str) -> Result<AccountState, DirError> {
        let state = self.ad_state(dn).await?;
        if state.disabled {
            tracing::warn!(dn, "password operation refused: the account is disabled");
            return Err(DirError::Disabled);
        }
        Ok(state)
    }

    /// A password modify as the service account; password operations are never re-sent once
    /// they may have reached the server.
    async fn ad_password_modify(
        &self,
        what: &str,
        dn: &str,
        mods: Vec<Mod<Bytes>>,
        controls: Vec<RawControl>,
    ) -> Result<(), DirError> {
        let timeout = self.connector().timeout();
        let result = self
            .pool
            .run(Retry::OnlyIfUnsent, |mut ldap| {
                let (mods, controls) = (mods.clone(), controls.clone());
                async move {
                    if !controls.is_empty() {
                        ldap.with_controls(controls);
                    }
                    ldap.with_timeout(timeout).modify(dn, mods).await
                }
            })
            .await?;
        if result.rc == 0 { Ok(()) } else { Err(refusal(what, dn, &result)) }
    }

    pub(super) async fn ad_verify_password(&self, user: &DirUser, password: &SecretString) -> Result<(), DirError> {
        if password.expose_secret().is_empty() {
            return Err(DirError::WrongPassword);
        }
        let mut ldap = self.connector().connect().await?;
        let result = ldap
            .with_timeout(self.connector().timeout())
            .simple_bind(&user.dn, password.expose_secret())
            .await
            .map_err(|e| connection_error(&e));
        let _ = ldap.unbind().await;
        let result = result?;
        let error = match result.rc {
            0 => return Ok(()),
            49 => bind_error(&result.text),
            rc => result_error(rc, &result.text),
        };
        let data = bind_subcode(&result.text).map(|c| format!("{c:x}"));
        tracing::warn!(rc = result.rc, data, dn = %user.dn, "bind as the user failed: {error}");
        Err(error)
    }

    pub(super) async fn ad_change_password(
        &self,
        user: &DirUser,
        old: &SecretString,
        new: &SecretString,
    ) -> Result<(), DirError> {
        if old.expose_secret().is_empty() {
            return Err(DirError::WrongPassword);
        }
        if new.expose_secret().is_empty() {
            return Err(DirError::PolicyViolation(PolicyReason::TooShort));
        }
        self.ad_usable(&user.dn).await?;
        let attr = || Bytes::text(UNICODE_PWD);
        let mods = vec![Mod::Delete(attr(), one(unicode_pwd(old))), Mod::Add(attr(), one(unicode_pwd(new)))];
        self.ad_password_modify("password change", &user.dn, mods, vec![]).await
    }

    pub(super) async fn ad_reset_password(
        &self,
        user: &DirUser,
        new: &SecretString,
        must_change: bool,
    ) -> Result<(), DirError> {
        self.ad_usable(&user.dn).await?;
        let mods = vec![
            Mod::Replace(Bytes::text(UNICODE_PWD), one(unicode_pwd(new))),
            Mod::Replace(Bytes::text(LOCKOUT_TIME), one(Bytes::text("0"))),
            Mod::Replace(Bytes::text(PWD_LAST_SET), one(Bytes::text(if must_change { "0" } else { "-1" }))),
        ];
        let controls = if self.config.history_on_reset() { vec![policy_hints()] } else { vec![] };
        self.ad_password_modify("password reset", &user.dn, mods, controls).await
    }

    pub(super) async fn ad_unlock(&self, user: &DirUser) -> Result<(), DirError> {
        self.ad_usable(&user.dn).await?;
        let mods = vec![Mod::Replace(LOCKOUT_TIME.to_owned(), HashSet::from(["0".to_owned()]))];
        self.modify("unlock", &user.dn, mods, &[]).await
    }

    pub(super) async fn ad_lock_status(&self, user: &DirUser) -> Result<LockStatus, DirError> {
        let state = self.ad_state(&user.dn).await?;
        Ok(if state.locked { LockStatus::Locked } else { LockStatus::Unlocked })
    }
}

/// A refused password change or reset, logged with the DC's diagnostic (never a password).
fn refusal(what: &str, dn: &str, result: &LdapResult) -> DirError {
    let error = password_refusal(result.rc, &result.text).unwrap_or_else(|| result_error(result.rc, &result.text));
    tracing::warn!(rc = result.rc, dn, text = %result.text, "{what} refused: {error}");
    error
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::time::Duration;

    use super::*;

    fn entry(attrs: &[(&str, &str)]) -> SearchEntry {
        SearchEntry {
            dn: "CN=x,OU=People,DC=corp,DC=test".into(),
            attrs: attrs.iter().map(|(k, v)| ((*k).to_owned(), vec![(*v).to_owned()])).collect(),
            bin_attrs: HashMap::new(),
        }
    }

    #[test]
    fn unicode_pwd_is_the_quoted_password_in_utf16le() {
        let bytes = |s: &str| unicode_pwd(&SecretString::from(s.to_owned())).0.to_vec();
        assert_eq!(bytes("Ab1"), vec![b'"', 0, b'A', 0, b'b', 0, b'1', 0, b'"', 0]);
        assert_eq!(bytes("é"), vec![b'"', 0, 0xe9, 0x00, b'"', 0]);
        assert_eq!(bytes("ß密"), vec![b'"', 0, 0xdf, 0x00, 0xc6, 0x5b, b'"', 0]);
        // U+1F511 (key) is outside the BMP: the surrogate pair D83D DD11.
        assert_eq!(bytes("🔑"), vec![b'"', 0, 0x3d, 0xd8, 0x11, 0xdd, b'"', 0]);
    }

    #[test]
    fn an_object_guid_reads_as_samba_prints_it() {
        // objectGUID:: i+IQuV21FkC31AevZOu6Fg== as returned by Samba for a test user.
        let raw = [0x8b, 0xe2, 0x10, 0xb9, 0x5d, 0xb5, 0x16, 0x40, 0xb7, 0xd4, 0x07, 0xaf, 0x64, 0xeb, 0xba, 0x16];
        assert_eq!(guid_string(&raw).as_deref(), Some("b910e28b-b55d-4016-b7d4-07af64ebba16"));
        assert_eq!(guid_string(&raw[..15]), None);
    }

    #[test]
    fn a_guid_that_happens_to_be_utf8_is_still_read() {
        let mut e = entry(&[]);
        e.attrs.insert("objectGUID".into(), vec!["ABCDEFGHIJKLMNOP".into()]);
        let (id, _) = identity(&e, SystemTime::now()).unwrap();
        assert_eq!(id.as_str(), "44434241-4645-4847-494a-4b4c4d4e4f50");
        assert!(identity(&entry(&[]), SystemTime::now()).is_none());
    }

    #[test]
    fn the_domain_is_the_dc_suffix() {
        assert_eq!(domain_dn("OU=People,DC=corp,DC=test"), "DC=corp,DC=test");
        assert_eq!(domain_dn("ou=a, ou=b, dc=Example, dc=com"), "dc=Example,dc=com");
        assert_eq!(domain_dn("OU=People"), "");
    }

    #[test]
    fn state_comes_from_the_control_flags_and_pwd_last_set() {
        let now = SystemTime::now();
        let normal = account_state(&entry(&[("userAccountControl", "512"), ("pwdLastSet", "134400619279765020")]), now);
        assert_eq!(normal, AccountState::default());
        let disabled = account_state(&entry(&[("userAccountControl", "514")]), now);
        assert!(disabled.disabled && !disabled.locked);
        let locked = account_state(&entry(&[("userAccountControl", "512"), (UAC_COMPUTED, "16")]), now);
        assert!(locked.locked && !locked.disabled);
        let must = account_state(&entry(&[("pwdLastSet", "0"), (UAC_COMPUTED, "8388608")]), now);
        assert!(must.must_change && !must.password_expired);
        let expired = account_state(&entry(&[("pwdLastSet", "1"), (UAC_COMPUTED, "8388608")]), now);
        assert!(expired.password_expired && !expired.must_change);
    }

    #[test]
    fn account_expires_disables_once_past() {
        let now = SystemTime::now();
        let at = |t: SystemTime| filetime(t).to_string();
        let past = at(now - Duration::from_secs(60));
        let future = at(now + Duration::from_secs(3600));
        assert!(account_state(&entry(&[("accountExpires", past.as_str())]), now).disabled);
        assert!(!account_state(&entry(&[("accountExpires", future.as_str())]), now).disabled);
        assert!(!account_state(&entry(&[("accountExpires", "0")]), now).disabled);
        assert!(!account_state(&entry(&[("accountExpires", "9223372036854775807")]), now).disabled);
        assert_eq!(filetime(UNIX_EPOCH), 116_444_736_000_000_000);
    }

    #[test]
    fn the_policy_hints_control_carries_sequence_integer_one() {
        let c = policy_hints();
        assert_eq!(c.ctype, "1.2.840.113556.1.4.2239");
        assert_eq!(c.val.as_deref(), Some(&[0x30, 0x03, 0x02, 0x01, 0x01][..]));
        assert!(!c.crit);
    }
}
