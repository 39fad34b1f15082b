//! The admin's account listing through a writeback agent, on a directory of 10,000 accounts:
//! a Samba AD DC of its own (the accounts are written before it starts, see
//! `scripts/lib/samba.sh`, SAMBA_BULK_ACCOUNTS), a real `rekey agent`, and the portal paging
//! through the agent's answers, each under the agent API's request size limit.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use rekey::directory::Directory;

use crate::support::agent::{AgentProcess, SambaViaAgent};
use crate::support::env::TestEnv;
use crate::support::samba::{SambaDc, free_address};

const ACCOUNTS: usize = 10_000;

#[tokio::test]
async fn the_admin_listing_through_an_agent_pages_through_ten_thousand_accounts_of_samba() {
    let started = Instant::now();
    let dc = SambaDc::start_with_bulk_accounts(&free_address(), ACCOUNTS).await;
    let provisioned = started.elapsed();
    let mut directory = dc.directory_config();
    directory.base_dn = "OU=Bulk,DC=corp,DC=test".into();
    // rekey-svc's delegated read covers OU=People and OU=Groups only.
    directory.bind_dn = dc.accounts.admin_dn.clone();
    directory.bind_password = Some(dc.accounts.admin_password.clone().into());
    let env = TestEnv::build(SambaViaAgent::portal_directory(), crate::support::postgres::fresh_sqlite_url(), |c| {
        c.admin.max_listed_accounts = 100_000;
        // The agent reads the whole directory within the first page's lease: 10,000 accounts
        // take about 10 s in a debug build on a loaded machine, the default lease's length.
        c.directory.agent.deadline_secs = 28;
        c.directory.agent.lease_secs = 25;
    })
    .await;
    let services = &env.server.services;
    let agent = AgentProcess::start(services, &env.server.url(), &directory, "bulk-lister").await;

    // Read directly, for comparison and for the time it takes.
    let direct = rekey::directory::ldap::LdapDirectory::new(&directory).unwrap();
    let t = Instant::now();
    let expected = direct.list_users(100_000).await.unwrap();
    let read_directly = t.elapsed();
    assert_eq!(expected.len(), ACCOUNTS, "the DC holds the bulk accounts");

    // The admin's listing, as the coverage report asks for it.
    let t = Instant::now();
    let snapshot = services.listing.snapshot(services, true, Duration::from_secs(600)).await;
    let listed = snapshot.listed.unwrap_or_else(|| panic!("{:?}\n{}", snapshot.failed, agent.log()));
    let through_agent = t.elapsed();
    let pages = services.db.agent(&agent.agent_id).await.unwrap().unwrap().jobs_done;
    assert!(!listed.truncated);
    assert_eq!(listed.users.len(), ACCOUNTS, "every account, once");
    let logins: HashSet<&str> = listed.users.iter().map(|u| u.login.as_str()).collect();
    let ids: HashSet<&str> = listed.users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!((logins.len(), ids.len()), (ACCOUNTS, ACCOUNTS), "no account twice");
    for i in [0, 1, 4_999, 5_000, ACCOUNTS - 1] {
        assert!(logins.contains(format!("bulk{i:05}").as_str()), "bulk{i:05} is listed");
    }
    let mut a: Vec<_> = expected.iter().map(crate::support::directory::comparable).collect();
    let mut b: Vec<_> = listed.users.iter().map(crate::support::directory::comparable).collect();
    a.sort_by_key(|v| v["id"].as_str().unwrap().to_owned());
    b.sort_by_key(|v| v["id"].as_str().unwrap().to_owned());
    assert!(a == b, "the same accounts as read directly");
    assert!(pages as usize >= ACCOUNTS / 100, "{pages} pages: each answer stays small");

    // `admin.max_listed_accounts` bounds it: the portal stops asking once it has that many.
    let before = services.db.agent(&agent.agent_id).await.unwrap().unwrap().jobs_done;
    let limited = services.directory.list_users(2_500).await.unwrap();
    assert_eq!(limited.len(), 2_500);
    let limited_pages = services.db.agent(&agent.agent_id).await.unwrap().unwrap().jobs_done - before;
    assert!(limited_pages < pages / 2, "{limited_pages} pages for a quarter of {pages}");

    eprintln!(
        "10,000 accounts: DC ready in {provisioned:?}; read directly in {read_directly:?}; \
         listed through the agent in {through_agent:?} ({pages} pages)"
    );
}
