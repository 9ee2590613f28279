-- The collation database, schema version 4: the collator's choice of single answers in a
-- conflict. Resolving a conflict picks the revision to keep; an answer choice takes one
-- question's answer from another revision of the same conflict. Recorded, and undone
-- like a revision's pick.

CREATE TABLE answer_choices (
    session_id TEXT NOT NULL,
    -- The conflict: the parent its revisions share ('' for two first revisions).
    parent     TEXT NOT NULL,
    question   TEXT NOT NULL,
    -- The revision whose answer to `question` the report uses.
    source     TEXT NOT NULL REFERENCES revisions(digest),
    at         TEXT NOT NULL,
    PRIMARY KEY (session_id, parent, question)
) WITHOUT ROWID;

-- Every answer choice and every undo, in order.
CREATE TABLE answer_choice_log (
    id         INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    parent     TEXT NOT NULL,
    question   TEXT NOT NULL,
    source     TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('pick', 'undo')),
    at         TEXT NOT NULL
);
