//! Verification factors: what a person proves they have. One-time codes sent by mail,
//! authenticator apps (TOTP), passkeys, security questions, text messages, and the handling of the email addresses codes go to.
//!
//! Nothing here stores, logs or sends anything: callers decide where codes and seeds go.

pub mod codes;
pub mod email;
pub mod passkey;
pub mod questions;
pub mod sms;
pub mod totp;
