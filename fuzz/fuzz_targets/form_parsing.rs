//! Any form body: what the portal's handlers do with form fields before the directory sees
//! them (url-decoding, the username's bounds, escaping into an LDAP filter, code and address
//! parsing, the agent's token and message parsing) must never panic, and an escaped value must
//! never contain a filter metacharacter.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[derive(serde::Deserialize)]
struct Form {
    #[serde(default)]
    username: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    pow: String,
}

fuzz_target!(|data: &[u8]| {
    let Ok(form) = serde_urlencoded::from_bytes::<Form>(data) else { return };
    if let Some(login) = rekey::directory::Login::parse(&form.username) {
        let escaped = rekey::directory::ldap::escape::escape_filter_value(login.as_str());
        assert!(!escaped.contains(['*', '(', ')', '\0']), "{escaped:?}");
    }
    let _ = rekey::factors::email::parse_address(&form.address);
    let _ = rekey::factors::codes::normalise(&form.code, 6);
    let _ = rekey::agent::client::parse_token(&form.username);
    let _ = rekey::flow::pow::solves(&form.username, &form.pow, 8);
    let envelope = rekey::agent::proto::Envelope { signer: form.username, payload: form.code, sig: form.address };
    let _ = rekey::agent::proto::peek::<serde::de::IgnoredAny>(&envelope);
});
