//! What an attempt is and how it advances: sign-in, change, registration, reset and unlock.
//!
//! No HTTP types here. Handlers call one function per step and render what comes back. Every
//! decision a person could probe for information (does this account exist, is it in scope, is
//! it registered) is made so that the answer looks the same either way.

pub mod account;
pub mod admin;
pub mod api;
pub mod binding;
mod campaign;
pub mod change;
mod change_once;
pub mod checkpoint;
pub mod codes;
pub mod delegated;
pub mod dir_rules;
pub mod enrol;
mod enrolment;
pub mod export_shape;
pub mod exports;
pub mod failures;
pub mod helpdesk;
pub mod limits;
pub mod listing;
mod listing_state;
pub mod methods;
mod notice;
pub mod outcome;
mod planned;
pub mod pow;
pub mod protection;
pub mod quality;
pub mod recovery;
pub mod reminders;
pub mod rows;
mod services;
pub mod sessions;
pub mod siem;
pub mod sms;
pub mod webhooks;

/// What every flow is given and answers with; defined in `services`, below every other module here.
pub use listing_state::{Listed, Listing};
pub use services::{AuditRecord, FlowError, Requester, Services, refusal_code};
