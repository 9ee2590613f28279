-- Schema version 6: free text the interviewer marked sensitive (the guard before
-- completion found a phone number, an address, a name, and they chose to keep it
-- marked). It travels to the collator marked, and reports leave it out unless asked.
ALTER TABLE answers ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0;
