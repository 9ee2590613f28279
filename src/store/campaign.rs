//! The campaign in the local store: targets imported from a campaign file (all or none,
//! the same file twice changes nothing), attempts logged here or read from other
//! interviewers' attempt files, which of ours reached an outbox, and the retry rules.

use std::collections::{BTreeMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::codec::{parse_ts, ts};
use super::error::{StoreError, classify};
use crate::campaign::{Attempt, Outcome, Rules, Target};
use crate::guide::Structure;

/// What importing a campaign file did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CampaignImport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Left out of the file, but attempts were logged: kept and flagged.
    pub flagged: usize,
    /// Left out of the file, never tried: gone.
    pub dropped: usize,
}

impl Store {
    /// Make the campaign `targets` (a campaign file's rows), in one transaction. Targets
    /// not in the file go, unless attempts were logged for them: those stay, flagged.
    pub fn import_campaign(
        &mut self,
        targets: &[Target],
        rules: Option<&str>,
    ) -> Result<CampaignImport, StoreError> {
        let path = self.path.clone();
        let c = |e| classify(&path, e);
        let before: BTreeMap<String, Target> = self
            .targets()?
            .into_iter()
            .map(|t| (t.id.clone(), t))
            .collect();
        let tried: HashSet<String> = self.attempts()?.into_iter().map(|a| a.target).collect();
        let tx = self.conn.transaction().map_err(c)?;
        let mut report = CampaignImport::default();
        for (ordinal, t) in targets.iter().enumerate() {
            match before.get(&t.id) {
                Some(old) if old == t => report.unchanged += 1,
                Some(_) => report.updated += 1,
                None => report.added += 1,
            }
            let notes = serde_json::to_string(&t.notes).unwrap_or_else(|_| "{}".into());
            tx.execute(
                "INSERT INTO targets (id, ordinal, response, structure, structure_label, coordinator,
                     organisation, contact, timezone, languages, notes, removed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)
                 ON CONFLICT (id) DO UPDATE SET ordinal = ?2, response = ?3, structure = ?4,
                     structure_label = ?5, coordinator = ?6, organisation = ?7, contact = ?8,
                     timezone = ?9, languages = ?10, notes = ?11, removed = 0",
                params![
                    t.id,
                    ordinal as u32,
                    t.response,
                    t.structure,
                    t.structure_label,
                    t.coordinator,
                    t.organisation,
                    t.contact,
                    t.timezone,
                    t.languages.join(" "),
                    notes
                ],
            )
            .map_err(c)?;
        }
        let kept: HashSet<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        for (id, old) in &before {
            if kept.contains(id.as_str()) {
                continue;
            }
            if tried.contains(id) {
                if !old.removed {
                    report.flagged += 1;
                }
                tx.execute("UPDATE targets SET removed = 1 WHERE id = ?1", [id])
                    .map_err(c)?;
            } else {
                report.dropped += 1;
                tx.execute("DELETE FROM targets WHERE id = ?1", [id])
                    .map_err(c)?;
            }
        }
        if let Some(text) = rules {
            tx.execute(
                "INSERT INTO campaign_rules (id, text) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET text = ?1",
                [text],
            )
            .map_err(c)?;
        }
        tx.commit().map_err(c)?;
        Ok(report)
    }

    /// The campaign's targets, in the order of its file (removed ones last).
    pub fn targets(&self) -> Result<Vec<Target>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT id, response, structure, structure_label, coordinator, organisation, contact,
                        timezone, languages, notes, removed
                 FROM targets ORDER BY removed, ordinal, id",
            )
            .map_err(c)?;
        let rows = st
            .query_map([], |r| {
                let languages: String = r.get(8)?;
                let notes: String = r.get(9)?;
                Ok(Target {
                    id: r.get(0)?,
                    response: r.get(1)?,
                    structure: r.get::<_, Structure>(2)?,
                    structure_label: r.get(3)?,
                    coordinator: r.get(4)?,
                    organisation: r.get(5)?,
                    contact: r.get(6)?,
                    timezone: r.get(7)?,
                    languages: languages.split_whitespace().map(str::to_string).collect(),
                    notes: serde_json::from_str(&notes).unwrap_or_default(),
                    removed: r.get(10)?,
                })
            })
            .map_err(c)?;
        rows.collect::<Result<_, _>>().map_err(c)
    }

    /// Every attempt, oldest first.
    pub fn attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        self.attempts_where("")
    }

    fn attempts_where(&self, filter: &str) -> Result<Vec<Attempt>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT id, target, at, outcome, callback, note, interviewer, sessions FROM attempts a
                 {filter} ORDER BY at, id"
            ))
            .map_err(c)?;
        let mut rows = st.query([]).map_err(c)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(c)? {
            let bad = |what: String| StoreError::BadRow {
                path: self.path.display().to_string(),
                what,
            };
            let at: String = r.get(2).map_err(c)?;
            let outcome: String = r.get(3).map_err(c)?;
            let callback: Option<String> = r.get(4).map_err(c)?;
            let sessions: String = r.get(7).map_err(c)?;
            out.push(Attempt {
                id: r.get(0).map_err(c)?,
                target: r.get(1).map_err(c)?,
                at: parse_ts(&at).ok_or_else(|| bad(format!("attempt time `{at}`")))?,
                outcome: Outcome::parse(&outcome)
                    .ok_or_else(|| bad(format!("attempt outcome `{outcome}`")))?,
                callback: callback
                    .map(|t| parse_ts(&t).ok_or_else(|| bad(format!("callback time `{t}`"))))
                    .transpose()?,
                note: r.get(5).map_err(c)?,
                interviewer: r.get(6).map_err(c)?,
                sessions: sessions.split_whitespace().map(str::to_string).collect(),
            });
        }
        Ok(out)
    }

    /// Record an attempt logged here. The same attempt twice changes nothing.
    pub fn log_attempt(&mut self, a: &Attempt) -> Result<(), StoreError> {
        self.insert_attempt(a, "local")
    }

    /// Attempts read from other interviewers' attempt files: merged by id.
    pub fn import_attempts(&mut self, attempts: &[Attempt]) -> Result<usize, StoreError> {
        let before = self.attempts()?.len();
        for a in attempts {
            self.insert_attempt(a, "import")?;
        }
        Ok(self.attempts()?.len() - before)
    }

    fn insert_attempt(&mut self, a: &Attempt, origin: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "INSERT OR IGNORE INTO attempts (id, target, at, outcome, callback, note, interviewer, sessions, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    a.id,
                    a.target,
                    ts(a.at),
                    a.outcome.as_str(),
                    a.callback.map(ts),
                    a.note,
                    a.interviewer,
                    a.sessions.join(" "),
                    origin
                ],
            )
            .map_err(|e| classify(&self.path, e))?;
        Ok(())
    }

    /// Attempts logged here and not yet written to an outbox.
    pub fn unsynced_attempts(&self) -> Result<Vec<Attempt>, StoreError> {
        self.attempts_where(
            "WHERE origin = 'local' AND NOT EXISTS (SELECT 1 FROM attempts_synced y WHERE y.attempt = a.id)",
        )
    }

    pub fn mark_attempt_synced(
        &mut self,
        attempt: &str,
        outbox: &str,
        file_name: &str,
    ) -> Result<(), StoreError> {
        let now = (self.clock)();
        self.conn
            .execute(
                "INSERT OR IGNORE INTO attempts_synced (attempt, outbox, file_name, written_at) VALUES (?1, ?2, ?3, ?4)",
                params![attempt, outbox, file_name, ts(now)],
            )
            .map_err(|e| classify(&self.path, e))?;
        Ok(())
    }

    /// The campaign's rules for trying again: its rules file, else the defaults.
    pub fn campaign_rules(&self) -> Result<Rules, StoreError> {
        let text: Option<String> = self
            .conn
            .query_row("SELECT text FROM campaign_rules WHERE id = 1", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| classify(&self.path, e))?;
        match text {
            None => Ok(Rules::default()),
            Some(t) => Rules::parse(&t, "campaign rules").map_err(|e| StoreError::BadRow {
                path: self.path.display().to_string(),
                what: e.to_string(),
            }),
        }
    }
}
