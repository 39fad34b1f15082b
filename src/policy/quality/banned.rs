//! Banned terms, scored the way Entra's password protection scores them: the global list, the
//! organisation's own terms and its name, each found term one point, every other character one
//! point, and a password needs five.
//!
//! The terms of a configuration are normalised and indexed once (by their first and second
//! character), so a check looks only at the terms that could start at each position of the
//! password: its work grows with the password, not with the list.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::normalise;
use crate::config::Config;

/// Terms every password is checked against, whatever the configuration: the commonest bases
/// of weak passwords in the portal's languages (Entra keeps a global list like this).
const GLOBAL_BANNED: &[&str] = &[
    "password",
    "passwort",
    "motdepasse",
    "wachtwoord",
    "contrasena",
    "contraseña",
    "haslo",
    "hasło",
    "senha",
    "losenord",
    "lösenord",
    "welcome",
    "willkommen",
    "bienvenue",
    "bienvenido",
    "welkom",
    "benvenuto",
    "benvenuti",
    "bemvindo",
    "witamy",
    "valkommen",
    "välkommen",
    "letmein",
    "changeme",
    "qwerty",
    "qwertz",
    "azerty",
    "asdfgh",
    "zxcvbn",
    "admin",
    "administrator",
    "login",
    "secret",
    "geheim",
    "default",
    "iloveyou",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "soccer",
    "sunshine",
    "princess",
    "master",
    "shadow",
    "superman",
    "trustno1",
    "abc123",
    "123456",
    "654321",
    "111111",
    "000000",
    "summer",
    "winter",
    "spring",
    "autumn",
    "sommer",
    "zomer",
    "verano",
    "invierno",
    "hiver",
    "primavera",
    "estate",
    "inverno",
    "autunno",
    "wiosna",
    "jesien",
    "jesień",
    "verao",
    "verão",
    "outono",
    "sommar",
    "vinter",
    "hello",
    "hallo",
    "bonjour",
];

/// Terms at least this long also match with one character added, removed or changed.
const FUZZY_FROM: usize = 5;

/// Points a password needs once banned terms count one each (Entra's threshold).
pub(super) const MIN_POINTS: usize = 5;

/// The banned terms of one configuration, normalised, with the index [`Terms::score`] uses.
pub(super) struct Terms {
    terms: Vec<String>,
    lengths: Vec<usize>,
    longest: usize,
    /// Terms by their first character.
    by_first: HashMap<char, Vec<usize>>,
    /// Terms matched within one edit, by their second character: a term whose first character
    /// was changed or removed still lines up there.
    by_second: HashMap<char, Vec<usize>>,
}

/// The terms of the configuration last asked about, and what they were built from.
type Cached = (Vec<String>, String, Arc<Terms>);
static CACHE: Mutex<Option<Cached>> = Mutex::new(None);

/// The terms of `config`: built once and kept while the configuration's terms and
/// organisation stay the same (one configuration per process, bar tests).
pub(super) fn of(config: &Config) -> Arc<Terms> {
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((terms, organisation, built)) = cache.as_ref()
        && *terms == config.password.banned_terms
        && *organisation == config.server.organisation
    {
        return built.clone();
    }
    let built = Arc::new(Terms::new(banned_terms(config)));
    *cache = Some((config.password.banned_terms.clone(), config.server.organisation.clone(), built.clone()));
    built
}

impl Terms {
    fn new(terms: Vec<String>) -> Terms {
        let lengths: Vec<usize> = terms.iter().map(|t| t.chars().count()).collect();
        let longest = lengths.iter().copied().max().unwrap_or(0);
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
        let mut by_second: HashMap<char, Vec<usize>> = HashMap::new();
        for (index, (term, &len)) in terms.iter().zip(&lengths).enumerate() {
            let mut chars = term.chars();
            if let Some(first) = chars.next() {
                by_first.entry(first).or_default().push(index);
            }
            if len >= FUZZY_FROM
                && let Some(second) = chars.next()
            {
                by_second.entry(second).or_default().push(index);
            }
        }
        Terms { terms, lengths, longest, by_first, by_second }
    }

    /// Whether a normalised password scores under [`MIN_POINTS`] with a banned term found: what
    /// Entra refuses.
    pub(super) fn refuses(&self, normalised: &str) -> bool {
        let (points, found) = self.lowest(normalised, MIN_POINTS);
        points < MIN_POINTS && found
    }

    /// Entra's score of a normalised password: each banned term found (exactly, or within one
    /// edit for terms of `FUZZY_FROM` characters or more: a character changed, removed, or
    /// added inside it) is one point, every other character is one point. The lowest score
    /// over every way of reading the password, and whether any term was found in the reading
    /// that gives it.
    #[cfg(test)]
    pub(super) fn score(&self, normalised: &str) -> (usize, bool) {
        self.lowest(normalised, usize::MAX)
    }

