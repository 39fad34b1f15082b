//! Security questions against a real slapd: registered with argon2-hashed answers, asked at
//! reset and unlock, normalised before comparing, wrong answers counted like wrong codes, and
//! never enough on their own for an admin.

use rekey::config::MethodKind;
use rekey::i18n::Lang;
use scraper::{Html, Selector};

use crate::support::env::{Browser, Page, TestEnv};
use crate::support::remember_secret;
use crate::support::slapd::{Slapd, TestUser};

const IDS: [&str; 3] = ["first-pet", "birth-city", "first-school"];

fn answers_for(user: &TestUser) -> [String; 3] {
    let a = [format!("Rex {}", user.uid), format!("São Paulo {}", user.uid), format!("St Mary's {}", user.uid)];
    for x in &a {
        remember_secret(x);
    }
    a
}

async fn env_with_questions(tweak: impl FnOnce(&mut rekey::config::Config)) -> TestEnv {
    TestEnv::with(|c| {
        c.policy.methods = vec![MethodKind::Email, MethodKind::Totp, MethodKind::Questions];
        tweak(c);
    })
    .await
}

async fn register_questions(b: &mut Browser, answers: &[String; 3]) -> Page {
    b.get("/register/questions").await.assert_status(200);
    let fields: Vec<(String, String)> = IDS
        .iter()
        .enumerate()
        .flat_map(|(i, id)| [(format!("q{i}"), (*id).to_owned()), (format!("a{i}"), answers[i].clone())])
        .collect();
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.post("/register/questions", &refs).await
}

/// The questions a questions page asks, as their ids.
fn asked(page: &Page) -> Vec<&'static str> {
    let doc = Html::parse_document(&page.body);
    let label = Selector::parse("main form label").unwrap();
    doc.select(&label)
        .map(|l| {
            let text = l.text().collect::<String>();
            *IDS.iter()
                .chain(["childhood-friend", "first-car", "favourite-teacher", "first-job", "parents-met"].iter())
                .find(|id| Lang::En.t(&format!("question-{id}")) == text.trim())
                .unwrap_or_else(|| panic!("unknown question {text:?}"))
        })
        .collect()
}

fn answer_fields(asked: &[&str], answers: &[String; 3], mangle: impl Fn(&str) -> String) -> Vec<(String, String)> {
    asked
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let j = IDS.iter().position(|x| x == id).expect("a registered question");
            (format!("a{i}"), mangle(&answers[j]))
        })
        .collect()
}

async fn post_answers(b: &mut Browser, flow: &str, fields: &[(String, String)]) -> Page {
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.post(&format!("/{flow}/questions"), &refs).await
}

