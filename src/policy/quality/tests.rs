use super::*;
use crate::directory::{AccountState, UserId};

fn config() -> Config {
    let mut config = Config::default();
    config.server.organisation = "Contoso".into();
    config.password.banned_terms = vec!["kettle".into()];
    config
}

fn alice() -> DirUser {
    DirUser {
        id: UserId("1".into()),
        dn: "uid=aarcher,ou=people,dc=example,dc=test".into(),
        login: "aarcher".into(),
        display_name: "Alice Archer".into(),
        emails: vec!["alice.archer@example.test".into()],
        phones: vec![],
        groups: vec![],
        state: AccountState::default(),
    }
}

fn refusals(password: &str) -> Vec<Refusal> {
    check(&config(), &Person::of(&alice()), password).err().unwrap_or_default()
}

fn codes(password: &str) -> Vec<&'static str> {
    refusals(password).iter().map(Refusal::code).collect()
}

#[test]
fn a_long_random_passphrase_passes() {
    for p in ["Gravel-Orchid-Lantern-91", "violet Tractor mango 17 seventeen", "Fresh-pw1a2b3c4d-Horse7"] {
        assert_eq!(check(&config(), &Person::of(&alice()), p), Ok(()), "{p}");
    }
}

#[test]
fn p_at_ssw0rd_2024_is_refused_as_guessable_with_zxcvbn_advice() {
    let r = refusals("P@ssw0rd2024");
    let guessable = r.iter().find(|r| r.code() == "quality_guessable").expect("refused as guessable");
    assert!(guessable.advice().contains(&"quality-warn-similar"), "{guessable:?}");
    assert!(guessable.advice().contains(&"quality-tip-substitutions"), "{guessable:?}");
    // Long enough, all four kinds, and five points by Entra's count (password, 2, 0, 2, 4):
    // only its guessability is wrong with it.
    assert_eq!(codes("P@ssw0rd2024"), ["quality_guessable"]);
}

#[test]
fn a_top_breached_password_is_refused_as_breached() {
    assert!(codes("Password1").contains(&"quality_breached"), "{:?}", codes("Password1"));
    assert!(codes("iloveyou!").contains(&"quality_breached"));
    // Case does not matter, and look-alike substitutions are undone first.
    assert!(codes("TRUSTNO1").contains(&"quality_breached"));
    assert!(codes("Sunsh1ne").contains(&"quality_breached"));
    let mut off = config();
    off.password.check_breached = false;
    assert!(!check(&off, &Person::default(), "Password1").unwrap_err().contains(&Refusal::Breached));
}

#[test]
fn the_persons_own_surname_with_digits_is_refused() {
    assert!(codes("Archer2024!").contains(&"quality_own_name"), "{:?}", codes("Archer2024!"));
    assert!(codes("Alice#Rules-99").contains(&"quality_own_name"));
    // Username and address, with substitutions undone.
    assert!(codes("aArch3r-Blue-Sky-77").contains(&"quality_own_name"));
    assert!(codes("@l1ce.archer!Q").contains(&"quality_own_name"));
    // Only what was typed, when nothing else is known.
    let typed = check(&config(), &Person::typed("bsmith@example.test"), "Bsmith-1984-go").unwrap_err();
    assert!(typed.contains(&Refusal::OwnName));
}

#[test]
fn a_banned_term_within_one_edit_is_refused_by_entras_score() {
    // kettle (configured) with one letter removed, plus three characters: 4 points.
    assert_eq!(codes("Ketle#12"), ["quality_banned", "quality_guessable"]);
    // The organisation's name with one letter changed: 1 + 3 points.
    assert!(codes("Kontoso!9Z").contains(&"quality_banned"), "{:?}", codes("Kontoso!9Z"));
    assert!(codes("C0nt0so#9").contains(&"quality_banned"));
    // Five points pass the score (Entra's example: two banned terms and three characters).
    assert!(!codes("ContosoKettle-f9!").contains(&"quality_banned"));
}

#[test]
fn entra_scoring_counts_terms_once_and_other_characters_each() {
    let terms = vec![normalise("contoso"), normalise("blank")];
    assert_eq!(score(&normalise("C0ntos0Blank12"), &terms), (4, true));
    assert_eq!(score(&normalise("ContoS0Bl@nkf9!"), &terms), (5, true));
    assert_eq!(score(&normalise("abcdefgh"), &terms), (8, false));
    // One edit: a letter added, removed or changed.
    assert_eq!(score("contosso", &terms), (1, true));
    assert_eq!(score("cont-oso", &terms), (1, true));
    assert_eq!(score("contso", &terms), (1, true));
    assert_eq!(score("contoxo", &terms), (1, true));
    // Two edits are no longer the term, and an added letter at either end is a letter of its
    // own, not part of the term.
    assert!(!score("cantoxo", &terms).1);
    assert_eq!(score("blankl", &terms), (2, true));
    assert_eq!(score("xblank", &terms), (2, true));
    // Short terms match only exactly.
    assert_eq!(score("tesy", &[String::from("test")]), (4, false));
}

#[test]
fn normalisation_lower_cases_and_undoes_look_alikes() {
    assert_eq!(normalise("P@55w0rd"), "password");
    assert_eq!(normalise("$UMM3R!"), "summeri");
    assert_eq!(normalise("Tr0ub4dor&3"), "troubador&e");
    assert_eq!(normalise("H4LL0-W3LT"), "hallo-welt");
    assert_eq!(normalise("Ärger"), "ärger");
}

