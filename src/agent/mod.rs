//! Password writeback: `rekey agent`, a small process inside the organisation's network that
//! connects out to the portal, takes password jobs and runs them against Active Directory (or
//! OpenLDAP) with the same LDAP code the portal uses directly.
//!
//! The portal side lives in [`crate::directory::agent`] (jobs as a `Directory`) and the agent
//! API routes in the web layer; both sides share [`proto`], the signed and sealed messages.

pub mod admin;
pub mod client;
pub mod config;
pub mod guard;
pub mod integrity;
pub mod keyfile;
pub mod lease;
pub mod listing;
pub mod proto;
pub mod signed_job;
pub mod version;
