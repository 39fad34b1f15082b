//! Any TOML at all: loading and validating the configuration must answer with a config or a
//! list of named errors, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match rekey::config::Config::from_toml(text) {
            Ok(config) => {
                let _ = config.to_redacted_toml();
            }
            Err(errors) => assert!(errors.0.iter().all(|e| !e.path.is_empty())),
        }
        let _ = rekey::agent::config::AgentConfig::from_toml(text);
    }
});
