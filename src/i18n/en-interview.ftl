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
find-title = Find a question: type words of it
find-none = No question matches.
notes-title = General notes of the { $structure } ({ $n })
notes-title-tail = · for what is said out of order
notes-sensitive = sensitive
notes-none = No general notes yet. Type below.
notes-editing = Note { $seq }: saved as you type · Enter: done
notes-new = New note: saved as you type
