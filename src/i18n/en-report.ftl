# The report files' own words (report.html, report.md, its charts, report.xlsx): headings,
# notes, captions, footnotes, legends, the Columns sheet. Not here, because scripts read
# them by name: CSV and sheet column names, sheet names, file names, codes and ids. The
# renderers put the markup around these words and escape what comes from a file before it
# is an argument, so no message holds markup (a test checks). Every id here must be in
# fr-report.ftl too.

## Title and the line under it
rpt-title = stocktake report
rpt-generated = Generated { $at }
rpt-head-respondents = respondents: { $name }
rpt-head-guide = guide: { $guide }
rpt-head-attributed = quotes attributed to: { $who }
# $level: none, structure or response (the names --attribution takes).
rpt-attributed-to = { $level ->
    [none] no one (--attribution none)
    [response] the response and the structure (--attribution response)
   *[structure] the type of structure only (--attribution structure)
}
rpt-head-suppressed = counts under { $k } suppressed
# $withheld: the mark the tables put where a text was left out, [sensitive].
rpt-sensitive-included = { $n ->
    [one] 1 text
   *[other] { $n } texts
} marked sensitive by the interviewers included (--include-sensitive), each marked
rpt-sensitive-left-out = { $n ->
    [one] 1 text
   *[other] { $n } texts
} marked sensitive by the interviewers left out ({ $withheld } in the tables; --include-sensitive puts them in)

## Counts, denominators and the notes under tables
# $mark: the suppression mark, x, the same in every language (the CSV writes it too).
rpt-suppression-note = { $mark }: not shown, fewer than { $k } sessions, or a count hidden so that none under { $k } can be worked out from the totals (--min-cell { $k }).
rpt-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
# $list: the versions, comma-separated.
rpt-versions = { $n ->
    [one] version { $list }
   *[other] versions { $list }
}
rpt-n = n = { $n }
rpt-n-of-targeted = { $n } of { $targeted } targeted
rpt-n-versions-only = { $n } ({ $versions } only)
rpt-n-versions-only-short = { $n }, { $versions } only
rpt-hidden-for = hidden for { $sessions } (skip logic, or not for that structure): not in n
rpt-all = all
rpt-all-respondents = all respondents
# $name: a respondent type or the label of an `other` structure, in the guide's words.
rpt-group-sessions-of = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} of { $name }
rpt-group-undeclared = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
} of `{ $id }` (a type the guide does not declare)
rpt-n-of = { $n } of { $of }
rpt-share = { $pct } ({ $count } of { $of })
rpt-col-answer = answer
rpt-col-count = count
rpt-chart-alt = chart

