#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Integration tests, compiled as one binary. Each module starts or reuses real servers
//! through `support`.

mod ldap_directory;
mod mail;
mod store;
mod support;
mod flows;
mod processes;
