-- The collation database, schema version 7: each revision's end-of-call read-back
-- (session file v3), so the collator can tell a confirmed interview from one that was not
-- read back. Both NULL for v1 and v2 files.
ALTER TABLE revisions ADD COLUMN read_back_at TEXT;
ALTER TABLE revisions ADD COLUMN read_back_confirmed INTEGER CHECK (read_back_confirmed IN (0, 1));
