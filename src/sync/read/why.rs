//! What the session and attempt file readers find wrong in a file, as words: each a
//! message of `en-read.ftl` with what it quotes, so that a collator reads the reason in
//! its own language and the quarantine keeps it in any. The English is what the readers
//! always printed (the corpora and the tests below compare it byte for byte).

use crate::i18n::Words;

fn msg(id: &'static str) -> Words {
    Words::msg(id)
}

pub(super) fn bom() -> Words {
    msg("why-file-bom")
}

pub(super) fn crlf() -> Words {
    msg("why-file-crlf")
}

pub(super) fn digest_upper_case() -> Words {
    msg("why-file-digest-upper-case")
}

pub(super) fn no_format() -> Words {
    msg("why-file-no-format")
}

/// `value`s are quoted as the reader shows them (`fields::shown`, cut short).
pub(super) fn ulid_lower_case(what: &str, value: String, upper: &str) -> Words {
    msg("why-file-ulid-lower-case")
        .arg("what", what.to_string())
        .arg("value", value)
        .arg("upper", upper.to_string())
}

pub(super) fn not_ulid(what: &str, value: String) -> Words {
    msg("why-file-not-ulid")
        .arg("what", what.to_string())
        .arg("value", value)
}

pub(super) fn not_role(what: &str, value: String, known: String) -> Words {
    msg("why-file-not-role")
        .arg("what", what.to_string())
        .arg("value", value)
        .arg("known", known)
}

pub(super) fn status_not_completed(value: String) -> Words {
    msg("why-file-status-not-completed").arg("value", value)
}

pub(super) fn unknown_status(value: String) -> Words {
    msg("why-file-unknown-status").arg("value", value)
}

pub(super) fn revision_zero() -> Words {
    msg("why-file-revision-zero")
}

// Numbers go as text: the English never grouped them, and logs grep them as written.
pub(super) fn revision_too_high(n: u32, max: u32) -> Words {
    msg("why-file-revision-too-high")
        .arg("n", n.to_string())
        .arg("max", max.to_string())
}

pub(super) fn number_too_large(n: i64, max: u64) -> Words {
    msg("why-file-number-too-large")
        .arg("n", n.to_string())
        .arg("max", max.to_string())
}

pub(super) fn time_too_late(what: &str, value: String, last: String) -> Words {
    msg("why-file-time-too-late")
        .arg("what", what.to_string())
        .arg("value", value)
        .arg("last", last)
}

pub(super) fn not_a_time(what: &str, value: String) -> Words {
    msg("why-file-not-a-time")
        .arg("what", what.to_string())
        .arg("value", value)
}

/// A key of a later format in a file that says it is an earlier one.
pub(super) fn key_of_later_format(key: &str, format: &str, says: &str) -> Words {
    msg("why-file-key-of-later-format")
        .arg("key", key.to_string())
        .arg("format", format.to_string())
        .arg("says", says.to_string())
}

pub(super) fn too_long(what: String, max: usize) -> Words {
    msg("why-file-too-long")
        .arg("what", what)
        .arg("max", max.to_string())
}

pub(super) fn not_digest(what: &str) -> Words {
    msg("why-file-not-digest").arg("what", what.to_string())
}

pub(super) fn unknown_structure(value: String) -> Words {
    msg("why-file-unknown-structure").arg("value", value)
}

pub(super) fn not_guide_id(value: String) -> Words {
    msg("why-file-not-guide-id").arg("value", value)
}

pub(super) fn not_question_id(value: String) -> Words {
    msg("why-file-not-question-id").arg("value", value)
}

pub(super) fn note_not_question_id(value: String) -> Words {
    msg("why-file-note-not-question-id").arg("value", value)
}

/// `answer to `q`: what`.
pub(super) fn answer(q: &str, what: Words) -> Words {
    msg("why-file-answer")
        .arg("question", q.to_string())
        .with("what", what)
}

pub(super) fn answer_unknown_status(value: String) -> Words {
    msg("why-file-answer-unknown-status").arg("value", value)
}

pub(super) fn answered_without_value(q: &str) -> Words {
    msg("why-file-answered-without-value").arg("question", q.to_string())
}

pub(super) fn value_without_answer(q: &str, status: &str) -> Words {
    msg("why-file-value-without-answer")
        .arg("question", q.to_string())
        .arg("status", status.to_string())
}

pub(super) fn bad_value(kind: String, value: String) -> Words {
    msg("why-file-bad-value")
        .arg("kind", kind)
        .arg("value", value)
}

pub(super) fn not_option(value: String) -> Words {
    msg("why-file-not-option").arg("value", value)
}

pub(super) fn mark_not_chosen(mark: &str, value: String) -> Words {
    msg("why-file-mark-not-chosen")
        .arg("mark", mark.to_string())
        .arg("value", value)
}

pub(super) fn marked_twice(value: String) -> Words {
    msg("why-file-marked-twice").arg("value", value)
}

pub(super) fn before_unknown_status(value: String) -> Words {
    msg("why-file-before-unknown-status").arg("value", value)
}

pub(super) fn before_without_value() -> Words {
    msg("why-file-before-without-value")
}

pub(super) fn before_value_without_answer(status: &str) -> Words {
    msg("why-file-before-value-without-answer").arg("status", status.to_string())
}

pub(super) fn organisation_too_long(what: &str) -> Words {
    msg("why-file-organisation-too-long").arg("what", what.to_string())
}

pub(super) fn not_guide_language(value: String, guide: &str, languages: String) -> Words {
    msg("why-file-not-guide-language")
        .arg("value", value)
        .arg("guide", guide.to_string())
        .arg("languages", languages)
}

pub(super) fn no_such_question(guide: &str) -> Words {
    msg("why-file-no-such-question").arg("guide", guide.to_string())
}

pub(super) fn before_definition(what: Words) -> Words {
    msg("why-file-before-definition").with("what", what)
}

pub(super) fn other_without_option() -> Words {
    msg("why-file-other-without-option")
}

pub(super) fn note_on_unknown_question() -> Words {
    msg("why-file-note-on-unknown-question")
}

/// An attempt file's refusals (`crate::campaign::parse_attempt`).
pub mod attempt {
    use super::{Words, msg};

    pub fn not_utf8() -> Words {
        msg("why-read-not-utf8")
    }

    pub fn not_ulid() -> Words {
        msg("why-attempt-not-ulid")
    }

    pub fn not_target() -> Words {
        msg("why-attempt-not-target")
    }

    pub fn unknown_outcome(outcome: String) -> Words {
        msg("why-attempt-unknown-outcome").arg("outcome", outcome)
    }

    pub fn not_a_time(what: &str) -> Words {
        msg("why-attempt-not-a-time").arg("what", what.to_string())
    }

    pub fn callback_without_outcome() -> Words {
        msg("why-attempt-callback")
    }

    pub fn too_long() -> Words {
        msg("why-attempt-too-long")
    }

    pub fn sessions() -> Words {
        msg("why-attempt-sessions")
    }
}

#[cfg(test)]
mod tests;