    /// [`Terms::score`] when it is under `below`; otherwise some figure of `below` or more.
    /// A reading is followed on only while it could still end under `below`: points never go
    /// down along a reading, and a character or term more costs one, so a reading already at
    /// `below - 1` points ends under `below` only where it ends already. A password without
    /// terms is thus read to its fourth character, not to its end, and each position's terms
    /// are tried only where a reading could still pass under five: the check's work no longer
    /// grows with the password's length (it was a few per cent of a change's CPU).
    fn lowest(&self, normalised: &str, below: usize) -> (usize, bool) {
        // Char boundaries, so slices are whole characters.
        let bounds: Vec<usize> = normalised.char_indices().map(|(i, _)| i).chain([normalised.len()]).collect();
        let chars: Vec<char> = normalised.chars().collect();
        let n = chars.len();
        // No reading can score under five: every point covers at most longest + 1 characters.
        if n >= MIN_POINTS * (self.longest + 1) {
            return (n, false);
        }
        // best[i]: (lowest points for the first i characters, whether that reading used a term).
        let mut best: Vec<(usize, bool)> = vec![(usize::MAX, false); n + 1];
        best[0] = (0, false);
        let mut candidates: Vec<usize> = Vec::new();
        for i in 0..n {
            let (points, found) = best[i];
            if points == usize::MAX || points.saturating_add(1) >= below {
                continue;
            }
            relax(&mut best[i + 1], (points + 1, found));
            // A term can start here only if its first character is here (unchanged), its
            // second is next (its first changed), or its second is here (its first removed).
            candidates.clear();
            let lists = [self.by_first.get(&chars[i]), self.by_second.get(&chars[i])];
            let next = chars.get(i + 1).and_then(|c| self.by_second.get(c));
            candidates.extend(lists.into_iter().chain([next]).flatten().flatten());
            candidates.sort_unstable();
            candidates.dedup();
            for &index in &candidates {
                let (term, len) = (&self.terms[index], self.lengths[index]);
                let fuzzy = len >= FUZZY_FROM;
                let spans: &[usize] = if fuzzy { &[len - 1, len, len + 1] } else { &[len] };
                for &span in spans.iter().filter(|&&span| i + span <= n) {
                    let slice = &normalised[bounds[i]..bounds[i + span]];
                    // A character added counts only inside the term: one at either end is a
                    // character of its own (so `blank12` is blank, 1, 2, as in Entra's example).
                    if span > len
                        && (slice.chars().next() != term.chars().next() || slice.chars().last() != term.chars().last())
                    {
                        continue;
                    }
                    let matches = if fuzzy { within_one_edit(slice, term) } else { slice == term };
                    if matches {
                        relax(&mut best[i + span], (points + 1, true));
                    }
                }
            }
        }
        best[n]
    }
}

/// [`Terms::score`] against a list of normalised terms (for the tests).
#[cfg(test)]
pub(super) fn score(normalised: &str, terms: &[String]) -> (usize, bool) {
    Terms::new(terms.to_vec()).score(normalised)
}

/// [`Terms::refuses`] against a list of normalised terms (for the tests).
#[cfg(test)]
pub(super) fn refuses(normalised: &str, terms: &[String]) -> bool {
    Terms::new(terms.to_vec()).refuses(normalised)
}

/// The banned terms, normalised: the global list, `password.banned_terms`, and the
/// organisation's name (whole, and each of its words of four characters or more).
fn banned_terms(config: &Config) -> Vec<String> {
    let organisation = &config.server.organisation;
    let whole: String = organisation.chars().filter(|c| c.is_alphanumeric()).collect();
    let words = organisation.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4);
    let mut terms: Vec<String> = GLOBAL_BANNED
        .iter()
        .copied()
        .chain(config.password.banned_terms.iter().map(|t| t.trim()))
        .chain(std::iter::once(whole.as_str()))
        .chain(words)
        .map(normalise)
        .filter(|t| t.chars().count() >= 3)
        .collect();
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// Whether `a` becomes `b` with at most one character changed, removed or added (Levenshtein
/// distance ≤ 1), without the distance matrix: `score` asks this thousands of times per password.
pub(super) fn within_one_edit(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.chars(), b.chars());
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return true,
            // One left over at the end: one character added or removed.
            (Some(_), None) => return a.next().is_none(),
            (None, Some(_)) => return b.next().is_none(),
            (Some(x), Some(y)) => {
                // The first difference: the rest must match after a change, or after skipping
                // the character in either string.
                let (rest_a, rest_b) = (a.as_str(), b.as_str());
                let skip_a = || rest_a.chars().eq(std::iter::once(y).chain(rest_b.chars()));
                let skip_b = || rest_b.chars().eq(std::iter::once(x).chain(rest_a.chars()));
                return rest_a == rest_b || skip_a() || skip_b();
            }
        }
    }
}

fn relax(slot: &mut (usize, bool), candidate: (usize, bool)) {
    // Fewer points wins; at equal points, a reading that found a term (so the refusal names it).
    if candidate.0 < slot.0 || (candidate.0 == slot.0 && candidate.1 && !slot.1) {
        *slot = candidate;
    }
}