## Coverage
rpt-coverage = Coverage
rpt-on-the-calls = On the calls
rpt-no-campaign = { $attempts ->
    [0] This collation
    [one] 1 call attempt was logged, but this collation
   *[other] { $attempts } call attempts were logged, but this collation
} has no campaign, so nothing says who was to be interviewed: `stocktake plan import FILE.csv --db DB` gives it the targets, and this section their coverage.
# $pct: a percentage as written (84%); $per: attempts per completed interview (1.8), or
# none when nothing was completed.
rpt-cov-headline = { $targets ->
    [one] { $targets } target
   *[other] { $targets } targets
} in the campaign: { $reached } reached ({ $pct }), { $not } not; { $attempts ->
    [one] { $attempts } attempt
   *[other] { $attempts } attempts
} logged{ $per ->
    [none] {""}
   *[other] , { $per } per completed interview
}.
rpt-cov-not-reached = Not reached: { $names }.
rpt-cov-removed-mark = [removed from the campaign]
rpt-cov-unlogged = { $n ->
    [one] 1 target
   *[other] { $n } targets
} reached with no attempt logged (an interview started from the call list, not the Plan screen): each counted as one attempt.
rpt-cov-outside = Sessions outside the campaign (no target of that response and structure): { $names }.
rpt-cov-future = An attempt for { $name } is dated { $at }, later than this report: the interviewer's clock may be ahead. It is counted; its order among that target's attempts follows the date it states.
rpt-cov-removed = { $n ->
    [one] 1 target
   *[other] { $n } targets
} left out of the latest campaign file after attempts were logged: kept and counted, marked { $mark }.
rpt-cov-by-structure = Targets by structure
rpt-cov-by-structure-note = reached: an interview is in the collation, or an attempt was logged completed. sessions: all sessions of that structure, sessions outside the campaign included.
rpt-col-structure = structure
rpt-col-targeted = targeted
rpt-col-reached = reached
rpt-col-reached-pct = reached, % of targeted
rpt-col-sessions = sessions
rpt-cov-not-reached-title = Not reached, by final disposition
rpt-col-disposition = disposition
rpt-col-aapor-code = AAPOR code
rpt-col-aapor-disposition = AAPOR disposition
rpt-col-targets = targets
rpt-cov-not-reached-note = n = { $n } not reached of { $targets } targeted{ $suppressed ->
    [yes] ; x: not shown, a count under the report's minimum cell
   *[no] {""}
}. A target's final disposition is the outcome of its attempts that says most (an interview, then not active, partial, refused, call back, not available, wrong contact, line failed, busy, no answer).
rpt-cov-rates = AAPOR outcome rates
rpt-col-rate = rate
rpt-col-measures = what it measures
rpt-col-formula = formula
rpt-col-value = value
# $rate: RR1, RR2, COOP1, REF1, CON1 (the names and formulas stay AAPOR's).
rpt-rate-meaning = { $rate ->
    [RR1] response rate: complete interviews
    [RR2] response rate: complete and partial interviews
    [COOP1] cooperation rate: interviews of the targets reached
    [REF1] refusal rate
   *[CON1] contact rate: targets reached at all
}
# $groups: "I = 3, P = 0, …", AAPOR's letters.
rpt-cov-rates-note = In targets, by final disposition: { $groups }; not eligible (no such structure active, out of every denominator) { $ne }. AAPOR Standard Definitions, read for a list of establishments: here the coordination structures of each response.
# $code: an attempt's outcome as the campaign file writes it, or never_tried.
rpt-outcome = { $code ->
    [completed] completed
    [partial] partial
    [callback] call back
    [no_answer] no answer
    [busy] busy
    [line_failed] line failed
    [wrong_contact] wrong contact
    [refused] refused
    [not_available] not available
    [ineligible] not active (ineligible)
   *[never_tried] never tried
}
# AAPOR's standard names of the final dispositions.
rpt-aapor-name = { $code ->
    [completed] Complete
    [partial] Partial
    [refused] Refusal
    [busy] Always busy
    [no_answer] No answer
    [line_failed] Technical phone problems
    [wrong_contact] Other unknown eligibility (wrong contact)
    [ineligible] Out of sample (no such structure active)
    [never_tried] Not attempted or worked
   *[other] Respondent never available
}
rpt-calls-none = No call has a session in this report.
rpt-calls = { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
} with sessions in this report. On the call: { $on }.
rpt-calls-not-available = { $n ->
    [one] { $n } attempt
   *[other] { $n } attempts
} found a coordinator not available (logged not_available).

## A guide's part
rpt-guide-versions-html = Guide { $id } · versions: { $versions }
rpt-guide-versions-md = Guide { $id }, versions: { $versions }
# $older: "version 1" or "versions 1, 2" ($older_n of them); $version: the newest.
rpt-not-pooled-said = Not pooled across guide versions: { $questions }. `stocktake guide diff` says their answers in { $older } do not compare with version { $version }'s (an option relabelled, a type or an option changed), so their tables count the versions that compare only, and { $older }'s counts are shown apart, below.
rpt-unchecked-said = The guide of { $versions } is in the collation but this stocktake cannot read it: whether its answers compare with version { $version }'s could not be checked, and they are pooled by question id as they are.
rpt-summary = Summary
rpt-every-choice = Every choice question, by respondent type
rpt-not-pooled-title = Not pooled across guide versions
rpt-apart-heading = { $question } — version { $version } only
# $why: the change, in the words of `stocktake guide diff`.
rpt-apart-why = Not comparable: { $why }
rpt-what-was-said = What was said
rpt-general-notes = General notes
rpt-texts-first-html = The first { $shown } of { $total } texts; every one is in { $file }, and the matrix and themes above bring them together.
rpt-texts-first-md = The first { $shown } of { $total } texts; every one is in { $file }, and the themes above bring them together.
rpt-kind-answer = answer
rpt-kind-other = other
rpt-kind-note = note
rpt-kind-general-note = general note
rpt-kind-pad-note = pad note
rpt-kind-answer-sensitive = answer, marked sensitive
rpt-kind-other-sensitive = other, marked sensitive
rpt-kind-note-sensitive = note, marked sensitive
rpt-kind-general-note-sensitive = general note, marked sensitive

