//! Completed revisions, frozen as the exact bytes of their session file, and the record of
//! which were written to an outbox. The bytes come from `sync`'s renderer: the store keeps
//! them, it does not make them.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::codec::ts;
use super::error::{StoreError, classify};
use crate::guide::{Digest, LoadedGuide};
use crate::session::{RevisionFile, Session, Status};

/// A completed revision not yet written to an outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsynced {
    pub session_id: String,
    pub revision: u32,
    pub file: RevisionFile,
}

/// Where a revision was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncRecord {
    pub outbox: String,
    pub file_name: String,
    pub written_at: String,
}

impl Store {
    /// The frozen file of a revision, if that revision was completed.
    pub fn revision_file(
        &self,
        session: &str,
        revision: u32,
    ) -> Result<Option<RevisionFile>, StoreError> {
        self.conn
            .query_row(
                "SELECT digest, file_name, content FROM revisions WHERE session_id = ?1 AND revision = ?2",
                params![session, revision],
                |r| {
                    Ok(RevisionFile {
                        digest: r.get(0)?,
                        file_name: r.get(1)?,
                        content: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| classify(&self.path, e))
    }

    /// Is a revision with this digest already here (completed here or imported)?
    pub fn has_revision_digest(&self, digest: &Digest) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM revisions WHERE digest = ?1",
                [digest],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| classify(&self.path, e))
    }

    /// Completed revisions not yet written anywhere, oldest first.
    pub fn unsynced(&self) -> Result<Vec<Unsynced>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT r.session_id, r.revision, r.digest, r.file_name, r.content FROM revisions r
                 WHERE r.origin = 'local'
                   AND NOT EXISTS (SELECT 1 FROM synced y WHERE y.session_id = r.session_id AND y.revision = r.revision)
                 ORDER BY r.completed_at, r.session_id, r.revision",
            )
            .map_err(c)?;
        st.query_map([], |r| {
            Ok(Unsynced {
                session_id: r.get(0)?,
                revision: r.get(1)?,
                file: RevisionFile {
                    digest: r.get(2)?,
                    file_name: r.get(3)?,
                    content: r.get(4)?,
                },
            })
        })
        .map_err(c)?
        .collect::<Result<_, _>>()
        .map_err(c)
    }

    /// Record that a revision's file is now in `outbox`.
    pub fn mark_synced(
        &mut self,
        session: &str,
        revision: u32,
        outbox: &str,
        file_name: &str,
    ) -> Result<(), StoreError> {
        let now = (self.clock)();
        self.conn
            .execute(
                "INSERT OR IGNORE INTO synced (session_id, revision, outbox, file_name, written_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![session, revision, outbox, file_name, ts(now)],
            )
            .map_err(|e| classify(&self.path, e))?;
        Ok(())
    }

    pub fn sync_record(
        &self,
        session: &str,
        revision: u32,
    ) -> Result<Option<SyncRecord>, StoreError> {
        self.conn
            .query_row(
                "SELECT outbox, file_name, written_at FROM synced WHERE session_id = ?1 AND revision = ?2",
                params![session, revision],
                |r| {
                    Ok(SyncRecord {
                        outbox: r.get(0)?,
                        file_name: r.get(1)?,
                        written_at: r.get(2)?,
                    })
                },
            )
            .optional()
            .map_err(|e| classify(&self.path, e))
    }
}

impl Store {
    /// The user agreed to use this exact guide although it comes from outside stocktake
    /// and its config dir: asked once.
    pub fn trust_guide(&mut self, digest: &Digest, origin: &str) -> Result<(), StoreError> {
        let now = (self.clock)();
        self.conn
            .execute(
                "INSERT OR IGNORE INTO trusted_guides (digest, origin, confirmed_at) VALUES (?1, ?2, ?3)",
                params![digest, origin, ts(now)],
            )
            .map_err(|e| classify(&self.path, e))?;
        Ok(())
    }

    /// Every guide the user agreed to use.
    pub fn trusted_guides(&self) -> Result<Vec<Digest>, StoreError> {
        let c = |e| classify(&self.path, e);
        let mut st = self
            .conn
            .prepare_cached("SELECT digest FROM trusted_guides")
            .map_err(c)?;
        st.query_map([], |r| r.get(0))
            .map_err(c)?
            .collect::<Result<_, _>>()
            .map_err(c)
    }
}

/// What `import_revision` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    New,
    /// A newer revision of a session already here replaced its older completed one.
    Updated {
        from: u32,
    },
    AlreadyHere,
}

impl Store {
    /// Bring a completed revision from a session file into this store, so it can be looked
    /// at or continued: reopening it starts the next revision with this one as parent.
    /// Local work is never overwritten: a session edited here since is refused.
    pub fn import_revision(
        &mut self,
        guide: &LoadedGuide,
        s: &Session,
        file: &RevisionFile,
    ) -> Result<Imported, StoreError> {
        let path = self.path.clone();
        let refuse = |why: crate::i18n::Words| StoreError::ImportRefused {
            session: s.id.clone(),
            why: why.into(),
        };
        if s.status != Status::Completed {
            return Err(refuse(crate::i18n::Words::msg(
                "why-store-import-not-completed",
            )));
        }
        if self.has_revision_digest(&file.digest)? {
            return Ok(Imported::AlreadyHere);
        }
        let local: Option<(String, u32)> = self
            .conn
            .query_row(
                "SELECT status, revision FROM sessions WHERE id = ?1",
                [&s.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| classify(&path, e))?;
        let outcome = match &local {
            None => Imported::New,
            Some((status, rev)) if status == "completed" && *rev < s.revision => {
                Imported::Updated { from: *rev }
            }
            Some((status, rev)) => {
                return Err(refuse(
                    crate::i18n::Words::msg("why-store-import-forked")
                        .arg("here", rev.to_string())
                        .arg("status", status.clone())
                        .arg("theirs", s.revision.to_string()),
                ));
            }
        };
        if let Some(holder) = self.lock_holder(&s.id)? {
            return Err(StoreError::Locked {
                session: s.id.clone(),
                holder,
            });
        }
        let tx = self.conn.transaction().map_err(|e| classify(&path, e))?;
        let sql = |e| classify(&path, e);
        tx.execute(
            "INSERT OR IGNORE INTO guides (digest, id, version, origin, source) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![guide.digest, guide.guide.id, guide.guide.version, guide.origin, guide.source],
        )
        .map_err(sql)?;
        tx.execute(
            "INSERT OR IGNORE INTO calls (id, guide_digest, response, interviewer, language, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![s.call_id, guide.digest, s.response, s.interviewer, s.language, ts(s.started_at)],
        )
        .map_err(sql)?;
        if local.is_none() {
            let ordinal: u32 = tx
                .query_row(
                    "SELECT count(*) FROM sessions WHERE call_id = ?1",
                    [&s.call_id],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            tx.execute(
                "INSERT INTO sessions (id, call_id, ordinal, structure, status, revision, started_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'completed', ?5, ?6, ?6)",
                params![s.id, s.call_id, ordinal, s.structure, s.revision, ts(s.started_at)],
            )
            .map_err(sql)?;
        }
        super::rows::write_everything(&tx, s, &s.stamp(&guide.guide))?;
        tx.execute(
            "INSERT INTO revisions (session_id, revision, digest, file_name, content, completed_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'import')",
            params![
                s.id,
                s.revision,
                file.digest,
                file.file_name,
                file.content,
                ts(s.completed_at.unwrap_or(s.updated_at))
            ],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        Ok(outcome)
    }
}
