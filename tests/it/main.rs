#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! Integration tests, compiled as one binary. Each module starts or reuses real servers
//! through `support`.

mod abuse;
mod ad_directory;
mod ad_discovery;
mod ad_groups;
mod ad_hints;
mod ad_policy;
mod admin;
mod agent;
mod agent_bulk;
mod agent_lease;
mod agent_purge;
mod agent_trust;
mod agent_version;
mod audit;
mod audit_tamper;
mod browser;
mod browser_oidc;
mod budget;
mod flows;
mod graph;
mod graph_bulk;
mod graph_oidc;
mod graph_outcomes;
mod graph_tenant;
mod health;
mod helpdesk;
mod helpdesk_cloud;
mod helpdesk_four_eyes;
mod helpdesk_limits;
mod holes;
mod hostile;
mod ldap_directory;
mod ldap_servers;
mod ldap_shared;
mod mail;
mod method_rules;
mod outcomes;
mod passkeys;
mod ppolicy_expiry;
mod ppolicy_reset;
mod processes;
mod quality;
mod questions;
mod samba_dc;
mod sms;
mod store;
mod support;
mod tamper;
mod timing_slow_directory;
mod ui;
