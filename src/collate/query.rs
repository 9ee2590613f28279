//! What the collation database says: its revisions and their answers, how a conflict's
//! revisions differ and the collator's choice in it, and the files in quarantine. The
//! chains themselves (heads, conflicts) are in `chain.rs`.

use std::collections::BTreeMap;

use super::chain::Conflict;
use super::db::{CollateError, CollationDb};
use crate::guide::Structure;
use crate::session::{AnswerStatus, Value, ValueKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRow {
    pub digest: String,
    pub session_id: String,
    pub revision: u32,
    /// Empty for a first revision.
    pub parent: String,
    pub response: String,
    pub structure: Structure,
    pub structure_label: String,
    pub interviewer: String,
    pub completed_at: String,
    pub guide_id: String,
    pub guide_version: String,
    pub guide_digest: String,
    /// The call it was part of: the sessions of one call share it.
    pub call_id: String,
    /// `Some(false)`: the participants refused notes being taken.
    pub consent: Option<bool>,
    /// Who made this revision when not the interviewer (reopened in another store).
    pub edited_by: Option<String>,
    /// The end-of-call read-back (file v3): `Some(true)` confirmed, `Some(false)`
    /// corrections asked, `None` not read back.
    pub read_back: Option<bool>,
}

impl RevisionRow {
    /// Who made this revision, as its file records it: "bea (interviewer amina)" when a
    /// colleague reopened it, else "amina".
    pub fn made_by(&self) -> String {
        match &self.edited_by {
            Some(e) => format!("{e} (interviewer {})", self.interviewer),
            None => self.interviewer.clone(),
        }
    }
}

/// One answer of one revision, typed as the session file had it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerRow {
    pub status: AnswerStatus,
    pub value: Option<Value>,
    pub other: String,
    pub note: String,
    pub hidden: bool,
    /// Its free text was marked sensitive by the interviewer.
    pub sensitive: bool,
}

impl AnswerRow {
    /// The same answer, whether or not skip logic hides it now.
    pub fn same_answer(&self, other: &AnswerRow) -> bool {
        (self.status, &self.value, &self.other, &self.note)
            == (other.status, &other.value, &other.other, &other.note)
    }

    /// Read from the columns `status, type, value, other, note, hidden, sensitive`,
    /// starting at `at`.
    fn read(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<AnswerRow> {
        let kind: Option<ValueKind> = r.get(at + 1)?;
        let text: Option<String> = r.get(at + 2)?;
        let value = match (kind, text) {
            (Some(kind), Some(text)) => Some(Value::from_text(kind, &text).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    at + 2,
                    rusqlite::types::Type::Text,
                    format!("not a {} value: {text:?}", kind.as_str()).into(),
                )
            })?),
            _ => None,
        };
        Ok(AnswerRow {
            status: r.get(at)?,
            value,
            other: r.get(at + 3)?,
            note: r.get(at + 4)?,
            hidden: r.get(at + 5)?,
            sensitive: r.get(at + 6)?,
        })
    }
}

/// How the revisions of one conflict differ: what `stocktake conflicts` shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictDiff {
    /// The questions whose answers are not the same in every revision, by question id,
    /// each with every revision's answer in the conflict's order (`None`: none recorded).
    pub differing: Vec<(String, Vec<Option<AnswerRow>>)>,
    /// Where each revision's file was found, in the conflict's order.
    pub paths: Vec<Vec<String>>,
    /// When this database first saw each revision, in the conflict's order.
    pub imported: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quarantined {
    pub path: String,
    pub kind: String,
    /// In English, as it was stored.
    pub reason: String,
    /// The same reason as words, for another language; `None` for a row stored before
    /// they were kept (schema 8 and earlier), or by a stocktake with words this one lacks.
    pub words: Option<crate::i18n::Words>,
}

impl Quarantined {
    /// Why the file is in quarantine, in `lang`; in English exactly as stored.
    pub fn reason_in(&self, lang: crate::i18n::UiLang) -> String {
        match &self.words {
            Some(w) if lang != crate::i18n::UiLang::En => w.in_lang(lang),
            _ => self.reason.clone(),
        }
    }
}

