//! The portal's languages: `server.default_lang` and its deprecated alias
//! `branding.default_language`, a kiosk's own `kiosk.lang` (kept across an idle wipe), and the
//! language form on every page, which keeps the rest of the address. In a real browser (keyboard,
//! axe, 320 px, the kiosk's idle timer) they are checked by `browser_lang.rs`.

use rekey::config::Config;
use rekey::i18n::Lang;
use scraper::{Html, Selector};

use crate::support::env::{Page, TestEnv};

fn config(extra: &str) -> Result<Config, Vec<String>> {
    Config::from_toml(&format!("{}\n{extra}", rekey::config::SMALLEST))
        .map_err(|e| e.0.iter().map(ToString::to_string).collect())
}

fn errors(extra: &str) -> Vec<String> {
    config(extra).err().unwrap_or_default()
}

fn html_lang(page: &Page) -> String {
    let doc = Html::parse_document(&page.body);
    let html = Selector::parse("html").unwrap();
    doc.select(&html).next().and_then(|e| e.value().attr("lang")).unwrap_or_default().to_owned()
}

#[test]
fn the_default_language_is_server_default_lang_or_else_its_deprecated_alias() {
    let lang = |extra: &str| config(extra).unwrap_or_else(|e| panic!("{extra}: {e:?}")).default_lang();
    assert_eq!(lang(""), Lang::En);
    assert_eq!(lang("[server]\ndefault_lang = \"sv\"\n"), Lang::Sv);
    assert_eq!(lang("[branding]\ndefault_language = \"pl\"\n"), Lang::Pl, "the old key still works");
    assert_eq!(lang("[server]\ndefault_lang = \"pt\"\n[branding]\ndefault_language = \"pt-BR\"\n"), Lang::Pt);

    let old = config("[branding]\ndefault_language = \"it\"\n").unwrap();
    assert_eq!(rekey::config::language::deprecated_key_in_use(&old), Some("branding.default_language"));
    let new = config("[server]\ndefault_lang = \"it\"\n").unwrap();
    assert_eq!(rekey::config::language::deprecated_key_in_use(&new), None);
}

#[test]
fn language_mistakes_name_their_key() {
    let both = errors("[server]\ndefault_lang = \"sv\"\n[branding]\ndefault_language = \"de\"\n");
    assert!(
        both.iter().any(|e| e.starts_with("server.default_lang:") && e.contains("branding.default_language")),
        "a default set twice, differently, names both keys: {both:?}"
    );
    let all = "expected one of en, de, fr, nl, es, it, pl, pt, sv, got \"xx\"";
    assert_eq!(errors("[server]\ndefault_lang = \"xx\"\n"), [format!("server.default_lang: {all}")]);
    assert_eq!(errors("[branding]\ndefault_language = \"xx\"\n"), [format!("branding.default_language: {all}")]);
    assert_eq!(errors("[kiosk]\nlang = \"xx\"\n"), [format!("kiosk.lang: {all}")]);
}

#[tokio::test]
async fn pages_are_in_the_default_language_when_the_browser_asks_for_none_we_speak() {
    let env = TestEnv::with(|c| c.server.default_lang = Some("it".into())).await;
    let page = env.browser().get("/").await;
    assert_eq!(html_lang(&page), "it");
    assert!(page.contains(&Lang::It.t("home-title")));
    let asks = |header: &'static str| {
        let url = env.server.url();
        async move {
            let res = reqwest::Client::new().get(url).header("accept-language", header).send().await.unwrap();
            let body = res.text().await.unwrap();
            Html::parse_document(&body)
                .select(&Selector::parse("html").unwrap())
                .next()
                .and_then(|e| e.value().attr("lang").map(str::to_owned))
                .unwrap_or_default()
        }
    };
    assert_eq!(asks("ja-JP,ko;q=0.5").await, "it", "a language we do not speak");
    assert_eq!(asks("sv-SE,sv;q=0.9").await, "sv");
    assert_eq!(asks("pt-BR").await, "pt");
}

