//! Subcommands of the `rekey` binary that are more than a call: their clap definitions and
//! what they print. `main.rs` only dispatches to them. Imported by nothing but `main.rs`.

pub mod api_token;
