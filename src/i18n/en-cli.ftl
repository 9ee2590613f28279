# The command line's own words: the summaries, progress lines and errors of the
# subcommands (src/cli/). What a script reads (--json, CSV, tab-separated lines, paths,
# ids) is never in here. Every id here must be in fr-cli.ftl too.

## Shared
cli-bad-ui-language = --ui-language `{ $given }` is not one stocktake speaks: en, fr
cli-env-ui-language-ignored = STOCKTAKE_UI_LANGUAGE `{ $given }` is not one stocktake speaks (en, fr); it is left aside
cli-note = note: { $what }
cli-warning-skipped = warning: skipped { $what }
cli-no-data-dir = cannot tell where your data dir is (no home folder?); pass --data-dir DIR
cli-db-is-folder = { $db }: is a folder, not a collation database; name the database file, e.g. --db { $example }
cli-db-missing = { $db }: no such collation database; run stocktake collate first
cli-db-dangling = { $db }: is a symbolic link to { $target }, which does not exist; stocktake creates a collation database only under its real name (private, 0600): give --db { $target }
cli-wrote = wrote { $path }
cli-path-error = { $path }: { $error }

## stocktake collate
collate-path-missing = { $path }: { $error }; nothing was collated{ $created ->
    [no] {" "}and no database was created
   *[yes] {""}
}
collate-waiting = another collation is running on { $db }; waiting for it to end…
collate-bar = {" "}{ $done }/{ $total } files · { $quarantined } quarantined{" "}
collate-progress = collating: { $done }/{ $total } files, { $quarantined } quarantined
collate-quarantined = quarantined ({ $kind }): { $reason }

# Quarantine kinds, as the collation database stores them (crate::sync::ReadError::kind);
# the id is the kind with its spaces as dashes. A kind not listed is shown as stored.
quarantine-kind-unreadable = unreadable
quarantine-kind-too-large = too large
quarantine-kind-not-a-regular-file = not a regular file
quarantine-kind-corrupt = corrupt
quarantine-kind-truncated = truncated
quarantine-kind-tampered = tampered
quarantine-kind-unknown-format = unknown format
quarantine-kind-invalid = invalid
quarantine-kind-guide-mismatch = guide mismatch
quarantine-kind-unknown-guide = unknown guide
quarantine-kind-invalid-answer = invalid answer
quarantine-kind-free-text-without-consent = free text without consent
quarantine-kind-not-for-this-collator = not for this collator
quarantine-kind-damaged-ciphertext = damaged ciphertext
quarantine-kind-no-identity = no identity
quarantine-kind-too-many-recipients = too many recipients
quarantine-kind-not-encrypted = not encrypted
quarantine-kind-unreadable-folder = unreadable folder
collate-summary = { $files } file(s): { $new } new, { $updated } updated, { $duplicate } already present, { $conflicting } conflicting, { $quarantined } quarantined
collate-summary-attempts = ; { $attempts } call attempt(s)
collate-summary-cleared = ; cleared from quarantine: { $parts }
collate-cleared-imported = { $n } now imported
collate-cleared-gone = { $n } no longer found
collate-cleared-readable = { $n ->
    [one] { $n } folder readable again
   *[other] { $n } folders readable again
}
collate-took = {" "}in { $seconds } s
collate-conflicts = { $open } conflict(s) to look at: stocktake conflicts --db { $db }

## stocktake sessions (the narrow table fits 80 columns in every language)
sessions-none = No sessions yet in { $path }.
sessions-col-session = SESSION
sessions-col-call = CALL
sessions-col-guide = GUIDE
sessions-col-structure = STRUCTURE
sessions-col-response = RESPONSE
sessions-col-status = STATUS
sessions-col-rev = REV
sessions-col-required = REQUIRED
sessions-col-last-change = LAST CHANGE
sessions-col-changed = CHANGED (UTC)
# After the status code in --wide: a completed revision not yet in the outbox.
sessions-wide-to-sync = { $status } (to sync)
sessions-status-to-sync = to sync
sessions-status-in-progress = in progress
sessions-status-completed = completed
sessions-status-draft = draft
sessions-status-synced = synced
# The default structures in the narrow table (14 columns at most)
sessions-short-protection-cluster = PC
sessions-short-cp-aor = CP AOR
sessions-short-gbv-aor = GBV AOR

