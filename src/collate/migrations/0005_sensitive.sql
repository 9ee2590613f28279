-- The collation database, schema version 5: text the interviewer marked sensitive
-- (session files of format v2). Reports leave it out unless the collator asks.
ALTER TABLE answers ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