#[tokio::test]
async fn a_kiosk_starts_in_its_own_language_and_returns_to_it_when_a_visit_is_wiped() {
    let env = TestEnv::with(|c| {
        c.kiosk.path_prefix = "/kiosk".into();
        c.kiosk.lang = Some("sv".into());
        c.server.default_lang = Some("de".into());
    })
    .await;
    // The kiosk's browser asks for English; the kiosk speaks Swedish. Elsewhere the browser wins.
    let lang_of = |path: &str| {
        let url = format!("{}{path}", env.server.url());
        async move {
            let res = reqwest::Client::new().get(url).header("accept-language", "en-GB,en").send().await.unwrap();
            res.text().await.unwrap()
        }
    };
    assert!(lang_of("/kiosk/").await.contains("<html lang=\"sv\">"));
    assert!(lang_of("/").await.contains("<html lang=\"en\">"), "kiosk.lang is for the kiosk only");
    assert_eq!(html_lang(&env.browser().get("/").await), "de", "server.default_lang elsewhere");

    // A visitor chooses Polish: the visit stays in it.
    let mut b = env.browser();
    assert_eq!(html_lang(&b.get("/kiosk/reset?lang=pl").await), "pl");
    assert_eq!(html_lang(&b.get("/kiosk/unlock").await), "pl");
    // ... and walks away: the next person finds the kiosk in its own language.
    env.clock.advance(91);
    let page = b.get("/kiosk/reset").await;
    assert_eq!(html_lang(&page), "sv", "the idle wipe went back to kiosk.lang");
    assert!(page.contains(&Lang::Sv.t("reset-title")));
    // "Finish" (or the script's idle timer, which goes to the same address) does the same.
    assert_eq!(html_lang(&b.get("/kiosk/reset?lang=pl").await), "pl");
    let page = b.get("/kiosk/start-over").await;
    assert_eq!(html_lang(&page), "sv", "{}", page.url);
}

#[tokio::test]
async fn every_page_has_a_language_form_that_keeps_the_rest_of_the_address() {
    let env = TestEnv::with(|c| c.kiosk.path_prefix = "/kiosk".into()).await;
    let mut b = env.browser();
    for (path, action) in
        [("/reset?username=ann&lang=de", "/reset"), ("/kiosk/reset?username=ann&lang=de", "/kiosk/reset")]
    {
        let page = b.get(path).await;
        let doc = Html::parse_document(&page.body);
        let one = |css: &str| {
            let found: Vec<_> = doc.select(&Selector::parse(css).unwrap()).collect();
            assert_eq!(found.len(), 1, "one {css} on {path}");
            found[0]
        };
        let form = one("form.languages");
        assert_eq!(form.value().attr("method"), Some("get"));
        assert_eq!(form.value().attr("action"), Some(action));
        let hidden = one("form.languages input[type=hidden]");
        assert_eq!((hidden.value().attr("name"), hidden.value().attr("value")), (Some("username"), Some("ann")));
        let select = one("form.languages select[name=lang]");
        let id = select.value().attr("id").unwrap();
        assert_eq!(one("form.languages label").value().attr("for"), Some(id), "the select has its label");
        assert!(one("form.languages label").text().collect::<String>().contains(&Lang::De.t("language-switcher")));
        let options: Vec<_> = select.select(&Selector::parse("option").unwrap()).collect();
        let codes: Vec<&str> = options.iter().map(|o| o.value().attr("value").unwrap()).collect();
        assert_eq!(codes, Lang::ALL.map(Lang::code));
        for (option, lang) in options.iter().zip(Lang::ALL) {
            assert_eq!(option.value().attr("lang"), Some(lang.code()), "each name is in its own language");
            assert_eq!(option.text().collect::<String>(), lang.native_name());
        }
        assert_eq!(one("form.languages option[selected]").value().attr("value"), Some("de"));
        assert_eq!(one("form.languages button").value().attr("type"), Some("submit"));
        assert_eq!(one("form.languages button").text().collect::<String>(), Lang::De.t("language-apply"));
    }
    // What the form sends: the same page, username kept, in the language chosen.
    let page = b.get("/reset?username=ann&lang=pt").await;
    assert_eq!(html_lang(&page), "pt");
    assert!(page.contains(&Lang::Pt.t("reset-title")));
    assert!(page.contains("value=\"ann\""), "the username is still filled in");
}
