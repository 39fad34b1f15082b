//! The language form in a real browser (tests/browser/language.mjs, kiosk_lang.mjs): chosen
//! with the keyboard alone, axe-clean, measured, no page scrolling sideways at 320 px in any
//! language; and a kiosk that goes back to its own language when its idle timer wipes a visit.

use std::sync::Arc;

use rekey::config::Config;
use rekey::i18n::Lang;
use serde_json::json;

use crate::support::browser::{Control, Js, run_node};
use crate::support::env::TestEnv;

async fn portal_with(tweak: impl FnOnce(&mut Config)) -> Arc<TestEnv> {
    Arc::new(TestEnv::with(tweak).await)
}

#[tokio::test]
async fn the_language_form_works_with_the_keyboard_and_fits_a_320_px_phone() {
    let env = portal_with(|_| {}).await;
    let control = Control::start(env.clone()).await;
    run_node("language.mjs", Js::On, Lang::En, &env, &control, json!({})).await;
}

#[tokio::test]
async fn a_kiosk_returns_to_its_own_language_after_an_idle_wipe() {
    let env = portal_with(|config| {
        config.kiosk.path_prefix = "/kiosk".into();
        config.kiosk.lang = Some("sv".into());
        // The shortest idle time the configuration allows; the spec runs the browser's clock.
        config.kiosk.idle_secs = 30;
        config.kiosk.warning_secs = 20;
    })
    .await;
    let control = Control::start(env.clone()).await;
    // PAGE_LANG is the kiosk's language: the spec finds the words of the Swedish catalogue.
    run_node("kiosk_lang.mjs", Js::On, Lang::Sv, &env, &control, json!({ "idleSecs": 30 })).await;
}