#[test]
fn length_and_classes_follow_the_config() {
    assert_eq!(codes("aB3$xY"), ["quality_too_short", "quality_guessable"]);
    // Spaces count as symbols: lower case, spaces and digits make three kinds.
    assert_eq!(codes("quiet lantern orchard 42"), Vec::<&str>::new());
    let r = refusals("alllowercaselettersandnothingelse");
    assert!(r.contains(&Refusal::TooFewClasses { min: 3 }), "{r:?}");
    let mut relaxed = config();
    relaxed.password.min_classes = 1;
    relaxed.password.min_length = 12;
    assert_eq!(check(&relaxed, &Person::default(), "correct horse battery staple"), Ok(()));
    assert_eq!(check(&relaxed, &Person::default(), "Short-7a!").unwrap_err()[0], Refusal::TooShort { min: 12 });
}

#[test]
fn every_refusal_has_a_message_in_english() {
    for key in MESSAGE_KEYS {
        let text = crate::i18n::Lang::En.t_with(key, &[("min", 8.into())]);
        assert_ne!(text, *key, "no English message {key}");
    }
    for code in CODES {
        assert_eq!(crate::report::Failure::of(code), crate::report::Failure::Policy, "{code}");
    }
}

#[test]
fn the_breached_list_is_shipped_and_lower_case() {
    assert!(breached_list_len() > 40_000);
    assert!(BREACHED.contains("password") && BREACHED.contains("p@ssw0rd"));
    assert!(BREACHED.iter().all(|p| p.to_lowercase() == *p));
}

/// Measures one full check (zxcvbn included) once the lists are loaded; prints it with
/// `cargo test --lib quality -- --nocapture`.
#[test]
fn one_check_takes_about_a_millisecond() {
    let config = config();
    let person = Person::of(&alice());
    let _ = check(&config, &person, "warm-up");
    let samples = ["Gravel-Orchid-Lantern-91", "P@ssw0rd2024", &"Abc-123-xyz!".repeat(21)];
    for p in samples {
        let started = std::time::Instant::now();
        let rounds = 20;
        for _ in 0..rounds {
            let _ = check(&config, &person, p);
        }
        let each = started.elapsed() / rounds;
        println!("one check of {} characters: {each:?}", p.chars().count());
        assert!(each < std::time::Duration::from_millis(250), "{each:?} for {} characters", p.len());
    }
}

#[test]
fn within_one_edit_agrees_with_levenshtein() {
    let words = [
        "", "a", "ab", "ba", "abc", "acb", "abcd", "abdc", "xbcd", "bcd", "abce", "summer", "sumer", "summmer",
        "sunmer", "ßummer", "summer1", "1summer", "wînter", "winter",
    ];
    for a in words {
        for b in words {
            assert_eq!(within_one_edit(a, b), strsim::levenshtein(a, b) <= 1, "{a:?} {b:?}");
        }
    }
}

/// The score the index gives is the score of trying every term at every position: the index
/// only skips terms that cannot start there. Checked on every single edit of every term of
/// the global list (changed, removed, added letters, at each place), embedded in other text.
#[test]
fn the_indexed_score_agrees_with_trying_every_term_everywhere() {
    fn brute(normalised: &str, terms: &[String]) -> (usize, bool) {
        let chars: Vec<char> = normalised.chars().collect();
        let n = chars.len();
        let mut best = vec![(usize::MAX, false); n + 1];
        best[0] = (0, false);
        let better = |slot: (usize, bool), c: (usize, bool)| c.0 < slot.0 || (c.0 == slot.0 && c.1 && !slot.1);
        for i in 0..n {
            let (points, found) = best[i];
            if points == usize::MAX {
                continue;
            }
            if better(best[i + 1], (points + 1, found)) {
                best[i + 1] = (points + 1, found);
            }
            for term in terms {
                let len = term.chars().count();
                let fuzzy = len >= 5;
                for span in if fuzzy { vec![len - 1, len, len + 1] } else { vec![len] } {
                    if i + span > n {
                        continue;
                    }
                    let slice: String = chars[i..i + span].iter().collect();
                    if span > len
                        && (slice.chars().next() != term.chars().next() || slice.chars().last() != term.chars().last())
                    {
                        continue;
                    }
                    let hit = if fuzzy { strsim::levenshtein(&slice, term) <= 1 } else { slice == *term };
                    if hit && better(best[i + span], (points + 1, true)) {
                        best[i + span] = (points + 1, true);
                    }
                }
            }
        }
        best[n]
    }
    let terms: Vec<String> = ["password", "welcome", "qwerty", "admin", "summer", "contoso", "abc123", "hallo"]
        .iter()
        .map(|t| normalise(t))
        .collect();
    let mut cases = Vec::new();
    for term in &terms {
        let chars: Vec<char> = term.chars().collect();
        for at in 0..=chars.len() {
            let mut removed = chars.clone();
            if at < chars.len() {
                removed.remove(at);
                let mut changed = chars.clone();
                changed[at] = 'x';
                cases.push(changed.iter().collect::<String>());
                cases.push(removed.iter().collect::<String>());
            }
            let mut added = chars.clone();
            added.insert(at, 'z');
            cases.push(added.iter().collect::<String>());
        }
    }
    for case in cases {
        for text in [
            case.clone(),
            format!("a{case}9"),
            format!("{case}{case}"),
            format!("q{case}-w"),
            format!("{case}{case}{case}{case}"),
            format!("tundra-{case}-compass8"),
        ] {
            let exact = brute(&text, &terms);
            assert_eq!(score(&text, &terms), exact, "{text}");
            // What the quality check asks: read only as far as a reading scores under five.
            assert_eq!(refuses(&text, &terms), exact.0 < MIN_POINTS && exact.1, "{text}");
        }
    }
}