## stocktake sync
sync-no-outbox = no outbox: say where with `stocktake sync --to DIR`, STOCKTAKE_OUTBOX, or outbox = "DIR" in { $config }
sync-the-config-file = the config file
sync-still-waiting-suffix = , { $n } completed session revision(s) still waiting to sync
sync-outbox-missing = the outbox { $dir } does not exist; create it (mkdir { $dir }), or choose another with --to DIR or STOCKTAKE_OUTBOX; nothing was written{ $waiting }
sync-outbox-not-folder = the outbox { $dir } is not a folder; choose a folder with --to DIR; nothing was written{ $waiting }
sync-already-there = already there: { $path }
sync-cleaned = removed { $n } unfinished temporary file(s) left by an interrupted sync
sync-not-written = not written: { $name }: { $error }
sync-exposed-everyone = every user of this machine can list it
sync-exposed-group = the members of group { $group } can list it
sync-exposed = warning: { $n } session file(s) written in clear to { $dir } (mode { $mode }): { $who }, and the files are readable by the folder's group; encrypt them (recipients in the config or the guide), or use a drop folder the interviewers cannot read (README, "A shared outbox on a server")
sync-still-waiting = { $n } completed session revision(s) still waiting to sync; nothing was lost
sync-nothing = nothing to sync: no session completed in this store yet ({ $store })
sync-nothing-new = nothing new to sync into { $dir }: every completed revision is already written:
sync-sent-line = {"  "}{ $response } · { $structure } r{ $revision }: { $file } in { $outbox }, { $at }
sync-again-hint = to write them all again (a copy on a USB stick, or encrypted now): stocktake sync --again --to DIR
sync-written = { $n } file(s) written to { $dir }

## stocktake keys
keys-cannot-read = { $file }: cannot read the identity: { $error }
keys-not-identity = { $file }: not an age identity file ({ $why }); give the file `stocktake keys new --out FILE` wrote
keys-why-too-large = far too large
keys-why-not-text = not text
keys-why-line = line { NUMBER($line, useGrouping: "false") } is neither a comment nor an AGE-SECRET-KEY-1… key
keys-cannot-create = { $file }: cannot create the identity file ({ $error }); an existing one is never overwritten
keys-created = created { $file } (readable by you alone: keep it safe and backed up; whoever holds it reads every session)

## stocktake guide
guide-col-id = ID
guide-col-version = VERSION
guide-col-questions = QUESTIONS
guide-col-where = WHERE
guide-col-title = TITLE
guide-bundled = bundled
guide-shadowed = note: { $id } (version { $version }) from { $origin } is a different guide with the same id; using the one from { $by } (--guides, then ./interview-guides, then the config dir, then bundled)
guide-not-found = { $name }: no such file, and no guide has this id; `stocktake guide list` shows the guides found
guide-exported = { $out }: XLSForm of { $id } version { $version }: { $rows } survey rows, { $choices } choices
guide-check-ok = { $file }: ok: { $id } version { $version }, { $sections } sections, { $questions } questions, { $digest }
guide-check-refused = { $failed } of { $total ->
    [one] { $total } guide file
   *[other] { $total } guide files
} refused
guide-import-invalid = { $form }: not imported: correct the form and import it again; nothing was written
guide-import-lost = { $form }: { $n ->
    [one] { $n } part of the form cannot be carried into a guide; nothing was written. Import with --lossy to write the guide without it, listed at its top
   *[other] { $n } parts of the form cannot be carried into a guide; nothing was written. Import with --lossy to write the guide without them, listed at its top
}
guide-import-exists = { $out }: exists; the import never replaces a file: name a new one with --out
guide-imported = { $out }: guide { $id } version { $version }: { $sections } sections, { $questions } questions, from { $form }
guide-imported-lost = ; { $n } part(s) left out, listed at its top

