//! Integration tests, compiled as one binary. Each module starts or reuses real servers
//! through `support`.

mod ldap_directory;
mod mail;
mod store;
mod support;
