-- The collation database, schema version 6: the collator's synthesis. Keyed by session
-- and never by revision row, so a summary or a coding survives re-collation and a later
-- revision of the session; each keeps the digest of the revision it was made on, and the
-- text it was made on, so a change underneath is seen and flagged, never silently moved.

-- One summary per cell of the rapid-analysis matrix: a session and a guide section.
CREATE TABLE summaries (
    session_id TEXT NOT NULL,
    section    TEXT NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    at         TEXT NOT NULL,
    digest     TEXT NOT NULL,
    PRIMARY KEY (session_id, section)
) WITHOUT ROWID;

-- A code applied to a text of a session, or to a span of it, by one coder. `unit` names
-- the text: `answer:Q`, `other:Q`, `note:Q`, `pad:N` (the notes pad's Nth note, from 0).
-- `start`/`end` are character offsets into it; `quote` is what they covered.
CREATE TABLE codings (
    session_id TEXT NOT NULL,
    unit       TEXT NOT NULL,
    start      INTEGER NOT NULL CHECK (start >= 0),
    "end"      INTEGER NOT NULL CHECK ("end" >= start),
    code       TEXT NOT NULL,
    coder      TEXT NOT NULL,
    quote      TEXT NOT NULL,
    digest     TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (session_id, unit, start, "end", code, coder)
) WITHOUT ROWID;
