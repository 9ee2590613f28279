# stocktake's own words, in English. Every id here must be in fr.ftl too (a test checks).

## Too small a terminal
too-small = This terminal is { $width }×{ $height }; stocktake needs at least { $min_width }×{ $min_height }. Enlarge the window or make the font smaller. Keys are paused until then, so nothing is typed unseen; everything already typed is saved.

## The home list
home-sessions = { $shown ->
    [one] 1 session
   *[other] { $shown } sessions
}
home-sessions-of = { $shown ->
    [one] 1 session of { $total }
   *[other] { $shown } sessions of { $total }
}
home-campaign = campaign: { $done } done, { $due } due now, { $left } left
home-empty-before = No interviews yet. Press{" "}
home-empty-after = {" "}to start a call.
home-col-response = RESPONSE
# A structure the interviewer named: its kind, then its name
home-structure-named = { $structure }: { $label }
home-col-structure = RESPONDENT
home-col-interviewer = INTERVIEWER
home-col-status = STATUS
home-col-rev = REV
home-col-required = REQUIRED
home-col-last-change = LAST CHANGE
home-filter = filter:
home-unsynced = { $waiting ->
    [one] ↑ 1 completed, not yet synced (stocktake sync) ·
   *[other] ↑ { $waiting } completed, not yet synced (stocktake sync) ·
}
home-data = data: { $path }
status-in-progress = in progress
status-completed = completed
status-draft = draft

## Shared by every screen
hint-dismiss = dismiss
# The ? help's title; { $shown } is the last line in view.
help-title = {" "}Keys (Esc closes){" "}
help-title-scroll = {" "}Keys ({ $shown }/{ $total } · ↑↓ scroll · Esc closes){" "}
help-saved-in = Everything you type is saved at once in { $path }

## Dialogs of the list and the form
dialog-cancel = cancel
dialog-completed-title = Completed session
dialog-completed-body =
    { $response } · { $structure } was completed (revision { $revision }).

    Reopening starts revision { $next }: the completed one stays as it was sent. Or look at it without changing anything.
dialog-completed-last-body = { $response } · { $structure } was completed (revision { $revision }), the last revision a session file can carry: it cannot be reopened. Look at it without changing anything; to record more, start a new call.
dialog-completed-reopen = reopen
dialog-completed-view = view read-only
delete-not-draft = Only a draft (nothing recorded yet) can be deleted; this session holds answers
dialog-delete-title = Delete draft
dialog-delete-body = Delete the draft session { $response } · { $structure }? Nothing was recorded in it.
dialog-delete-yes = delete
dialog-delete-no = keep
dialog-discard-title = Discard this call?
dialog-discard-body = Nothing of this form is kept if you leave it now.
dialog-discard-yes = discard
dialog-discard-no = keep editing
dialog-locked-title = Session open elsewhere
dialog-locked-body =
    This session is being edited by { $user } (process { $pid } on { $host }) since { $since }.

    Open it read-only, or take it over if that stocktake is gone (a forgotten SSH session). Whoever is taken over from can no longer save.
dialog-locked-read-only = read-only
dialog-locked-take-over = take over

## The new-call form (labels fit 22 columns)
form-title = New call
form-subtitle = one session per respondent on the call
# $what: replaces (the bundled guide of the same id) or not-bundled.
form-guide-from = guide from { $origin } ({ $what ->
    [replaces] replaces the bundled guide
   *[not-bundled] not bundled
})
form-guide = Guide
form-language = Language
form-response = Country / response
form-respondents = Respondents
form-other-structure = Other structure
form-participant = Participant { $n }
form-organisation = organisation
form-add-participant = + Add participant
form-interviewer = Interviewer
form-consent = Consent to take notes
form-consent-not-asked = not asked yet
form-consent-yes = yes
form-consent-no = no
form-start = Start interview
form-error-response = type the country or response
form-error-structures = tick at least one respondent on the call
form-error-other = name the other structure
form-error-interviewer = who is interviewing?
form-error-no-guide = no guide is available

## The Plan screen (the call campaign)
plan-title = Campaign
plan-totals = · { $done } done · { $due } due now · { $left } left
plan-empty = No campaign yet. Import its file from a terminal:
plan-empty-columns = (columns response, structure, coordinator, organisation, contact, timezone, language)
plan-col-target = TARGET
plan-col-status = STATUS
plan-col-tries = TRIES
plan-col-next = NEXT CALL
plan-removed = removed
plan-next-theirs = { $here } (theirs { $theirs })
plan-state-callback-due = callback due
plan-state-due = due
plan-state-not-tried = not tried
plan-state-callback = callback
plan-state-waiting = waiting
plan-state-exhausted = tried enough
plan-state-needs-contact = new contact?
plan-when-again = When should they be called again?
plan-their-time = Their time when a clock time is typed.
plan-outcome-title = Outcome: { $target }
plan-no-target = No target: import a campaign first.
plan-one-response = One call is one response: tick targets of the same response only.
# $outcome is the outcome's code, as in the campaign file.
plan-logged = Logged { $target }: { $outcome ->
    [completed] completed
    [partial] partial
    [callback] call back
    [no_answer] no answer
    [busy] busy
    [line_failed] line failed
    [wrong_contact] wrong contact
    [refused] refused
    [not_available] not available
   *[ineligible] not active (ineligible)
}
outcome-completed = completed
outcome-partial = partial
outcome-callback = call back
outcome-no_answer = no answer
outcome-busy = busy
outcome-line_failed = line failed
outcome-wrong_contact = wrong contact
outcome-refused = refused
outcome-not_available = not available
outcome-ineligible = not active (ineligible)
plan-there-now = { $zone }: { $time } there now
# The AAPOR disposition of the best outcome so far: its code, then its standard name.
plan-aapor = AAPOR { $code } { $outcome ->
    [completed] Complete
    [partial] Partial
    [refused] Refusal
    [busy] Always busy
    [no_answer] No answer
    [line_failed] Technical phone problems
    [wrong_contact] Other unknown eligibility (wrong contact)
    [ineligible] Out of sample (no such structure active)
   *[other] Respondent never available
}
plan-callback-placeholder = +2h, 15:30 (their time), tomorrow 9:00

## Times: jiff writes weekdays in English only, so each language names its own.
# $day: mon … sun; $time: 13:00.
day-time = { $day ->
    [mon] Mon
    [tue] Tue
    [wed] Wed
    [thu] Thu
    [fri] Fri
    [sat] Sat
   *[sun] Sun
} { $time }

## Participant roles (the session file keeps the id after `role-`)
role-protection_cluster_coordinator = Protection Cluster Coordinator
role-cp_aor_coordinator = CP AOR Coordinator
role-gbv_aor_coordinator = GBV AOR Coordinator
role-ngo = NGO
role-un_agency = UN agency
role-government = Government
role-other = Other

## The dialog before using a guide from outside stocktake
guide-trust-title = A guide from outside stocktake
guide-trust-origin = The guide { $guide } comes from { $origin }, not from stocktake itself.
guide-trust-replaces = It replaces the bundled guide of the same id, and its words differ.
guide-trust-encrypted = Every session file of it will be encrypted to: { $recipients }. Only whoever holds the matching key can read them.
guide-trust-ask = Use it only if you know who gave it to you. You are asked once.
guide-trust-use = use it
guide-trust-cancel = cancel

# After a crash of the full screen, on the terminal it gives back
tui-stopped = stocktake stopped on an internal error. Everything shown as saved is in { $path }; start stocktake again to resume where you were.
