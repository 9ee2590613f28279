-- Schema version 11: which change wrote each history entry (the id of the first entry that
-- change wrote). One key can write several entries (an answer cleared with its marks, a note
-- moved away whole); undo after a restart takes them back as one step, as it does before
-- one. The clock counts whole seconds, so the time alone cannot tell two keys apart. NULL
-- for entries written before.
ALTER TABLE history ADD COLUMN change INTEGER;
