//! The raw baseline: the same directory operations with no portal in between. A reset is one
//! RFC 3062 password modify by the service account on a connection it keeps bound; a change
//! is a bind as the person followed by their own password modify (old and new), which is what
//! the directory must do for a change whoever asks. Also locks accounts (bad binds) so the
//! unlock runs have something to unlock.

use anyhow::{Context as _, Result, bail};
use ldap3::exop::PasswordModify;
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings};

use crate::browser::{Account, new_password};
use crate::load::Timings;

/// A connection to the bench directory.
pub async fn connect(url: &str) -> Result<Ldap> {
    let settings = LdapConnSettings::new().set_conn_timeout(std::time::Duration::from_secs(5));
    let (conn, ldap) = LdapConnAsync::with_settings(settings, url).await.context("connect to slapd")?;
    ldap3::drive!(conn);
    Ok(ldap)
}

/// A connection bound as the service account.
pub async fn service(url: &str, dn: &str, password: &str) -> Result<Ldap> {
    let mut ldap = connect(url).await?;
    ldap.simple_bind(dn, password).await?.success().context("service account bind")?;
    Ok(ldap)
}

/// One reset by the service account.
pub async fn reset(ldap: &mut Ldap, t: &mut Timings, a: &mut Account) -> Result<()> {
    let new = new_password();
    let started = std::time::Instant::now();
    let exop = PasswordModify { user_id: Some(&a.dn), old_pass: None, new_pass: Some(&new) };
    ldap.extended(exop).await?.1.success().with_context(|| format!("raw reset of {}", a.uid))?;
    t.record("password modify (service account)", started.elapsed());
    a.password = new;
    Ok(())
}

/// One change as the person: bind, then password modify with the old password.
pub async fn change(ldap: &mut Ldap, t: &mut Timings, a: &mut Account) -> Result<()> {
    let new = new_password();
    let started = std::time::Instant::now();
    ldap.simple_bind(&a.dn, &a.password).await?.success().with_context(|| format!("bind as {}", a.uid))?;
    t.record("bind as the person", started.elapsed());
    let started = std::time::Instant::now();
    let exop = PasswordModify { user_id: None, old_pass: Some(&a.password), new_pass: Some(&new) };
    ldap.extended(exop).await?.1.success().with_context(|| format!("raw change of {}", a.uid))?;
    t.record("password modify (as the person)", started.elapsed());
    a.password = new;
    Ok(())
}

/// Locks the account the way an attacker or a forgetful person does: wrong binds until the
/// policy (pwdMaxFailure 3) locks it. A right bind clears the failures, so it is only tried
/// after each round of three; slapd sometimes counts two failures of the same instant as one.
pub async fn lock(url: &str, a: &Account) -> Result<()> {
    let mut ldap = connect(url).await?;
    for _ in 0..3 {
        for _ in 0..3 {
            let result = ldap.simple_bind(&a.dn, "Not-the-Passw0rd-at-all").await?;
            if result.rc != 49 {
                bail!("a wrong bind as {} answered {}", a.uid, result.rc);
            }
        }
        if ldap.simple_bind(&a.dn, &a.password).await?.rc != 0 {
            let _ = ldap.unbind().await;
            return Ok(());
        }
    }
    bail!("{} is still not locked after three rounds of wrong binds", a.uid)
}
