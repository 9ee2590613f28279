-- Schema version 9: how each answer came to be (issue 16, session file v4). `provenance`
-- is one line: which chosen options were volunteered or prompted, and the answer as it
-- stood when the definition of trafficking was explained; `said_by` is who on the call
-- said it (`role · organisation`). Empty for every answer and note made before.
ALTER TABLE answers ADD COLUMN provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN said_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN said_by TEXT NOT NULL DEFAULT '';
