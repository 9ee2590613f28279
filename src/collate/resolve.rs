//! The collator's choices in a conflict, each recorded with its time and undone the same
//! way: the revision to keep (`resolutions`), and single answers taken from another
//! revision of the conflict (`answer_choices`, schema 2). Every choice and undo is also
//! logged, in order.

use rusqlite::params;

use super::chain::Conflict;
use super::db::{CollateError, CollationDb};
use super::query::{RevisionRow, short};
use crate::i18n::Words;

/// One answer the collator took from a revision of a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerChoice {
    pub session_id: String,
    /// The conflict's shared parent ('' for two first revisions).
    pub parent: String,
    pub question: String,
    /// The revision whose answer is used.
    pub source: String,
}

impl CollationDb {
    fn refused(&self, message: Words) -> CollateError {
        CollateError::Refused {
            path: self.path.display().to_string(),
            message: message.into(),
        }
    }

    /// The one revision a digest (or a prefix of at least 8 hex digits) names.
    pub fn find_revision(&self, digest: &str) -> Result<RevisionRow, CollateError> {
        let want = digest.trim().trim_start_matches("sha256:");
        if want.len() < 8 || !want.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self
                .refused(Words::msg("why-resolve-not-digest").arg("digest", digest.to_string())));
        }
        let want = want.to_ascii_lowercase();
        let mut matches: Vec<RevisionRow> = self
            .revisions()?
            .into_iter()
            .filter(|r| r.digest.trim_start_matches("sha256:").starts_with(&want))
            .collect();
        match matches.len() {
            1 => Ok(matches.remove(0)),
            0 => Err(self.refused(Words::msg("why-resolve-no-revision").arg("want", want))),
            n => Err(self.refused(
                Words::msg("why-resolve-ambiguous")
                    .arg("n", n)
                    .arg("want", want),
            )),
        }
    }

    /// The revision `digest` names and the conflict it is in.
    pub fn conflict_of(&self, digest: &str) -> Result<(RevisionRow, Conflict), CollateError> {
        let r = self.find_revision(digest)?;
        let conflict = self
            .conflicts()?
            .into_iter()
            .find(|c| c.session_id == r.session_id && c.parent == r.parent)
            .ok_or_else(|| {
                self.refused(
                    Words::msg("why-resolve-not-in-conflict").arg("revision", short(&r.digest)),
                )
            })?;
        Ok((r, conflict))
    }

    /// Pick `digest` as the winner of the conflict it is in. Recorded, and reversible with
    /// [`CollationDb::unresolve`].
    pub fn resolve(&mut self, digest: &str, now: &str) -> Result<Conflict, CollateError> {
        let (r, conflict) = self.conflict_of(digest)?;
        let path = self.path.display().to_string();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| super::lock::sql_error(path.clone(), e))?;
        tx.execute(
            "INSERT INTO resolutions (session_id, parent, winner, at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (session_id, parent) DO UPDATE SET winner = ?3, at = ?4",
            params![r.session_id, r.parent, r.digest, now],
        )
        .and_then(|_| {
            tx.execute(
                "INSERT INTO resolution_log (session_id, parent, winner, action, at) VALUES (?1, ?2, ?3, 'pick', ?4)",
                params![r.session_id, r.parent, r.digest, now],
            )
        })
        .and_then(|_| tx.commit())
        .map_err(|e| super::lock::sql_error(path, e))?;
        Ok(Conflict {
            winner: Some(r.digest),
            ..conflict
        })
    }

    /// Take back the choice made in the conflict `digest` is in.
    pub fn unresolve(&mut self, digest: &str, now: &str) -> Result<(), CollateError> {
        let r = self.find_revision(digest)?;
        let path = self.path.display().to_string();
        let db = |e| super::lock::sql_error(path.clone(), e);
        let tx = self.conn.transaction().map_err(db)?;
        let n = tx
            .execute(
                "DELETE FROM resolutions WHERE session_id = ?1 AND parent = ?2",
                params![r.session_id, r.parent],
            )
            .map_err(db)?;
        if n == 0 {
            return Err(CollateError::Refused {
                path: path.clone(),
                message: Words::msg("why-resolve-nothing-picked")
                    .arg("revision", short(&r.digest))
                    .into(),
            });
        }
        tx.execute(
            "INSERT INTO resolution_log (session_id, parent, winner, action, at) VALUES (?1, ?2, ?3, 'undo', ?4)",
            params![r.session_id, r.parent, r.digest, now],
        )
        .and_then(|_| tx.commit())
        .map_err(db)?;
        Ok(())
    }

    /// Every answer the collator took from a revision of a conflict.
    pub fn answer_choices(&self) -> Result<Vec<AnswerChoice>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT session_id, parent, question, source FROM answer_choices ORDER BY session_id, parent, question",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(AnswerChoice {
                    session_id: r.get(0)?,
                    parent: r.get(1)?,
                    question: r.get(2)?,
                    source: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Use the answer to `question` of revision `digest` for its session, whichever
    /// revision of its conflict is kept: the revisions must disagree on it. Recorded, and
    /// reversible with [`CollationDb::unchoose_answer`].
    pub fn choose_answer(
        &mut self,
        digest: &str,
        question: &str,
        now: &str,
    ) -> Result<(RevisionRow, Conflict), CollateError> {
        let (r, conflict) = self.conflict_of(digest)?;
        let diff = self.conflict_diff(&conflict)?;
        if !diff.differing.iter().any(|(q, _)| q == question) {
            let differing: Vec<&str> = diff.differing.iter().map(|(q, _)| q.as_str()).collect();
            let on = if differing.is_empty() {
                Words::msg("why-resolve-no-answer")
            } else {
                Words::Text(differing.join(", "))
            };
            return Err(self.refused(
                Words::msg("why-resolve-no-difference")
                    .arg("question", question.to_string())
                    .with("differing", on),
            ));
        }
        let path = self.path.display().to_string();
        let tx = self
            .conn
            .transaction()
            .map_err(|e| super::lock::sql_error(path.clone(), e))?;
        tx.execute(
            "INSERT INTO answer_choices (session_id, parent, question, source, at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (session_id, parent, question) DO UPDATE SET source = ?4, at = ?5",
            params![r.session_id, r.parent, question, r.digest, now],
        )
        .and_then(|_| {
            tx.execute(
                "INSERT INTO answer_choice_log (session_id, parent, question, source, action, at) VALUES (?1, ?2, ?3, ?4, 'pick', ?5)",
                params![r.session_id, r.parent, question, r.digest, now],
            )
        })
        .and_then(|_| tx.commit())
        .map_err(|e| super::lock::sql_error(path, e))?;
        Ok((r, conflict))
    }

    /// Take back the answer chosen for `question` in the conflict `digest` is in.
    pub fn unchoose_answer(
        &mut self,
        digest: &str,
        question: &str,
        now: &str,
    ) -> Result<(), CollateError> {
        let r = self.find_revision(digest)?;
        let path = self.path.display().to_string();
        let db = |e| super::lock::sql_error(path.clone(), e);
        let tx = self.conn.transaction().map_err(db)?;
        let n = tx
            .execute(
                "DELETE FROM answer_choices WHERE session_id = ?1 AND parent = ?2 AND question = ?3",
                params![r.session_id, r.parent, question],
            )
            .map_err(db)?;
        if n == 0 {
            return Err(CollateError::Refused {
                path: path.clone(),
                message: Words::msg("why-resolve-nothing-chosen")
                    .arg("question", question.to_string())
                    .arg("revision", short(&r.digest))
                    .into(),
            });
        }
        tx.execute(
            "INSERT INTO answer_choice_log (session_id, parent, question, source, action, at) VALUES (?1, ?2, ?3, ?4, 'undo', ?5)",
            params![r.session_id, r.parent, question, r.digest, now],
        )
        .and_then(|_| tx.commit())
        .map_err(db)?;
        Ok(())
    }
}
