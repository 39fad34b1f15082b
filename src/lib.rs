//! rekey: self-service password portal. See DESIGN.md in the project docs for the map.

pub mod agent;
pub mod cli;
pub mod clock;
pub mod config;
pub mod crypto;
pub mod directory;
pub mod factors;
pub mod flow;
pub mod i18n;
pub mod metrics;
pub mod notify;
pub mod pace;
pub mod policy;
pub mod report;
pub mod store;
pub mod tamper;
pub mod version;
pub mod web;
