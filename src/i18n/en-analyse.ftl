# The analyse screens (stocktake analyse), in English.

## Top lines
analyse-title = stocktake analyse · { $db } · { $sessions ->
    [one] 1 session
   *[other] { $sessions } sessions
} · coder { $coder }{ $by ->
    [question] {" "}· a column per question
   *[section] {""}
}
analyse-where = { $who } ({ $row } of { $rows }) · { $column } ({ $col } of { $cols }){ $codings ->
    [0] {""}
    [one] {" "}· 1 coding
   *[other] {" "}· { $codings } codings
}
analyse-no-sessions = No sessions in this collation yet: run stocktake collate first.
analyse-too-small = This terminal is { $w }×{ $h }; stocktake analyse needs at least { $min_w }×{ $min_h }. Enlarge the window or make the font smaller; keys are paused until then.

## The matrix
analyse-session = session
# A cell with no summary: how many answers, or how many texts to code.
analyse-cell-answers = { $n ->
    [one] 1 answer
   *[other] { $n } answers
}
analyse-cell-texts = { $n ->
    [one] 1 text
   *[other] { $n } texts
}

## A cell read in full
analyse-summary-by = Summary by { $author }, { $at }{ $stale ->
    [yes] {" "}(written on an earlier revision)
   *[no] {""}
}:
analyse-no-summary = No summary yet: s writes one.
analyse-unresolved = This session has an unresolved conflict: the newest revision is shown.
analyse-nothing-here = Nothing was answered or said in this section.
# $kind: answer, other, note or pad-note.
analyse-unit-kind = { $kind ->
    [answer] answer
    [other] other
    [note] note
   *[pad-note] pad note
}
analyse-not-coded = { $kind } · not coded
analyse-codes = { $kind } · codes: { $codes }
analyse-more-below = {" "}· more below (PgDn)
analyse-summary-box = {" "}✎ Summary of this cell: typing goes here · Ctrl-S saves{" "}
analyse-part-box = {" "}✎ Words to code, as they appear in the selected text{" "}
analyse-codes-for = {" "}Codes for “{ $quote }”{" "}
analyse-leave-title = {" "}Leave the summary?{" "}
analyse-leave-body = This summary has changed. Save it (y or Enter), discard the change (n), or go on writing (Esc)?

## Messages
analyse-no-other-view = no other view: nothing was answered in this collation
analyse-by-section = a column per section (v: per question)
analyse-by-question = a column per question (v: per section)
analyse-summary-saved = summary saved
analyse-summary-unchanged = summary unchanged
analyse-summary-discarded = summary change discarded
analyse-coded = coded: { $code }
analyse-uncoded = code taken off: { $code }
analyse-no-codebook = no codebook: give one with --codebook FILE
analyse-not-in-text = "{ $words }" is not in this text: type words as they appear (case does not matter)
analyse-not-saved = not saved: { $error }

## Hints (the keys themselves are the same in every language)
analyse-hint-scroll = scroll
analyse-hint-closes-help = closes help
analyse-hint-read-cell = read cell
analyse-hint-summary = summary
analyse-hint-by-section = by section
analyse-hint-by-question = by question
analyse-hint-quit = quit
analyse-hint-move = move
analyse-hint-help = help
analyse-hint-code-text = code text
analyse-hint-code-part = code a part
analyse-hint-text = text
analyse-hint-back = back
analyse-hint-cell = cell
analyse-hint-save = save
analyse-hint-close-asks = close (asks if changed)
analyse-hint-discard = discard the change
analyse-hint-go-on = go on writing
analyse-hint-find = find it
analyse-hint-cancel = cancel
analyse-hint-code = code
analyse-hint-apply = apply/remove
analyse-hint-done = done

## Help (?)
analyse-help-title = {" "}Help{ $more ->
    [yes] {" "}· ↓ more
   *[no] {""}
}{" "}
analyse-help-intro = A row per session, a column per section (v: per question). ✎ a summary (✎* on an earlier revision); ●n codings on the cell's texts.
analyse-help-move = move
analyse-help-jump = jump
analyse-help-read = read the cell in full
analyse-help-view = a column per question, or per section; each its own summary
analyse-help-summary = write the cell's summary: Ctrl-S saves, Esc asks before leaving a change
analyse-help-in-cell = In a cell:
analyse-help-choose = choose a text (a note, a typed answer, a pad note)
analyse-help-code-whole = code the whole text: Space toggles a code
analyse-help-code-part = code a part: type its words (case does not matter), Enter
analyse-help-cells = previous / next cell of the row
analyse-help-scroll = scroll
analyse-help-back = back to the matrix
analyse-help-quit = quit (everything is saved as it is made)
analyse-help-footer = ↑↓ scroll this help; any other key closes it.

## Keys that are words (other keys are their names, the same in every language)
analyse-key-any-other = any other key
analyse-key-c-or-enter = {"  "}c or Enter
