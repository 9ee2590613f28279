# Why something failed: the errors of the layers below (docs/translating.md). Each
# message says what its error's Display says, word for word; the arguments are its fields.


## What the system said (std::io::Error), by kind; { $os } is ` (os error 2)` or nothing
why-io-os-code = {" "}(os error { $code })
why-io-not-found = No such file or directory{ $os }
why-io-permission-denied = Permission denied{ $os }
why-io-already-exists = File exists{ $os }
why-io-storage-full = No space left on device{ $os }
why-io-read-only = Read-only file system{ $os }
why-io-is-a-folder = Is a directory{ $os }
why-io-not-a-folder = Not a directory{ $os }
why-io-folder-not-empty = Directory not empty{ $os }
why-io-quota = Disk quota exceeded{ $os }
why-io-file-too-large = File too large{ $os }
why-io-interrupted = Interrupted system call{ $os }
why-io-unexpected-eof = unexpected end of file{ $os }
why-io-invalid-data = invalid data{ $os }
why-io-timed-out = Connection timed out{ $os }
why-io-crosses-devices = Invalid cross-device link{ $os }
why-io-busy = Device or resource busy{ $os }

## Shared
why-path = { $path }: { $what }

## The local store (src/store/error.rs)
why-lock-holder = { $user } (process { $pid } on { $host }) since { $since }
why-store-locked = session { $session } is open in another stocktake: { $holder }. Open it read-only, or take it over if that one is gone
why-store-lock-lost = session { $session } was taken over by another stocktake; your last change was not saved there. Reopen the session to continue
why-store-not-locked = session { $session } is not open for editing here
why-store-busy = { $path }: the database is locked by another program; close it (an sqlite3 shell?) and try again
why-store-disk-full = { $path }: the disk is full; nothing was lost that is on screen. Free some space and the next change will save
why-store-not-writable = { $path }: cannot write here ({ $reason }); check the folder's permissions or use --data-dir
why-store-too-new = { $path }: this database was made by a newer stocktake (schema { $found }, this one knows up to { $supported }); upgrade stocktake, nothing was changed
why-store-corrupt = { $path }: the database file is damaged ({ $reason }); nothing was changed. Keep a copy, then try `sqlite3 { $path } .recover`
why-store-import-refused = session { $session } was not imported: { $why }
why-store-no-such-session = no session { $session } in this database
why-store-missing-guide = the guide of this session (sha256 { $digest }) is not in the database
why-store-bad-row = { $path }: a stored value cannot be read: { $what }

## Answers and sessions (src/session/)
why-answer-unknown-option = question `{ $question }` has no option `{ $value }`; it offers: { $offered }
why-answer-wrong-kind = question `{ $question }` is { $expected }; a { $given } answer does not fit
why-answer-below-min = { $value } is below the minimum { $min } for question `{ $question }`
why-answer-above-max = { $value } is above the maximum { $max } for question `{ $question }`
why-answer-not-a-number = "{ $input }" is not a number (e.g. 12 or 3.5)
why-answer-not-a-date = "{ $input }" is not a date (YYYY-MM-DD, e.g. 2018-03-14)
why-answer-repeated = option `{ $value }` is chosen twice in question `{ $question }`
why-answer-exclusive = option `{ $value }` of question `{ $question }` excludes the others (the guide says exclusive = true), yet others are ticked with it
why-answer-too-long = the text is { $chars } characters long, more than the { $max } allowed
why-answer-empty = an empty text is not an answer; clear the answer instead
why-session-unknown-question = the guide `{ $guide }` has no question `{ $question }`
why-session-incomplete = { $n } required { $n ->
    [one] question is
   *[other] questions are
    } still unanswered: { $questions }
