//! Email addresses as a verification factor: parsing what people type into one canonical
//! form, and masking an address for display so a page never reveals a whole address to
//! someone who only knows a username.

use std::str::FromStr as _;

use lettre::Address;

/// Longest address SMTP can carry (RFC 5321 path limit less the angle brackets).
const MAX_LEN: usize = 254;

/// A valid address, trimmed, with its domain lower-cased; `None` if it is not one.
/// The local part keeps its case: only the receiving server may decide it does not matter.
pub fn parse_address(input: &str) -> Option<String> {
    let input = input.trim();
    if input.is_empty() || input.len() > MAX_LEN {
        return None;
    }
    let address = Address::from_str(input).ok()?;
    let (user, domain) = (address.user(), address.domain());
    if user.is_empty() || domain.is_empty() {
        return None;
    }
    Some(format!("{user}@{}", domain.to_lowercase()))
}

/// The address with its local part hidden except for its first and last character,
/// e.g. `a•••e@example.test`. Short local parts reveal less; the domain is shown.
pub fn mask(address: &str) -> String {
    const DOTS: &str = "•••";
    let Some((local, domain)) = address.rsplit_once('@') else {
        return DOTS.to_owned();
    };
    let mut chars = local.chars();
    let masked_local = match (chars.next(), chars.next_back(), chars.next()) {
        // Three or more characters: the ends only.
        (Some(first), Some(last), Some(_)) => format!("{first}{DOTS}{last}"),
        // Two: the first only.
        (Some(first), Some(_), None) => format!("{first}{DOTS}"),
        // One or none: nothing.
        _ => DOTS.to_owned(),
    };
    format!("{masked_local}@{domain}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_address_is_trimmed_and_its_domain_lower_cased() {
        assert_eq!(parse_address("  Alice.Smith@Example.TEST \n").as_deref(), Some("Alice.Smith@example.test"));
        assert_eq!(parse_address("bob+rekey@mail.example.com").as_deref(), Some("bob+rekey@mail.example.com"));
    }

    #[test]
    fn things_that_are_not_addresses_are_refused() {
        for bad in [
            "",
            "   ",
            "alice",
            "alice@",
            "@example.test",
            "alice@@example.test",
            "alice smith@example.test",
            "Alice <alice@example.test>",
            "alice@example.test, bob@example.test",
            "alice@example.test\r\nBcc: eve@example.test",
        ] {
            assert_eq!(parse_address(bad), None, "{bad:?} was accepted");
        }
    }

    #[test]
    fn addresses_longer_than_254_characters_are_refused() {
        let domain = format!("{}.{}.{}.test", "a".repeat(63), "b".repeat(63), "c".repeat(63));
        let fits = format!("{}@{domain}", "x".repeat(254 - 1 - domain.len()));
        assert_eq!(fits.len(), 254);
        assert!(parse_address(&fits).is_some());
        let too_long = format!("x{fits}");
        assert_eq!(parse_address(&too_long), None);
        assert_eq!(parse_address(&"a".repeat(100_000)), None);
    }

    #[test]
    fn masking_shows_only_the_ends_of_the_local_part() {
        assert_eq!(mask("alice@example.test"), "a•••e@example.test");
        assert_eq!(mask("bo@example.test"), "b•••@example.test");
        assert_eq!(mask("x@example.test"), "•••@example.test");
        assert_eq!(mask("not-an-address"), "•••");
        assert_eq!(mask("élodie@example.test"), "é•••e@example.test");
    }

    #[test]
    fn masking_never_reveals_the_middle_of_the_local_part() {
        let masked = mask("secretname@example.test");
        assert!(!masked.contains("ecretnam"), "{masked}");
        assert_eq!(masked, "s•••e@example.test");
    }
}
