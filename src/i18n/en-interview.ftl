# The interview screen, in English.

## The header: where in the guide, and whether it is saved
header-where = §{ $section_no } · Q { $n }/{ $of }
header-no-consent-no-notes = NO CONSENT: no notes
header-no-consent-keep-local = NO CONSENT: notes stay here
# After the number of days of a call left open: "1d 02:15".
elapsed-days = d
save-failed = ✗ NOT SAVED
save-completed = completed
save-read-only = read-only
save-saved = ✓ saved
save-saving = saving…
tabs-switch = switch

## The question pane
question-title = { $section_no } { $section } · { $n } of { $of }{ $required ->
    [yes] {" "}· required
   *[no] {""}
}
# $kind: multi, number, date or other; $special: dont-know, declined, not-asked or none.
answer-title = Answer{ $kind ->
    [multi] {" "}(tick all that apply)
    [number] {" "}(a number)
    [date] {" "}(YYYY-MM-DD)
   *[other] {""}
}{ $special ->
    [dont-know] {" "}· don't know
    [declined] {" "}· declined
    [not-asked] {" "}· not asked
   *[none] {""}
}
field-typing = ✎ { $title } · TYPING · Esc stops
field-specify = Specify other
field-note = Note
field-no-consent = {" "}· not kept: no consent
field-sensitive = {" "}· sensitive
field-from-pad = {" "}· { $n } from the pad
note-from-pad = pad: { $text }
nothing-offered = Nothing is ticked yet in “{ $source }”: its ticks are the options here. Answer it first (Ctrl-F finds it), or PgDn.
option-specify = { $label } (specify)
option-no-longer-ticked = {" "}· no longer ticked there
options-above = ↑ { $n } more above
options-below = ↓ { $n } more below
# Yes, No and Don't know are read out with the question: they follow the guide's language.
row-yes = Yes
row-no = No
row-dont-know = Don't know
guidance-more = (Alt-G: all)
guidance-none = No guidance for this question.
guidance-title = Guidance (↑↓ scroll, Esc close)

## Panels over the question
add-structure-title = Add a structure that joined the call
add-structure-body = Each structure has its own session, in a new tab, with this call's participants and consent.
add-structure-named-below = { $structure }, named below
add-structure-name = Name of the other structure:
add-structure-organisation = Organisation of the coordinator who joined (optional):
add-structure-name-placeholder = e.g. Shelter Cluster
add-structure-organisation-placeholder = e.g. UNICEF (optional)
find-title = Find a question: type words of it
find-none = No question matches.
notes-title = General notes of the { $structure } ({ $n })
notes-title-tail = · for what is said out of order
notes-sensitive = sensitive
notes-none = No general notes yet. Type below.
notes-editing = Note { $seq }: saved as you type · Enter: done
notes-new = New note: saved as you type
notes-placeholder = Type a note; Enter starts another

