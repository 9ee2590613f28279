-- The collation database, schema version 8: how each answer came to be (session file v4),
-- so the report can split a distribution by it. `volunteered` and `prompted` are the
-- chosen options so marked, joined by newlines; `before_status` and `before_value` are the
-- answer as it stood when the definition of trafficking was explained (NULL when the
-- interviewer did not mark it), in the form of `status` and `value`; `said_by_*` is who on
-- the call said it. All NULL for files of v1 to v3.
ALTER TABLE answers ADD COLUMN volunteered TEXT;
ALTER TABLE answers ADD COLUMN prompted TEXT;
ALTER TABLE answers ADD COLUMN before_status TEXT;
ALTER TABLE answers ADD COLUMN before_value TEXT;
ALTER TABLE answers ADD COLUMN said_by_role TEXT;
ALTER TABLE answers ADD COLUMN said_by_organisation TEXT;
ALTER TABLE notes ADD COLUMN said_by_role TEXT;
ALTER TABLE notes ADD COLUMN said_by_organisation TEXT;
