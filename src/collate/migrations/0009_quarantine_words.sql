-- The collation database, schema version 9: why a file was quarantined, as words to be
-- said in any language (a message id and its arguments, JSON: `i18n::Words::to_json`),
-- beside `reason`, which stays the English for scripts and for the rows written before
-- this column; NULL in those rows, which are shown in their English.
ALTER TABLE quarantine ADD COLUMN reason_words TEXT;
