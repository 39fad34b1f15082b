use super::*;

/// The smallest valid configuration; other modules' tests add their section to it.
pub(super) const VALID: &str = SMALLEST;

/// The mistakes a configuration has, as the person reads them.
pub(super) fn errors(toml: &str) -> Vec<String> {
    match Config::from_toml(toml) {
        Ok(_) => vec![],
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_minimal_config_is_valid() {
    assert_eq!(errors(VALID), Vec::<String>::new());
}

#[test]
fn every_mistake_is_reported_with_its_key() {
    let errs = errors("[directory]\nurl = \"htp://x\"\n[policy]\nmethods_required = 2\nmethods = [\"email\"]\n");
    let has = |prefix: &str| errs.iter().any(|e| e.starts_with(prefix));
    assert!(errs.contains(&"directory.url: expected ldap:// or ldaps://, got \"htp://x\"".to_owned()), "{errs:?}");
    for key in [
        "secrets.master_key:",
        "directory.bind_dn:",
        "directory.bind_password:",
        "directory.base_dn:",
        "policy.methods_required:",
    ] {
        assert!(has(key), "{key} missing in {errs:?}");
    }
}

#[test]
fn branding_kiosk_and_return_to_mistakes_name_their_key() {
    let errs = errors(&format!(
        "{VALID}\n[branding]\naccent_colour = \"#7fb3ff\"\nlogo_file = \"/nonexistent/logo.gif\"\ndefault_language = \"ja\"\n\
         [kiosk]\npath_prefix = \"/reset\"\nhosts = [\"https://kiosk\"]\nidle_secs = 60\nwarning_secs = 10\nlang = \"xx\"\n"
    ));
    for key in [
        "branding.accent_colour: white text on #7fb3ff has a contrast of",
        "branding.logo_file: cannot read /nonexistent/logo.gif",
        "branding.default_language:",
        "kiosk.path_prefix: \"/reset\" is one of the portal's own paths",
        "kiosk.hosts[0]:",
        "kiosk.warning_secs:",
        "kiosk.lang: expected one of en, de, fr, nl, es, it, pl, pt, sv, got \"xx\"",
    ] {
        assert!(errs.iter().any(|e| e.starts_with(key)), "{key} not in {errs:?}");
    }
    let errs = errors(&format!("{VALID}\n[server]\nreturn_to_hosts = [\"https://intranet/\"]\n"));
    assert!(errs.iter().any(|e| e.starts_with("server.return_to_hosts[0]:")), "{errs:?}");
    assert!(accent_colour("#1f5fbf").is_ok() && accent_colour("1f5fbf").is_err() && accent_colour("#fff").is_err());
}

#[test]
fn admin_and_metrics_mistakes_name_their_key() {
    let errs = errors(&format!(
        "{VALID}\n[admin]\nsession_mins = 2\nmax_listed_accounts = 0\n[metrics]\nlisten = \"9464\"\nallow_from = [\"everyone\"]\n"
    ));
    for key in ["admin.session_mins:", "admin.max_listed_accounts:", "metrics.listen:", "metrics.allow_from[0]:"] {
        assert!(errs.iter().any(|e| e.starts_with(key)), "{key} not in {errs:?}");
    }
    assert_eq!(errors(&format!("{VALID}\n[metrics]\nlisten = \"127.0.0.1:9464\"\n")), Vec::<String>::new());
    let errs = errors(&format!("{VALID}\n[kiosk]\npath_prefix = \"/admin\"\n"));
    assert!(errs.iter().any(|e| e.starts_with("kiosk.path_prefix:")), "{errs:?}");
}

#[test]
fn security_question_mistakes_name_their_key() {
    let errs = errors(&format!(
        "{VALID}\n[policy]\nmethods = [\"email\", \"questions\"]\n[questions]\nbuiltin = [\"first-pet\", \"shoe-size\"]\nto_register = 5\nto_answer = 6\nmin_answer_chars = 0\ncustom = [{{ id = \"first pet\", text = {{ de = \"Erstes Haustier?\", xx = \"?\" }} }}]\n"
    ));
    for key in [
        "questions.builtin[1]:",
        "questions.to_answer:",
        "questions.min_answer_chars:",
        "questions.custom[0].id:",
        "questions.custom[0].text: needs the question in the default language",
        "questions.to_register: 5 questions must be registered but only 3 are offered",
    ] {
        assert!(errs.iter().any(|e| e.starts_with(key)), "{key} not in {errs:?}");
    }
}

#[test]
fn unknown_keys_and_wrong_types_are_named() {
    let errs = errors(&format!("{VALID}\n[codes]\nlenght = 6\n"));
    assert!(errs.iter().any(|e| e.contains("lenght")), "{errs:?}");
    let errs = errors(&format!("{VALID}\n[codes]\nttl_secs = \"ten\"\n"));
    assert!(errs.iter().any(|e| e.starts_with("codes.ttl_secs")), "{errs:?}");
}

#[test]
fn a_short_master_key_is_refused_without_echoing_it() {
    let errs = errors(&VALID.replace("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "c2hvcnQ="));
    assert_eq!(errs, vec!["secrets.master_key: expected exactly 32 bytes encoded in base64".to_owned()]);
}

#[test]
fn redacted_output_hides_secrets() {
    let config = Config::from_toml(VALID).unwrap();
    let text = config.to_redacted_toml();
    assert!(text.contains("bind_password = \"[redacted]\""), "{text}");
    assert!(!text.contains("AAAAAAAA"));
    assert!(!format!("{config:?}").contains("AAAAAAAA"), "Debug hides the key too");
}

#[test]
fn plain_ldap_is_refused_unless_allowed_on_purpose_and_the_error_names_the_key() {
    let plain = VALID.replace("allow_plaintext = true\n", "");
    assert_eq!(errors(&plain), vec![format!("directory.url: {PLAINTEXT_REFUSED}")]);
    assert!(PLAINTEXT_REFUSED.contains("directory.allow_plaintext"));
    assert_eq!(errors(&format!("{plain}starttls = true\n")), Vec::<String>::new());
    assert_eq!(errors(&format!("{plain}url = \"ldaps://ldap.example.test\"\n")), Vec::<String>::new());
    let list = format!("{plain}url = [\"ldaps://ldap1.example.test\", \"ldap://ldap2.example.test\"]\n");
    assert_eq!(errors(&list), vec![format!("directory.url[1]: {PLAINTEXT_REFUSED}")]);
}

#[test]
fn the_url_may_be_a_list_tried_in_order() {
    let list = format!("{VALID}url = [\"ldaps://ldap1.example.test\", \"ldaps://ldap2.example.test:636\"]\n");
    let config = Config::from_toml(&list).unwrap();
    let urls: Vec<&str> = config.directory.urls().collect();
    assert_eq!(urls, ["ldaps://ldap1.example.test", "ldaps://ldap2.example.test:636"]);
    let bad = format!("{VALID}url = [\"ldaps://ldap1.example.test\", \"htp://x\"]\n");
    assert_eq!(errors(&bad), vec!["directory.url[1]: expected ldap:// or ldaps://, got \"htp://x\"".to_owned()]);
    assert_eq!(errors(&format!("{VALID}url = []\n")).len(), 1);
}

#[test]
fn active_directory_over_plain_ldap_is_refused_with_the_reason() {
    // VALID ends inside [directory]; its url is the default ldap://127.0.0.1:389.
    let errs = errors(&format!("{VALID}flavour = \"active_directory\"\n"));
    assert_eq!(errs, vec![format!("directory.url: {AD_NEEDS_TLS}")]);
}

#[test]
fn active_directory_over_ldaps_or_starttls_is_accepted() {
    let ldaps = format!("{VALID}flavour = \"active_directory\"\nurl = \"ldaps://dc1.corp.test:636\"\n");
    assert_eq!(errors(&ldaps), Vec::<String>::new());
    let starttls = format!("{VALID}flavour = \"active_directory\"\nstarttls = true\n");
    assert_eq!(errors(&starttls), Vec::<String>::new());
    let history = format!("{VALID}flavour = \"active_directory\"\nstarttls = true\nenforce_history_on_reset = true\n");
    assert!(Config::from_toml(&history).unwrap().directory.history_on_reset());
    let unset = format!("{VALID}flavour = \"active_directory\"\nstarttls = true\n");
    assert!(Config::from_toml(&unset).unwrap().directory.history_on_reset(), "AD enforces by default");
    let off = format!("{VALID}flavour = \"active_directory\"\nstarttls = true\nenforce_history_on_reset = false\n");
    assert!(!Config::from_toml(&off).unwrap().directory.history_on_reset(), "set false on purpose");
    assert!(!Config::from_toml(VALID).unwrap().directory.history_on_reset(), "OpenLDAP: unchanged");
}

#[test]
fn cookies_are_secure_only_behind_https() {
    let mut config = Config::from_toml(VALID).unwrap();
    assert!(!config.secure_cookies());
    config.server.public_url = "https://password.example.com".into();
    assert!(config.secure_cookies());
}

const GRAPH: &str = r#"
[secrets]
master_key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
[directory]
kind = "graph"
[directory.graph]
tenant_id = "contoso.onmicrosoft.com"
client_id = "11111111-2222-3333-4444-555555555555"
"#;

#[test]
fn a_graph_directory_needs_no_ldap_keys_but_one_credential() {
    assert_eq!(errors(&format!("{GRAPH}client_secret = \"s\"\n")), Vec::<String>::new());
    let errs = errors(GRAPH);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("directory.graph.client_secret: missing"), "{errs:?}");
    let both = errors(&format!("{GRAPH}client_secret = \"s\"\ncertificate_key_file = \"/nonexistent.key\"\n"));
    assert!(both.iter().any(|e| e.starts_with("directory.graph.client_secret: set either")), "{both:?}");
    assert!(both.iter().any(|e| e.starts_with("directory.graph.certificate_file: missing")), "{both:?}");
    assert!(both.iter().any(|e| e.starts_with("directory.graph.certificate_key_file: no such file")), "{both:?}");
}

#[test]
fn graph_keys_are_checked_by_path() {
    let errs =
        errors(&format!("{GRAPH}client_secret = \"s\"\ngraph_url = \"graph.microsoft.com\"\ntimeout_secs = 0\n"));
    assert!(errs.iter().any(|e| e.starts_with("directory.graph.graph_url:")), "{errs:?}");
    assert!(errs.iter().any(|e| e.starts_with("directory.graph.timeout_secs:")), "{errs:?}");
    let missing = errors(
        "[secrets]\nmaster_key = \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n[directory]\nkind = \"graph\"\n",
    );
    assert_eq!(
        missing,
        vec!["directory.graph: missing: kind = \"graph\" needs a [directory.graph] section".to_owned()]
    );
    // On-premises routing brings the LDAP keys back.
    let hybrid = errors(&format!("{GRAPH}client_secret = \"s\"\non_premises = \"ldap\"\n"));
    assert!(hybrid.iter().any(|e| e.starts_with("directory.bind_dn:")), "{hybrid:?}");
}

#[test]
fn the_graph_client_secret_is_redacted() {
    let config = Config::from_toml(&format!("{GRAPH}client_secret = \"graph-app-secret\"\n")).unwrap();
    let text = config.to_redacted_toml();
    assert!(!text.contains("graph-app-secret"), "{text}");
    assert!(text.contains("[directory.graph]\n"), "{text}");
    assert!(text.contains("client_secret = \"[redacted]\""), "{text}");
    assert!(!format!("{config:?}").contains("graph-app-secret"));
}

#[test]
fn the_example_graph_section_documents_every_graph_key() {
    let example = include_str!("../../rekey.example.toml");
    let keys = serde_json::to_value(GraphConfig::default()).unwrap();
    let serde_json::Value::Object(keys) = keys else { unreachable!() };
    for key in keys.keys() {
        assert!(
            example.lines().any(|l| l.trim_start_matches(['#', ' ']).starts_with(&format!("{key} ="))),
            "directory.graph.{key} is not documented in rekey.example.toml"
        );
    }
}

#[test]
fn the_example_file_documents_every_key_and_parses() {
    let example = include_str!("../../rekey.example.toml");
    let parsed: Result<Config, _> =
        Figment::from(Serialized::defaults(Config::default())).merge(Toml::string(example)).extract();
    assert!(parsed.is_ok(), "{parsed:?}");
    let defaults = serde_json::to_value(Config::default()).unwrap();
    let serde_json::Value::Object(sections) = defaults else { unreachable!() };
    for (section, keys) in sections {
        assert!(example.contains(&format!("[{section}]")), "section [{section}] is not documented");
        let serde_json::Value::Object(keys) = keys else { continue };
        for (key, value) in keys {
            if let serde_json::Value::Object(inner) = value {
                assert!(example.contains(&format!("[{section}.{key}]")), "[{section}.{key}] is not documented");
                for inner_key in inner.keys() {
                    let documented = example.lines().any(|l| l.starts_with(&format!("{inner_key} =")));
                    assert!(documented, "{section}.{key}.{inner_key} is not documented in rekey.example.toml");
                }
                continue;
            }
            let documented = example.lines().any(|l| {
                let l = l.trim_start_matches(['#', ' ']);
                l.starts_with(&format!("{key} ="))
            });
            assert!(documented, "{section}.{key} is not documented in rekey.example.toml");
        }
    }
}

#[test]
fn branding_files_that_are_missing_or_wrong_name_their_key() {
    let dir = std::env::temp_dir().join(format!("rekey-branding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wording = dir.join("wording.en.ftl");
    std::fs::write(&wording, "home-title = Forgot your password?\nhome-titel = typo\n").unwrap();
    let errs = errors(&format!(
        "{VALID}\n[branding]\ncustom_css_file = \"/nonexistent/site.css\"\nfavicon_file = \"/nonexistent/icon.ico\"\n\
         [branding.messages_files]\nen = {wording:?}\nde = \"/nonexistent/wording.de.ftl\"\nxx = {wording:?}\n"
    ));
    for key in [
        "branding.custom_css_file: cannot read /nonexistent/site.css",
        "branding.favicon_file: cannot read /nonexistent/icon.ico",
        "branding.messages_files.de: cannot read /nonexistent/wording.de.ftl",
        "branding.messages_files.xx:",
    ] {
        assert!(errs.iter().any(|e| e.starts_with(key)), "{key} not in {errs:?}");
    }
    let unknown = errs.iter().find(|e| e.starts_with("branding.messages_files.en:")).expect("the unknown id is named");
    assert!(unknown.contains("unknown message id \"home-titel\""), "{unknown}");
    std::fs::write(&wording, "home-title = Forgot your password?\n").unwrap();
    let css = dir.join("site.css");
    std::fs::write(&css, "body { background: #fafafa; }\n").unwrap();
    let ok = format!("{VALID}\n[branding]\ncustom_css_file = {css:?}\n[branding.messages_files]\nen = {wording:?}\n");
    assert_eq!(errors(&ok), Vec::<String>::new());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unknown_time_zone_names_its_key() {
    let errs = errors(&format!("{VALID}\n[server]\ntime_zone = \"Europe/Atlantis\"\n"));
    assert!(errs.iter().any(|e| e.starts_with("server.time_zone: expected an IANA time zone")), "{errs:?}");
    let config = Config::from_toml(&format!("{VALID}\n[server]\ntime_zone = \"Europe/Berlin\"\n")).unwrap();
    assert_eq!(config.server.zone().iana_name(), Some("Europe/Berlin"));
    assert_eq!(Config::from_toml(VALID).unwrap().server.zone(), jiff::tz::TimeZone::UTC);
}

#[test]
fn the_helpdesk_contact_is_checked_by_key_and_worded_per_language() {
    let errs = errors(&format!(
        "{VALID}\n[contact]\nphone = \"call us\"\nurl = \"intranet/help\"\nemail = \"not an address\"\n\
         [contact.lang.de]\nhours = \"Mo–Fr\\n8–18\"\n[contact.lang.xx]\nhours = \"9-5\"\n"
    ));
    for key in ["contact.phone:", "contact.url:", "contact.email:", "contact.lang.de.hours:", "contact.lang.xx:"] {
        assert!(errs.iter().any(|e| e.starts_with(key)), "{key} not in {errs:?}");
    }
    let config = Config::from_toml(&format!(
        "{VALID}\n[contact]\nphone = \"+49 30 1234-5678\"\nhours = \"Monday to Friday, 8:00 to 18:00\"\n\
         [contact.lang.de]\nhours = \"Montag bis Freitag, 8 bis 18 Uhr\"\n"
    ))
    .unwrap();
    let de = config.contact.for_lang("de").unwrap();
    assert_eq!((de.phone.as_str(), de.hours.as_str()), ("+49 30 1234-5678", "Montag bis Freitag, 8 bis 18 Uhr"));
    assert_eq!(config.contact.for_lang("fr").unwrap().hours, "Monday to Friday, 8:00 to 18:00");
    assert_eq!(de.tel(), "+493012345678");
    assert_eq!(Config::from_toml(VALID).unwrap().contact.for_lang("en"), None);
}
