-- Schema version 8: the end-of-call read-back of a session's revision (issue 16): when the
-- interviewer read the closed answers back and whether the coordinator confirmed them.
-- Both NULL until a read-back; a reopened revision clears them.
ALTER TABLE sessions ADD COLUMN read_back_at TEXT;
ALTER TABLE sessions ADD COLUMN read_back_confirmed INTEGER CHECK (read_back_confirmed IN (0, 1));