#[tokio::test]
async fn a_normalised_answer_passes_and_wrong_ones_count_toward_the_attempt_limit() {
    let env = env_with_questions(|_| {}).await;
    let slapd = Slapd::shared().await;
    let quinn = slapd.create_user("quinn").await;
    let answers = answers_for(&quinn);
    let mut b = env.browser();
    b.sign_in_to_register(&quinn).await.assert_status(200);
    let page = register_questions(&mut b, &answers).await;
    page.assert_status(200);
    assert!(page.contains("Your new method is registered") && page.contains("Security questions"), "{}", page.body);

    // The answers are kept only as argon2 hashes, sealed: the database never holds them.
    let methods = env.server.services.db.list_methods(&quinn_id(&env, &quinn).await).await.unwrap();
    let q = methods.iter().find(|m| m.kind == "questions").expect("stored");
    let opened = rekey::flow::methods::open(&env.server.services, q).unwrap();
    let text = String::from_utf8(opened.to_vec()).unwrap();
    // (The hashes themselves are left out of the search: their random base64 can spell "rex".)
    let outside_hashes: String =
        text.split('"').filter(|part| !part.starts_with("$argon2id$")).collect::<Vec<_>>().join("\"");
    assert!(text.contains("$argon2id$") && !outside_hashes.to_lowercase().contains("rex"), "{text}");

    // Reset: the choice is offered; two of the three questions are asked.
    let mut r = env.browser();
    let page = r.start("reset", &quinn.uid).await;
    assert!(page.contains("Answer my security questions"), "{}", page.body);
    let page = r.get("/reset/questions").await;
    page.assert_status(200);
    let ids = asked(&page);
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert_eq!(asked(&r.get("/reset/questions").await), ids, "the same questions every time");

    // One wrong answer among right ones: refused, one try used.
    let mut fields = answer_fields(&ids, &answers, str::to_owned);
    fields[1].1 = "definitely not it".into();
    let page = post_answers(&mut r, "reset", &fields).await;
    page.assert_status(422);
    assert!(page.contains("One or more answers are not right") && page.contains("4 more tries"), "{}", page.body);

    // Different case, extra spaces, no accents: still the same answers.
    let fields =
        answer_fields(&ids, &answers, |a| format!("  {}  ", a.to_uppercase().replace('ã', "a").replace(' ', "   ")));
    let page = post_answers(&mut r, "reset", &fields).await;
    page.assert_status(200);
    assert!(page.url.ends_with("/reset/password"), "{} {}", page.url, page.body);
    let new = format!("Quest-{}-Lantern4", crate::support::unique("pw"));
    remember_secret(&new);
    r.set_password(&new).await.assert_status(200);
    assert!(slapd.bind(&quinn.dn, &new).await);

    // Wrong answers end an attempt like wrong codes do: the sixth is one too many.
    let mut w = env.browser();
    w.start("unlock", &quinn.uid).await;
    let ids = asked(&w.get("/unlock/questions").await);
    let wrong = answer_fields(&ids, &answers, |_| "nope nope".into());
    for left in (0..5).rev() {
        let page = post_answers(&mut w, "unlock", &wrong).await;
        page.assert_status(422);
        assert!(page.contains("One or more answers are not right"), "{}", page.body);
        if left == 0 {
            assert!(page.contains("last try"), "{}", page.body);
        }
    }
    let page = post_answers(&mut w, "unlock", &wrong).await;
    page.assert_status(403);
    // The attempt is over: not even the right answers help now.
    let page = post_answers(&mut w, "unlock", &answer_fields(&ids, &answers, str::to_owned)).await;
    assert!(page.status >= 400, "{}", page.status);
}

async fn quinn_id(env: &TestEnv, user: &TestUser) -> String {
    let login = rekey::directory::Login::parse(&user.uid).unwrap();
    env.server.services.directory.find_user(&login).await.unwrap().unwrap().id.0
}

#[tokio::test]
async fn short_repeated_or_echoing_answers_are_refused_and_nothing_is_saved() {
    let env = env_with_questions(|_| {}).await;
    let slapd = Slapd::shared().await;
    let ruth = slapd.create_user("ruth").await;
    let mut b = env.browser();
    b.sign_in_to_register(&ruth).await.assert_status(200);
    let cases: [[&str; 3]; 3] = [
        ["ab", "Lisbon harbour", "Oak Lane School"],
        ["Biscuit", "  biscuit ", "Oak Lane School"],
        ["Biscuit", "In which town or city were you born", "Oak Lane School"],
    ];
    let messages = ["This answer is too short", "same as another one", "only repeats the question"];
    for (answers, message) in cases.iter().zip(messages) {
        let answers = answers.map(str::to_owned);
        // The answer that echoes its question is the question's public text, not a secret.
        for a in answers.iter().filter(|a| !a.starts_with("In which")) {
            remember_secret(a);
        }
        let page = register_questions(&mut b, &answers).await;
        page.assert_status(422);
        assert!(page.contains(message), "{message}: {}", page.body);
        assert!(page.contains("aria-invalid=\"true\""), "the field is marked");
        for a in &answers {
            assert!(!page.body.contains(&format!("value=\"{a}\"")), "answers are not sent back");
        }
    }
    // The same question twice.
    let page = b
        .post(
            "/register/questions",
            &[
                ("q0", "first-pet"),
                ("a0", "Biscuit"),
                ("q1", "first-pet"),
                ("a1", "Lisbon"),
                ("q2", "first-car"),
                ("a2", "Fiat Panda"),
            ],
        )
        .await;
    page.assert_status(422);
    assert!(page.contains("You chose this question already"), "{}", page.body);
    let methods = b.get("/register/methods").await;
    assert!(!methods.contains("<td>Security questions</td>"), "nothing was saved");
}