why-session-unknown-note = there is no general note { $note }
why-session-no-other = question `{ $question }` has no "other" option to specify
why-session-last-revision = this session is at revision { $max }, the last one a session file can carry (a reader refuses any later one): it cannot be reopened. Look at it read-only; to record more, start a new call
why-session-nothing-to-mark = question `{ $question }` has nothing recorded to mark sensitive
why-session-not-chosen = option `{ $option }` of question `{ $question }` is not chosen: tick it first, then mark how it came up
why-session-no-options = question `{ $question }` has no options: only a chosen option is volunteered or prompted
why-session-nothing-to-attribute = question `{ $question }` has nothing recorded to attribute to someone on the call
why-status-completed-edit = this session is completed; reopen it (a new revision) to change it
why-status-already-completed = this session is already completed
why-status-reopen = only a completed session can be reopened
why-status-delete = only a draft (nothing recorded yet) can be deleted; this session holds answers
why-status-empty-complete = a session with nothing recorded cannot be completed
why-status-other = { $event } is not allowed on a { $from } session

## Session files: reading (src/sync/read/), writing into the outbox (src/sync/write.rs), encryption (src/sync/crypt.rs)
why-at = { $file }:{ $line }:{ $col }: { $what }
why-read-io = { $file }: cannot read: { $error }
why-read-not-regular = { $file }: is { $what }, not a regular file: only regular files are read; take it out of the folder
why-kind-folder = a folder
why-kind-fifo = a FIFO (named pipe)
why-kind-char-device = a character device
why-kind-block-device = a block device
why-kind-socket = a socket
why-kind-unknown = an unknown kind of file
why-read-too-large = { $file }: too large ({ $size } bytes; a session file is at most { $limit })
why-read-not-utf8 = not UTF-8 text
why-read-no-digest = { $file }:1:1: no digest line: a session file starts with digest = "sha256:..."
why-read-truncated = { $file }: truncated: the file ends in the middle of a line (an interrupted copy?)
why-read-tampered = { $file }: corrupt or tampered: its content does not match its digest
why-read-unknown-format = { $file }: format `{ $found }` is not one this stocktake reads ({ $known }); it may come from a newer stocktake: upgrade to read it
why-read-guide-mismatch = { $file }: claims guide { $claimed_id } version { $claimed_version }, but its guide digest names { $id } version { $version }; the digest decides which guide a file was made with, so this file was altered or made by a tool that mislabels guides: ask its sender for the file stocktake wrote
why-read-unknown-guide = { $file }: made with guide { $id } version { $version } ({ $digest }), which is not known here; add that guide (--guides DIR)
why-read-not-encrypted = { $file }: not encrypted, and this collation requires encrypted files (--require-encrypted)
why-read-free-text = { $file }: says consent to take notes was refused, yet carries free text in `{ $field }`; stocktake never sends free text without consent, so this file was altered or made by another tool, and none of it is read: ask its sender for the file stocktake wrote
why-read-invalid-answer = { $file }: answer to `{ $question }`: { $what }
why-crypt-not-for-us = encrypted for another collator: none of the identities given opens it
why-crypt-damaged = the encrypted file is truncated or altered ({ $error })
why-crypt-no-identity = encrypted, and no identity was given to open it (--identity FILE or STOCKTAKE_IDENTITY)
why-crypt-too-large = decrypts to more than a session file may hold
why-crypt-too-many-recipients = the encrypted file's header has { $found } recipient stanzas, and stocktake reads at most { $max } (a file for a collator names a handful): refused unread, as a file made to stall a collation would be
why-crypt-header-too-large = the encrypted file's header is { $bytes } bytes long, and stocktake reads at most { $max }: refused unread, the file is damaged or made to stall a collation
why-crypt-bad-recipient = `{ $given }` is not an age recipient; it should look like age1… (see stocktake keys new)
why-crypt-no-identity-in = { $file }: no identity (AGE-SECRET-KEY-1…) found in it
why-crypt-bad-identity = { $file }: cannot read the identity: { $error }
why-crypt-encrypt = encrypting failed: { $error }
why-write-missing = the outbox { $dir } does not exist; create it, or choose another with --to DIR or STOCKTAKE_OUTBOX
why-write-not-a-folder = the outbox { $dir } is not a folder
why-write-not-writable = cannot write in the outbox { $dir }: { $reason }; nothing was lost, the session stays waiting to sync
why-write-full = the outbox { $dir } is full; free some space, then sync again: the session stays waiting to sync
why-write-exists = { $path } already exists with other content; it was left alone (a file with the same revision from elsewhere?)
why-write-unsafe-name = refusing to write a file named { $name }
why-write-io = writing { $path }: { $error }

