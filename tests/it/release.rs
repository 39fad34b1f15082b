//! Releases: the binary names its version and commit, and migrations only ever move forward.
//! `migrations/released.sha256` lists every migration file with its SHA-256 (`sha256sum`
//! format, so `cd migrations && sha256sum -c released.sha256` checks it too): a listed file
//! edited, removed or renamed fails here, because databases out there already ran it. A new
//! migration fails here until its line is added; the failure prints the line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

const DIALECTS: [&str; 2] = ["sqlite", "postgres"];

fn migrations_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations")
}

/// Every file under migrations/<dialect>/, as "dialect/name".
fn files_on_disk() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for dialect in DIALECTS {
        for entry in std::fs::read_dir(migrations_dir().join(dialect)).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            found.insert(format!("{dialect}/{name}"));
        }
    }
    found
}

fn sha256_of(relative: &str) -> String {
    hex::encode(Sha256::digest(std::fs::read(migrations_dir().join(relative)).unwrap()))
}

/// The committed list: file -> checksum.
fn released() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(migrations_dir().join("released.sha256")).unwrap();
    let mut list = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (sum, file) = line.split_once("  ").unwrap_or_else(|| panic!("not `<sha256>  <file>`: {line}"));
        assert!(list.insert(file.to_owned(), sum.to_owned()).is_none(), "listed twice: {file}");
    }
    list
}

#[test]
fn released_migrations_are_never_edited_removed_or_renumbered() {
    let on_disk = files_on_disk();
    let mut problems = Vec::new();
    for (file, sum) in released() {
        if !on_disk.contains(&file) {
            problems.push(format!(
                "{file} was released and is gone (removed or renumbered): databases out there ran it; put it back"
            ));
        } else if sha256_of(&file) != sum {
            problems.push(format!(
                "{file} was released and has been edited: databases out there ran the old text; put it back and \
                 write a new migration for the change"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_migration_is_listed_with_its_checksum() {
    let listed = released();
    let missing: Vec<String> = files_on_disk()
        .into_iter()
        .filter(|file| !listed.contains_key(file))
        .map(|file| format!("{}  {file}", sha256_of(&file)))
        .collect();
    assert!(
        missing.is_empty(),
        "new migrations: add these lines to migrations/released.sha256 (then they are frozen):\n{}",
        missing.join("\n")
    );
}

#[test]
fn migrations_only_move_forward_numbered_without_gaps_and_alike_on_both_databases() {
    let mut names_by_dialect = Vec::new();
    for dialect in DIALECTS {
        let mut names: Vec<String> = files_on_disk()
            .into_iter()
            .filter_map(|f| f.strip_prefix(&format!("{dialect}/")).map(str::to_owned))
            .collect();
        names.sort();
        for (i, name) in names.iter().enumerate() {
            // sqlx's reversible migrations (.up.sql/.down.sql) would allow going back: none.
            assert!(
                name.ends_with(".sql") && !name.ends_with(".up.sql") && !name.ends_with(".down.sql"),
                "{dialect}/{name}: migrations are plain forward-only .sql files"
            );
            let number: usize = name.split('_').next().and_then(|n| n.parse().ok()).unwrap_or(0);
            assert_eq!(number, i + 1, "{dialect}/{name}: numbers run 0001, 0002, … without gaps or doubles");
        }
        names_by_dialect.push(names);
    }
    assert_eq!(names_by_dialect[0], names_by_dialect[1], "SQLite and PostgreSQL have the same migrations");
}

#[test]
fn version_names_cargo_toml_and_the_commit() {
    let out = Command::new(env!("CARGO_BIN_EXE_rekey")).arg("--version").output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert_eq!(text.trim(), format!("rekey {}", *rekey::version::LONG));
    assert!(text.starts_with(&format!("rekey {} (commit ", env!("CARGO_PKG_VERSION"))), "{text}");
    // Built from this checkout: the commit is the one git names (when git is here to ask).
    let head = Command::new("git").args(["rev-parse", "HEAD"]).current_dir(env!("CARGO_MANIFEST_DIR")).output();
    if let Some(head) = head.ok().filter(|h| h.status.success()) {
        let head = String::from_utf8_lossy(&head.stdout).trim().to_owned();
        assert_eq!(rekey::version::COMMIT, head, "the build's commit is HEAD (rebuilt after a commit)");
        assert!(text.contains(&format!("(commit {})", &head[..12])), "{text}");
    }
}
