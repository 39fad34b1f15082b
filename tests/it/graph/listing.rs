//! Listings on the Graph double that follow next links, and the double's own strictness.

use super::*;

/// `count` more cloud accounts without a password, straight into the double.
fn bulk_users(double: &GraphDouble, count: usize, groups: impl Fn(usize) -> Vec<String>) -> Vec<GraphUser> {
    (0..count)
        .map(|n| {
            let name = unique("bulk");
            let user = GraphUser {
                id: uuid::Uuid::new_v4().to_string(),
                upn: format!("{name}@contoso.test"),
                mail: format!("{name}@contoso.test"),
                display_name: format!("Bulk {n}"),
                enabled: n % 7 != 0,
                synced: false,
                on_premises_dn: None,
                password: String::new(),
                groups: groups(n),
            };
            double.add_user(user.clone());
            user
        })
        .collect()
}

fn requests_to(double: &GraphDouble, request: &str) -> usize {
    double.graph_requests().iter().filter(|r| *r == request).count()
}

#[tokio::test]
async fn graph_listing_follows_next_links_and_reads_each_policy_group_once() {
    let (double, alice) = double_with_user().await;
    let (staff, admins) = (uuid::Uuid::new_v4().to_string(), uuid::Uuid::new_v4().to_string());
    // Everyone in staff (two pages of members), every hundredth in admins too.
    let bulk =
        bulk_users(
            &double,
            1200,
            |n| {
                if n % 100 == 0 { vec![staff.clone(), admins.clone()] } else { vec![staff.clone()] }
            },
        );
    let dir = GraphDirectory::new(&double.config(), vec![staff.clone(), admins.clone()], None).unwrap();

    let listed = dir.list_users(10_000).await.unwrap();
    assert_eq!(listed.len(), 1201);
    assert_eq!(requests_to(&double, "GET /users"), 2, "999 and 202 accounts: one next link followed");
    assert_eq!(requests_to(&double, &format!("GET /groups/{staff}/transitiveMembers")), 2);
    assert_eq!(requests_to(&double, &format!("GET /groups/{admins}/transitiveMembers")), 1);
    assert!(!double.graph_requests().iter().any(|r| r.ends_with("/checkMemberGroups")), "no call per account");
    let by_id = |id: &str| listed.iter().find(|u| u.id.as_str() == id).unwrap_or_else(|| panic!("{id} not listed"));
    assert_eq!(by_id(&bulk[100].id).groups, vec![staff.clone(), admins.clone()]);
    assert_eq!(by_id(&bulk[1].id).groups, vec![staff.clone()]);
    assert!(by_id(&alice.id).groups.is_empty());
    for user in [&alice, &bulk[0], &bulk[1], &bulk[100]] {
        let found = dir.find_user(&login(&user.upn)).await.unwrap().expect("found");
        assert_eq!(comparable(by_id(&user.id)), comparable(&found), "{}", user.upn);
    }

    let before = requests_to(&double, "GET /users");
    assert_eq!(dir.list_users(5).await.unwrap().len(), 5);
    assert_eq!(requests_to(&double, "GET /users"), before + 1, "the limit stops the paging");
}

#[tokio::test]
async fn graph_listing_gives_synced_accounts_as_the_on_premises_directory_describes_them() {
    let (double, alice) = double_with_user().await;
    let slapd = crate::support::slapd::Slapd::shared().await;
    let linked = slapd.create_user("hybridlist").await;
    slapd.add_to_group(&linked, "staff").await;
    let unlinked = slapd.create_user("hybridlookup").await;
    for (person, dn) in [(&linked, Some(linked.dn.replace("ou=people", "OU=People"))), (&unlinked, None)] {
        let mut synced = cloud_user(&double, "hybrid");
        synced.upn = person.mail.clone();
        synced.synced = true;
        synced.on_premises_dn = dn;
        double.add_user(synced);
    }
    let ldap: Arc<dyn Directory> =
        Arc::new(rekey::directory::ldap::LdapDirectory::new(&slapd.directory_config()).unwrap());
    let dir = GraphDirectory::new(&double.config(), vec![], Some(ldap)).unwrap();

    let listed = dir.list_users(100_000).await.unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    for person in [&linked, &unlinked] {
        let found = dir.find_user(&login(&person.mail)).await.unwrap().expect("found on-premises");
        assert_eq!(found.dn, person.dn);
        let entry = listed.iter().find(|u| u.dn == person.dn).expect("listed with its on-premises entry");
        assert_eq!(comparable(entry), comparable(&found));
    }
    assert!(listed.iter().any(|u| u.id.as_str() == alice.id && u.dn.starts_with("graph:")));
}

#[tokio::test]
async fn graph_double_refuses_a_misspelled_password_profile_property() {
    let (double, user) = double_with_user().await;
    let http = reqwest::Client::new();
    let token = &app_token(&double).await;
    let new = new_password();
    use secrecy::ExposeSecret;
    // Azure AD Graph's old name; Microsoft Graph v1.0 calls it forceChangePasswordNextSignIn.
    let res = http
        .patch(format!("{}/v1.0/users/{}", double.url, user.id))
        .bearer_auth(token)
        .json(&json!({"passwordProfile": {"password": new.expose_secret(), "forceChangePasswordNextLogin": false}}))
        .send()
        .await
        .unwrap();
    let body = crate::graph::bad_request(res).await;
    assert!(body["error"]["innerError"]["request-id"].is_string());
    assert!(double.patches().is_empty());
}

#[tokio::test]
async fn graph_double_refuses_a_page_over_999_a_repeated_option_and_a_made_up_skiptoken() {
    let (double, _) = double_with_user().await;
    let http = reqwest::Client::new();
    let token = &app_token(&double).await;
    let get = |query: &'static str| http.get(format!("{}/v1.0/users?{query}", double.url)).bearer_auth(token).send();
    let res = get("$select=id&$top=1000").await.unwrap();
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "Request_UnsupportedQuery");
    assert_eq!(get("$select=id&$select=mail").await.unwrap().status(), 400);
    assert_eq!(get("$top=1&$skiptoken=made-up").await.unwrap().status(), 400);
    assert_eq!(get("$top=999").await.unwrap().status(), 200);
}
