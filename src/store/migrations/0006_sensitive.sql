-- Schema version 6: free text the interviewer marked sensitive, and who made a revision
-- when not its interviewer. (Sensitive: the guard before completion found a phone number,
-- an address, a name, and they kept it marked; reports leave it out unless asked.)
ALTER TABLE answers ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
-- Who made a revision when it was not the interviewer: a colleague's session imported
-- and reopened here. Written into the revision's file, so the collator sees it.
ALTER TABLE sessions ADD COLUMN edited_by TEXT;
