//! The answers whose file said how they came to be (session file v4): read for the
//! report's split of a distribution by it. Only marked answers are read, so the cost
//! follows how much was marked, not how many answers there are.

use super::db::{CollateError, CollationDb};

/// One marked answer of one revision: its final answer, the options volunteered and
/// prompted, and the answer before the definition, each as the collation keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedAnswer {
    pub digest: String,
    pub question: String,
    pub status: String,
    /// The value's text (a multi's options joined by newlines).
    pub value: Option<String>,
    pub volunteered: Vec<String>,
    pub prompted: Vec<String>,
    /// (status, value) when the answer was marked as given again after the definition.
    pub before: Option<(String, Option<String>)>,
    pub hidden: bool,
}

fn lines(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split('\n').map(str::to_string).collect())
        .unwrap_or_default()
}

impl CollationDb {
    /// Every answer marked volunteered, prompted or given after the definition, of every
    /// revision (the caller keeps the heads').
    pub fn marked_answers(&self) -> Result<Vec<MarkedAnswer>, CollateError> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.digest, a.question, a.status, a.value, a.volunteered, a.prompted,
                        a.before_status, a.before_value, a.hidden
                 FROM answers a JOIN revisions r ON r.id = a.rev
                 WHERE a.volunteered IS NOT NULL OR a.prompted IS NOT NULL OR a.before_status IS NOT NULL
                 ORDER BY a.rev, a.question",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                let before_status: Option<String> = r.get(6)?;
                Ok(MarkedAnswer {
                    digest: r.get(0)?,
                    question: r.get(1)?,
                    status: r.get(2)?,
                    value: r.get(3)?,
                    volunteered: lines(r.get(4)?),
                    prompted: lines(r.get(5)?),
                    before: match before_status {
                        Some(s) => Some((s, r.get(7)?)),
                        None => None,
                    },
                    hidden: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }
}