## Said on the status line during a call
no-more-sections = No more sections that way.
only-unanswered = This is the only unanswered question.
all-answered = Every question shown is answered. Alt-R reviews and completes.
only-one-structure = Only one structure on this call.
now-structure = Now: { $name } (Ctrl-T switches)
cannot-add-structure = Cannot add a structure: { $why }
guide-language = Guide language: { $lang } (Alt-L switches back)
guide-language-read-only = Guide language: { $lang } (shown here only: this call is read-only)
clear-nothing = Nothing to clear.
cleared = Cleared — Ctrl-Z undoes
last-question = Last question. Alt-R reviews and completes.
first-question = First question.
typing-in-note = Typing in the note of this question — Esc goes back to the options
# On a list of more than ten options, a first digit waits for a second; $next: second or another.
digit-waiting = { NUMBER($n, useGrouping: "false") }… { $next ->
    [second] a second
   *[another] another
} digit picks { NUMBER($from, useGrouping: "false") }–{ NUMBER($to, useGrouping: "false") }; any other key takes { NUMBER($n, useGrouping: "false") }; Esc cancels
no-such-option = There is no option { NUMBER($n, useGrouping: "false") }
nothing-pasted = { $why }; nothing was pasted
recorded-dont-know = Recorded: don't know
recorded-declined = Recorded: declined
recorded-not-asked = Recorded: not asked
answer-changed = Answer changed. PgDn: next question
recorded-next = Recorded “{ $label }”; next question (PgUp: back)
recorded-last = Recorded “{ $label }”. Last question: Alt-R reviews and completes.
ticked-next = Ticked “{ $label }”, { $n ->
    [one] one tick
   *[other] { $n } ticks
}; next question (PgUp: back)
ticked-last = Ticked “{ $label }”, { $n ->
    [one] one tick
   *[other] { $n } ticks
}. Last question: Alt-R reviews and completes.
exclusive-unticked-one = “{ $label }” unticked: it excludes others. Ctrl-Z undoes
exclusive-unticked-many = { $n } others unticked: it excludes them. Ctrl-Z undoes
undo-nothing = Nothing to undo.
redo-nothing = Nothing to redo.
# $what: answer, specify, note, said-by, how, pad (general note $n) or rest ($n answers);
# $of: yes when it was on the question $question.
undo-what = { $what ->
    [answer] answer
    [specify] specify text
    [note] note
    [said-by] who said the answer
    [how] how the answer came
    [pad] general note { $n }
   *[rest] { $n } answers marked not asked
}{ $of ->
    [yes] {" "}of “{ $question }”
   *[no] {""}
}
undone = Undone: { undo-what } — Ctrl-Y redoes
redone = Redone: { undo-what } — Ctrl-Z undoes
call-fact-shared = A fact about the call: recorded for the other structures too (each may change theirs)
copy-nothing = The other structures on the call have this answer already (or cannot take it)
copied = Same answer recorded for { $structures } (Ctrl-T to check)
call-details-unchanged = Nothing changed
call-details-saved = Call details saved
guard-check = Check { $n ->
    [one] 1 finding
   *[other] { $n } findings
} before sending: x redacts, s marks sensitive, k keeps
still-required = Still required: { $questions }
refused-read-only = Read-only: { $why }
# $why of refused-read-only (interview::ReadOnly)
why-read-only-held-elsewhere = another stocktake edits it
why-read-only-taken-over = taken over by another stocktake
why-read-only-completed = this session is completed; reopen it from the list (a new revision) to change it
why-read-only-call-held = another stocktake holds a session of this call
refused-completed = This session is completed; reopen it from the list (a new revision) to change it
refused-no-consent = No consent to take notes: free text is not kept. Record the answers only.
refused-nothing-to-copy = Nothing to copy: answer this question first, then Alt-A gives it to the other structures

## Marking the rest not asked; $kind is section (with $section, its title) or guide
rest-nothing-open = Nothing to mark: from here to the end { $kind ->
    [section] of “{ $section }”
   *[guide] of the guide
}, each question has an answer or is required.
rest-nothing = Nothing to mark.
rest-marked = { $n ->
    [one] 1 question marked not asked
   *[other] { $n } questions marked not asked
} — Ctrl-Z undoes
dialog-rest-title = { $kind ->
    [section] Rest of the section not asked
   *[guide] Rest of the guide not asked
}
dialog-rest-body =
    Mark { $n ->
        [one] 1 question
       *[other] { $n } questions
    } from here to the end { $kind ->
        [section] of “{ $section }”
       *[guide] of the guide
    } not asked? They have no answer yet.

    Answered and required questions stay as they are. Ctrl-Z takes it all back in one step.
dialog-rest-yes = mark not asked
dialog-rest-no = keep asking

## Completing a session
dialog-complete-title = Complete session
dialog-complete-body =
    Mark { $response } · { $structure } completed? It can be reopened later as a new revision.

    { $open ->
        [0] Every question is answered.
        [one] 1 of { $shown } questions has no answer.
       *[other] { $open } of { $shown } questions have no answer.
    }
