//! Method policy per group and the periodic review of registered methods, against a real
//! slapd.

use rekey::config::{MethodKind, MethodRule};

use crate::support::env::TestEnv;
use crate::support::remember_secret;
use crate::support::slapd::Slapd;

fn admins_need_two_without_questions(c: &mut rekey::config::Config) {
    c.policy.methods = vec![MethodKind::Email, MethodKind::Totp, MethodKind::Questions];
    c.policy.rules = vec![MethodRule {
        groups: vec!["it-admins".into()],
        methods_required: Some(2),
        methods_to_register: None,
        excluded_methods: vec![MethodKind::Questions],
    }];
}

#[tokio::test]
async fn a_group_rule_asks_its_members_for_two_methods_and_ignores_the_excluded_one() {
    let env = TestEnv::with(admins_need_two_without_questions).await;
    let slapd = Slapd::shared().await;
    let ada = slapd.create_user("rule-adm").await;
    slapd.add_to_group(&ada, "it-admins").await;
    let bo = slapd.create_user("rule-usr").await;

    // Registration: the admin must register two, and cannot pick security questions.
    let mut b = env.browser();
    let page = b.sign_in_to_register(&ada).await;
    assert!(page.contains("2 more"), "{}", page.body);
    assert!(!page.contains("Set up security questions"), "{}", page.body);
    let refused = b
        .post(
            "/register/questions",
            &[
                ("q0", "first-pet"),
                ("a0", "Rex the dog"),
                ("q1", "first-car"),
                ("a1", "Fiat Panda"),
                ("q2", "first-job"),
                ("a2", "Acme Widgets"),
            ],
        )
        .await;
    refused.assert_status(409);
    let mut o = env.browser();
    let page = o.sign_in_to_register(&bo).await;
    assert!(page.contains("Set up security questions"), "others may: {}", page.body);
    let address = env.register_email(&ada).await;
    let seed = env.register_totp(&ada).await;
    env.clock.advance(60);

    // A stranger's view of the admin's reset is the general one until a method has passed.
    let mut stranger = env.browser();
    let unknown = stranger.start("reset", &format!("nobody-{}", crate::support::unique("x"))).await;
    let mut r = env.browser();
    let first = r.start("reset", &ada.uid).await;
    first.assert_status(200);
    assert_eq!(first.normalised(), unknown.normalised(), "the same page for an admin and for nobody");
    assert!(first.contains("Step 2 of 3"), "{}", first.body);
    r.request_email_code("reset").await.assert_status(200);
    let code = env.smtp.last_code_for(&address).await;
    let page = r.submit_code("reset", "email", &code).await;
    assert!(page.url.ends_with("/reset/verify") && page.contains("Verify with one more method"), "{}", page.body);
    assert!(page.contains("Step 3 of 4"), "{}", page.body);
    let page = r.submit_code("reset", "totp", &env.totp_code(&seed)).await;
    assert!(page.url.ends_with("/reset/password"), "{} {}", page.url, page.body);
    let new = format!("Tundra-{}-Compass8", crate::support::unique("pw"));
    remember_secret(&new);
    r.set_password(&new).await.assert_status(200);
    assert!(slapd.bind(&ada.dn, &new).await);

    // Everyone else: one method is enough.
    let bo_address = env.register_email(&bo).await;
    let mut u = env.browser();
    u.start("reset", &bo.uid).await;
    u.request_email_code("reset").await;
    let code = env.smtp.last_code_for(&bo_address).await;
    let page = u.submit_code("reset", "email", &code).await;
    assert!(page.url.ends_with("/reset/password"), "{} {}", page.url, page.body);
}

#[tokio::test]
async fn people_are_asked_to_review_their_methods_after_the_configured_days() {
    let env = TestEnv::with(|c| c.policy.review_after_days = 30).await;
    let slapd = Slapd::shared().await;
    let val = slapd.create_user("review").await;
    env.register_email(&val).await;
    let banner = "Are these still yours?";

    let mut b = env.browser();
    let page = b.sign_in_to_register(&val).await;
    assert!(!page.contains(banner), "just registered: nothing to review");

    env.clock.advance(31 * 86_400);
    let mut b = env.browser();
    let page = b.sign_in_to_register(&val).await;
    assert!(page.contains(banner), "{}", page.body);
    let page = b.post("/register/reviewed", &[]).await;
    page.assert_status(200);
    assert!(page.contains("your methods are confirmed") && !page.contains(banner), "{}", page.body);
    let mut b = env.browser();
    assert!(!b.sign_in_to_register(&val).await.contains(banner), "confirmed for another 30 days");

    // Finishing registration counts as a review too.
    env.clock.advance(31 * 86_400);
    let mut b = env.browser();
    assert!(b.sign_in_to_register(&val).await.contains(banner));
    b.post("/register/done", &[]).await.assert_status(200);
    let mut b = env.browser();
    assert!(!b.sign_in_to_register(&val).await.contains(banner));
}
