# What the session and attempt file readers find wrong in a file (src/sync/read/why.rs):
# the `message` of `file:line:col: message`. A value quoted ({ $value }) is already
# escaped and cut short; numbers come as written.

## The first line (src/sync/read/envelope.rs)
why-file-bom = the file starts with a byte-order mark (U+FEFF), which a session file never has: an editor or a transfer added it; collate the original file
why-file-crlf = the file has Windows line endings (CRLF), and a session file's lines end in LF only: it was converted in transit (a mail client, a Windows share, git's autocrlf); collate the original file
why-file-digest-upper-case = the digest is in upper case, and a session file's digest is 64 lower-case hex digits: the line was edited; collate the original file
why-file-no-format = no `format` key

## Fields (src/sync/read/fields.rs, v1.rs, v4.rs)
why-file-ulid-lower-case = `{ $what }` = { $value } is a ULID in lower case; the format has ids in upper case ({ $upper })
why-file-not-ulid = `{ $what }` = { $value } is not a ULID: expected 26 characters of 0-9 and A-Z except I, L, O and U, the first 0-7 (like 01M8J1GE2XBNDT60WBMX0CPVFK)
why-file-not-role = `{ $what }` = { $value } is not a participant role: one of { $known } (use `other`, and the organisation, for anyone else)
why-file-status-not-completed = `status` = { $value }: only a completed revision travels as a file; ask its sender to complete the session and sync again
why-file-unknown-status = unknown status { $value }: a session file's status is "completed"
why-file-revision-zero = revision must be 1 or more
why-file-revision-too-high = `revision` = { $n } is more than { $max }: no session is reopened that often, so the file is forged or broken
why-file-number-too-large = { $n } is too large to be held exactly (a number answer is at most { $max } either side of 0)
why-file-time-too-late = `{ $what }` = { $value } is later than { $last }, the last time stocktake can hold; an interview's times are earlier
why-file-not-a-time = `{ $what }` = { $value } is not a date and time with a time zone (like 2018-03-14T09:00:00Z)
why-file-key-of-later-format = `{ $key }` is a key of { $format }, and this file says it is { $says }
why-file-too-long = `{ $what }` is longer than { $max } characters
why-file-not-digest = `{ $what }` is not a sha256 digest
why-file-unknown-structure = unknown structure { $value }: a respondent type is an id (lowercase letters, digits, _ or -), such as protection_cluster, cp_aor or one its guide declares
why-file-not-guide-id = `guide.id` = { $value } is not a guide id (lower-case letters, digits, - and _)
why-file-not-question-id = { $value } is not a question id
why-file-note-not-question-id = `notes.question` = { $value } is not a question id
why-file-organisation-too-long = `{ $what }.organisation` is too long

## Answers
why-file-answer = answer to `{ $question }`: { $what }
why-file-answer-unknown-status = unknown status { $value }
why-file-answered-without-value = answer to `{ $question }` is answered but has no `type` and `value`
why-file-value-without-answer = answer to `{ $question }` has a value but status `{ $status }`
why-file-bad-value = a `{ $kind }` value cannot be { $value }
why-file-not-option = { $value } is not an option value (lower-case letters, digits, - and _)
why-file-mark-not-chosen = `{ $mark }` names { $value }, which is not a chosen option
why-file-marked-twice = option { $value } is marked twice (volunteered and prompted are one or the other)
why-file-before-unknown-status = `before_definition` has unknown status { $value }
why-file-before-without-value = `before_definition` is answered but has no `type` and `value`
why-file-before-value-without-answer = `before_definition` has a value but status `{ $status }`

## Against the guide (src/sync/read/verify.rs)
why-file-not-guide-language = `language` = { $value } is not a language of guide { $guide } ({ $languages })
why-file-no-such-question = guide { $guide } has no such question
why-file-before-definition = before the definition: { $what }
why-file-other-without-option = has an "other" text but no other option
why-file-note-on-unknown-question = a note is attached to a question the guide does not have

## Attempt files (src/campaign/file.rs)
why-attempt-not-ulid = `attempt_id` is not a ULID (26 letters and digits)
why-attempt-not-target = `target` is not a target id such as south-sudan/cp_aor
why-attempt-unknown-outcome = unknown outcome `{ $outcome }`
why-attempt-not-a-time = `{ $what }` is not a date and time with a time zone
why-attempt-callback = a `callback` time goes with outcome = "callback", and only with it
why-attempt-too-long = a text is longer than an attempt file allows
why-attempt-sessions = `sessions` lists session ids (ULIDs), at most 20

## Folders a collation could not walk (src/collate/walk.rs)
why-folder-too-long = { $path }: the folder's path is longer than the system allows; its files were not collated: move them to a shorter path
why-folder-unreadable = { $path }: cannot read the folder ({ $error }); its files were not collated: give the collator read access to it
