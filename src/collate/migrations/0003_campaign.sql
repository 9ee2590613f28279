-- Schema version 3: the call campaign, for the report's coverage. Attempts come from the
-- interviewers' attempt files (merged by attempt id: the same attempt from two copies is
-- one), targets from the campaign file given to `stocktake plan import FILE --db DB`.
CREATE TABLE attempts (
    id          TEXT PRIMARY KEY,
    digest      TEXT NOT NULL UNIQUE,
    target      TEXT NOT NULL,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    callback    TEXT,
    note        TEXT NOT NULL,
    interviewer TEXT NOT NULL,
    -- Session ids, space-separated.
    sessions    TEXT NOT NULL,
    imported_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE targets (
    id              TEXT PRIMARY KEY,
    ordinal         INTEGER NOT NULL,
    response        TEXT NOT NULL,
    structure       TEXT NOT NULL,
    structure_label TEXT NOT NULL,
    coordinator     TEXT NOT NULL,
    organisation    TEXT NOT NULL,
    contact         TEXT NOT NULL,
    timezone        TEXT,
    languages       TEXT NOT NULL,
    notes           TEXT NOT NULL,
    removed         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
