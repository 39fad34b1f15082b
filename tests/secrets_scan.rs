//! Run after the integration suite (`./scripts/test` does): every password, one-time code
//! and TOTP seed the suite used must be absent from every captured log and every test
//! database, SQLite files and PostgreSQL dumps alike.

use std::path::{Path, PathBuf};
use std::process::Command;

fn output_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("test-logs")
}

/// Whether `needle` occurs in `hay` as a token of its own: for short numeric codes, not
/// inside a longer run of letters or digits (timestamps, ids), and not as the fractional
/// seconds of a time (`09:10:39.650723+00` in a PostgreSQL dump is a time, not a code).
fn occurs(hay: &[u8], needle: &[u8]) -> bool {
    first_occurrence(hay, needle).is_some()
}

/// Where `needle` first occurs as [`occurs`] means it.
fn first_occurrence(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let standalone = needle.len() < 12;
    memchr::memmem::find_iter(hay, needle).find(|&i| {
        !standalone
            || (i.checked_sub(1).is_none_or(|j| !hay[j].is_ascii_alphanumeric())
                && hay.get(i + needle.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
                && !fractional_seconds(hay, i)
                && !decimal_fraction(hay, i))
    })
}

/// Whether the bytes before `i` are a number's digit and its decimal point, as in a logged
/// duration (`elapsed_secs=0.000527`): a six-digit code there is a coincidence, not a leak.
fn decimal_fraction(hay: &[u8], i: usize) -> bool {
    let Some(point) = i.checked_sub(1) else { return false };
    let digits = hay[..point].iter().rev().take_while(|c| c.is_ascii_digit()).count();
    hay[point] == b'.' && digits > 0 && point.checked_sub(digits + 1).is_none_or(|j| !hay[j].is_ascii_alphanumeric())
}

/// Whether the bytes before `i` are `HH:MM:SS.`.
fn fractional_seconds(hay: &[u8], i: usize) -> bool {
    let Some(start) = i.checked_sub(9) else { return false };
    let t = &hay[start..i];
    t[8] == b'.' && t[2] == b':' && t[5] == b':' && [0, 1, 3, 4, 6, 7].iter().all(|&k| t[k].is_ascii_digit())
}

/// The bytes around a hit, escaped, with the secret itself shown as `<secret>`: enough to
/// tell a leak (`code=<secret>`) from a coincidence in binary data without the file, which a
/// CI run does not keep.
fn surroundings(hay: &[u8], at: usize, len: usize) -> String {
    let before = &hay[at.saturating_sub(40)..at];
    let after = &hay[at + len..(at + len + 40).min(hay.len())];
    format!("\"{}<secret>{}\"", before.escape_ascii(), after.escape_ascii())
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn no_secret_used_by_the_suite_appears_in_logs_or_databases() {
    let dir = output_dir();
    let secrets: Vec<String> = std::fs::read_to_string(dir.join("secrets.txt"))
        .expect("run the integration suite first: it records the secrets it used")
        .lines()
        .filter(|l| l.len() >= 6)
        .map(str::to_owned)
        .collect();
    assert!(secrets.len() > 20, "the suite recorded too few secrets ({}) to prove anything", secrets.len());

    let mut files = vec![];
    files_under(&dir, &mut files);
    let mut scanned: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name != "secrets.txt" && (name.ends_with(".log") || name.contains(".db"))
        })
        .map(|p| (p.display().to_string(), std::fs::read(p).unwrap()))
        .collect();
    let trace = scanned.iter().find(|(n, _)| n.ends_with("trace.log")).map(|(_, b)| b.len()).unwrap_or(0);
    assert!(trace > 100_000, "the trace log is suspiciously small ({trace} bytes)");
    assert!(scanned.iter().any(|(n, _)| n.contains(".db")), "no SQLite test database was found to scan");

    // PostgreSQL test databases, dumped as text.
    let list = Command::new("psql")
        .args([
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-At",
            "-c",
            "select datname from pg_database where datname like 'rekey_t_%'",
        ])
        .output()
        .expect("psql runs");
    let databases: Vec<String> = String::from_utf8_lossy(&list.stdout).lines().map(str::to_owned).collect();
    assert!(!databases.is_empty(), "no PostgreSQL test database was found to scan");
    for db in databases {
        let dump = Command::new("pg_dump")
            .args(["-h", "127.0.0.1", "-U", "postgres", "--data-only", &db])
            .output()
            .expect("pg_dump runs");
        assert!(dump.status.success(), "pg_dump {db}: {}", String::from_utf8_lossy(&dump.stderr));
        scanned.push((format!("postgres:{db}"), dump.stdout));
    }

    let mut leaks = vec![];
    for (name, bytes) in &scanned {
        for s in &secrets {
            if let Some(at) = first_occurrence(bytes, s.as_bytes()) {
                leaks.push(format!(
                    "{name}: a secret of length {} was found at byte {at}, in {}",
                    s.len(),
                    surroundings(bytes, at, s.len())
                ));
            }
        }
    }
    assert!(leaks.is_empty(), "secrets leaked:\n{}", leaks.join("\n"));
    eprintln!("scanned {} files and dumps for {} secrets", scanned.len(), secrets.len());
}

#[test]
fn the_matcher_treats_short_codes_as_tokens() {
    assert!(occurs(b"code=123456 ok", b"123456"));
    assert!(!occurs(b"05:49:31.123456Z", b"123456"));
    assert!(!occurs(b"2026-11-25 09:10:39.650723+00", b"650723"));
    assert!(occurs(b"code: 650723+00", b"650723"));
    assert!(occurs(b"v1.650723.", b"650723"));
    assert!(!occurs(b"elapsed_secs=0.000527\n", b"000527"));
    assert!(occurs(b"sent 12 000527 ", b"000527"));
    assert!(!occurs(b"id a123456b", b"123456"));
    assert!(occurs(b"xxLong-Passw0rd-Horsexx", b"Long-Passw0rd-Horse"));
    assert_eq!(surroundings(b"a\x01code=123456;\n", 7, 6), "\"a\\x01code=<secret>;\\n\"");
}
