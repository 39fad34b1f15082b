use super::*;

#[test]
fn the_agent_only_speaks_https_except_to_this_machine() {
    assert!(check_portal_url("https://password.example.com").is_ok());
    assert!(check_portal_url("http://127.0.0.1:8080").is_ok());
    assert!(check_portal_url("http://localhost:8080").is_ok());
    assert!(check_portal_url("http://[::1]:8080").is_ok());
    let err = check_portal_url("http://password.example.com").unwrap_err().to_string();
    assert!(err.contains("only connects to the portal over https://"), "{err}");
    assert!(check_portal_url("ftp://x").is_err());
    assert!(check_portal_url("not a url").is_err());
}

#[test]
fn tokens_have_three_parts_and_a_fingerprint() {
    assert_eq!(parse_token(" rka1.abc.0123456789abcdef\n").unwrap(), ("abc", "0123456789abcdef"));
    assert!(parse_token("rka1.abc").is_err());
    assert!(parse_token("rka2.abc.0123456789abcdef").is_err());
    assert!(parse_token("rka1..0123456789abcdef").is_err());
    assert!(parse_token("rka1.abc.0123").is_err());
}
