//! The person who gets stuck, in a real browser (support::browser): the helpdesk's contact on
//! every page that sends people to the helpdesk, in every language; "Didn't get a code?" the
//! same for accounts that exist and registered and for those that do not; the organisation's
//! style sheet, wording and favicon; and the done page's time in the organisation's zone.

use rekey::config::{Config, ContactText};
use rekey::i18n::{Lang, human_time};
use serde_json::json;

use crate::browser::portal_with;
use crate::support::browser::{Control, Js, person, run_node};
use crate::support::slapd::Slapd;
use crate::support::{output_dir, remember_secret, unique};

const PHONE: &str = "+49 30 1234 5678";

/// A helpdesk with a phone number for everyone and opening hours worded per language
/// (English from the shared value, the others from `[contact.lang.<code>]`).
fn with_contact(config: &mut Config) {
    config.contact.phone = PHONE.into();
    config.contact.hours = "Monday to Friday, 8:00 to 18:00".into();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let hours = Some(format!("{} 8–18 ({})", lang.native_name(), lang.code()));
        config.contact.lang.insert(lang.code().into(), ContactText { hours, ..Default::default() });
    }
    config.kiosk.path_prefix = "/kiosk".into();
    // One browser starts a dozen resets; only the pause for one username should stop it.
    config.limits.starts_per_address = 100;
    config.limits.starts_per_address_without_pow = 100;
    config.limits.starts_per_account = 100;
    // The method choice is opened once in each language for one username: the start after
    // those is the one that pauses it.
    config.limits.resets_per_account_per_day = u32::try_from(Lang::ALL.len()).unwrap();
}

async fn helpdesk(js: Js) {
    let env = portal_with(with_contact).await;
    let slapd = Slapd::shared().await;
    let resetter = slapd.create_user("hlp").await;
    let address = env.register_email(&resetter).await;
    let control = Control::start(env.clone()).await;
    let mut contact = serde_json::Map::new();
    for lang in Lang::ALL {
        let c = env.config.contact.for_lang(lang.code()).unwrap();
        contact.insert(
            lang.code().into(),
            json!({
                "region": lang.t("contact-title"),
                "phone": c.phone,
                "hours": c.hours,
                "username": lang.t("field-username"),
                "continue": lang.t("continue"),
                "choose": lang.t("choose-title"),
            }),
        );
    }
    let users = json!({
        "contact": contact,
        "reset": person(&resetter, &address, ""),
        "unknown": { "username": unique("nobody"), "password": "", "email": "", "newPassword": "" },
        "chooser": { "username": unique("nobody"), "password": "", "email": "", "newPassword": "" },
    });
    run_node("contact.mjs", js, Lang::En, &env, &control, users).await;
}

#[tokio::test]
async fn the_helpdesk_contact_and_no_code_guidance_show_with_javascript() {
    helpdesk(Js::On).await;
}

#[tokio::test]
async fn the_helpdesk_contact_and_no_code_guidance_show_without_javascript() {
    helpdesk(Js::Off).await;
}

#[tokio::test]
async fn custom_css_wording_favicon_and_time_zone_take_effect() {
    let dir = output_dir().join(unique("branding"));
    std::fs::create_dir_all(&dir).unwrap();
    let (css, wording, icon) = (dir.join("site.css"), dir.join("wording.en.ftl"), dir.join("icon.png"));
    std::fs::write(&css, "footer { border-top: 5px solid rgb(12, 34, 56); }\n").unwrap();
    std::fs::write(&wording, "home-title = Forgotten your Example password?\n").unwrap();
    std::fs::write(&icon, b"\x89PNG\r\n\x1a\n").unwrap();
    let env = portal_with(|config| {
        config.branding.custom_css_file = Some(css.clone());
        config.branding.favicon_file = Some(icon.clone());
        config.branding.messages_files.insert("en".into(), wording.clone());
        config.server.time_zone = "Europe/Berlin".into();
    })
    .await;
    let slapd = Slapd::shared().await;
    let resetter = slapd.create_user("brd").await;
    let address = env.register_email(&resetter).await;
    let control = Control::start(env.clone()).await;
    let new = format!("Branded-{}-Kettle9", unique("pw"));
    remember_secret(&new);
    // The done page's minute is the portal's; any minute the spec may take is accepted.
    let berlin = jiff::tz::TimeZone::get("Europe/Berlin").unwrap();
    let now = env.clock.now();
    let when: Vec<String> = (0..4).map(|m| human_time(Lang::En, &berlin, now + 60 * m)).collect();
    assert!(when[0].ends_with(" CET") || when[0].ends_with(" CEST"), "{}", when[0]);
    assert_ne!(when[0], human_time(Lang::En, &jiff::tz::TimeZone::UTC, now));
    let users = json!({
        "reset": person(&resetter, &address, &new),
        "brand": { "title": "Forgotten your Example password?", "border": "rgb(12, 34, 56)", "when": when },
    });
    run_node("branding.mjs", Js::On, Lang::En, &env, &control, users).await;
    assert!(slapd.bind(&resetter.dn, &new).await, "the reset went through");
}
