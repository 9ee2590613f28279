//! The review panel: everything recorded for one structure, question by question, so the
//! interviewer can read it back; and the end-of-call read-back of its closed answers and
//! classification, which the coordinator confirms or corrects (recorded on the session).

use crate::i18n::Words;
use jiff::Timestamp;

use super::asks::{ask_complete, refused};
use super::keymap::Action;
use super::msg::Effect;
use super::outcome::{Go, Level, Outcome};
use crate::interview::Interview;

/// Which of the two pages of the panel is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReviewPage {
    /// Every question with its answer, note and status.
    #[default]
    Recorded,
    /// The short summary read to the coordinator at the end of the call.
    ReadBack,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Section(usize),
    /// A visible question, by guide order index.
    Question(usize),
}

#[derive(Debug, Default)]
pub struct ReviewPanel {
    /// Index into the question rows.
    pub cursor: usize,
    /// Only the questions still without an answer.
    pub only_open: bool,
    pub page: ReviewPage,
    /// First line of the read-back page shown (it scrolls).
    pub scroll: u16,
}

/// The review list of session `i`: each section, then its questions (only the open ones
/// when `only_open`).
pub fn review_rows(iv: &Interview, i: usize, only_open: bool) -> Vec<ReviewRow> {
    let answers = &iv.session(i).answers;
    let visible = iv.visible(i);
    let mut rows = Vec::new();
    for si in 0..iv.guide.guide.sections.len() {
        rows.push(ReviewRow::Section(si));
        for n in visible.iter().filter(|n| iv.section_of(**n) == si) {
            let settled = answers
                .get(&iv.question(*n).id)
                .is_some_and(|a| a.is_settled());
            if !(only_open && settled) {
                rows.push(ReviewRow::Question(*n));
            }
        }
    }
    rows
}

impl ReviewPanel {
    pub fn update(
        &mut self,
        iv: &mut Interview,
        session: usize,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        match self.page {
            ReviewPage::Recorded => self.recorded(iv, session, action),
            ReviewPage::ReadBack => self.read_back(iv, session, action, now),
        }
    }

    fn recorded(&mut self, iv: &Interview, session: usize, action: Option<Action>) -> Outcome {
        let questions: Vec<usize> = review_rows(iv, session, self.only_open)
            .into_iter()
            .filter_map(|row| match row {
                ReviewRow::Question(i) => Some(i),
                ReviewRow::Section(_) => None,
            })
            .collect();
        let last = questions.len().saturating_sub(1);
        match action {
            Some(Action::Back) => Outcome::go(Go::Close),
            Some(Action::Open) => match questions.get(self.cursor) {
                Some(i) => Outcome::go(Go::Question(*i)),
                None => Outcome::stay(),
            },
            Some(Action::Complete) => {
                let outcome = ask_complete(iv, session);
                if outcome.ask.is_some() {
                    // Before the question, the free text is checked (when there is any
                    // finding): the interview screen opens that check.
                    return Outcome::go(Go::Guard);
                }
                outcome
            }
            Some(Action::OnlyOpen) => {
                // The cursor stays on the question it was on, when that one is still listed.
                let on = questions.get(self.cursor).copied();
                self.only_open = !self.only_open;
                let rows = review_rows(iv, session, self.only_open);
                let now: Vec<usize> = rows
                    .iter()
                    .filter_map(|r| match r {
                        ReviewRow::Question(i) => Some(*i),
                        ReviewRow::Section(_) => None,
                    })
                    .collect();
                self.cursor = on
                    .and_then(|q| now.iter().position(|n| *n == q))
                    .unwrap_or(0);
                Outcome::stay()
            }
            Some(Action::ReadBack) => {
                self.page = ReviewPage::ReadBack;
                self.scroll = 0;
                Outcome::stay()
            }
            Some(Action::Up) => self.to(self.cursor.saturating_sub(1)),
            Some(Action::Down) => self.to((self.cursor + 1).min(last)),
            Some(Action::Top) => self.to(0),
            Some(Action::Bottom) => self.to(last),
            _ => Outcome::stay(),
        }
    }

    fn read_back(
        &mut self,
        iv: &mut Interview,
        session: usize,
        action: Option<Action>,
        now: Timestamp,
    ) -> Outcome {
        match action {
            Some(Action::Back) => {
                self.page = ReviewPage::Recorded;
                Outcome::stay()
            }
            Some(Action::Up) => {
                self.scroll = self.scroll.saturating_sub(1);
                Outcome::stay()
            }
            Some(Action::Down) => {
                self.scroll = self.scroll.saturating_add(1);
                Outcome::stay()
            }
            Some(Action::Confirm) | Some(Action::Correct) => {
                let confirmed = action == Some(Action::Confirm);
                match iv.record_read_back(session, confirmed, now) {
                    Ok(change) => {
                        let said = if confirmed {
                            Words::msg("read-back-confirmed")
                        } else {
                            // Back to the list, where the corrections are made.
                            self.page = ReviewPage::Recorded;
                            Words::msg("read-back-corrections")
                        };
                        Outcome::said(Level::Info, said).with(Effect::Persist(change))
                    }
                    Err(e) => refused(e),
                }
            }
            _ => Outcome::stay(),
        }
    }

    fn to(&mut self, cursor: usize) -> Outcome {
        self.cursor = cursor;
        Outcome::stay()
    }
}
