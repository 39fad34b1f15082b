//! The raw baseline: the same directory operations with no portal in between. A reset is one
//! RFC 3062 password modify by the service account on a connection it keeps bound; a change
//! is a bind as the person followed by their own password modify (old and new), which is what
//! the directory must do for a change whoever asks. Also locks accounts (bad binds) so the
//! unlock runs have something to unlock.
//!
//! The raw *sequence* is what any portal must ask of the directory, on connections it keeps
//! open: find the account by its login (one search by the service account, with the filter and
//! the attributes a portal needs: the login may be a uid or an address, and it reads the
//! account's id, lock and reset state, groups, names and addresses), then for a change prove
//! the old password (a bind as the person) and write the new one (their own password modify),
//! for a reset write it as the service account; binds and writes ask for the password policy
//! control, as any portal must to tell an expired or locked password from a wrong one. It is
//! the reference the portal's rates and slapd CPU are judged against; the minimal runs above
//! are the floor beneath it.

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

/// The account's entry found the way a portal finds it: a subtree search by the login under
/// the people base, as the service account.
async fn find(service: &mut Ldap, t: &mut Timings, a: &Account) -> Result<String> {
    let started = std::time::Instant::now();
    let login = ldap3::ldap_escape(&a.uid);
    let filter = format!("(&(objectClass=inetOrgPerson)(|(uid={login})(mail={login})))");
    let attributes = vec!["entryUUID", "pwdAccountLockedTime", "pwdReset", "memberOf", "uid", "mail", "cn", "mobile"];
    let (entries, result) = service
        .search("ou=people,dc=example,dc=test", ldap3::Scope::Subtree, &filter, attributes)
        .await?
        .non_error()?;
    t.record("search for the account (service account)", started.elapsed());
    anyhow::ensure!(result.rc == 0 && entries.len() == 1, "no single entry for {}", a.uid);
    Ok(ldap3::SearchEntry::construct(entries.into_iter().next().context("no entry")?).dn)
}

/// The password policy request control (draft-behera-ldap-password-policy), no value.
fn ppolicy() -> ldap3::controls::RawControl {
    ldap3::controls::RawControl { ctype: "1.3.6.1.4.1.42.2.27.8.5.1".into(), crit: false, val: None }
}

/// The raw sequence of a change: search, bind as the person, their own password modify.
pub async fn sequence_change(service: &mut Ldap, person: &mut Ldap, t: &mut Timings, a: &mut Account) -> Result<()> {
    let dn = find(service, t, a).await?;
    let new = new_password();
    let started = std::time::Instant::now();
    person
        .with_controls(ppolicy())
        .simple_bind(&dn, &a.password)
        .await?
        .success()
        .with_context(|| format!("bind as {}", a.uid))?;
    t.record("bind as the person", started.elapsed());
    let started = std::time::Instant::now();
    let exop = PasswordModify { user_id: None, old_pass: Some(&a.password), new_pass: Some(&new) };
    person
        .with_controls(ppolicy())
        .extended(exop)
        .await?
        .1
        .success()
        .with_context(|| format!("raw change of {}", a.uid))?;
    t.record("password modify (as the person)", started.elapsed());
    a.password = new;
    Ok(())
}

/// The raw sequence of a reset's write: search, password modify by the service account.
pub async fn sequence_reset(service: &mut Ldap, t: &mut Timings, a: &mut Account) -> Result<()> {
    let dn = find(service, t, a).await?;
    let new = new_password();
    let started = std::time::Instant::now();
    let exop = PasswordModify { user_id: Some(&dn), old_pass: None, new_pass: Some(&new) };
    service
        .with_controls(ppolicy())
        .extended(exop)
        .await?
        .1
        .success()
        .with_context(|| format!("raw reset of {}", a.uid))?;
    t.record("password modify (service account)", started.elapsed());
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
