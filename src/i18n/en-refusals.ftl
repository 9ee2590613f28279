# What the layers below refuse, worded where it is found and carried in an error's field
# (the `message` of `{ $path }: { $what }`). Numbers come as written.

## Resolving a conflict (src/collate/resolve.rs)
why-resolve-not-digest = `{ $digest }` is not a digest: give at least 8 hex digits (see stocktake conflicts)
why-resolve-no-revision = no revision has a digest starting { $want }
why-resolve-ambiguous = { $n } revisions start with { $want }: give more digits
why-resolve-not-in-conflict = revision { $revision } is not in a conflict: nothing to resolve
why-resolve-no-difference = the revisions of this conflict do not differ on `{ $question }`: nothing to choose; they differ on { $differing }
why-resolve-no-answer = no answer
why-resolve-nothing-picked = no revision was picked in the conflict of revision { $revision }
why-resolve-nothing-chosen = no answer to `{ $question }` was chosen in the conflict of revision { $revision }

## Analysis (src/collate/analysis.rs)
why-analysis-summary-too-long = a summary of { $n } characters: a cell keeps at most { $max }; shorten it (the notes themselves stay in the matrix)
why-analysis-span-backwards = a span that ends ({ $end }) before it starts ({ $start })
why-analysis-not-a-db-file = not a regular file: give another collation database (.db)
why-analysis-no-codings = no codings here: not a collation database, or one made before stocktake kept codings

## The local store's folder and files (src/store/privacy.rs)
why-store-data-dir-is-a-file = this is a file, not a folder; choose another --data-dir
why-store-data-dir-not-yours = the data folder belongs to another user (uid { $uid }); interviews must live in a folder only you can read. Use --data-dir to choose one
why-store-not-a-db-file = this is { $kind }, not a database file; nothing was changed. Move it out of the data folder, or choose another with --data-dir
why-store-kind-folder = a folder
why-store-kind-fifo = a named pipe (FIFO)
why-store-kind-socket = a socket
why-store-kind-device = a device
why-store-kind-other = not a regular file
why-store-link-to-a-file = this is a symbolic link to { $target }; stocktake does not follow links to its database files, so that it never changes or writes a file elsewhere. Nothing was changed. Move that file here in the link's place
why-store-link-to-nothing = this is a symbolic link to { $target }, which does not exist; stocktake does not follow links to its database files. Nothing was changed. Remove the link, and stocktake creates its file here
why-store-link = this is a symbolic link; stocktake does not follow links to its database files. Nothing was changed. Put the file itself in the link's place

## Importing a revision (src/store/revisions.rs)
why-store-import-not-completed = only completed revisions travel as files
why-store-import-forked = it is here as revision { $here } ({ $status }); this file is revision { $theirs } from elsewhere. Nothing was changed: keep both and let the collator see the fork

## The config file's values (src/config.rs)
why-config-not-recipient = `{ $recipient }` is not an age recipient (age1…; see stocktake keys new)
why-config-attribution = attribution `{ $given }` is not one of { $known }
why-config-ui-language = ui_language `{ $given }` is not one stocktake speaks: en, fr
