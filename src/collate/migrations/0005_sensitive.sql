-- The collation database, schema version 5: text the interviewer marked sensitive, and
-- who made a revision when not its interviewer (session files of format v2). Reports leave
-- sensitive text out unless the collator asks.
ALTER TABLE answers ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
-- Who made a revision when it was not the interviewer (v2's `edited_by`).
ALTER TABLE revisions ADD COLUMN edited_by TEXT;