## The collation database (src/collate/db.rs)
why-collate-too-new = { $path }: made by a newer stocktake (schema { $found }, this one knows up to { $supported }); nothing was changed
why-collate-busy = { $path }: another stocktake kept the database busy for over { $seconds } s; nothing was changed: try again when it has finished
why-collate-running = { $path }: another collation is still running on it after { $seconds } s; nothing was changed: run this one again when that one has ended

## The interview's refusals (src/interview/)
why-refused-invalid = not saved: { $error }
why-details-no-response = The country or response cannot be empty
why-details-sent = { $structure } is completed and was sent as it was: reopen it from the list to change the call's country
why-details-unknown-role = Participant { $n }: `{ $role }` is not a role
why-details-too-long = A text is longer than { $max } characters

## The config file (src/config.rs)
why-config-io = { $path }: cannot read the config file: { $error }
why-config-invalid = { $path }:{ $line }:{ $col }: { $what } (allowed keys: outbox, recipients, sensitive_names, attribution, min_cell, ui_language, auto_advance)

## Guides, codebooks and other files of problems, one a line
why-lines = { $first }
    { $then }
# A codebook file refused (guide::CodebookError), after why-path
why-codebook-not-a-file = not a regular file: give the codebook's .toml file
why-codebook-too-large = larger than { $kib } KiB: a codebook is a list of codes
why-codebook-not-utf8 = not UTF-8 text
why-guide-io = { $path }: cannot read the guide: { $error }
why-guide-not-a-file = { $path }: cannot read the guide: not a regular file (a folder, a FIFO or a device); a guide is a .toml file
why-guide-too-large = { $path }: the file is larger than { $limit } bytes; a guide is a small TOML file
why-guide-not-utf8 = { $path }:{ $line }:{ $col }: the file is not UTF-8 text; save the guide as UTF-8
why-bad-digest = not a digest: expected "sha256:" followed by 64 lowercase hex digits
why-xlsform-write = { $path }: cannot write the XLSForm: { $error }

## The report's folders and files (ReportError)
why-report-not-a-folder = exists and is not a folder; name a folder for the report with --out DIR
why-report-charts-symlink = is a symbolic link where the report keeps its charts; stocktake never writes through it: remove it and write the report again
why-report-charts-not-a-folder = is not a folder where the report keeps its charts; stocktake never writes through it: remove it and write the report again
why-report-read-again = reading the answers again: { $cause }
why-report-writer-stopped = the workbook's writer stopped

## A campaign file's refusals (campaign::ImportError)
why-file-line = { $file }:{ $line }: { $what }
why-campaign-not-utf8 = not UTF-8 text (byte { $byte }); save the spreadsheet as CSV UTF-8
why-campaign-header = cannot read the header row: { $error }
why-campaign-no-columns = the header row must name at least `response` and `structure` (found: { $found })
why-campaign-empty = no targets: the file has a header row and nothing else
why-campaign-row-unreadable = cannot read the row: { $error }
why-campaign-no-response = no response (country) on this row
why-campaign-unknown-structure = unknown structure `{ $structure }`; use protection_cluster, cp_aor, gbv_aor, other: NAME, or the id of a respondent type the guide declares (community_leader)
why-campaign-unknown-time-zone = unknown time zone `{ $zone }`; use an IANA name such as Africa/Juba or Asia/Baghdad
why-campaign-not-a-language = `{ $code }` is not a language code (en, fr, ar, pt-BR)
why-campaign-twice = { $response } · { $structure } is already on line { $first }

