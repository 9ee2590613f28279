//! A revision's rows: what the collation stores of a verified session file. The texts they
//! bind (times, values, visibility, provenance) are made by the threads that read the
//! files ([`RevisionRows::of`]), so the one thread that writes the database only binds and
//! inserts: that thread is what a collation waits on.

use rusqlite::params;

use super::CollateError;
use super::db::Batch;
use super::lock::sql_error;
use crate::guide::LoadedGuide;
use crate::session::{Elicited, Value};
use crate::sync::SessionFile;

/// The texts of a revision's rows that are not in its session as they are.
pub struct RevisionRows {
    parent: String,
    started_at: String,
    completed_at: Option<String>,
    read_back_at: Option<String>,
    /// One per answer, in the order of the session's answers.
    answers: Vec<AnswerRow>,
    /// One per note, in the order of the session's notes.
    notes_at: Vec<String>,
}

struct AnswerRow {
    hidden: bool,
    value: Option<String>,
    changed_at: Option<String>,
    volunteered: Option<String>,
    prompted: Option<String>,
    before_status: Option<&'static str>,
    before_value: Option<String>,
}

impl RevisionRows {
    pub fn of(f: &SessionFile, guide: &LoadedGuide) -> RevisionRows {
        let s = &f.session;
        let vis = s.visibility(&guide.guide);
        let answers = s
            .answers
            .iter()
            .map(|(q, a)| {
                let marked = |m: Elicited| {
                    let vs: Vec<&str> = a
                        .elicited_now()
                        .into_iter()
                        .filter(|(_, e)| *e == m)
                        .map(|(v, _)| v)
                        .collect();
                    (!vs.is_empty()).then(|| vs.join("\n"))
                };
                let before = a.provenance.before_definition.as_ref();
                AnswerRow {
                    hidden: !vis.is_visible(q),
                    value: a.value.as_ref().map(Value::to_text),
                    changed_at: a.changed_at.map(|t| t.to_string()),
                    volunteered: marked(Elicited::Volunteered),
                    prompted: marked(Elicited::Prompted),
                    before_status: before.map(|e| match (e.special, &e.value) {
                        (Some(sp), _) => sp.as_str(),
                        (None, Some(_)) => "answered",
                        (None, None) => "unanswered",
                    }),
                    before_value: before.and_then(|e| e.value.as_ref()).map(Value::to_text),
                }
            })
            .collect();
        RevisionRows {
            parent: s.parent.map(|p| p.to_string()).unwrap_or_default(),
            started_at: s.started_at.to_string(),
            completed_at: s.completed_at.map(|t| t.to_string()),
            read_back_at: s.read_back.map(|r| r.at.to_string()),
            answers,
            notes_at: s.notes.iter().map(|n| n.at.to_string()).collect(),
        }
    }
}

impl Batch<'_> {
    /// Store a verified revision and everything in it; `false`, and nothing stored, when
    /// a revision with its digest is in already (a copy of a file read before).
    pub fn insert_revision(
        &self,
        f: &SessionFile,
        guide: &LoadedGuide,
        rows: &RevisionRows,
    ) -> Result<bool, CollateError> {
        let s = &f.session;
        let d = f.digest;
        let lang = guide.guide.default_language().to_string();
        let e = |source| sql_error(self.path.clone(), source);
        if !self.guides.borrow().contains(&guide.digest) {
            self.tx
                .prepare_cached("INSERT OR IGNORE INTO guides (digest, id, version, title, source) VALUES (?1, ?2, ?3, ?4, ?5)")
                .and_then(|mut st| {
                    st.execute(params![
                        guide.digest,
                        guide.guide.id,
                        guide.guide.version,
                        guide.guide.title.get(&lang, &lang),
                        guide.source
                    ])
                })
                .map_err(e)?;
            self.guides.borrow_mut().push(guide.digest);
        }
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT INTO revisions (digest, session_id, revision, parent, call_id, guide_digest, guide_id, guide_version,
                    response, structure, structure_label, interviewer, language, consent, started_at, completed_at, imported_at,
                    edited_by, read_back_at, read_back_confirmed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
                 ON CONFLICT (digest) DO NOTHING",
            )
            .and_then(|mut st| {
                st.execute(params![
                    d,
                    s.id,
                    s.revision,
                    rows.parent,
                    s.call_id,
                    guide.digest,
                    guide.guide.id,
                    guide.guide.version,
                    s.response,
                    s.structure,
                    s.structure_label,
                    s.interviewer,
                    s.language,
                    s.consent,
                    rows.started_at,
                    rows.completed_at,
                    self.now,
                    s.edited_by,
                    rows.read_back_at,
                    s.read_back.map(|r| r.confirmed)
                ])
            })
            .map_err(e)?;
        if inserted == 0 {
            return Ok(false);
        }
        // Child rows point at the revision's small integer id.
        let rev = self.tx.last_insert_rowid();
        // Most answers carry no provenance (every answer of a file before v4): their rows
        // leave its six columns to their default, NULL, rather than bind six NULLs each;
        // binding is a fifth of the writing thread's time.
        let mut plain = self
            .tx
            .prepare_cached(
                "INSERT INTO answers (rev, question, status, type, value, other, note, hidden, changed_at, sensitive)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )
            .map_err(e)?;
        let mut traced = self
            .tx
            .prepare_cached(
                "INSERT INTO answers (rev, question, status, type, value, other, note, hidden, changed_at, sensitive,
                                      volunteered, prompted, before_status, before_value, said_by_role, said_by_organisation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )
            .map_err(e)?;
        for ((q, a), r) in s.answers.iter().zip(&rows.answers) {
            let common = params![
                rev,
                q,
                a.status(),
                a.value.as_ref().map(Value::kind),
                r.value,
                a.other,
                a.note,
                r.hidden,
                r.changed_at,
                a.sensitive,
            ];
            let untraced = r.volunteered.is_none()
                && r.prompted.is_none()
                && r.before_status.is_none()
                && r.before_value.is_none()
                && a.said_by.is_none();
            if untraced {
                plain.execute(common).map_err(e)?;
            } else {
                let role = a.said_by.as_ref().map(|p| p.role.as_str());
                let organisation = a.said_by.as_ref().map(|p| p.organisation.as_str());
                let traced_params: [&dyn rusqlite::ToSql; 6] = [
                    &r.volunteered,
                    &r.prompted,
                    &r.before_status,
                    &r.before_value,
                    &role,
                    &organisation,
                ];
                let all: Vec<&dyn rusqlite::ToSql> =
                    common.iter().copied().chain(traced_params).collect();
                traced.execute(all.as_slice()).map_err(e)?;
            }
        }
        let mut notes = self
            .tx
            .prepare_cached(
                "INSERT INTO notes (rev, seq, at, text, question, sensitive, said_by_role, said_by_organisation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(e)?;
        for (n, at) in s.notes.iter().zip(&rows.notes_at) {
            notes
                .execute(params![
                    rev,
                    n.seq,
                    at,
                    n.text,
                    n.question,
                    n.sensitive,
                    n.said_by.as_ref().map(|p| p.role.as_str()),
                    n.said_by.as_ref().map(|p| p.organisation.as_str()),
                ])
                .map_err(e)?;
        }
        let mut parts = self
            .tx
            .prepare_cached("INSERT INTO participants (rev, seq, role, organisation, name) VALUES (?1, ?2, ?3, ?4, ?5)")
            .map_err(e)?;
        for (i, p) in s.participants.iter().enumerate() {
            parts
                .execute(params![rev, i as u32, p.role, p.organisation, p.name])
                .map_err(e)?;
        }
        Ok(true)
    }
}
