//! A session's revisions as a chain through `parent` links: the head of each session,
//! the conflicts (two revisions with the same parent) and the collator's choices in
//! them. Everything here is derived from the links, never from what a file claims
//! about itself.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::db::{CollateError, CollationDb};
use super::query::RevisionRow;

/// The current state of one session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub row: RevisionRow,
    /// More than one revision could be current (a conflict no one resolved, or a revision
    /// whose parent never arrived): this head was picked by rule, and the report says so.
    /// The rule never reads the revision number a file claims, which anyone who can write
    /// to the outbox can set: a chain that reaches a first revision wins over one that
    /// does not, then the longer chain, then the latest completion, then the digest.
    pub unresolved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub session_id: String,
    pub parent: String,
    pub members: Vec<RevisionRow>,
    pub winner: Option<String>,
}

impl CollationDb {
    fn winners(&self) -> Result<HashMap<(String, String), String>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT session_id, parent, winner FROM resolutions")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Two or more revisions of a session that name the same parent.
    pub fn conflicts(&self) -> Result<Vec<Conflict>, CollateError> {
        let winners = self.winners()?;
        let mut groups: BTreeMap<(String, String), Vec<RevisionRow>> = BTreeMap::new();
        for r in self.conflicted_revisions()? {
            groups
                .entry((r.session_id.clone(), r.parent.clone()))
                .or_default()
                .push(r);
        }
        Ok(groups
            .into_iter()
            .filter(|(_, m)| m.len() > 1)
            .map(|((session_id, parent), members)| Conflict {
                winner: winners.get(&(session_id.clone(), parent.clone())).cloned(),
                session_id,
                parent,
                members,
            })
            .collect())
    }

    /// The head of every session: the leaf of its chain, after the collator's choices.
    pub fn heads(&self) -> Result<Vec<Head>, CollateError> {
        let winners = self.winners()?;
        // Grouped by sorting in place, not into a map of vectors: a session has one
        // revision mostly, and a vector per session held room for four (heaptrack: 144 MB
        // of a 231 MB heap peak at 100,000 sessions). Stable, so each session's revisions
        // keep the order they were read in.
        let mut all = self.revisions()?;
        all.sort_by(|a, b| a.session_id.cmp(&b.session_id));
        let mut best_of: Vec<(usize, bool)> = Vec::new();
        let mut start = 0;
        for revs in all.chunk_by(|a, b| a.session_id == b.session_id) {
            let first = start;
            start += revs.len();
            let session = &revs[0].session_id;
            let mut children: HashMap<&str, Vec<&RevisionRow>> = HashMap::new();
            for r in revs {
                children.entry(r.parent.as_str()).or_default().push(r);
            }
            // A resolved conflict's losers, and everything built on them, drop out.
            let mut out: HashSet<&str> = HashSet::new();
            for (parent, kids) in &children {
                if let Some(w) = winners.get(&(session.clone(), parent.to_string())) {
                    let mut stack: Vec<&str> = kids
                        .iter()
                        .filter(|k| k.digest != *w)
                        .map(|k| k.digest.as_str())
                        .collect();
                    while let Some(d) = stack.pop() {
                        if out.insert(d) {
                            stack.extend(
                                children
                                    .get(d)
                                    .into_iter()
                                    .flatten()
                                    .map(|k| k.digest.as_str()),
                            );
                        }
                    }
                }
            }
            let leaves: Vec<(usize, &RevisionRow)> = revs
                .iter()
                .enumerate()
                .filter(|(_, r)| !out.contains(r.digest.as_str()))
                .filter(|(_, r)| {
                    children
                        .get(r.digest.as_str())
                        .is_none_or(|k| k.iter().all(|k| out.contains(k.digest.as_str())))
                })
                .collect();
            let depth = chain_depths(revs);
            let rank =
                |r: &RevisionRow| depth.get(r.digest.as_str()).copied().unwrap_or((false, 0));
            let Some((best, _)) = leaves.iter().max_by(|(_, a), (_, b)| {
                (rank(a), &a.completed_at, &b.digest).cmp(&(rank(b), &b.completed_at, &a.digest))
            }) else {
                continue;
            };
            best_of.push((first + best, leaves.len() > 1));
        }
        // The heads are moved out of the revisions, not copied beside them.
        let mut best_of = best_of.into_iter().peekable();
        let mut heads = Vec::with_capacity(best_of.len());
        for (i, row) in all.into_iter().enumerate() {
            if let Some(&(b, unresolved)) = best_of.peek()
                && b == i
            {
                heads.push(Head { row, unresolved });
                best_of.next();
            }
        }
        Ok(heads)
    }
}

/// For each revision of one session: whether its chain reaches a first revision through
/// `parent` links among the revisions known, and how many revisions the chain has up to
/// and including it. Computed from the links alone, never from claimed revision numbers.
fn chain_depths(revs: &[RevisionRow]) -> HashMap<&str, (bool, u32)> {
    let by_digest: HashMap<&str, &RevisionRow> =
        revs.iter().map(|r| (r.digest.as_str(), r)).collect();
    let mut depth: HashMap<&str, (bool, u32)> = HashMap::new();
    for r in revs {
        // Up the chain to a first revision, a missing parent, or one already known; then
        // down again. A chain cannot loop (each digest covers its parent's), but a bound
        // on the walk costs nothing.
        let mut path: Vec<&str> = Vec::new();
        let mut at = r;
        let base = loop {
            if let Some(known) = depth.get(at.digest.as_str()) {
                break *known;
            }
            path.push(at.digest.as_str());
            if at.parent.is_empty() {
                break (true, 0);
            }
            match by_digest.get(at.parent.as_str()) {
                Some(p) if path.len() <= revs.len() => at = p,
                _ => break (false, 0),
            }
        };
        let (rooted, mut d) = base;
        for digest in path.into_iter().rev() {
            d += 1;
            depth.insert(digest, (rooted, d));
        }
    }
    depth
}
