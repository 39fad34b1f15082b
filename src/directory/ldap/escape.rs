//! Escaping of values placed into LDAP filters (RFC 4515) and DN attribute values (RFC 4514).
//!
//! Every value that came from a person or from a directory entry goes through one of these
//! before it becomes part of a filter or a DN; nothing here may ever pass `*`, `(`, `)`, `\`
//! or NUL through unescaped into a filter.

use std::borrow::Cow;

/// Escapes a value for use inside a filter component such as `(uid=VALUE)` (RFC 4515 §3):
/// `*`, `(`, `)`, `\` and NUL become `\2a`, `\28`, `\29`, `\5c`, `\00`. Other characters,
/// including non-ASCII UTF-8, are valid in a filter string and are left as they are.
pub fn escape_filter_value(value: &str) -> Cow<'_, str> {
    ldap3::ldap_escape(value)
}

/// Escapes a value for use as the value of one RDN, such as `uid=VALUE,ou=people,…`
/// (RFC 4514 §2.4): `"`, `+`, `,`, `;`, `<`, `=`, `>`, `\` and NUL everywhere, a leading
/// space or `#`, and a trailing space.
pub fn escape_dn_value(value: &str) -> Cow<'_, str> {
    ldap3::dn_escape(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_metacharacters_are_hex_escaped() {
        assert_eq!(escape_filter_value("*)(uid=*"), r"\2a\29\28uid=\2a");
        assert_eq!(escape_filter_value(r"back\slash"), r"back\5cslash");
        assert_eq!(escape_filter_value("nul\0byte"), r"nul\00byte");
        assert_eq!(escape_filter_value("(objectClass=*)"), r"\28objectClass=\2a\29");
    }

    #[test]
    fn plain_and_non_ascii_values_pass_unchanged() {
        assert_eq!(escape_filter_value("alice"), "alice");
        assert_eq!(escape_filter_value("alice@example.test"), "alice@example.test");
        assert_eq!(escape_filter_value("jürgen.øster"), "jürgen.øster");
        assert_eq!(escape_filter_value("名前"), "名前");
    }

    #[test]
    fn escaped_filters_parse_and_keep_the_value_literal() {
        // The escaped value must still form a single, well-formed equality filter.
        for raw in ["*)(uid=*", r"a\b", "x\0y", "jürgen", "))((", "*"] {
            let filter = format!("(uid={})", escape_filter_value(raw));
            assert_eq!(filter.matches('(').count(), 1, "{filter}");
            assert_eq!(filter.matches(')').count(), 1, "{filter}");
            assert!(!filter.contains('*'), "{filter}");
            assert!(!filter.contains('\0'), "{filter}");
        }
    }

    #[test]
    fn dn_specials_are_escaped() {
        assert_eq!(escape_dn_value("Smith, John"), r"Smith\2c John");
        assert_eq!(escape_dn_value("a+b=c"), r"a\2bb\3dc");
        assert_eq!(escape_dn_value(" lead"), r"\20lead");
        assert_eq!(escape_dn_value("#hash"), r"\23hash");
        assert_eq!(escape_dn_value("trail "), r"trail\20");
        assert_eq!(escape_dn_value(r#"q"u<o>t;e\"#), r"q\22u\3co\3et\3be\5c");
        assert_eq!(escape_dn_value("plain.name"), "plain.name");
    }
}
