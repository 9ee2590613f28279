//! The report's free texts: every text answer, other-specify text and note, grouped by
//! question with who said it (as far as the attribution level allows), then the general
//! notes attached to no question.

use std::collections::HashMap;

use super::model::{Attribution, SessionRow, TextItem};
use crate::collate::GeneralNote;
use crate::guide::{Guide, QuestionType};
use crate::session::AnswerStatus;

/// Who said it, at `level`: nothing, the structure's type, or the response and the
/// structure (a custom one by its label).
fn by(r: &SessionRow, level: Attribution) -> String {
    match level {
        Attribution::None => String::new(),
        Attribution::Structure => r.group.type_name().to_string(),
        Attribution::Response => format!("{} · {}", r.response, r.group.name()),
    }
}

/// A kind of text, said to be marked sensitive (only in a report that includes them).
fn marked(kind: &'static str) -> &'static str {
    match kind {
        "answer" => "answer, marked sensitive",
        "other" => "other, marked sensitive",
        "note" => "note, marked sensitive",
        _ => "general note, marked sensitive",
    }
}

/// Texts kept per question: the report lists this many (and says how many there were);
/// `long.csv` has every one. Keeping only these is what keeps a report on 10,000 sessions
/// from holding a copy of every note.
pub const TEXTS_SHOWN: usize = 200;

/// Free texts, grouped by question, each with who said it: (question text, the first
/// [`TEXTS_SHOWN`] texts, how many there are). Gathered one session at a time
/// ([`FreeTexts::add`], its answers at hand), the notes pad's added at the end.
pub(super) struct FreeTexts<'g> {
    guide: &'g Guide,
    level: Attribution,
    /// Per question of the guide, in its order: the texts kept, and how many there are.
    per: Vec<(Vec<TextItem>, usize)>,
}

impl<'g> FreeTexts<'g> {
    pub(super) fn new(guide: &'g Guide, level: Attribution) -> FreeTexts<'g> {
        FreeTexts {
            guide,
            level,
            per: guide.questions().map(|_| (Vec::new(), 0)).collect(),
        }
    }

    pub(super) fn add(&mut self, r: &SessionRow) {
        let level = self.level;
        for (q, (items, total)) in self.guide.questions().zip(&mut self.per) {
            let Some(a) = r.answers.get(&q.id) else {
                continue;
            };
            let mut push = |kind, text: &str| {
                if !text.trim().is_empty() {
                    *total += 1;
                    if items.len() >= TEXTS_SHOWN {
                        return;
                    }
                    items.push(TextItem {
                        question: q.id.clone(),
                        kind: if a.sensitive { marked(kind) } else { kind },
                        text: text.to_string(),
                        by: by(r, level),
                    });
                }
            };
            if matches!(q.kind, QuestionType::Text | QuestionType::LongText)
                && a.status == AnswerStatus::Answered
            {
                push("answer", &a.values_joined(" "));
            }
            push("other", a.other());
            push("note", a.note());
        }
    }

    /// The texts, the notes pad's after the answers' under each question.
    pub(super) fn finish(
        self,
        rows: &[SessionRow],
        notes: &[&GeneralNote],
        lang: &str,
    ) -> Vec<(String, Vec<TextItem>, usize)> {
        let (guide, level) = (self.guide, self.level);
        let mut texts: Vec<(String, Vec<TextItem>, usize)> = Vec::new();
        let by_digest: HashMap<&str, &SessionRow> =
            rows.iter().map(|r| (r.digest.as_str(), r)).collect();
        for (q, (mut items, mut total)) in guide.questions().zip(self.per) {
            for n in notes {
                if n.question.as_deref() == Some(q.id.as_str())
                    && let Some(r) = by_digest.get(n.digest.as_str())
                {
                    total += 1;
                    if items.len() >= TEXTS_SHOWN {
                        continue;
                    }
                    items.push(TextItem {
                        question: q.id.clone(),
                        kind: if n.sensitive {
                            marked("general note")
                        } else {
                            "general note"
                        },
                        text: n.text.clone(),
                        by: by(r, level),
                    });
                }
            }
            if !items.is_empty() {
                texts.push((q.text.get(lang, lang).to_string(), items, total));
            }
        }
        let loose_notes = notes.iter().filter(|n| {
            by_digest.contains_key(n.digest.as_str())
                && n.question
                    .as_ref()
                    .is_none_or(|q| guide.question(q).is_none())
        });
        let total = loose_notes.clone().count();
        let loose: Vec<TextItem> = loose_notes
            .take(TEXTS_SHOWN)
            .filter_map(|n| {
                by_digest.get(n.digest.as_str()).map(|r| TextItem {
                    question: String::new(),
                    kind: if n.sensitive {
                        marked("general note")
                    } else {
                        "general note"
                    },
                    text: n.text.clone(),
                    by: by(r, level),
                })
            })
            .collect();
        if !loose.is_empty() {
            // No question's text: the report heads them "General notes" in its language.
            texts.push((String::new(), loose, total));
        }
        texts
    }
}