dialog-complete-yes = complete
dialog-complete-no = not yet

## Leaving a call
dialog-unsaved-title = Not saved yet
dialog-unsaved-body =
    Some of what you typed is not in the store yet: { $why }

    It is tried again every second. Stay until the screen says saved, or leave without it.
dialog-unsaved-stay = stay
dialog-unsaved-leave = leave without it
dialog-quit-title = Quit stocktake?
dialog-quit-body = Everything is saved; reopening the session brings you back here.
dialog-quit-yes = quit
dialog-call-end-title = How did the call end?
dialog-call-end-body = Some sessions of this call are not completed. The campaign logs an attempt for each target: completed where the session is, and for the others what you choose here.
dialog-call-end-partial = partial
dialog-call-end-not-available = not available
dialog-call-end-line-failed = line failed
dialog-call-end-nothing = log nothing

## The review (Alt-R) and the end-of-call read-back
review-title = Review: { $answered }/{ $shown } answered · { $missing ->
    [0] every required question answered: c completes
   *[other] { $missing } required still open
}
review-only-open = Only the open questions · o shows every one
review-section-open = { $open ->
    [0] ✓ all answered
   *[other] { $open } open
}
review-specify = specify:
review-note = note:
review-pad = pad:
review-all-answered = Every question shown has an answer.
read-back-not-yet = Not read back yet · b reads it back
# $confirmed: yes (the coordinator confirmed) or no (asked for corrections).
read-back-at = Read back at { $at }: { $confirmed ->
    [yes] confirmed
   *[no] corrections asked
}
read-back-at-changed = Read back at { $at }: { $confirmed ->
    [yes] confirmed
   *[no] corrections asked
} · changed since: b reads it back again
read-back-title = Read back · { $name }
read-back-intro = Read this to the coordinator, then ask whether it is right.
read-back-classification = Classification
read-back-not-classified = Not classified yet: the classification is needed to complete.
read-back-said = What was said
read-back-open = { $n ->
    [one] 1 closed question has no answer.
   *[other] { $n } closed questions have no answer.
}
read-back-last = Last read back at { $at }: { $confirmed ->
    [yes] confirmed
   *[no] corrections asked
}.{ $changed ->
    [yes] {" "}Answers changed since.
   *[no] {""}
}

## The call's details (Alt-C)
details-title = Call details · changes are kept in the history
details-note = Call note
details-participants = Participants for the { $structure }
details-role = { $n } role
details-name = name

## The check before sending
guard-title = { $n ->
    [0] Nothing left to check: c completes
    [one] Before sending: 1 finding to decide
   *[other] Before sending: { $n } findings to decide
}
guard-in-note = note on “{ $question }”
guard-in-other = specify text of “{ $question }”
guard-in-answer = answer to “{ $question }”
guard-in-pad = general note { $seq }
guard-decide-first = { $n ->
    [one] 1 finding
   *[other] { $n } findings
} to decide first: x redacts it, s marks it sensitive, k keeps it as it is

## Said by the panels over the question
add-structure-none-left = Every respondent type of this guide is on the call already.
add-structure-name-first = Type the other structure's name first.
note-attached = Note attached to “{ $question }”
note-detached = Note detached
note-move-select-first = Select a note first (↑), then Alt-M moves it
note-attribute-select-first = Select a note first (↑), then Alt-W says who said it
note-moved = Note moved to the { $structure } (its pad: Ctrl-T, then Ctrl-G)
note-pick-first = Pick a note with ↑ first, or type one.
read-back-confirmed = Read back and confirmed by the coordinator: recorded
read-back-corrections = Corrections asked: recorded. Correct the answers (Enter opens one), then read back again (b)
# $kind: what was found (a phone number, an e-mail address…), in English for now.
# $kind: phone, email or name.
guard-kind = { $kind ->
    [phone] a phone number
    [email] an e-mail address
   *[name] a name
}
guard-kept = Kept { $kind ->
    [phone] a phone number
    [email] an e-mail address
   *[name] a name
}
guard-redacted = Redacted { $kind ->
    [phone] a phone number
    [email] an e-mail address
   *[name] a name
}
guard-marked-sensitive = Marked sensitive: { $place } (sent marked; reports leave it out unless asked)
# $place: one of guard-place-*
guard-place-pad = general note { $seq }
guard-place-question = the texts of `{ $question }`
guard-text-changed = That text changed; look again.
details-ctrl-d = Ctrl-D removes the participant under the cursor
details-removed = Participant removed — Esc twice puts everything back
details-not-saved = Not saved: Ctrl-S saves the call details, Esc again leaves them as they were

