//! Integration tests, compiled as one binary. Each module starts or reuses real servers
//! through `support`.

mod mail;
mod store;
mod support;
