//! Schema migrations: numbered plain SQL files applied in order, tracked by
//! `PRAGMA user_version`. A database newer than this program is refused untouched.

use rusqlite::Connection;

/// Every migration, in order; index + 1 is the schema version it produces.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_session_locks.sql"),
    include_str!("migrations/0003_revisions_and_sync.sql"),
    include_str!("migrations/0004_trusted_guides.sql"),
    include_str!("migrations/0005_campaign.sql"),
    include_str!("migrations/0006_sensitive.sql"),
    include_str!("migrations/0007_guide_respondents.sql"),
    include_str!("migrations/0008_read_back.sql"),
    include_str!("migrations/0009_provenance.sql"),
    include_str!("migrations/0010_shared_answers.sql"),
    include_str!("migrations/0011_history_changes.sql"),
];

pub const LATEST: u32 = MIGRATIONS.len() as u32;

pub fn version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Bring the schema to [`LATEST`], each step in its own transaction, so a crash midway
/// leaves a database at a known version.
pub fn upgrade(conn: &mut Connection) -> rusqlite::Result<()> {
    let from = version(conn)?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