## Said when the store answers
took-over = Took the session over from { $user } (process { $pid } on { $host }) since { $since }
viewing-completed = Viewing a completed call: nothing can change here
read-only-elsewhere = Read-only: another stocktake edits this session
saved-again = Saved: everything typed is in the store again
not-saved = { $message } ({ $waiting ->
    [one] 1 change waits
   *[other] { $waiting } changes wait
}, tried again every second)
lock-lost = Another stocktake took this session over: read-only now. Your screen still shows your last words.
session-added = { $structure } added to the call, in its own tab (Ctrl-T switches)
session-completed = Session completed
session-synced = Session completed and written to the outbox ({ $files } file(s) in { $outbox })
session-sync-failed = Session completed, but not written to the outbox: { $message }
answer-after-definition = after the definition (before: { $before })
answer-said-by = said by { $who }
option-volunteered = volunteered
option-prompted = prompted
review-volunteered = volunteered:
review-prompted = prompted:
review-changed-after-definition = changed after the definition, before:
review-kept-after-definition = kept after the definition:
review-said-by = said by:
refused-nothing-chosen = Nothing chosen to mark: choose the option (in a list, move onto a ticked one), then Alt-V volunteered or Alt-P prompted
refused-no-one-to-attribute = No participants recorded for this structure: add who is on the call (Alt-C), then Alt-W says who said it
said-volunteered = { $option }: volunteered (said before the options were read). Alt-V again takes it off
said-prompted = { $option }: prompted (chosen after the options were read). Alt-P again takes it off
said-unmarked = { $option }: no longer marked volunteered or prompted
said-definition = Definition explained: the answer before it is kept ({ $before }); record the answer now as the coordinator gives it
said-definition-off = No longer marked as answered again after the definition (Ctrl-Z puts it back)
said-said-by = Said by { $who } (Alt-W: the next participant)
said-said-by-no-one = Said by no one in particular (Alt-W: the first participant)
said-note-said-by = Note said by { $who } (Alt-W: the next participant)
said-note-said-by-no-one = Note said by no one in particular

## An answer as it is said (review, read-back): in the call's language, as the rows
said-yes = yes
said-no = no
said-dont-know = don't know
said-declined = declined
said-not-asked = not asked
said-nothing-yet = nothing yet

## What failed in the store ($error: the store's reason, in English)
failed-give-back = The session could not be given back: { $error }
failed-add-structure = The structure was not added: { $error }
failed-log-attempt = The attempt was not logged: { $error }
failed-read-campaign = The campaign cannot be read: { $error }
failed-create-call = The call was not created: { $error }

## Why a typed answer is not saved
field-not-saved = not saved: { $why }
answer-not-a-number = "{ $input }" is not a number (e.g. 12 or 3.5)
answer-not-a-date = "{ $input }" is not a date (YYYY-MM-DD, e.g. 2018-03-14)
answer-below-min = { $value } is below the minimum { $min }
answer-above-max = { $value } is above the maximum { $max }
answer-too-long = the text is { $chars } characters long, more than the { $max } allowed
answer-empty = an empty text is not an answer; clear the answer instead

# A refusal of the call details (its reason from the interview), and what was kept.
details-refused-nothing-saved = { $why }; nothing was saved
details-refused-participants-saved = { $why }; the participants were saved
