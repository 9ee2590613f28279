-- Schema version 5: the call campaign. Targets (a response and structure to interview),
-- every attempt at one with its outcome, which attempts were written to an outbox, and the
-- campaign's rules for trying again.
CREATE TABLE targets (
    id              TEXT PRIMARY KEY,
    ordinal         INTEGER NOT NULL,
    response        TEXT NOT NULL,
    structure       TEXT NOT NULL CHECK (structure IN ('protection_cluster', 'cp_aor', 'gbv_aor', 'other')),
    structure_label TEXT NOT NULL,
    coordinator     TEXT NOT NULL,
    organisation    TEXT NOT NULL,
    contact         TEXT NOT NULL,
    timezone        TEXT,
    -- Language codes, space-separated.
    languages       TEXT NOT NULL,
    -- The campaign file's other columns, a JSON object.
    notes           TEXT NOT NULL,
    -- Left out of a later campaign file after attempts were logged: kept, flagged.
    removed         INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE attempts (
    id          TEXT PRIMARY KEY,
    target      TEXT NOT NULL,
    at          TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    callback    TEXT,
    note        TEXT NOT NULL,
    interviewer TEXT NOT NULL,
    -- Session ids, space-separated.
    sessions    TEXT NOT NULL,
    -- 'local' when logged here, 'import' when read from another interviewer's file.
    origin      TEXT NOT NULL DEFAULT 'local'
) WITHOUT ROWID;
CREATE INDEX attempts_by_target ON attempts(target, at);

CREATE TABLE attempts_synced (
    attempt    TEXT PRIMARY KEY REFERENCES attempts(id) ON DELETE CASCADE,
    outbox     TEXT NOT NULL,
    file_name  TEXT NOT NULL,
    written_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE campaign_rules (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    -- The rules file as given, read again each time.
    text TEXT NOT NULL
);