## How the answers came to be
rpt-how-title = How the answers came to be
rpt-how-about = Marked by the interviewers during the calls: an option volunteered (said before the options were read) or prompted (chosen after), and an answer given again after the definition of trafficking was explained, the one before it kept.
rpt-how-again = answered again after the definition was explained: { $marked } · changed: { $changed }
rpt-how-kept = kept: { $kept }
rpt-how-marked = answers with an option marked: { $n }
rpt-col-option = option
rpt-col-volunteered = volunteered
rpt-col-prompted = prompted

## The matrix, the themes, the coders' agreement
rpt-matrix = Rapid-analysis matrix
rpt-matrix-about-html = A row per session, a column per section of the guide: the collator's summary (written in { $command }), then what was answered and said.
rpt-matrix-first-html = The first { $shown } of { $sessions } sessions; every one is in { $file } and the Matrix sheet of report.xlsx.
rpt-matrix-about-md = A heading per session and a line per section of the guide: the collator's summary (✎, written in `stocktake analyse`), else what was answered and said, shortened to { $chars } characters. Every cell whole is in { $file }.
rpt-matrix-first-md = The first { $shown } of { $sessions } sessions are here.
rpt-col-session = session
rpt-unresolved-conflict = unresolved conflict
rpt-md-unresolved-row = (unresolved conflict: the newest revision)
rpt-matrix-summary-stale = (written on an earlier revision)
rpt-md-summary-stale = , on an earlier revision
rpt-matrix-cell-count = { $answers } answer(s), { $texts } text(s)
# A label and what follows it: "Question: the answer".
rpt-labelled = { $label }: { $what }
rpt-colon-then = : { $what }
rpt-themes = Themes
rpt-codebook-has = the codebook has { $n } codes
rpt-codebook-none = no codebook ships with this guide (give one with --codebook)
rpt-themes-none-html = No text is coded yet ({ $book }): code notes in { $command }.
rpt-themes-none-md = No text is coded yet: code notes in { $command }. The rapid-analysis matrix is in report.html, { $file } and report.xlsx.
rpt-themes-about-html = Sessions with at least one text coded with the theme, by any coder; each count opens its quotes.
rpt-col-theme = theme
rpt-theme-not-in-codebook = (not in the codebook)
rpt-coded-by = coded by { $coders }
rpt-quotes-more = { $n } more in { $file }.
rpt-agreement = Agreement: { $first } and { $second }
rpt-agreement-about-html = Cohen's kappa per code over the { $units } texts both coded (1: full agreement, 0: no better than chance).
rpt-agreement-about-md = Cohen's kappa per code over the { $units } texts both coded.
rpt-col-code = code
rpt-col-kappa = kappa
rpt-col-both = both
rpt-col-only = only { $coder }
rpt-col-neither = neither
rpt-kappa-none = n/a (no variation)
rpt-disagreements = Disagreements
rpt-disagreement = session { $session }, { $unit }: { $code } applied by { $by } only
rpt-codings-to-check = Codings to check
rpt-codings-to-check-about = Their text changed in a later revision (or is not in this report): kept, not counted, never moved.
rpt-stale-coding = { $who }, { $unit }: { $code } by { $coder }
rpt-md-codings-to-check = { $n } coding(s) to check: their text changed in a later revision (listed in report.html).

