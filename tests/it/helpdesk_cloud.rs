//! The helpdesk console for Entra ID accounts: Graph cannot check a password, so a member signs
//! in through OpenID Connect (the Graph and identity-platform double) and then a registered
//! authenticator app, on the same sign-in path as the admin area; a cloud account in no
//! helpdesk group gets no console.

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
