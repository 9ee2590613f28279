-- Schema version 7: a session's and a campaign target's `structure` is any respondent type
-- a guide declares (`community_leader`), no longer one of the four coordination
-- structures, so their CHECK constraints go. SQLite cannot drop a constraint, and
-- rebuilding `sessions` would cascade deletes into its answers: the table definitions are
-- edited in place, the procedure SQLite documents for removing a CHECK constraint (no
-- stored row changes meaning). Renaming a throw-away table bumps the schema cookie, so
-- other connections read the new definitions.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, ' CHECK (structure IN (''protection_cluster'', ''cp_aor'', ''gbv_aor'', ''other''))', '')
 WHERE type = 'table' AND name IN ('sessions', 'targets');
PRAGMA writable_schema = RESET;
CREATE TABLE schema_bump_0007 (x);
DROP TABLE schema_bump_0007;