## The evidence behind each count
rpt-evidence = Evidence
rpt-evidence-in-csv = { $sessions } sessions: the sessions behind each count are in { $file } (filter by question and value) rather than listed here.
rpt-evidence-about = The sessions behind each count above, as far as the attribution level allows; a suppressed count has no list.
rpt-session = session
rpt-col-interviewer = interviewer
rpt-col-note = note
rpt-col-guide-version = guide version

## Data quality
rpt-data-quality = Data quality
rpt-col-respondent-type = respondent type
rpt-quality-status-html = Sessions by status: completed { $heads } (only completed revisions are sent, so every collated session is one). { $revisions } revisions in the database; { $conflicts } conflict(s), { $resolved } resolved.
rpt-quality-status-md = Sessions by status: completed { $heads } (only completed revisions are sent). { $revisions } revisions in the database; { $conflicts } conflict(s), { $resolved } resolved; { $quarantined } file(s) in quarantine.
# $command: the command, as the format marks code.
rpt-quality-unresolved = Unresolved conflicts (the report uses the highest revision; resolve with { $command }):
rpt-quality-quarantined = { $n } file(s) in quarantine.
rpt-col-reason = reason
rpt-col-kind = kind
rpt-quality-chosen = Answers taken from another revision of a conflict ({ $command }):
rpt-quality-chosen-item = { $who }: { $question } from { $from }
rpt-quality-read-back-html = Read back to the coordinator at the end of the call: { $confirmed } confirmed, { $corrected } with corrections asked, { $not_read } not read back.
rpt-quality-consent-refused = Sessions whose participants refused notes being taken (no free text of theirs left the interviewer's machine):
rpt-quality-missing = Sessions with required questions unanswered:
rpt-quality-missing-item = { $who }: { $questions }
rpt-md-unresolved = unresolved conflict: { $what } ({ $id })
rpt-md-quarantined = quarantined ({ $kind }): { $reason }
rpt-md-chosen = answer taken from another revision: { $who }: { $question } from { $from }
rpt-md-read-back = read back to the coordinator: { $confirmed } confirmed, { $corrected } with corrections asked, { $not_read } not read back
rpt-md-consent-refused = consent refused: { $who } (no free text of theirs left the interviewer's machine)
rpt-md-missing = required unanswered: { $who }: { $questions }

## Answers the guide does not word itself, in the guide's language (like its options)
rpt-answer-yes = Yes
rpt-answer-no = No
rpt-answer-dont_know = Don't know
rpt-answer-declined = Declined
rpt-answer-not_asked = Not asked
rpt-answer-unanswered = No answer
rpt-said-yes = yes
rpt-said-no = no
rpt-said-dont_know = don't know
rpt-said-declined = declined
rpt-said-not_asked = not asked
rpt-said-nothing-yet = nothing yet
rpt-answer-hidden = not applicable (hidden by skip logic)

## The workbook: notes in its sheets and the Columns sheet (its names stay English)
rpt-xlsx-matrix-elsewhere = { $n } sessions: the rapid-analysis matrix is in { $file } (stocktake report --format csv); this sheet holds it up to { $max }.
rpt-xlsx-long-elsewhere = { $rows } rows, more than the { $max } a sheet holds: the long table is in { $file } (stocktake report --format csv); the Wide sheet has a row per session.
rpt-xlsx-too-wide = This table has { $columns } columns, more than the { $max } a sheet holds: it is whole in { $file } (stocktake report --format csv).
rpt-xlsx-not-comparable = not comparable with version { $version }: { $why }
rpt-xlsx-cut-mark = … [cut: the whole text is in { $file }]
rpt-columns-any = any
rpt-columns-as-in-long = as in Long
rpt-columns-wide-answer = the answer; [dont_know], [declined], [not_asked] for those; [hidden] when the question was not asked of the session (skip logic, or not for its structure); empty when not answered
rpt-columns-wide-option = multi-choice: 1 when the option was chosen, 0 when not
rpt-columns-wide-other = what was specified for the `other` option
rpt-columns-summary-n = the denominator: sessions of that structure asked the question (skip logic showed it); sessions it was hidden for are not in n
rpt-columns-summary-targeted = the campaign's targets of that structure (for all: of the structures the question is put to); empty without a campaign
rpt-columns-summary-hidden = sessions of that structure the question was hidden for (skip logic, or not for that structure)
rpt-columns-summary-count = sessions that gave this answer; x when suppressed (report --min-cell K): fewer than K, or a count hidden so that none under K can be worked out from the totals; its percent is then empty
rpt-columns-summary-percent = count / n, rounded half away from zero
rpt-columns-apostrophe = (apostrophe)
rpt-columns-apostrophe-meaning = a text starting with = + - @, a space, a tab or a line break (or a fullwidth ＝ ＋ － ＠) gets a leading ' so no spreadsheet runs it
rpt-columns-cut = … [cut: …]
rpt-columns-cut-meaning = a text longer than a cell holds ({ $cell } characters) is cut and ends with this mark; the CSV named in it has the whole text
rpt-columns-sheets = (sheets)
rpt-columns-sheets-meaning = a long table with more rows than a sheet holds ({ $rows } with the header) is in its CSV only, and its sheet says so; any other table that long continues on the next sheet (Summary 1, Summary 2, …), each with the header; one wider than { $columns } columns is in its CSV only
# What each column of the Long and Coverage sheets means: the id ends with the column's
# name, which stays the same in every language.
rpt-long-col-session_id = the session (one structure on one call); the same for all its revisions
rpt-long-col-revision = which revision of the session this is (the head: its current state)
rpt-long-col-digest = the SHA-256 of the session file it came from
rpt-long-col-response = country or humanitarian response
rpt-long-col-structure = protection_cluster, cp_aor, gbv_aor or other
rpt-long-col-structure_label = the name of an `other` structure, as the report groups it (spaces and case aside, one spelling)
rpt-long-col-interviewer = who interviewed
rpt-long-col-guide_id = the interview guide
rpt-long-col-guide_version = its version for this session
rpt-long-col-completed_at = when this revision was completed (UTC)
rpt-long-col-section = the guide section of the question
rpt-long-col-question_id = the question's stable id
rpt-long-col-question = the question's text
rpt-long-col-type = single, multi, yes_no, text, long_text, number, date, scale
rpt-long-col-status = answered, dont_know, declined, not_asked, unanswered
rpt-long-col-value = the answer: an option value (several joined by ; for multi), yes/no, text, number, date or scale point
rpt-long-col-label = the option labels of the value
rpt-long-col-other = what was specified for an `other` option
rpt-long-col-note = the interviewer's note on the question
rpt-long-col-hidden = 1 when the question was not asked of this session (skip logic given its answers, or not for its structure), whether or not a row holds an answer
rpt-long-col-consent = no when the participants refused notes being taken (the session then carries no free text), yes when they agreed, empty when not asked
rpt-cov-col-response = the target's response, as the campaign file names it
rpt-cov-col-structure = protection_cluster, cp_aor, gbv_aor or other
rpt-cov-col-structure_label = the name of an `other` structure
rpt-cov-col-reached = 1 when an interview is in the collation or an attempt was logged completed
rpt-cov-col-disposition = the outcome of its attempts that says most (completed, ineligible, partial, refused, callback, not_available, wrong_contact, line_failed, busy, no_answer), or never_tried
rpt-cov-col-aapor_code = the AAPOR final disposition code of that outcome (docs/campaign.md)
rpt-cov-col-aapor_disposition = the AAPOR name of that code
rpt-cov-col-attempts = attempts logged for the target, from every interviewer (an interview with none logged counts as one)
rpt-cov-col-sessions = sessions of its response and structure in the collation
rpt-cov-col-removed = 1 when a later campaign file left it out after attempts were logged

## Why an older version's answers are counted apart (after rpt-apart-why's frame)
rpt-apart-change = { $what }, { $class }{ $texts }
rpt-apart-both = : "{ $old }" → "{ $new }"
rpt-apart-one = : "{ $text }"
