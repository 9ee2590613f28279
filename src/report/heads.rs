//! The heads' answers read from the collation one session at a time. The report holds no
//! session's answers (at 100,000 sessions their texts alone were 208 MB): its build counts
//! them in one pass, and each writer that lists them reads them again as it writes, on a
//! read-only connection of its own (revisions are content-addressed and never change, so a
//! collation running meanwhile cannot make the two reads disagree).

use std::path::PathBuf;

use super::ReportError;
use super::answers::QuestionIds;
use super::model::{Answer, Answers, GuideSection, SessionRow};
use crate::collate::{CollateError, CollationDb};

/// Where a section's answers are read again, and how.
#[derive(Debug, Clone, Default)]
pub struct AnswerSource {
    pub(super) db: PathBuf,
    pub(super) include_sensitive: bool,
}

/// A head's answers as the report counts them: the collator's answer choices (`chosen`,
/// in the order they were made) applied, and the texts marked sensitive left out unless
/// `include_sensitive`. Also returns how many texts are marked sensitive among them.
pub(super) fn head_answers(
    db: &CollationDb,
    ids: &mut QuestionIds,
    digest: &str,
    chosen: &[(String, String)],
    include_sensitive: bool,
) -> Result<(Answers, usize), CollateError> {
    let mut answers = Answers::default();
    db.each_answer_of(digest, &mut |q, a| {
        answers.insert(ids.of(q), Answer::from(a));
    })?;
    for (question, source) in chosen {
        match db.answers_of(source)?.remove(question) {
            Some(a) => answers.insert(ids.of(question), Answer::from(a)),
            None => answers.remove(question),
        };
    }
    let sensitive = if include_sensitive {
        answers
            .values()
            .filter(|a| a.sensitive)
            .map(|a| a.clone().withhold())
            .sum()
    } else {
        answers.values_mut().map(Answer::withhold).sum()
    };
    answers.shrink_to_fit();
    Ok((answers, sensitive))
}

impl GuideSection {
    /// Each session of the section in order, its answers read again from the collation:
    /// how the tables that list every answer (long, wide, the matrix, REFI-QDA) are made.
    pub(super) fn each_session(
        &self,
        each: &mut dyn FnMut(&SessionRow) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        let src = &self.source;
        let failed = |cause: CollateError| ReportError::ReadAgain {
            path: src.db.display().to_string(),
            cause,
        };
        let db = CollationDb::open_reader(&src.db).map_err(failed)?;
        let mut ids = QuestionIds::default();
        for r in &self.sessions {
            let (answers, _) =
                head_answers(&db, &mut ids, &r.digest, &r.chosen, src.include_sensitive)
                    .map_err(failed)?;
            let row = SessionRow {
                answers,
                ..r.clone()
            };
            each(&row)?;
        }
        Ok(())
    }
}
