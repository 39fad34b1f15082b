//! Comparing distinguished names as a directory does, so that a group's `member` values, an
//! account's `memberOf` values and the entries' own DNs can be matched in memory: attribute
//! types and values without regard to case, escaping (RFC 4514) or the spaces around
//! separators, and the parts of a multi-valued RDN in any order.
//!
//! Case-insensitive values are what `cn`, `uid`, `ou` and `dc` are in every schema rekey meets;
//! a DN whose naming attribute compares case-exactly would be matched too generously, never
//! missed.

/// A key that is equal for two spellings of the same DN.
pub fn dn_key(dn: &str) -> String {
    split_unescaped(dn, &[',', ';'])
        .into_iter()
        .filter(|rdn| !rdn.trim().is_empty())
        .map(|rdn| {
            let mut avas: Vec<String> = split_unescaped(rdn, &['+']).into_iter().map(ava_key).collect();
            avas.sort();
            avas.join("+")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Whether the DN with key `key` is `base` or lies below it (`base` is a [`dn_key`] too; an
/// empty base holds everything).
pub fn is_under(key: &str, base: &str) -> bool {
    base.is_empty() || key == base || key.strip_suffix(base).is_some_and(|head| head.ends_with(','))
}

/// `type=value` with the type lower-cased and the value unescaped, lower-cased and escaped
/// again in one canonical way, so no value can imitate a separator.
fn ava_key(ava: &str) -> String {
    // Only the first unescaped `=` separates; any later one belongs to the value.
    let (kind, value) = match split_unescaped(ava, &['=']).first() {
        Some(kind) if kind.len() < ava.len() => (*kind, ava.get(kind.len() + 1..).unwrap_or("")),
        _ => (ava, ""),
    };
    let value = decode(value).to_lowercase();
    format!("{}={}", kind.trim().to_ascii_lowercase(), ldap3::dn_escape(&value))
}

/// Splits at the separators that are not escaped with a backslash.
fn split_unescaped<'a>(text: &'a str, separators: &[char]) -> Vec<&'a str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if separators.contains(&c) {
            parts.push(text.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
    }
    parts.push(text.get(start..).unwrap_or(""));
    parts
}

/// An attribute value with its escapes resolved (`\2C` and `\,` alike) and the unescaped spaces
/// around it removed. Hex escapes may spell a UTF-8 sequence byte by byte.
fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    // Length of `out` up to its last character that is not an unescaped space.
    let mut significant = 0;
    let mut i = bytes.iter().position(|b| *b != b' ').unwrap_or(bytes.len());
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' {
            // Two hex digits; `from_str_radix` alone would also take a sign, as in `\+b`.
            let hex = bytes.get(i + 1..i + 3).filter(|h| h.iter().all(u8::is_ascii_hexdigit));
            match hex.and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()) {
                Some(byte) => {
                    out.push(byte);
                    i += 3;
                }
                None => {
                    out.extend(bytes.get(i + 1));
                    i += 2;
                }
            }
            significant = out.len();
        } else {
            out.push(b);
            i += 1;
            if b != b' ' {
                significant = out.len();
            }
        }
    }
    out.truncate(significant);
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_dn_have_one_key() {
        let key = dn_key("uid=alice,ou=people,dc=example,dc=test");
        for same in [
            "UID=Alice,OU=People,DC=Example,DC=Test",
            "uid=alice, ou=people, dc=example, dc=test",
            "uid = alice ,ou=people;dc=example,dc=test",
            r"uid=\61lice,ou=people,dc=example,dc=test",
        ] {
            assert_eq!(dn_key(same), key, "{same}");
        }
        assert_ne!(dn_key("uid=alicia,ou=people,dc=example,dc=test"), key);
    }

    #[test]
    fn escaped_separators_stay_inside_the_value() {
        let a = dn_key(r"cn=Smith\, John,ou=people,dc=x");
        assert_eq!(a, dn_key(r"CN=smith\2c john,OU=People,DC=X"));
        assert_eq!(a, r"cn=smith\2c john,ou=people,dc=x");
        assert_ne!(a, dn_key("cn=Smith,cn=John,ou=people,dc=x"));
        assert_eq!(dn_key(r"cn=a\+b,dc=x"), dn_key(r"cn=a\2Bb,dc=x"));
        assert_eq!(dn_key(r"cn=x\=y,dc=x"), dn_key(r"CN=X\3dY,dc=x"));
    }

    #[test]
    fn multi_valued_rdns_match_in_any_order_and_utf8_escapes_decode() {
        assert_eq!(dn_key("cn=a+uid=b,dc=x"), dn_key("UID=B + CN=A,dc=x"));
        assert_eq!(dn_key(r"cn=J\C3\BCrgen,dc=x"), dn_key("cn=jürgen,dc=x"));
        assert_eq!(dn_key(r"cn=\ lead,dc=x"), dn_key(r"cn=\20lead,dc=x"));
        assert_ne!(dn_key(r"cn=\ lead,dc=x"), dn_key("cn=lead,dc=x"), "an escaped space is part of the value");
    }

    #[test]
    fn under_means_the_base_itself_or_below_it() {
        let base = dn_key("OU=Groups,DC=corp,DC=test");
        assert!(is_under(&dn_key("CN=staff,OU=Groups,DC=corp,DC=test"), &base));
        assert!(is_under(&base, &base));
        assert!(!is_under(&dn_key("CN=x,OU=OtherGroups,DC=corp,DC=test"), &base));
        assert!(!is_under(&dn_key("DC=corp,DC=test"), &base));
        assert!(is_under(&dn_key("CN=x,DC=elsewhere"), ""));
    }
}
