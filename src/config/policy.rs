//! `[policy]`: who may use self-service, which methods exist, how many must pass and be
//! registered, and stricter rules for some groups. `MethodKind`, the ways of proving who you
//! are, lives here because the policy names them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EnabledFor {
    None,
    #[default]
    All,
    Groups,
}

/// A way of proving who you are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    Email,
    Totp,
    Questions,
    Sms,
    Passkey,
}

impl MethodKind {
    pub const ALL: [MethodKind; 5] =
        [MethodKind::Email, MethodKind::Totp, MethodKind::Questions, MethodKind::Sms, MethodKind::Passkey];

    pub fn as_str(self) -> &'static str {
        match self {
            MethodKind::Email => "email",
            MethodKind::Totp => "totp",
            MethodKind::Questions => "questions",
            MethodKind::Sms => "sms",
            MethodKind::Passkey => "passkey",
        }
    }

    /// Proven by a one-time code (mailed, texted or from an app), rather than by answers.
    pub fn is_code(self) -> bool {
        matches!(self, MethodKind::Email | MethodKind::Totp | MethodKind::Sms)
    }

    pub fn parse(s: &str) -> Option<MethodKind> {
        MethodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PolicyConfig {
    /// Who may use self-service: `none`, `all`, or `groups`.
    pub enabled_for: EnabledFor,
    /// With `groups`: members of any of these (DN or cn) may use self-service.
    pub groups: Vec<String>,
    /// Members of these never may, whatever else applies.
    pub excluded_groups: Vec<String>,
    /// Methods people may register and use.
    pub methods: Vec<MethodKind>,
    /// Distinct methods that must pass to reset or unlock: 1 or 2.
    pub methods_required: u8,
    /// Methods a person must register before anything else: at least `methods_required`.
    pub methods_to_register: u8,
    /// A method registered less than this many hours ago cannot be used to reset or unlock
    /// when the person already had another one (so a hijacked session cannot add its own way
    /// in and use it at once). 0 turns this off.
    pub new_method_cooling_off_hours: u64,
    /// Stricter rules for members of some groups (e.g. admins: two methods, no questions).
    pub rules: Vec<MethodRule>,
    /// Days after which people are asked, when they sign in to their methods, to check that
    /// they are still theirs and up to date. 0: never.
    pub review_after_days: u64,
}

/// Method policy for members of some groups. A person in several rules gets the strictest of
/// each setting.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MethodRule {
    /// Groups (cn or DN) the rule applies to.
    pub groups: Vec<String>,
    /// Distinct methods that must pass to reset or unlock (default: policy.methods_required).
    #[serde(default)]
    pub methods_required: Option<u8>,
    /// Distinct methods to register (default: policy.methods_to_register, at least
    /// methods_required).
    #[serde(default)]
    pub methods_to_register: Option<u8>,
    /// Methods that do not count for these people: they cannot register them, and passing
    /// one proves nothing.
    #[serde(default)]
    pub excluded_methods: Vec<MethodKind>,
}

impl Default for PolicyConfig {
    fn default() -> Self {
        PolicyConfig {
            enabled_for: EnabledFor::All,
            groups: vec![],
            excluded_groups: vec![],
            methods: vec![MethodKind::Email, MethodKind::Totp],
            methods_required: 1,
            methods_to_register: 1,
            new_method_cooling_off_hours: 24,
            rules: vec![],
            review_after_days: 0,
        }
    }
}

impl PolicyConfig {
    pub(super) fn validate(&self, err: &mut impl FnMut(&str, String)) {
        let p = self;
        if p.new_method_cooling_off_hours > 24 * 30 {
            err(
                "policy.new_method_cooling_off_hours",
                format!("expected 0 to 720, got {}", p.new_method_cooling_off_hours),
            );
        }
        if p.enabled_for == EnabledFor::Groups && p.groups.is_empty() {
            err("policy.groups", "enabled_for = \"groups\" needs at least one group".into());
        }
        if p.methods.is_empty() {
            err("policy.methods", "allow at least one method".into());
        }
        let allowed = distinct(&p.methods);
        if !(1..=2).contains(&p.methods_required) {
            err("policy.methods_required", format!("expected 1 or 2, got {}", p.methods_required));
        } else if usize::from(p.methods_required) > allowed {
            err(
                "policy.methods_required",
                format!("{} methods required but only {allowed} allowed in policy.methods", p.methods_required),
            );
        }
        if p.methods_to_register < p.methods_required || usize::from(p.methods_to_register) > allowed {
            err(
                "policy.methods_to_register",
                format!(
                    "expected between policy.methods_required ({}) and the number of allowed methods ({allowed}), got {}",
                    p.methods_required, p.methods_to_register
                ),
            );
        }
        for (i, r) in p.rules.iter().enumerate() {
            r.validate(i, p, err);
        }
        if p.review_after_days > 3650 {
            err("policy.review_after_days", format!("expected 0 to 3650, got {}", p.review_after_days));
        }
    }
}

impl MethodRule {
    /// `policy.rules[i]`, against the policy it tightens.
    fn validate(&self, i: usize, p: &PolicyConfig, err: &mut impl FnMut(&str, String)) {
        let at = |key: &str| format!("policy.rules[{i}].{key}");
        if self.groups.is_empty() {
            err(&at("groups"), "name at least one group".into());
        }
        if let Some(k) = self.excluded_methods.iter().find(|k| !p.methods.contains(k)) {
            err(&at("excluded_methods"), format!("{:?} is not in policy.methods", k.as_str()));
        }
        let usable = p.methods.iter().filter(|k| !self.excluded_methods.contains(k)).count();
        let required = self.methods_required.unwrap_or(p.methods_required);
        if !(1..=2).contains(&required) || usize::from(required) > usable {
            err(
                &at("methods_required"),
                format!("expected 1 or 2 and at most the {usable} methods left after excluded_methods, got {required}"),
            );
        }
        let to_register = self.methods_to_register.unwrap_or(p.methods_to_register).max(required);
        if usize::from(to_register) > usable {
            err(&at("methods_to_register"), format!("expected at most the {usable} usable methods, got {to_register}"));
        }
    }
}

fn distinct(methods: &[MethodKind]) -> usize {
    let mut m = methods.to_vec();
    m.sort();
    m.dedup();
    m.len()
}
