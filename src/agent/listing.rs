//! The agent's side of `list_users`: the directory is read once per listing the portal asks
//! for and handed out in pages small enough for the portal's request size limit. The latest
//! listing is kept in memory for a few minutes, so each further page costs no directory query.
//!
//! Pages go in order of account id and continue after the id the portal names, so a page asked
//! of another agent (which reads the directory itself) carries on where the last one ended.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use super::proto::{Answer, Outcome, UserPage};
use crate::directory::{DirError, DirUser, Directory};

/// How long a listing is kept after its last page was asked for.
const KEEP: Duration = Duration::from_secs(300);

/// The listing being paged through, if any.
#[derive(Default)]
pub struct Listings {
    current: Mutex<Option<Held>>,
}

struct Held {
    listing: String,
    limit: usize,
    /// Sorted by id.
    users: Arc<Vec<DirUser>>,
    used: Instant,
}

impl Listings {
    /// The page of listing `listing` after the account id `after`.
    pub async fn page(
        &self,
        directory: &dyn Directory,
        listing: &str,
        limit: usize,
        after: Option<&str>,
        max_bytes: usize,
    ) -> Outcome {
        let users = self.users(directory, listing, limit).await?;
        Ok(Answer::Users(page_of(&users, after, max_bytes)))
    }

    /// The listing's accounts: held, or read now. The lock is held while reading, so two
    /// workers asked for the same listing read the directory once.
    async fn users(
        &self,
        directory: &dyn Directory,
        listing: &str,
        limit: usize,
    ) -> Result<Arc<Vec<DirUser>>, DirError> {
        let mut current = self.current.lock().await;
        if let Some(held) =
            current.as_mut().filter(|h| h.listing == listing && h.limit == limit && h.used.elapsed() < KEEP)
        {
            held.used = Instant::now();
            return Ok(held.users.clone());
        }
        *current = None; // the memory of an older listing goes before a new one is read
        let mut users = directory.list_users(limit).await?;
        users.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        let users = Arc::new(users);
        *current = Some(Held { listing: listing.to_owned(), limit, users: users.clone(), used: Instant::now() });
        Ok(users)
    }
}

/// The accounts after the id `after` (all when `None`) that fit in `max_bytes` of JSON; at
/// least one, however large.
pub fn page_of(users: &[DirUser], after: Option<&str>, max_bytes: usize) -> UserPage {
    let start = after.map_or(0, |after| users.partition_point(|u| u.id.as_str() <= after));
    let mut bytes = 0;
    let mut page = Vec::new();
    for user in users.iter().skip(start) {
        let size = serde_json::to_vec(user).map_or(0, |json| json.len()) + 1;
        if !page.is_empty() && bytes + size > max_bytes {
            break;
        }
        bytes += size;
        page.push(user.clone());
    }
    let more = start + page.len() < users.len();
    let next = page.last().filter(|_| more).map(|u| u.id.as_str().to_owned());
    UserPage { users: page, next }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{AccountState, UserId};

    fn user(id: &str) -> DirUser {
        DirUser {
            id: UserId(id.into()),
            dn: format!("uid={id},ou=people,dc=example,dc=test"),
            login: id.into(),
            display_name: id.into(),
            emails: vec![],
            phones: vec![],
            groups: vec!["cn=staff,ou=groups,dc=example,dc=test".into()],
            state: AccountState::default(),
        }
    }

    #[test]
    fn pages_fill_the_byte_budget_and_continue_after_the_last_id() {
        let users: Vec<DirUser> = (0..10).map(|i| user(&format!("id-{i:02}"))).collect();
        let one = serde_json::to_vec(&users[0]).unwrap().len() + 1;
        let first = page_of(&users, None, 3 * one);
        assert_eq!(first.users.len(), 3);
        assert_eq!(first.next.as_deref(), Some("id-02"));
        let second = page_of(&users, first.next.as_deref(), 3 * one);
        assert_eq!(second.users[0].id.as_str(), "id-03");
        let last = page_of(&users, Some("id-08"), 3 * one);
        assert_eq!((last.users.len(), last.next), (1, None));
        assert!(page_of(&users, Some("id-09"), 3 * one).users.is_empty());
    }

    #[test]
    fn an_account_larger_than_the_budget_still_makes_a_page() {
        let users = vec![user("a"), user("b")];
        let page = page_of(&users, None, 1);
        assert_eq!(page.users.len(), 1);
        assert_eq!(page.next.as_deref(), Some("a"));
    }
}