impl CollationDb {
    pub fn revisions(&self) -> Result<Vec<RevisionRow>, CollateError> {
        self.revisions_where("")
    }

    /// How many revisions the collation holds: counted by SQLite, not by reading them (at
    /// 100,000 sessions the report read every revision, 60 MB, for this number).
    pub fn revision_count(&self) -> Result<usize, CollateError> {
        self.conn
            .prepare_cached("SELECT count(*) FROM revisions")
            .and_then(|mut st| st.query_row([], |r| r.get::<_, i64>(0)))
            .map(|n| usize::try_from(n).unwrap_or_default())
            .map_err(|e| self.err(e))
    }

    /// The revisions that share their session and parent with another: the members of
    /// conflicts, found by the index instead of by reading every revision (at 100,000
    /// sessions that read was a quarter of a gigabyte after every collation).
    pub fn conflicted_revisions(&self) -> Result<Vec<RevisionRow>, CollateError> {
        self.revisions_where(
            "WHERE EXISTS (SELECT 1 FROM revisions o WHERE o.session_id = revisions.session_id
                           AND o.parent = revisions.parent AND o.digest != revisions.digest)",
        )
    }

    fn revisions_where(&self, filter: &str) -> Result<Vec<RevisionRow>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT digest, session_id, revision, parent, response, structure, structure_label, interviewer,
                        coalesce(completed_at, ''), guide_id, guide_version, guide_digest, call_id, consent, edited_by,
                        read_back_confirmed
                 FROM revisions {filter} ORDER BY session_id, revision, digest"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(RevisionRow {
                    digest: r.get(0)?,
                    session_id: r.get(1)?,
                    revision: r.get(2)?,
                    parent: r.get(3)?,
                    response: r.get(4)?,
                    structure: r.get(5)?,
                    structure_label: r.get(6)?,
                    interviewer: r.get(7)?,
                    completed_at: r.get(8)?,
                    guide_id: r.get(9)?,
                    guide_version: r.get(10)?,
                    guide_digest: r.get(11)?,
                    call_id: r.get(12)?,
                    consent: r.get(13)?,
                    edited_by: r.get(14)?,
                    read_back: r.get(15)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn answers_of(&self, digest: &str) -> Result<BTreeMap<String, AnswerRow>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT a.question, a.status, a.type, a.value, a.other, a.note, a.hidden, a.sensitive FROM answers a JOIN revisions r ON r.id = a.rev WHERE r.digest = ?1")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([digest], |r| {
                Ok((r.get::<_, String>(0)?, AnswerRow::read(r, 1)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The questions on which a conflict's revisions disagree, and where each came from.
    pub fn conflict_diff(&self, c: &Conflict) -> Result<ConflictDiff, CollateError> {
        let answers: Vec<_> = c
            .members
            .iter()
            .map(|m| self.answers_of(&m.digest))
            .collect::<Result<_, _>>()?;
        let mut questions: Vec<&String> = answers.iter().flat_map(|a| a.keys()).collect();
        questions.sort();
        questions.dedup();
        let differing = questions
            .into_iter()
            .filter_map(|q| {
                let each: Vec<Option<AnswerRow>> =
                    answers.iter().map(|a| a.get(q).cloned()).collect();
                let same = each.iter().all(|a| match (a, &each[0]) {
                    (Some(a), Some(b)) => a.same_answer(b),
                    (a, b) => a.is_none() && b.is_none(),
                });
                (!same).then(|| (q.clone(), each))
            })
            .collect();
        let paths = c
            .members
            .iter()
            .map(|m| self.paths_of(&m.digest))
            .collect::<Result<_, _>>()?;
        let imported = c
            .members
            .iter()
            .map(|m| self.imported_at(&m.digest))
            .collect::<Result<_, _>>()?;
        Ok(ConflictDiff {
            differing,
            paths,
            imported,
        })
    }

    /// When this database first saw the revision.
    pub fn imported_at(&self, digest: &str) -> Result<String, CollateError> {
        self.conn
            .prepare_cached("SELECT imported_at FROM revisions WHERE digest = ?1")
            .and_then(|mut st| st.query_row([digest], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    pub fn paths_of(&self, digest: &str) -> Result<Vec<String>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT path FROM file_paths WHERE digest = ?1 ORDER BY path")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([digest], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    pub fn quarantined(&self) -> Result<Vec<Quarantined>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT path, kind, reason, reason_words FROM quarantine ORDER BY path")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(Quarantined {
                    path: r.get(0)?,
                    kind: r.get(1)?,
                    reason: r.get(2)?,
                    words: r
                        .get::<_, Option<String>>(3)?
                        .and_then(|j| crate::i18n::Words::from_json(&j)),
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

/// A digest as people compare them: the first 12 hex digits.
pub fn short(digest: &str) -> String {
    digest
        .trim_start_matches("sha256:")
        .chars()
        .take(12)
        .collect()
}

/// A guide a collated file was made with, as the collation keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollatedGuide {
    pub digest: String,
    pub id: String,
    pub version: String,
    /// The guide file's text.
    pub source: String,
}

impl CollationDb {
    /// Every guide a collated file was made with, by id and version.
    pub fn guides(&self) -> Result<Vec<CollatedGuide>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT digest, id, version, source FROM guides ORDER BY id, version, digest",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(CollatedGuide {
                    digest: r.get(0)?,
                    id: r.get(1)?,
                    version: r.get(2)?,
                    source: r.get(3)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// (id, version, source) of every guide a collated file was made with.
    pub fn guide_sources(&self) -> Result<Vec<(String, String, String)>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, version, source FROM guides ORDER BY id, version")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Every answer of every revision, handed over one at a time, a revision's answers
    /// together and in question order: the report keeps the heads' answers without first
    /// holding every answer (with its revision's 71-character digest) in one list.
    pub fn each_answer(
        &self,
        each: &mut dyn FnMut(&str, String, AnswerRow),
    ) -> Result<(), CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.digest, a.question, a.status, a.type, a.value, a.other, a.note, a.hidden, a.sensitive FROM answers a JOIN revisions r ON r.id = a.rev ORDER BY a.rev, a.question",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read = || -> rusqlite::Result<(&str, String, AnswerRow)> {
                Ok((r.get_ref(0)?.as_str()?, r.get(1)?, AnswerRow::read(r, 2)?))
            };
            let (digest, question, answer) = read().map_err(|e| self.err(e))?;
            each(digest, question, answer);
        }
        Ok(())
    }

    /// One revision's answers in question order, handed over as they are read: the report
    /// reads each head's again as it writes, one session at a time, instead of holding
    /// every answer of the collation.
    pub fn each_answer_of(
        &self,
        digest: &str,
        each: &mut dyn FnMut(&str, AnswerRow),
    ) -> Result<(), CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT a.question, a.status, a.type, a.value, a.other, a.note, a.hidden, a.sensitive FROM answers a WHERE a.rev = (SELECT id FROM revisions WHERE digest = ?1) ORDER BY a.question",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = st.query([digest]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let read = || -> rusqlite::Result<(&str, AnswerRow)> {
                Ok((r.get_ref(0)?.as_str()?, AnswerRow::read(r, 1)?))
            };
            let (question, answer) = read().map_err(|e| self.err(e))?;
            each(question, answer);
        }
        Ok(())
    }

    /// Every general note of every revision.
    pub fn all_notes(&self) -> Result<Vec<GeneralNote>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached("SELECT r.digest, n.at, n.text, n.question, n.sensitive, n.seq FROM notes n JOIN revisions r ON r.id = n.rev ORDER BY r.digest, n.seq")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(GeneralNote {
                    digest: r.get(0)?,
                    at: r.get(1)?,
                    text: r.get(2)?,
                    question: r.get(3)?,
                    sensitive: r.get(4)?,
                    seq: r.get(5)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}

/// A general note of a revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneralNote {
    pub digest: String,
    pub at: String,
    pub text: String,
    /// The question it is attached to, if any.
    pub question: Option<String>,
    /// Marked sensitive by the interviewer.
    pub sensitive: bool,
    /// Its place in the revision's notes pad, from 0.
    pub seq: u32,
}
