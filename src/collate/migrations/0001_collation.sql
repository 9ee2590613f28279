-- The collation database, schema version 1. Everything is keyed by the digest of the
-- session file it came from, so reading a file twice, or files in another order, gives the
-- same rows. Heads and conflicts are derived from the parent links, never stored.

CREATE TABLE guides (
    digest  TEXT PRIMARY KEY,
    id      TEXT NOT NULL,
    version TEXT NOT NULL,
    title   TEXT NOT NULL,
    source  TEXT NOT NULL
);

-- Child rows point at `id`: a small integer keeps their B-trees small and the import
-- fast. Ids depend on the order files arrived; nothing outside this file uses them.
CREATE TABLE revisions (
    id              INTEGER PRIMARY KEY,
    digest          TEXT NOT NULL UNIQUE,
    session_id      TEXT NOT NULL,
    revision        INTEGER NOT NULL,
    -- '' for a first revision, so a conflict between two first revisions groups too.
    parent          TEXT NOT NULL,
    call_id         TEXT NOT NULL,
    guide_digest    TEXT NOT NULL REFERENCES guides(digest),
    guide_id        TEXT NOT NULL,
    guide_version   TEXT NOT NULL,
    response        TEXT NOT NULL,
    structure       TEXT NOT NULL,
    structure_label TEXT NOT NULL,
    interviewer     TEXT NOT NULL,
    language        TEXT NOT NULL,
    consent         INTEGER,
    started_at      TEXT NOT NULL,
    completed_at    TEXT,
    -- Provenance: when this database first saw the file.
    imported_at     TEXT NOT NULL
);
CREATE INDEX revisions_by_session ON revisions(session_id, parent);

CREATE TABLE answers (
    rev        INTEGER NOT NULL REFERENCES revisions(id),
    question   TEXT NOT NULL,
    status     TEXT NOT NULL,
    type       TEXT,
    -- single, yes_no, text, number, date, scale: the value; multi: values joined by newlines.
    value      TEXT,
    other      TEXT NOT NULL,
    note       TEXT NOT NULL,
    hidden     INTEGER NOT NULL,
    changed_at TEXT,
    PRIMARY KEY (rev, question)
) WITHOUT ROWID;

CREATE TABLE notes (
    rev      INTEGER NOT NULL REFERENCES revisions(id),
    seq      INTEGER NOT NULL,
    at       TEXT NOT NULL,
    text     TEXT NOT NULL,
    question TEXT,
    PRIMARY KEY (rev, seq)
) WITHOUT ROWID;

CREATE TABLE participants (
    rev          INTEGER NOT NULL REFERENCES revisions(id),
    seq          INTEGER NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (rev, seq)
) WITHOUT ROWID;

-- Every place a file with this digest was found.
CREATE TABLE file_paths (
    digest TEXT NOT NULL,
    path   TEXT NOT NULL,
    PRIMARY KEY (digest, path)
) WITHOUT ROWID;

-- What was concluded about a path at a given size and modification time, so a re-run
-- recognises an unchanged file without reading it.
CREATE TABLE seen (
    path     TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest   TEXT,
    outcome  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE quarantine (
    path   TEXT PRIMARY KEY,
    digest TEXT,
    kind   TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
) WITHOUT ROWID;

-- The collator's choice in a conflict (two revisions with the same parent).
CREATE TABLE resolutions (
    session_id TEXT NOT NULL,
    parent     TEXT NOT NULL,
    winner     TEXT NOT NULL REFERENCES revisions(digest),
    at         TEXT NOT NULL,
    PRIMARY KEY (session_id, parent)
) WITHOUT ROWID;

-- Every choice and every undo, in order: a resolution is recorded and reversible.
CREATE TABLE resolution_log (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    parent     TEXT NOT NULL,
    winner     TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('pick', 'undo')),
    at         TEXT NOT NULL
);
