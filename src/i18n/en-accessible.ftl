# The accessible mode (stocktake --accessible), in English: each prompt a plain line.
# Command words are English in every language, and the French words (docs/translating.md)
# are understood in every language too: a line typed is never refused for its language.

## The list of sessions
acc-welcome = stocktake, accessible mode. Every change is saved as you make it. Type help for the commands.
acc-no-sessions = No sessions yet.
acc-sessions = { $n ->
    [one] 1 session:
   *[other] { $n } sessions:
}
# $status: draft, in_progress, completed, …
acc-session-row = { $n }. { $response } · { $structure }, { $status ->
    [draft] draft
    [in_progress] in progress
    [completed] completed
    [synced] synced
   *[other] { $status }
}, { $answered } of { $required } required answered
acc-home-prompt = Command (new, open N, help, quit):{" "}
acc-help-home = Commands: new (a new call), open N (the session numbered N in the list), help, quit.
acc-open-which = Give the number of a session in the list, e.g. open 1.
acc-unknown = Unknown command "{ $word }". Type help for the commands.
acc-read-only = Another stocktake has this call open; it is opened to read only.

## What the effects did
acc-not-saved-yet = NOT SAVED yet: { $message }. It is tried again with your next command.
acc-sent = Sent: { $files ->
    [one] 1 file
   *[other] { $files } files
} written to { $outbox }.
acc-lock-lost = Another stocktake took this session over: nothing more is saved here.

