# `stocktake --help` and clap's errors in other languages (src/cli/help.rs). The English
# here is for translators: English --help is clap's own, from the doc comments of
# src/cli/args.rs, and a test checks this file says the same.


## clap's own words, and the layout of --help
help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-command-value = COMMAND
help-help = Print help
help-version = Print version
help-subcommand = Print this message or the help of the given subcommand(s)
help-possible-values = {" "}[possible values: { $values }]
help-default = {" "}[default: { $value }]
help-env = {" "}[env: { $name }]

## clap's errors: what happened, with the text typed, and what to do
help-error = error: { $what }

    Usage: { $usage }

    For more information, try '--help'.
help-error-short = error: { $what }

    For more information, try '--help'.
help-error-no-value = a value is required for '{ $arg }' but none was supplied
help-error-unknown-argument = unexpected argument '{ $arg }' found
help-error-unknown-command = unrecognized subcommand '{ $name }'
help-error-did-you-mean = ; did you mean '{ $name }'?
help-error-missing = the following required arguments were not provided: { $args }
help-error-no-command = a subcommand is required; the list below names them
help-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-error-valid-values = ; possible values: { $values }
help-error-value-refused = invalid value '{ $value }' for '{ $arg }': { $why }
# $why of help-error-value-refused: our parsers' reasons, and Rust's for a number
why-not-a-structure = `{ $typed }` is not a respondent type id: lowercase letters, digits, _ or - (protection_cluster, cp_aor, gbv_aor, other, or one a guide declares)
why-not-a-whole-number = invalid digit found in string
why-number-too-large = number too large to fit in target type
why-number-empty = cannot parse integer from empty string
help-error-values-count = wrong number of values for '{ $arg }'
help-error-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
help-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-error-invalid-utf8 = an argument is not UTF-8 text; type it again in a UTF-8 terminal

