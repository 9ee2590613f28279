//! Each message says in English what the reader's `format!` said before it had an id
//! (the expected strings are those formats, with the same values), and is French in
//! French.

use super::*;
use crate::i18n::{UiLang, written_in};

fn check(w: Words, english: String) {
    assert_eq!(w.en(), english);
    for id in w.ids() {
        for lang in UiLang::ALL {
            assert!(written_in(lang, id), "`{id}` is not written in {lang:?}");
        }
    }
    assert_ne!(w.in_lang(UiLang::Fr), english, "no French for {english}");
}

#[test]
fn the_readers_messages_say_what_they_said_in_english_and_are_french_in_french() {
    let q = "q1";
    let v = "\"x\"".to_string();
    check(
        bom(),
        "the file starts with a byte-order mark (U+FEFF), which a session file never has: an editor or a transfer added it; collate the original file".into(),
    );
    check(
        crlf(),
        "the file has Windows line endings (CRLF), and a session file's lines end in LF only: it was converted in transit (a mail client, a Windows share, git's autocrlf); collate the original file".into(),
    );
    check(
        digest_upper_case(),
        "the digest is in upper case, and a session file's digest is 64 lower-case hex digits: the line was edited; collate the original file".into(),
    );
    check(no_format(), "no `format` key".into());
    let what = "session_id";
    let upper = "01M8J1GE2XBNDT60WBMX0CPVFK";
    check(
        ulid_lower_case(what, v.clone(), upper),
        format!(
            "`{what}` = {v} is a ULID in lower case; the format has ids in upper case ({upper})"
        ),
    );
    check(
        not_ulid(what, v.clone()),
        format!(
            "`{what}` = {v} is not a ULID: expected 26 characters of 0-9 and A-Z except I, L, O and U, the first 0-7 (like 01M8J1GE2XBNDT60WBMX0CPVFK)"
        ),
    );
    let known = "interviewer, respondent".to_string();
    check(
        not_role(what, v.clone(), known.clone()),
        format!(
            "`{what}` = {v} is not a participant role: one of {known} (use `other`, and the organisation, for anyone else)"
        ),
    );
    check(
        status_not_completed(v.clone()),
        format!(
            "`status` = {v}: only a completed revision travels as a file; ask its sender to complete the session and sync again"
        ),
    );
    check(
        unknown_status(v.clone()),
        format!("unknown status {v}: a session file's status is \"completed\""),
    );
    check(revision_zero(), "revision must be 1 or more".into());
    let (n, max) = (123_456_u32, 100_000_u32);
    check(
        revision_too_high(n, max),
        format!(
            "`revision` = {n} is more than {max}: no session is reopened that often, so the file is forged or broken"
        ),
    );
    let (big, exact) = (-9_007_199_254_740_993_i64, 1_u64 << 53);
    check(
        number_too_large(big, exact),
        format!(
            "{big} is too large to be held exactly (a number answer is at most {exact} either side of 0)"
        ),
    );
    let (d, last) = (
        "9999-12-31T23:00:00Z".to_string(),
        "9999-12-30T22:00:00Z".to_string(),
    );
    check(
        time_too_late(what, d.clone(), last.clone()),
        format!(
            "`{what}` = {d} is later than {last}, the last time stocktake can hold; an interview's times are earlier"
        ),
    );
    check(
        not_a_time(what, d.clone()),
        format!(
            "`{what}` = {d} is not a date and time with a time zone (like 2018-03-14T09:00:00Z)"
        ),
    );
    check(
        key_of_later_format("said_by", "stocktake.session.v4", "v2"),
        "`said_by` is a key of stocktake.session.v4, and this file says it is v2".into(),
    );
    check(
        too_long("answers.q1.note".into(), 100_000),
        "`answers.q1.note` is longer than 100000 characters".into(),
    );
    check(
        not_digest("parent"),
        "`parent` is not a sha256 digest".into(),
    );
    check(
        unknown_structure(v.clone()),
        format!(
            "unknown structure {v}: a respondent type is an id (lowercase letters, digits, _ or -), such as protection_cluster, cp_aor or one its guide declares"
        ),
    );
    check(
        not_guide_id(v.clone()),
        format!("`guide.id` = {v} is not a guide id (lower-case letters, digits, - and _)"),
    );
    check(
        not_question_id(v.clone()),
        format!("{v} is not a question id"),
    );
    check(
        note_not_question_id(v.clone()),
        format!("`notes.question` = {v} is not a question id"),
    );
    check(
        organisation_too_long("notes.said_by"),
        "`notes.said_by.organisation` is too long".into(),
    );
    check(
        answer(q, answer_unknown_status(v.clone())),
        format!("answer to `{q}`: unknown status {v}"),
    );
    check(
        answered_without_value(q),
        format!("answer to `{q}` is answered but has no `type` and `value`"),
    );
    check(
        value_without_answer(q, "declined"),
        format!("answer to `{q}` has a value but status `declined`"),
    );
    check(
        answer(q, bad_value("number".into(), v.clone())),
        format!("answer to `{q}`: a `number` value cannot be {v}"),
    );
    check(
        answer(q, not_option(v.clone())),
        format!(
            "answer to `{q}`: {v} is not an option value (lower-case letters, digits, - and _)"
        ),
    );
    check(
        answer(q, number_too_large(big, exact)),
        format!(
            "answer to `{q}`: {big} is too large to be held exactly (a number answer is at most {exact} either side of 0)"
        ),
    );
    check(
        answer(q, mark_not_chosen("volunteered", v.clone())),
        format!("answer to `{q}`: `volunteered` names {v}, which is not a chosen option"),
    );
    check(
        answer(q, marked_twice(v.clone())),
        format!(
            "answer to `{q}`: option {v} is marked twice (volunteered and prompted are one or the other)"
        ),
    );
    check(
        answer(q, before_unknown_status(v.clone())),
        format!("answer to `{q}`: `before_definition` has unknown status {v}"),
    );
    check(
        answer(q, before_without_value()),
        format!("answer to `{q}`: `before_definition` is answered but has no `type` and `value`"),
    );
    check(
        answer(q, before_value_without_answer("declined")),
        format!("answer to `{q}`: `before_definition` has a value but status `declined`"),
    );
    check(
        not_guide_language(v.clone(), "ki", "en, fr".into()),
        format!("`language` = {v} is not a language of guide ki (en, fr)"),
    );
    check(
        no_such_question("ki"),
        "guide ki has no such question".into(),
    );
    check(
        before_definition(Words::msg("why-file-other-without-option")),
        "before the definition: has an \"other\" text but no other option".into(),
    );
    check(
        other_without_option(),
        "has an \"other\" text but no other option".into(),
    );
    check(
        note_on_unknown_question(),
        "a note is attached to a question the guide does not have".into(),
    );
    check(attempt::not_utf8(), "not UTF-8 text".into());
    check(
        attempt::not_ulid(),
        "`attempt_id` is not a ULID (26 letters and digits)".into(),
    );
    check(
        attempt::not_target(),
        "`target` is not a target id such as south-sudan/cp_aor".into(),
    );
    check(
        attempt::unknown_outcome("gone".into()),
        "unknown outcome `gone`".into(),
    );
    check(
        attempt::not_a_time("callback"),
        "`callback` is not a date and time with a time zone".into(),
    );
    check(
        attempt::callback_without_outcome(),
        "a `callback` time goes with outcome = \"callback\", and only with it".into(),
    );
    check(
        attempt::too_long(),
        "a text is longer than an attempt file allows".into(),
    );
    check(
        attempt::sessions(),
        "`sessions` lists session ids (ULIDs), at most 20".into(),
    );
}