## stocktake plan (states and outcomes in --json stay English codes and labels)
plan-cannot-read = { $file }: cannot read: { $error }
plan-imported = { $file }: { $n } target(s): { $new } new, { $updated } updated, { $unchanged } unchanged
plan-flagged = { $n } target(s) no longer in the file kept, because attempts were logged: flagged as removed
plan-dropped = { $n } target(s) no longer in the file, never tried: dropped
plan-collation-targets = { $file }: { $n } target(s): the coverage of { $db }{ $new ->
    [yes] {" "}(a new collation database)
   *[no] {""}
} is of this campaign
plan-cli-empty = No campaign yet: stocktake plan import CAMPAIGN.csv (columns response, structure, coordinator, organisation, contact, timezone, language)
plan-cli-col-target = TARGET
plan-cli-col-status = STATUS
plan-cli-col-tries = TRIES
plan-cli-col-next = NEXT
plan-cli-col-coordinator = COORDINATOR
plan-cli-col-sessions = SESSIONS
plan-cli-removed = { $id } (removed)
plan-cli-state-callback-due = callback due
plan-cli-state-due = due
plan-cli-state-not-tried = not tried
plan-cli-state-callback = callback
plan-cli-state-waiting = waiting
plan-cli-state-exhausted = tried enough
plan-cli-state-needs-contact = needs a new contact
plan-cli-totals = { $done } done, { $due } due now, { $left } left
plan-not-a-time = --{ $flag } `{ $given }` is not a time; write e.g. 2018-03-15T14:30 (your local time) or 2018-03-15T11:30:00Z
plan-cli-no-target = no target `{ $target }` in the campaign{ $near }; `stocktake plan list` shows them all
plan-did-you-mean = {" "}(did you mean { $ids }?)
plan-unknown-outcome = unknown outcome `{ $given }`; use one of { $codes }
plan-bad-callback = --callback { $error } (clock times are the respondent's; or give one with its zone, 2018-03-15T11:30:00Z)
plan-callback-needs-time = a callback needs its time: --callback 2018-03-15T14:30
plan-callback-not-after = the callback time is not after the attempt ({ $at }): a callback is in the future
plan-callback-only = --callback goes with --outcome callback only
# The callbacks calendar (plan calendar): what an interviewer's calendar shows
calendar-call-back = Call back: { $target }
calendar-call-back-who = Call back: { $target } ({ $who })
calendar-target = Target { $id }.
calendar-contact = Contact: { $contact }.
calendar-time-zone = The respondent's time zone: { $zone }.
plan-cli-logged = logged: { $target }: { $outcome } (AAPOR { $code })
plan-cli-call-back = , call back { $when }
plan-calendar-cannot-write = { $file }: cannot write the calendar: { $error }
plan-calendar-written = { $file }: { $n } callback(s)

## stocktake conflicts and stocktake resolve (digests, question ids and commands as they are)
conflicts-none = no conflicts
conflicts-two-first = two first revisions
conflicts-parent = parent { $digest }
conflicts-session = session { $session } · { $response } · { $structure } · { $parent }
conflicts-revision = { $digest }  revision { $revision }, completed { $completed }, made by { $by } (as the file records it), collated { $collated }
conflicts-from = from { $path }{ $owner }
conflicts-owner = {" "}(file owner: { $owner })
conflicts-resolved = resolved: { $digest } is kept
conflicts-unresolved-head = unresolved: until you pick, the report uses { $digest } (the highest revision, then the latest completed)
conflicts-unresolved-later = unresolved: a later revision builds on one of these
conflicts-chosen = ✓ chosen
conflicts-same = (the answers are the same; only notes' times or participants differ)
conflicts-no-answer-recorded = (no answer recorded)
conflicts-no-answer = (no answer)
conflicts-other = {" "}(other: { $text })
conflicts-note = {" "}· note: { $text }
conflicts-all-resolved = { $n } conflict(s), all resolved: nothing left to do (to take a choice back: stocktake resolve --undo --db { $db } DIGEST)
conflicts-open = { $n } conflict(s), { $open } unresolved. To do: pick the revision to keep in each, stocktake resolve --db { $db } DIGEST; to take one answer from another revision, stocktake resolve --db { $db } --answer QUESTION DIGEST{ $full ->
    [yes] {""}
   *[no] ; --full shows every text whole
}
resolve-still-needs = this conflict still needs the revision to keep: stocktake resolve --db { $db } DIGEST
resolve-resolved = this conflict is resolved
resolve-none-left = ; no conflict is left
resolve-others = ; { $n } other conflict(s) unresolved: stocktake conflicts --db { $db }
resolve-undone = the pick is taken back: the conflict of { $digest } is unresolved again
resolve-kept = { $kept } is kept over { $others }; the report uses it (undo: stocktake resolve --undo --db { $db } { $kept })
resolve-answer-undone = { $question }: the choice is taken back; the answer comes from the revision kept again
resolve-answer-chosen = { $question }: the report uses the answer of { $digest }, whichever revision is kept (undo: stocktake resolve --undo --db { $db } --answer { $question } { $digest })

## stocktake report (the lines on the terminal; the report files follow --report-language, not this)
report-bad-language = --report-language `{ $given }` is not a language stocktake writes reports in: en, fr
report-out-not-folder = { $out }: exists and is not a folder; name a folder for the report with --out DIR (it is created, private, if missing)
report-no-guide = no guide `{ $guide }` in { $db }; its sessions were made with: { $ids }
report-no-guide-none = none yet (collate some files first)
report-reading = reading the collation…
report-empty = no sessions match: the report is empty
report-read = read { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} in { $seconds } s; writing { $formats }…
report-format-written = { $format } written in { $seconds } s
report-pruned = removed { $path } (left from an earlier report, not part of this one)
report-failed = stocktake: { $format } not written: { $error }{ $removed }
report-removed-earlier = ; removed the earlier { $paths } so that it cannot pass for this report

## stocktake import
import-unreadable-folder = stocktake: { $dir }: cannot read this folder: { $why }
import-no-files = no session files (*.toml) in { $paths }
import-encrypted = { $file }: encrypted for the collator (age): import cannot open it, only the collator's identity can; import the plain .toml file from the store it was written from, or, as the collator, read it with stocktake collate --identity FILE
import-attempt = { $file }: call attempt { $new ->
    [yes] imported
   *[no] already here, nothing changed
}: { $target } · { $outcome } at { $at }
import-new = imported
import-replacing = imported, replacing revision { $from }
import-already = already here, nothing changed
import-session = { $file }: { $what }: { $response } · { $structure } revision { $revision }

## stocktake guide diff (each change's line keeps its class name, which scripts match)
diff-not-same-guide = { $old } is guide `{ $old_id }` and { $new } is guide `{ $new_id }`: not two versions of one guide, so there is nothing to compare
diff-header = { $id }: version { $old } → { $new }
diff-no-change = no change
diff-changes = { $n ->
    [one] 1 change
   *[other] { $n } changes
}
diff-refused = { $changes }; refused: { $ids } { $n ->
    [one] reuses
   *[other] reuse
} an id with another type. Give the new question a new id, and keep or drop the old one
diff-all-compare = { $changes }; every question's answers compare: a report pools them
diff-apart = { $changes }; the answers of { $n ->
    [one] 1 question
   *[other] { $n } questions
} do not compare across the versions: { $ids } (a report counts them per version)
diff-same-version = note: both files say version { $version }; bump the new one's `version` so sessions tell them apart

## stocktake analyse, merge-codings, and the screens started from the command line
analyse-needs-terminal = stocktake analyse is a full-screen program and needs a terminal; for files, use stocktake report --db { $db }
analyse-nothing = { $db }: no sessions{ $guide ->
    [none] {""}
   *[other] {" "}of guide `{ $guide }`
} to analyse yet; collate some files first
merge-codings-merged = { $file }: { $n } new coding(s) merged into { $db }
tui-needs-terminal = the interview screens need a terminal; run stocktake in one, or use a subcommand (stocktake --help)
tui-no-guide = no interview guide could be loaded; run `stocktake guide list` to see why

## What an XLSForm import leaves out (`stocktake guide import`): notes, then lost parts
xlsform-note-metadata = { $file }:survey:{ $row }: `{ $type }` ({ $name }) left out: stocktake records its own times and interviewer
xlsform-note-renamed = { $file }:survey:{ $row }: `{ $name }` is the question `{ $id }`
# $why: what the condition reader found, in English (the XPath subset's own words)
xlsform-lost-relevant = relevant of `{ $name }` (`{ $relevant }`): { $why }; it is always shown
# $what: one of xlsform-uncarried-*; $value: " (`the cell`)" or nothing
xlsform-lost-column = { $what }{ $value } on `{ $name }`: a guide has no place for it
xlsform-uncarried-calculation = a calculation
xlsform-uncarried-default = a default answer
xlsform-uncarried-choice-filter = a cascading choice filter
xlsform-uncarried-repeat-count = a repeat count
xlsform-uncarried-trigger = a trigger
xlsform-uncarried-image = an image
xlsform-uncarried-audio = an audio file
xlsform-uncarried-video = a video
xlsform-lost-repeat = repeat `{ $name }`: a guide has no repeated groups; its questions are asked once
xlsform-lost-calculate = calculate `{ $name }` (`{ $calc }`): a guide computes nothing
xlsform-lost-type = `{ $type }` question `{ $name }`: a guide has no such type
xlsform-lost-constraint-multi = constraint `{ $constraint }` on `{ $name }`: a guide keeps only a number's bounds and, on a select_multiple, options that exclude the others (`not(selected(., 'none')) or count-selected(.) = 1`)
xlsform-lost-constraint-number = constraint `{ $constraint }` on `{ $name }`: a guide keeps only bounds (`. >= 0 and . <= 100`)
xlsform-lost-range = range `{ $name }` with parameters `{ $parameters }`: a guide's scale has whole steps of 1 and at most 100 points; it is a number question
xlsform-lost-required = required `{ $required }` on `{ $name }`: a guide's question is required or not; it is not required
xlsform-lost-hxl = hxl `{ $tag }` on `{ $name }`: not an HXL hashtag (#tag+attribute)

## The comments at the top of a guide `stocktake guide import` writes
guide-import-header = Imported from { $form } by `stocktake guide import`. Format: docs/guide-format.md.
guide-import-header-lost = Not carried over (--lossy):

## What makes an XLSForm unreadable as a guide (`stocktake guide import`)
xlsform-bad-no-type = { $file }:survey:{ $row }: `{ $name }` has no type
xlsform-bad-no-group = { $file }:survey:{ $row }: `{ $type }` without a group open
xlsform-bad-no-name = { $file }:survey:{ $row }: `{ $type }` has no name
xlsform-bad-name-twice = { $file }:survey:{ $row }: name `{ $name }` is used twice (first on row { $first }); every name must be unique
xlsform-bad-no-label = { $file }:survey:{ $row }: question `{ $name }` has no label
xlsform-bad-name-id = { $file }:survey:{ $row }: name `{ $name }` cannot be made a guide id (letters, digits, `_` or `-`)
xlsform-bad-id-twice = { $file }:survey:{ $row }: `{ $name }` is the id `{ $id }`, as is the question on row { $first }; rename one
xlsform-bad-no-list = { $file }:survey:{ $row }: `{ $type }` names no choice list
xlsform-bad-list-missing = { $file }:survey:{ $row }: `{ $type }`: the list `{ $list }` is not on the choices sheet; add its choices there (list_name `{ $list }`)
xlsform-bad-list-long = { $file }:choices:{ $row }: the list `{ $list }` has { $count } choices, more than the { $max } a guide's question may offer; ask it as a text question instead
xlsform-bad-choice-value = { $file }:choices:{ $row }: choice `{ $value }` cannot be made a guide value (letters, digits, `_` or `-`)
xlsform-bad-choice-twice = { $file }:choices:{ $row }: choice `{ $value }` is the value `{ $id }`, as is the choice on row { $first }; rename one
xlsform-bad-group-open = { $file }:survey:{ $row }: group `{ $name }` is never closed; add an end_group row
xlsform-bad-no-question = { $file }:survey: no question a guide can carry
xlsform-bad-column-language = { $file }:{ $sheet }:{ $row }: column `{ $column }` does not name its language's code; write it as `{ $base }::{ $language } (xx)` with the code, e.g. `{ $base }::English (en)`
xlsform-bad-no-label-column = { $file }:survey:{ $row }: no `label` column; every question needs a label (`label`, or `label::English (en)` per language)
xlsform-bad-default-language = { $file }:settings:2: default_language `{ $named }` has no label column; the labels are in { $languages }: name one of them
xlsform-bad-stray-language = { $file }:{ $sheet }:{ $row }: column `{ $column }` is in a language no label column has; add its labels or remove the column
xlsform-bad-choices-columns = { $file }:{ $sheet }:{ $row }: the choices sheet needs `list_name` and `name` columns
xlsform-bad-choice-incomplete = { $file }:{ $sheet }:{ $row }: a choice needs both a list_name and a name
xlsform-bad-choice-in-list-twice = { $file }:{ $sheet }:{ $row }: choice `{ $name }` is in list `{ $list }` twice (first on row { $first }); names must be unique within a list
xlsform-bad-survey-columns = { $file }:{ $sheet }:{ $row }: the survey sheet needs `type` and `name` columns

## What the XLSForm import's workbook reader finds in the file itself
xlsform-file-unreadable = cannot read it: { $error }
xlsform-file-not-a-file = is not a file; name the .xlsx workbook of the form
xlsform-file-too-large = is { $size } MiB, more than the { $limit } MiB an XLSForm may be; is this really a form?
xlsform-file-zip-not-xlsx = is a ZIP file but not an XLSX workbook ({ $error }); save the form from Excel or LibreOffice as .xlsx
xlsform-file-no-survey = has no `survey` sheet (its sheets: { $sheets }); an XLSForm has a survey sheet, and usually choices and settings
xlsform-file-encrypted = is password-protected (encrypted); open it in Excel or LibreOffice, remove the password, save it, and import it again
xlsform-file-xls = is an old Excel 97-2003 workbook (.xls); open it and save it as .xlsx
xlsform-file-empty = is empty; an XLSForm is an .xlsx workbook
xlsform-file-not-zip = is not an XLSX workbook (it does not start as a ZIP file does); an XLSForm is an .xlsx workbook
xlsform-sheet-merged-unreadable = { $file }:{ $sheet }: cannot read its merged cells: { $error }
xlsform-sheet-merged = { $file }:{ $sheet }:{ $row }: cells { $from }:{ $to } are merged; XLSForm reads one value per cell: unmerge them and fill each cell
xlsform-sheet-formula = { $file }:{ $sheet }:{ $row }: cell { $cell } holds a formula (={ $formula }); XLSForm reads the cell's text: replace the formula by its value
xlsform-sheet-more-formulas = { $file }:{ $sheet }: and { $more } more formulas
xlsform-sheet-formulas-unreadable = { $file }:{ $sheet }: cannot read its formulas: { $error }
xlsform-sheet-unreadable = { $file }:{ $sheet }: cannot read the sheet: { $error }
xlsform-sheet-too-long = { $file }:{ $sheet }:{ $row }: the sheet has { $rows } rows, more than the { $max } a form may have
xlsform-sheet-date = { $file }:{ $sheet }:{ $row }: cell { $cell } holds a date where XLSForm reads text: format the cell as text and type it again
xlsform-sheet-error-value = { $file }:{ $sheet }:{ $row }: cell { $cell } holds the error value { $value }: correct it
xlsform-sheet-more-cells = { $file }:{ $sheet }: and { $more } more such cells

## `stocktake guide diff`: a change's class, what changed, and the words around them
gdiff-class-wording = wording only
gdiff-class-stale-translation = translation may be stale
gdiff-class-asked = asked differently
gdiff-class-question-added = question added
gdiff-class-question-removed = question removed
gdiff-class-respondents = respondent types
gdiff-class-bounds = bounds changed
gdiff-class-option-added = option added
gdiff-class-option-removed = option removed
gdiff-class-relabelled = option relabelled
gdiff-class-type-changed = id reused with another type (refused)
gdiff-stale = { $lang } { $what }: { $lang } may be stale ({ $src } changed, { $lang } did not)
gdiff-in-lang = { $lang } { $what }
gdiff-title = title
gdiff-description = description
gdiff-section-title = title of section `{ $section }`
gdiff-section-guidance = guidance of section `{ $section }`
gdiff-respondent-declared = respondent type `{ $id }` declared
gdiff-respondent-label = label of respondent type `{ $id }`
gdiff-respondent-dropped = respondent type `{ $id }` no longer declared
gdiff-text = text
gdiff-guidance = guidance
gdiff-every-respondent = every respondent type
gdiff-always = always
gdiff-required = required
gdiff-optional = optional
gdiff-bounds = bounds
gdiff-bounds-range = { $min } to { $max }
gdiff-option = option `{ $value }`
gdiff-asks-specify = asks to specify
gdiff-no-specify = no specify
gdiff-option-order = order of the options
gdiff-guide = (guide)
gdiff-not-comparable = not comparable
gdiff-was = was { $text }
gdiff-unchanged = { $text } unchanged

## What the spreadsheet library says of a workbook it cannot read (after an xlsform-file-* or xlsform-sheet-* message); $detail: the library's own words
xlsform-lib-password = it is password-protected
xlsform-lib-missing-part = the part `{ $part }` is missing from it
xlsform-lib-zip = its ZIP archive is damaged: { $detail }
xlsform-lib-no-sheet = it has no sheet `{ $sheet }`
xlsform-lib-not-a-worksheet = `{ $sheet }` is not a worksheet (a chart or macro sheet)
xlsform-lib-encoding = a text in it is in an encoding the reader does not know: { $detail }
xlsform-lib-malformed = it is not written as a spreadsheet program writes one: { $detail }