## Each command's about (help-about-<path>) and each argument's help (help-arg-<path>-<id>)
help-about = Capture semi-structured interviews, sync them as files, collate them into a report
help-arg-guides = Also look for guides in DIR (repeatable); these win over every other place
help-arg-data-dir = Where interviews are kept (default: the XDG data dir, e.g. ~/.local/share/stocktake)
help-arg-outbox = Where completed sessions are written as files (else `outbox` in the config file)
help-arg-accessible = Plain lines instead of the full screen, for a screen reader: each prompt printed in reading order, each answer or command typed as a line
help-arg-ui-language = The language of the program's own words: en or fr (else `ui_language` in the config file, else LC_ALL / LC_MESSAGES / LANG)
help-about-guide = List or validate interview guides
help-about-guide-list = List the guides found: bundled, ./interview-guides/, the config dir, --guides
help-about-guide-check = Validate guide files; prints file:line:col: message for each problem, exit 1 if any
help-about-guide-diff = What changed between two versions of a guide (files or ids), one line per change, classified; exit 0 when every question's answers compare, 1 when some do not or an id is reused with another type, 2 when a guide cannot be read
help-arg-guide-diff-json = One JSON object, for scripts
help-about-guide-export = Write a guide (a .toml file, or the id of a guide `guide list` shows) as an XLSForm for ODK, KoboToolbox or pyxform (docs/xlsform.md)
help-arg-guide-export-xlsform = The workbook to write (replaced if it exists)
help-about-guide-import = Read an XLSForm (.xlsx) as a guide; fails, writing nothing, when part of the form cannot be carried, unless --lossy (docs/xlsform.md)
help-arg-guide-import-out = The guide to write (never replaced: name a new file)
help-arg-guide-import-lossy = Write the guide without what it cannot carry, listed in a comment at its top
help-about-sessions = List the sessions in the local store, newest call first
help-arg-sessions-json = One JSON array, for scripts
help-arg-sessions-wide = Every column (session and call ids, guide, exact times): wider than 80 columns
help-about-sync = Write every completed session revision not yet written into the outbox
help-arg-sync-to = The outbox folder (else --outbox, STOCKTAKE_OUTBOX or the config file)
help-arg-sync-again = Write every revision completed here again, written before or not (a copy on a USB stick, or encrypted after turning encryption on); a different file under the same name is never replaced
help-about-import = Bring session files into the local store, to review them or continue them here (folders are walked)
help-about-collate = Merge session files (folders are walked) into a collation database
help-arg-collate-db = The collation database (created if missing)
help-arg-collate-identities = An age identity file that opens encrypted session files (repeatable; else STOCKTAKE_IDENTITY, several separated by `:`, empty entries ignored)
help-arg-collate-require-encrypted = Quarantine session files that are not encrypted
help-about-keys = Create or show the collator's age key
help-about-keys-new = Create a new identity file (readable by you alone) and print its public recipient
help-about-keys-show = Print the public recipient of an identity file, to put in a guide or config
help-about-conflicts = List conflicts: revisions of a session edited in two places, who made each and where it came from, and the answers they differ on
help-arg-conflicts-full = Every text whole, not cut to the width of a line
help-about-analyse = The synthesis screen: the rapid-analysis matrix (a row per session, a column per section), cell summaries, and coding of free text with the guide's codebook
help-arg-analyse-codebook = The codebook to code with (docs/codebook.md); default: the one shipped beside the guide
help-arg-analyse-coder = Who is coding, as each summary and coding records it (default: your login)
help-arg-analyse-guide = The guide whose sessions to analyse (default: the first)
help-arg-analyse-include-sensitive = Show the texts interviewers marked sensitive
help-about-merge-codings = Bring another coder's codings (from their collation database) into this one, so the report can say how far the coders agree
help-arg-merge-codings-from = The other coders' collation databases
help-about-report = Write the report: summary tables and charts, frequencies, texts, data quality
help-arg-report-out = The folder to write into (created private: 0700)
help-arg-report-format = Any of html, md, csv, xlsx, qdpx (a REFI-QDA project) and qdc (its codebook), comma-separated (default: html, md, csv and xlsx)
help-arg-report-structure = Only this respondent type (its id: cp_aor, community_leader)
help-arg-report-guide = Only sessions of this guide id
help-arg-report-attribution = Who the quotes are attributed to: none, structure (its type only; the default, else `attribution` in the config file) or response (the response and the structure, which often names a person)
help-arg-report-min-cell = Show no count of sessions under K in the tables and charts (and none that would give one away); default: `min_cell` in the config file, else none
help-arg-report-include-sensitive = Put in the free texts interviewers marked sensitive (by default they are left out, and the tables say `[sensitive]` where they were)
help-arg-report-codebook = The codebook the themes use (docs/codebook.md); default: the one shipped beside each guide, if any
help-arg-report-hxl = Put an HXL hashtag row under the header of the wide CSV tables (tags from the questions' `hxl` keys, and standard ones for country, structure and date)
help-arg-report-matrix-by = The rapid-analysis matrix's columns: the guide's sections, or its questions (a question's cell gets its own summary in `stocktake analyse`, key `v`)
help-arg-report-report-language = The language of the report's headings, notes and labels: en or fr. Default: the first language of the report's guide (with several guides, the one with the most sessions; on a tie, the first by id), English if stocktake has no words in it. Not --ui-language: a report is read by others. Column names, sheet names, codes and ids stay the same in every language
help-about-plan = The call campaign: who to call, every attempt, callbacks, coverage
help-about-plan-import = Read the campaign file: a CSV with response, structure, coordinator, organisation, contact, timezone, language (other columns kept as notes). All or nothing
help-arg-plan-import-rules = The campaign's rules for trying again (TOML: max_tries, [retry_after])
help-arg-plan-import-db = For the collator: the campaign a collation database reports coverage of
help-about-plan-list = Every target, what to do first at the top: status, tries, next callback, sessions
help-arg-plan-list-json = One JSON array, for scripts
help-about-plan-log = Log an attempt at a target (its id, as `plan list` shows it)
help-arg-plan-log-outcome = completed, partial, callback, no_answer, busy, line_failed, wrong_contact, refused, not_available, ineligible
help-arg-plan-log-at = When the attempt was made (default: now); your local time, or UTC with Z
help-arg-plan-log-callback = With --outcome callback: when to call again
help-about-plan-calendar = Write every pending callback as a calendar (iCalendar, RFC 5545)
help-about-resolve = Pick the revision to keep in its conflict, or with --answer the revision one answer comes from (--undo takes either back)
help-arg-resolve-digest = The revision's digest (at least 8 hex digits, as `conflicts` shows)
help-arg-resolve-undo = Take back the choice made in this revision's conflict (with --answer: that answer's choice only)
help-arg-resolve-answer = Use this question's answer from DIGEST, whichever revision is kept

## The value names in the help and the usage (<FILE>), by help-value-<name in lower case>
help-value-file = FILE
help-value-dir = DIR
help-value-path = PATH
help-value-digest = DIGEST
help-value-lang = LANG
help-value-level = LEVEL
help-value-list = LIST
help-value-name = NAME
help-value-new = NEW
help-value-old = OLD
help-value-other_db = OTHER_DB
help-value-target = TARGET
help-value-text = TEXT
help-value-time = TIME
help-value-matrix_by = MATRIX_BY
