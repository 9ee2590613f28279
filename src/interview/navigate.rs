//! Moving around the guide of one session: only the questions skip logic shows for its
//! structure and answers, by question, by section, to the next unanswered one, and back to
//! where the interviewer was.

use super::Interview;
use crate::session::Field;

impl Interview {
    /// Guide-order indices of the questions skip logic shows in session `i`.
    pub fn visible(&self, i: usize) -> Vec<usize> {
        let vis = self.sessions[i].visibility(&self.guide.guide);
        self.questions()
            .enumerate()
            .filter(|(_, q)| vis.is_visible(&q.id))
            .map(|(n, _)| n)
            .collect()
    }

    /// The next (or previous) visible question after `from`.
    pub fn step(&self, i: usize, from: usize, forward: bool) -> Option<usize> {
        let visible = self.visible(i);
        if forward {
            visible.into_iter().find(|n| *n > from)
        } else {
            visible.into_iter().rev().find(|n| *n < from)
        }
    }

    /// The first visible question of the next (or previous) section that shows any.
    pub fn step_section(&self, i: usize, from: usize, forward: bool) -> Option<usize> {
        let visible = self.visible(i);
        let here = self.section_of(from);
        if forward {
            return visible.into_iter().find(|n| self.section_of(*n) > here);
        }
        let before: Vec<usize> = visible
            .into_iter()
            .filter(|n| self.section_of(*n) < here)
            .collect();
        let section = self.section_of(*before.last()?);
        before.into_iter().find(|n| self.section_of(*n) == section)
    }

    /// The next visible question with no answer after `from`, wrapping round to the start
    /// (`from` itself last).
    pub fn next_unanswered(&self, i: usize, from: usize) -> Option<usize> {
        let s = &self.sessions[i];
        let open = |n: &usize| {
            !s.answers
                .get(&self.question(*n).id)
                .is_some_and(|a| a.is_settled())
        };
        let visible = self.visible(i);
        let after = visible.iter().filter(|n| **n > from).find(|n| open(n));
        let before = visible.iter().filter(|n| **n <= from).find(|n| open(n));
        after.or(before).copied()
    }

    /// Where session `i` resumes: the question it was left on (or the next one skip logic
    /// still shows), and the field, when that question is still the one.
    pub fn resume(&self, i: usize) -> (usize, Option<Field>) {
        let s = &self.sessions[i];
        let vis = s.visibility(&self.guide.guide);
        let n = self.question_count();
        let shown = |k: &usize| vis.is_visible(&self.question(*k).id);
        let at = s
            .position
            .question
            .as_deref()
            .and_then(|id| self.index_of(id));
        match at {
            Some(k) if shown(&k) => (k, Some(s.position.field)),
            Some(k) => ((k..n).chain(0..k).find(shown).unwrap_or(0), None),
            None => ((0..n).find(shown).unwrap_or(0), None),
        }
    }
}
