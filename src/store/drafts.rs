//! Deleting a draft: the one write that is not an edit of a session this process holds,
//! since a draft is deleted from the list, where no session is open.

use rusqlite::OptionalExtension;

use super::Store;
use super::error::{StoreError, classify};
use crate::session::Status;

impl Store {
    /// Delete a draft session (nothing recorded yet); its call goes when it has no sessions.
    pub fn delete_draft(&mut self, session: &str) -> Result<(), StoreError> {
        if let Some(holder) = self.lock_holder(session)? {
            return Err(StoreError::Locked {
                session: session.to_string(),
                holder,
            });
        }
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| classify(&path, e))?;
        let row: Option<(Status, String)> = tx
            .query_row(
                "SELECT status, call_id FROM sessions WHERE id = ?1",
                [session],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| classify(&path, e))?;
        let Some((status, call)) = row else {
            return Err(StoreError::NoSuchSession(session.to_string()));
        };
        status
            .apply(crate::session::Event::Delete)
            .map_err(|e| StoreError::Session(e.into()))?;
        tx.execute("DELETE FROM sessions WHERE id = ?1", [session])
            .map_err(|e| classify(&path, e))?;
        tx.execute(
            "DELETE FROM calls WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM sessions WHERE call_id = ?1)",
            [&call],
        )
        .map_err(|e| classify(&path, e))?;
        tx.commit().map_err(|e| classify(&path, e))?;
        self.held.remove(session);
        Ok(())
    }
}