## The interview
acc-interview-prompt = Answer or command (help lists them):{" "}
acc-last-question = That was the last question. Type review, or complete.
acc-first-question = This is the first question.
acc-go-which = Give a question number from 1 to { $n }.
acc-find-none = No question asked here mentions "{ $words }".
acc-all-answered = Every question asked here has an answer.
acc-now-recording = Now recording for { $structure }.
acc-pad-how = Type the note after the word: pad Line dropped twice.
acc-not-saved = Not saved: { $reason }
acc-saved = Saved: { $answer }.
acc-help-interview =
    To answer: the option's number (1); several numbers for a question with several answers (1,3);
    y or n for yes or no; for a text, a number or a date, type it
    (= TEXT is always an answer, even when it starts with a command's word).
    dk: don't know. declined: declined to answer. na: not asked. clear: no answer.
    note TEXT: the question's note (note alone clears it). other TEXT: the specify text.
    pad TEXT: a general note, attached to this question.
    Enter or next: next question. back: previous. go N: question N. find WORDS: a question by its words.
    unanswered: the next question without an answer.
    rest: mark the rest of this section not asked (rest guide: to the end), after asking.
    volunteered N / prompted N: option N (or the answer given) was said unprompted / chosen after
    the options were read (again: the mark comes off). definition: the definition was explained
    now, the answer so far is kept as the one before it. said: who said it (the next participant).
    structure N: record for another structure on the call (structure alone lists them).
    review: every answer of this structure. readback: the end-of-call read-back, then whether the
    coordinator confirmed it. complete: complete this structure's session.
    leave: back to the list (everything is already saved). help: this list.

## A question's prompt
acc-call-header = Call: { $response }, { $n ->
    [one] 1 structure
   *[other] { $n } structures
}: { $names }. Language { $lang }.
acc-structures = Structures on this call:
acc-structure-row = { $n }. { $structure }{ $now ->
    [yes] {" "}(now)
   *[no] {""}
}, { $status ->
    [draft] draft
    [in_progress] in progress
    [completed] completed
    [synced] synced
   *[other] { $status }
}, { $answered } of { $required } required answered
acc-none = none
acc-specify = ; specify: { $text }
acc-note = ; note: { $text }
acc-where = { $structure }. Section { $section_no } of { $sections }: { $section }.
acc-question = Question { $n } of { $of }{ $required ->
    [yes] , required
   *[no] {""}
}: { $text }
acc-guidance = Guidance: { $text }
acc-options-multi = Options, several may be given:
acc-options-single = Options, choose one:
acc-options-none-yet = None yet: the options are those ticked in "{ $source }", and nothing is ticked there. Answer it first (find WORDS), or next.
acc-answer-yes-no = Answer y or n.
acc-answer-scale = A number from { $min } to { $max }.
acc-answer-number = Type a number.
acc-answer-date = Type a date, e.g. 2018-03-14.
acc-answer-text = Type the answer.
acc-current = Current answer: { $answer }
acc-no-consent = Consent to notes was refused: record answers only, no notes.
acc-review-row = { $n }. { $question }: { $answer }
acc-said-row = { $question }: { $answer }
acc-review = Review of { $structure }:
acc-general-notes = { $n ->
    [one] 1 general note:
   *[other] { $n } general notes:
}
acc-place-answer = the answer to { $q }
acc-place-other = the specify text of { $q }
acc-place-note = the note of { $q }
acc-place-pad = general note { $n }
acc-no-option-yet = Not saved: there is no option to choose yet (see the question's options).
acc-not-an-option = Not saved: "{ $typed }" is not an option's number (1 to { $n }). Type help for the commands.
acc-one-option = Not saved: give one option's number.
acc-y-or-n = Not saved: answer y or n.

## The rest of a section
acc-rest-how = Type rest (the rest of this section) or rest guide (to the end).
acc-rest-nothing = Nothing to mark: from here to the end { $whose ->
    [section] of this section
   *[guide] of the guide
}, each question has an answer or is required.
acc-rest-ask = Mark { $n ->
    [one] 1 question
   *[other] { $n } questions
} from here to the end { $whose ->
    [section] of this section
   *[guide] of the guide
} not asked? Answered and required questions stay. Type y to mark them, n to keep asking:{" "}
acc-rest-none-marked = Nothing marked.
acc-rest-marked = Saved: { $n ->
    [one] 1 question
   *[other] { $n } questions
} marked not asked.

## Completing
acc-not-completed-why = Not completed: { $reason }. Type unanswered, or go N.
acc-check = Check { $n } of { $of }: { $kind } in { $place }: "{ $found }".
acc-check-ask = Type x to redact it, s to mark the text sensitive, k to keep it, c to cancel:{" "}
acc-not-completed = Not completed.
acc-text-changed = That text changed; complete again to look at it anew.
acc-not-redacted = Not redacted: { $reason }
acc-completed = Completed: { $structure }. Its file is written when you sync (or now, if an outbox is set).
acc-not-completed-error = Not completed: { $reason }

## A new call
acc-no-guide = No interview guide is installed.
acc-guide-number = Guide number (Enter: { $n }):{" "}
acc-response = Country or response:{" "}
acc-need-response = Nothing created: a call needs its country or response.
acc-respondents = Respondents on the call, numbers separated by commas (e.g. 1,2):{" "}
acc-other-name = Name of the { $kind }:{" "}
acc-not-a-respondent = Nothing created: "{ $typed }" is not a respondent's number.
acc-need-structure = Nothing created: tick at least one structure.
acc-call-language = Language of the call, one of { $languages } (Enter: { $default }):{" "}
acc-unknown-language = "{ $answer }" is not a language of this guide; type one of { $languages }, or Enter for the default.
acc-not-created = Nothing created: { $reason }

## How an answer came to be
acc-no-such-option = There is no option { $n } here: give the number of a chosen option, or the word alone for the answer given.
acc-not-the-answer = Option { $n } is not the answer given: type { $word } alone to mark the answer given.
# $mark: volunteered, prompted or none (the mark came off).
acc-marked = { $label }: { $mark ->
    [volunteered] volunteered.
    [prompted] prompted.
   *[none] no longer marked.
}
acc-definition = Definition explained: the answer before it is kept ({ $before }). Type the answer the coordinator gives now.
acc-definition-off = No longer marked as answered again after the definition.
acc-said-by = Said by { $who } (said again: the next participant).
acc-said-by-no-one = Said by no one in particular.
acc-nothing-chosen = Nothing chosen to mark: answer first, or give the number of a chosen option (volunteered 3).
acc-no-participants = No participants recorded for this structure: who is on the call is asked when the call starts.

## The read-back
acc-read-back = Read back to the { $structure }. Read this to the coordinator, then ask whether it is right.
acc-classification = Classification:
acc-not-classified = Not classified yet: the classification is needed to complete.
acc-what-was-said = What was said:
acc-closed-open = { $n ->
    [one] 1 closed question has no answer.
   *[other] { $n } closed questions have no answer.
}
acc-last-read-back = Last read back at { $at }: { $confirmed ->
    [yes] confirmed
   *[no] corrections asked
}.{ $changed ->
    [yes] {" "}Answers changed since.
   *[no] {""}
}
acc-confirm-ask = Did the coordinator confirm it? Type y (confirmed), n (corrections asked), or Enter to record nothing:{" "}
acc-nothing-recorded = Nothing recorded.
acc-confirmed = Saved: read back and confirmed by the coordinator.
acc-corrections = Saved: corrections asked. Correct the answers, then type readback again.
