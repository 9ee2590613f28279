-- Schema version 10: an answer to a call-level question that came from another
-- structure's tab on the call, and was not changed on its own (issue 16). Such an answer
-- follows later edits made where it was first given, also after the call is reopened;
-- once changed on its own tab it is that structure's. Kept here only: a session file
-- carries the answer, not where on the screen it was typed.
ALTER TABLE answers ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
