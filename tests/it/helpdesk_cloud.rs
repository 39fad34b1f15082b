//! The helpdesk console for Entra ID accounts: Graph cannot check a password, so a member signs
//! in through OpenID Connect (the Graph and identity-platform double) and then a registered
//! authenticator app, on the same sign-in path as the admin area; a cloud account in no
//! helpdesk group gets no console. The search asks Graph for names, UPNs and mails that start
//! with what was typed.

use crate::graph::continue_link;

#[tokio::test]
async fn graph_oidc_a_cloud_member_enters_the_helpdesk_by_openid_connect_and_a_registered_app() {
    let (double, member, other, env) = crate::graph::admin_portal(|c| {
        c.helpdesk.groups = c.admin.groups.clone();
        c.admin.groups = vec![uuid::Uuid::new_v4().to_string()];
    })
    .await;

    let (mut b, page) = crate::graph::enter_staff_area(&double, &env, &member.id, "/helpdesk").await;
    assert!(page.contains("Find a person"), "{}", page.body);
    // The helpdesk sign-in opens the console only, not the admin area.
    assert!(b.get("/admin").await.url.ends_with("/admin/sign-in"));

    double.sign_in_as(&other.id);
    let mut b = env.browser();
    let link = continue_link(&b.get("/oidc/start?next=helpdesk").await);
    let page = b.get(&link).await;
    page.assert_status(403);
    assert!(page.contains("only for members of the helpdesk groups"), "{}", page.body);
}

#[tokio::test]
async fn graph_the_helpdesk_finds_cloud_accounts_by_the_start_of_their_name_upn_or_mail() {
    let (double, member, _other, env) = crate::graph::admin_portal(|c| {
        c.helpdesk.groups = c.admin.groups.clone();
        c.admin.groups = vec![uuid::Uuid::new_v4().to_string()];
    })
    .await;
    let (mut b, _) = crate::graph::enter_staff_area(&double, &env, &member.id, "/helpdesk").await;
    let person = crate::graph::cloud_user(&double, "zelda");
    let local = &person.upn[..person.upn.find('@').unwrap()];
    for q in [&local[..local.len() - 1], "zelda%20Exa", "ZELDA"] {
        let page = b.get(&format!("/helpdesk?q={q}")).await;
        page.assert_status(200);
        assert!(page.contains(&format!(">{}</a>", person.upn)), "{q}: {}", page.body);
    }
    // Only the start matches (Graph has no substring search on users), and a quote is text.
    for q in ["elda", "o'x%20or%20startswith(mail,'"] {
        let page = b.get(&format!("/helpdesk?q={q}")).await;
        page.assert_status(200);
        assert!(page.contains("Nobody matches"), "{q}: {}", page.body);
    }
    let page = b.get(&format!("/helpdesk/person?login={}", person.upn)).await;
    page.assert_status(200);
    assert!(page.contains("Nothing registered"), "{}", page.body);
}
