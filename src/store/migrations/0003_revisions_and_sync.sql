-- Schema version 3: every completed revision frozen as the exact session file it is, and
-- a record of where each was written. Reopening a session never loses an unsent revision.
CREATE TABLE revisions (
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    revision     INTEGER NOT NULL,
    digest       TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    content      BLOB NOT NULL,
    completed_at TEXT NOT NULL,
    -- 'local' when completed here, 'import' when brought in with `stocktake import`.
    origin       TEXT NOT NULL DEFAULT 'local',
    PRIMARY KEY (session_id, revision)
) WITHOUT ROWID;
CREATE UNIQUE INDEX revisions_by_digest ON revisions(digest);

CREATE TABLE synced (
    session_id TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    outbox     TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (session_id, revision),
    FOREIGN KEY (session_id, revision) REFERENCES revisions(session_id, revision) ON DELETE CASCADE
) WITHOUT ROWID;