## A campaign's rules file (campaign::RulesError)
why-rules-max-tries = `max_tries` is a whole number from 1 to 100
why-rules-not-an-outcome = `{ $outcome }` is not an outcome; use one of { $all }
why-rules-not-a-duration = `{ $outcome }` waits for a duration such as "4h" or "30m"
why-rules-unknown-key = unknown key `{ $key }`; the rules have max_tries and [retry_after]

## A callback time refused (campaign::WhenError)
why-when-not-a-time = `{ $typed }` is not a time: type +2h, 15:30, tomorrow 9:00 or 2018-03-15 14:30
why-when-passed = that time has passed: a callback is in the future

## The report's folder open to others (a note, not a refusal)
report-folder-open = { $path } is open to others (mode { $mode }): they can list it; its report files are readable by you alone (0600), and the folder is left as it is (a folder stocktake creates is 0700)
report-folder-open-writable = { $path } is open to others (mode { $mode }): they can list it and replace or remove the files in it; its report files are readable by you alone (0600), and the folder is left as it is (a folder stocktake creates is 0700)

## Between an error and its cause, on the command line
why-then = {": "}

## Why an XLSForm's relevant was not read (xlsform::xpath::RelevantError)
# $q and $other: a question as the form writes it, ${name}; $what: a token as the form has it
why-relevant-ref-not-closed = a `${"{"}` without its `{"}"}`
why-relevant-quote-not-closed = a text in quotes that is not closed
why-relevant-bang-alone = `!` without `=`
why-relevant-bad-number = the number `{ $number }`
why-relevant-not-in-subset = `{ $what }`, which is not in the subset stocktake reads
# $what: one of why-relevant-expected-*
why-relevant-expected = expected { $what }
why-relevant-expected-close = `)`
why-relevant-expected-open-not = `(` after not
why-relevant-expected-open-selected = `(` after selected
why-relevant-expected-comma = `,` in selected()
why-relevant-expected-close-selected = `)` closing selected()
why-relevant-selected-first = selected() whose first argument is not a ${"{"}question{"}"}
why-relevant-selected-second = selected() whose second argument is not a value in quotes
why-relevant-pulldata = pulldata() reads a CSV file attached to the form, which a guide cannot carry
why-relevant-function = the function { $function }(), which is not in the subset stocktake reads
why-relevant-no-comparison = { $q } without a comparison
why-relevant-compared-with-question = { $q } compared with { $other }: a guide compares an answer with values only
why-relevant-no-value = { $q } { $op } without a value
why-relevant-not-a-start = { $what } where a condition should start
why-relevant-ends-early = an expression that ends too early
why-relevant-after-end = { $what } after the end of the condition
why-relevant-not-before = { $q } is not a question before this one
why-relevant-selected-not-choice = selected() on { $q }, which is not a choice question
why-relevant-whole-list = { $q } { $op } … on a select_multiple compares the whole list of choices; write selected({ $q }, '…')
why-relevant-bound-not-a-number = { $q } { $op } '{ $value }' compares with a value that is not a number
why-relevant-names-not-numbers = { $q } { $op } { $bound } compares a choice list whose names are not all numbers (`{ $name }`)
# $kind: the question's type as the guide writes it (number, text, date)
why-relevant-not-a-choice-question = { $q } { $op } …: a guide's skip logic tests the answers of choice questions only, and { $q } is { $kind }
why-relevant-never-holds = a condition that never holds
why-relevant-no-such-choice = { $q } has no choice `{ $value }`
why-relevant-blank-and-selected = { $q } both blank and selected
why-relevant-non-answer = { $q } tested for a non-answer, which a guide's skip logic cannot do

## What SQLite said of a database, named ($code: SQLite's own, to look up)
why-sqlite-not-a-database = not an SQLite database (code { $code })
why-sqlite-corrupt = the database is damaged (code { $code })
why-sqlite-busy = the database is busy: another program is writing to it (code { $code })
why-sqlite-read-only = the database can only be read here (code { $code })
why-sqlite-full = the disk is full (code { $code })
why-sqlite-cannot-open = the database cannot be opened (code { $code })
why-sqlite-permission = no permission to use the database (code { $code })
why-sqlite-io = the system failed to read or write the database (code { $code })
