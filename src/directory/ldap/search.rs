//! The helpdesk's search: accounts whose login, display name or mail contains what was typed,
//! one bounded subtree search (the server stops at the limit), every value escaped. Groups are
//! not read here: the helpdesk looks the chosen account up with `find_user`.

use std::time::SystemTime;

use ldap3::SearchEntry;

use super::{LdapDirectory, escape_filter_value};
use crate::config::LdapFlavour;
use crate::directory::{DirError, DirUser};

impl LdapDirectory {
    /// `(&<user_filter>(|(<attr>=*<text>*)…))` over the login attributes, display name and mail.
    fn people_filter(&self, text: &str) -> String {
        let value = escape_filter_value(text);
        let c = &self.config;
        let mut attrs: Vec<&str> = c.login_attributes.iter().map(String::as_str).collect();
        for extra in [c.display_name_attribute.as_str(), c.mail_attribute.as_str()] {
            if !attrs.contains(&extra) {
                attrs.push(extra);
            }
        }
        let alternatives: String = attrs.iter().map(|a| format!("({a}=*{value}*)")).collect();
        format!("(&{}(|{alternatives}))", c.user_filter.trim())
    }

    pub(super) async fn search_people(&self, text: &str, limit: usize) -> Result<Vec<DirUser>, DirError> {
        let text = text.trim();
        if text.is_empty() || limit == 0 {
            return Ok(vec![]);
        }
        let filter = self.people_filter(text);
        // The first `limit` are all the helpdesk sees.
        let entries = self.search_users_upto(&filter, limit, "people search").await?;
        let now = SystemTime::now();
        let mut people: Vec<DirUser> = entries
            .into_iter()
            .map(SearchEntry::construct)
            .filter_map(|entry| {
                let (id, state) = match self.flavour {
                    LdapFlavour::Openldap => Self::openldap_identity(&entry)?,
                    LdapFlavour::ActiveDirectory => super::ad::identity(&entry, now)?,
                };
                Some(self.to_user(&entry, "", id, state, vec![]))
            })
            .filter(|u| !u.login.is_empty())
            .take(limit)
            .collect();
        people.sort_by_key(|u| u.login.to_lowercase());
        Ok(people)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DirectoryConfig;

    #[test]
    fn the_people_filter_escapes_what_was_typed() {
        let config = DirectoryConfig {
            url: "ldap://127.0.0.1:1".into(),
            allow_plaintext: true,
            bind_dn: "cn=rekey,ou=services,dc=example,dc=test".into(),
            bind_password: Some(secrecy::SecretString::from("service".to_owned())),
            base_dn: "ou=people,dc=example,dc=test".into(),
            user_filter: "(objectClass=person)".into(),
            login_attributes: vec!["uid".into(), "mail".into()],
            ..DirectoryConfig::default()
        };
        let dir = LdapDirectory::new(&config).unwrap();
        let f = dir.people_filter("a*)(uid=*");
        assert!(f.starts_with("(&(objectClass=person)(|(uid=*a\\2a\\29\\28uid=\\2a*)"), "{f}");
        assert!(!f.contains("(uid=*)"));
    }
}