#[tokio::test]
async fn questions_alone_never_let_an_admin_in() {
    let env = env_with_questions(|c| c.admin.groups = vec!["it-admins".into()]).await;
    let slapd = Slapd::shared().await;
    let ada = slapd.create_user("qadm").await;
    slapd.add_to_group(&ada, "it-admins").await;
    let answers = answers_for(&ada);
    let mut b = env.browser();
    b.sign_in_to_register(&ada).await.assert_status(200);
    let page = register_questions(&mut b, &answers).await;
    assert!(page.contains("security questions count only together with another method"), "{}", page.body);
    assert!(page.contains("Sign out without finishing"), "registration is not complete: {}", page.body);

    // Even with right answers, a reset asks for another method.
    let mut r = env.browser();
    r.start("reset", &ada.uid).await;
    let ids = asked(&r.get("/reset/questions").await);
    let page = post_answers(&mut r, "reset", &answer_fields(&ids, &answers, str::to_owned)).await;
    page.assert_status(200);
    assert!(
        page.url.ends_with("/reset/verify") && page.contains("Verify with one more method"),
        "{} {}",
        page.url,
        page.body
    );
    r.get("/reset/password").await;
    assert!(r.set_password("Never-Set-Horse7").await.status != 200, "no password step without another method");
    assert!(slapd.bind(&ada.dn, &ada.password).await);
    // Nor do they open the admin area: the second method there is a code.
    let mut a = env.browser();
    a.get("/admin/sign-in").await;
    let page = a.post("/admin/sign-in", &[("username", &ada.uid), ("password", &ada.password)]).await;
    page.assert_status(403);
}

#[tokio::test]
async fn unknown_people_and_people_without_questions_see_the_same_kind_of_page() {
    let env = env_with_questions(|_| {}).await;
    let slapd = Slapd::shared().await;
    let sam = slapd.create_user("sam").await;
    env.register_email(&sam).await;
    let mut pages = vec![];
    for name in [sam.uid.clone(), format!("nobody-{}", crate::support::unique("x"))] {
        let mut b = env.browser();
        b.start("reset", &name).await;
        let page = b.get("/reset/questions").await;
        page.assert_status(200);
        let ids = asked(&page);
        assert_eq!(ids.len(), 2);
        let again = asked(&b.get("/reset/questions").await);
        assert_eq!(again, ids, "the same questions for the same name");
        let wrong: Vec<(String, String)> = (0..2).map(|i| (format!("a{i}"), "some answer".to_owned())).collect();
        let page = post_answers(&mut b, "reset", &wrong).await;
        page.assert_status(422);
        // The questions drawn differ from name to name (and so the page's length): leave
        // their words out of the comparison.
        let mut body = page.body.replace(&sam.uid, "");
        for id in &ids {
            body = body.replace(&Lang::En.t(&format!("question-{id}")), "");
        }
        pages.push(body.len() / 100);
    }
    assert_eq!(pages[0], pages[1], "pages of the same shape");
}

#[tokio::test]
async fn questions_alone_prove_it_before_another_method_is_added_without_javascript() {
    let env = env_with_questions(|_| {}).await;
    let slapd = Slapd::shared().await;
    let kim = slapd.create_user("qbind").await;
    let answers = answers_for(&kim);
    let mut b = env.browser();
    b.sign_in_to_register(&kim).await.assert_status(200);
    register_questions(&mut b, &answers).await.assert_status(200);

    // Another visit: the password alone adds nothing; the answers do.
    let mut c = env.browser();
    c.sign_in_to_register(&kim).await.assert_status(200);
    let page = c.post("/register/totp", &[]).await;
    assert!(page.url.ends_with("/register/prove") && page.contains("/register/prove/questions"), "{}", page.body);
    let ids = asked(&c.get("/register/prove/questions").await);
    let wrong = answer_fields(&ids, &answers, |a| format!("{a}x"));
    let page = post_answers(&mut c, "register/prove", &wrong).await;
    page.assert_status(422);
    let page = post_answers(&mut c, "register/prove", &answer_fields(&ids, &answers, str::to_owned)).await;
    assert!(page.url.ends_with("/register/methods"), "{} {}", page.url, page.body);
    let page = c.post("/register/totp", &[]).await;
    assert!(page.url.ends_with("/register/confirm"), "{} {}", page.url, page.body);
}
