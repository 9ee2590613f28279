-- Schema version 4: guides the user agreed to use although they come from outside stocktake
-- and its config dir (./interview-guides, --guides) and replace a bundled guide or encrypt
-- session files to their own recipients. Asked once per exact guide (digest).
CREATE TABLE trusted_guides (
    digest       TEXT PRIMARY KEY,
    origin       TEXT NOT NULL,
    confirmed_at TEXT NOT NULL
) WITHOUT ROWID;
