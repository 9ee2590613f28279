# The command line's own words: the summaries, progress lines and errors of the
# subcommands (src/cli/). What a script reads (--json, CSV, tab-separated lines, paths,
# ids) is never in here. Every id here must be in fr-cli.ftl too.

## Shared
cli-bad-ui-language = --ui-language `{ $given }` is not one stocktake speaks: en, fr
cli-note = note: { $what }
cli-warning-skipped = warning: skipped { $what }
cli-no-data-dir = cannot tell where your data dir is (no home folder?); pass --data-dir DIR
cli-db-is-folder = { $db }: is a folder, not a collation database; name the database file, e.g. --db { $example }
cli-db-missing = { $db }: no such collation database; run stocktake collate first
cli-db-dangling = { $db }: is a symbolic link to { $target }, which does not exist; stocktake creates a collation database only under its real name (private, 0600): give --db { $target }
cli-wrote = wrote { $path }

## stocktake collate
collate-path-missing = { $path }: { $error }; nothing was collated{ $created ->
    [no] {" "}and no database was created
   *[yes] {""}
}
collate-waiting = another collation is running on { $db }; waiting for it to end…
collate-bar = {" "}{ $done }/{ $total } files · { $quarantined } quarantined{" "}
collate-progress = collating: { $done }/{ $total } files, { $quarantined } quarantined
collate-quarantined = quarantined ({ $kind }): { $reason }
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
