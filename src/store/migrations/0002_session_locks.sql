-- Schema version 2: one writer per session. A row says which process edits a session; a
-- second stocktake reads it to tell the user who holds the session and since when.
CREATE TABLE session_locks (
    session_id    TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    token         TEXT NOT NULL,
    pid           INTEGER NOT NULL,
    -- Start time of that process (Linux /proc), so a reused pid is not taken for the holder.
    process_start INTEGER,
    host          TEXT NOT NULL,
    user          TEXT NOT NULL,
    since         TEXT NOT NULL
) WITHOUT ROWID;
