//! `server.time_zone`: the done page of a reset and the notice mail it sends tell the time in
//! the organisation's zone, named by its abbreviation, not in UTC.

use rekey::i18n::{Lang, human_time};

use crate::support::env::TestEnv;
use crate::support::slapd::Slapd;
use crate::support::{remember_secret, unique};

#[tokio::test]
async fn a_reset_tells_its_time_in_the_configured_zone_on_the_page_and_in_the_mail() {
    let env = TestEnv::with(|config| config.server.time_zone = "America/New_York".into()).await;
    let slapd = Slapd::shared().await;
    let user = slapd.create_user("tz").await;
    let address = env.register_email(&user).await;
    let before = env.smtp.messages_to(&address).len();
    let mut b = env.browser();
    env.prove_reset_by_email(&mut b, &user.uid, &address).await;
    let new = format!("Zoned-{}-Kettle9", unique("pw"));
    remember_secret(&new);
    let now = env.clock.now();
    let page = b.set_password(&new).await;
    page.assert_status(200);

    let zone = jiff::tz::TimeZone::get("America/New_York").unwrap();
    // The minute the portal saw, or the next one if it turned meanwhile.
    let expected: Vec<String> = (0..2).map(|m| human_time(Lang::En, &zone, now + 60 * m)).collect();
    assert!(expected[0].ends_with(" EST") || expected[0].ends_with(" EDT"), "{}", expected[0]);
    assert!(expected.iter().any(|w| page.contains(w)), "the done page says one of {expected:?}: {}", page.body);
    assert!(!page.contains(" UTC"), "{}", page.body);

    // The reset's notice, among the code and the registration's own notice.
    let mut n = before;
    let notice = loop {
        n += 1;
        let mail = env.smtp.wait_for(&address, n).await;
        if mail.subject.ends_with("password was reset") {
            break mail;
        }
    };
    assert!(expected.iter().any(|w| notice.text.contains(w)), "the notice says one of {expected:?}: {}", notice.text);
    assert!(!notice.text.contains(" UTC"), "{}", notice.text);
}
