-- Schema version 1: guides, calls, sessions, answers, general notes, and the change history.

-- The exact guide text of every session, by digest, so a session always reopens with the
-- wording it was made with even after the guide file changed.
CREATE TABLE guides (
    digest   TEXT PRIMARY KEY,
    id       TEXT NOT NULL,
    version  TEXT NOT NULL,
    origin   TEXT NOT NULL,
    source   TEXT NOT NULL
);

CREATE TABLE calls (
    id           TEXT PRIMARY KEY,
    guide_digest TEXT NOT NULL REFERENCES guides(digest),
    response     TEXT NOT NULL,
    interviewer  TEXT NOT NULL,
    language     TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    ended_at     TEXT,
    note         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sessions (
    id                TEXT PRIMARY KEY,
    call_id           TEXT NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
    ordinal           INTEGER NOT NULL,
    structure         TEXT NOT NULL CHECK (structure IN ('protection_cluster', 'cp_aor', 'gbv_aor', 'other')),
    structure_label   TEXT NOT NULL DEFAULT '',
    consent           INTEGER,
    status            TEXT NOT NULL CHECK (status IN ('draft', 'in_progress', 'completed')),
    revision          INTEGER NOT NULL CHECK (revision >= 1),
    parent            TEXT,
    started_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    completed_at      TEXT,
    position_question TEXT,
    position_field    TEXT NOT NULL DEFAULT 'answer',
    -- Progress as of the last edit, so listing 10,000 sessions reads no answers.
    answered          INTEGER NOT NULL DEFAULT 0,
    visible           INTEGER NOT NULL DEFAULT 0,
    required          INTEGER NOT NULL DEFAULT 0,
    required_answered INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_call ON sessions(call_id, ordinal);

CREATE TABLE participants (
    session_id   TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL,
    name         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

CREATE TABLE answers (
    session_id       TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    question         TEXT NOT NULL,
    value_kind       TEXT,
    value            TEXT,
    special          TEXT CHECK (special IN ('dont_know', 'declined', 'not_asked')),
    other            TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    first_changed_at TEXT NOT NULL,
    changed_at       TEXT NOT NULL,
    PRIMARY KEY (session_id, question)
) WITHOUT ROWID;

CREATE TABLE notes (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    at         TEXT NOT NULL,
    text       TEXT NOT NULL,
    question   TEXT,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;

-- Every edit, for the audit trail and the paradata (time spent per question). A burst of
-- typing in one field is one row (`began_at` .. `at`), so notes do not grow it per keystroke.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    began_at   TEXT NOT NULL,
    at         TEXT NOT NULL,
    target     TEXT NOT NULL,
    old        TEXT,
    new        TEXT
);
CREATE INDEX history_by_session ON history(session_id, id);
