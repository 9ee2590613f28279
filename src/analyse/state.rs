//! The analyse screen's state and its pure `update`: keys in, effects out. Effects carry
//! everything needed to carry them out (the summary, the coding), so the runner applies
//! them to the collation database without looking at the screen, and reports back.

use ratatui_textarea::{Input, Key};

use crate::collate::{CellSummary, Coding};
use crate::guide::Codebook;
use crate::i18n::{UiLang, t, tr};
use crate::report::{Matrix, Unit, span_of};
use crate::tui::text_field::TextField;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    SetSummary(CellSummary),
    AddCoding(Coding),
    RemoveCoding(Coding),
    Quit,
}

/// What a code is being applied to: a whole text, or a span of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub row: usize,
    pub unit: Unit,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub enum Mode {
    /// Moving around the matrix.
    Matrix,
    /// One cell read in full; `at` is the selected text among the cell's texts.
    Cell { at: usize, scroll: usize },
    /// Writing the cell's summary.
    Summary { field: TextField, at: usize },
    /// Esc in a changed summary: save it, throw it away, or go on writing.
    LeaveSummary { field: TextField, at: usize },
    /// Typing the part of the selected text to code.
    Part { field: TextField, at: usize },
    /// Choosing codes for a target.
    Codes {
        target: Target,
        at: usize,
        back: usize,
    },
}

pub struct State {
    pub matrix: Matrix,
    /// The matrix's other view (a column per question, or per section), `v` swaps them;
    /// empty when there is none.
    pub other: Matrix,
    /// What `matrix` (the view shown) has as columns.
    pub by: crate::report::MatrixBy,
    pub codebook: Option<Codebook>,
    pub codings: Vec<Coding>,
    pub coder: String,
    pub db_name: String,
    pub row: usize,
    pub col: usize,
    pub mode: Mode,
    pub help: bool,
    /// How far the help is scrolled: on a small terminal it does not fit.
    pub help_scroll: usize,
    pub message: Option<String>,
    /// The clock, as text: what summaries and codings record.
    pub now: String,
    /// The screen's words: analyse is outside any call, so the flag, the config, the
    /// locale or English decide, never a guide's language.
    pub lang: UiLang,
}

impl State {
    pub fn new(
        matrix: Matrix,
        codebook: Option<Codebook>,
        codings: Vec<Coding>,
        coder: &str,
        db_name: &str,
    ) -> State {
        State {
            matrix,
            other: Matrix::default(),
            by: crate::report::MatrixBy::Section,
            codebook,
            codings,
            coder: coder.to_string(),
            db_name: db_name.to_string(),
            row: 0,
            col: 0,
            mode: Mode::Matrix,
            help: false,
            help_scroll: 0,
            message: None,
            now: String::new(),
            lang: UiLang::En,
        }
    }

    /// The screen's words in `lang`.
    pub fn with_lang(mut self, lang: UiLang) -> State {
        self.lang = lang;
        self
    }

    /// Gives the screen the matrix by question too, for `v`.
    pub fn with_question_view(mut self, by_question: Matrix) -> State {
        self.other = by_question;
        self
    }

    /// Shows the other view, on the same session and (as near as there is) the same place
    /// in the guide: a section's first question, or a question's section.
    fn swap_view(&mut self) {
        if self.other.columns.is_empty() {
            self.message = Some(t(self.lang, "analyse-no-other-view"));
            return;
        }
        let key = self
            .matrix
            .columns
            .get(self.col)
            .map(|c| c.section.clone())
            .unwrap_or_default();
        std::mem::swap(&mut self.matrix, &mut self.other);
        self.by = match self.by {
            crate::report::MatrixBy::Section => crate::report::MatrixBy::Question,
            crate::report::MatrixBy::Question => crate::report::MatrixBy::Section,
        };
        let section = key.split('/').next().unwrap_or_default();
        let prefix = format!("{section}/");
        self.col = self
            .matrix
            .columns
            .iter()
            .position(|c| c.section == section || c.section.starts_with(&prefix))
            .unwrap_or(0);
        self.message = Some(match self.by {
            crate::report::MatrixBy::Section => t(self.lang, "analyse-by-section"),
            crate::report::MatrixBy::Question => t(self.lang, "analyse-by-question"),
        });
    }

    /// Every text of the selected cell, in the cell's order.
    pub fn cell_units(&self) -> Vec<&Unit> {
        self.matrix
            .rows
            .get(self.row)
            .and_then(|r| r.cells.get(self.col))
            .map(|c| c.items.iter().flat_map(|i| i.texts.iter()).collect())
            .unwrap_or_default()
    }

    /// How many codings (by any coder) lie on the texts of a cell: the matrix marks them.
    pub fn codings_in_cell(&self, row: usize, col: usize) -> usize {
        let Some(r) = self.matrix.rows.get(row) else {
            return 0;
        };
        let Some(c) = r.cells.get(col) else {
            return 0;
        };
        let keys: std::collections::HashSet<&str> = c
            .items
            .iter()
            .flat_map(|i| i.texts.iter().map(|u| u.key.as_str()))
            .collect();
        self.codings
            .iter()
            .filter(|x| x.session_id == r.session_id && keys.contains(x.unit.as_str()))
            .count()
    }

    /// The codings of a text of the selected row.
    pub fn codings_of(&self, row: usize, unit: &str) -> Vec<&Coding> {
        let Some(r) = self.matrix.rows.get(row) else {
            return Vec::new();
        };
        self.codings
            .iter()
            .filter(|c| c.session_id == r.session_id && c.unit == unit)
            .collect()
    }

    fn target_coding(&self, t: &Target, code: &str) -> Coding {
        let r = &self.matrix.rows[t.row];
        Coding {
            session_id: r.session_id.clone(),
            unit: t.unit.key.clone(),
            start: t.start,
            end: t.end,
            code: code.to_string(),
            coder: self.coder.clone(),
            quote: span_of(&t.unit.text, t.start, t.end),
            digest: r.digest.clone(),
            at: self.now.clone(),
        }
    }

    /// Is `code` applied by this coder to exactly this target?
    pub fn applied(&self, t: &Target, code: &str) -> bool {
        let want = self.target_coding(t, code);
        self.codings.iter().any(|c| {
            (&c.session_id, &c.unit, c.start, c.end, &c.code, &c.coder)
                == (
                    &want.session_id,
                    &want.unit,
                    want.start,
                    want.end,
                    &want.code,
                    &want.coder,
                )
        })
    }

    pub fn codes_len(&self) -> usize {
        self.codebook.as_ref().map_or(0, |b| b.codes.len())
    }

    fn summary_of_cell(&self) -> String {
        self.matrix
            .rows
            .get(self.row)
            .and_then(|r| r.cells.get(self.col))
            .and_then(|c| c.summary.as_ref())
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// The runner carried out `e`: make the screen show it.
    pub fn applied_effect(&mut self, e: &Effect) {
        match e {
            Effect::SetSummary(s) => {
                for r in self
                    .matrix
                    .rows
                    .iter_mut()
                    .filter(|r| r.session_id == s.session_id)
                {
                    if let Some(i) = self
                        .matrix
                        .columns
                        .iter()
                        .position(|c| c.section == s.section)
                        && let Some(cell) = r.cells.get_mut(i)
                    {
                        cell.summary = (!s.text.trim().is_empty()).then(|| s.clone());
                        cell.summary_stale = false;
                    }
                }
                self.message = Some(t(self.lang, "analyse-summary-saved"));
            }
            Effect::AddCoding(c) => {
                self.message = Some(tr(
                    self.lang,
                    "analyse-coded",
                    &[("code", self.label(&c.code).into())],
                ));
                self.codings.push(c.clone());
            }
            Effect::RemoveCoding(c) => {
                self.codings.retain(|x| {
                    (&x.session_id, &x.unit, x.start, x.end, &x.code, &x.coder)
                        != (&c.session_id, &c.unit, c.start, c.end, &c.code, &c.coder)
                });
                self.message = Some(tr(
                    self.lang,
                    "analyse-uncoded",
                    &[("code", self.label(&c.code).into())],
                ));
            }
            Effect::Quit => {}
        }
    }

    pub fn label<'a>(&'a self, code: &'a str) -> &'a str {
        match &self.codebook {
            Some(b) => b.label(code, b.default_language()),
            None => code,
        }
    }
}

fn is(input: &Input, k: Key) -> bool {
    input.key == k && !input.ctrl && !input.alt
}

fn ch(input: &Input) -> Option<char> {
    match input.key {
        Key::Char(c) if !input.ctrl && !input.alt => Some(c),
        _ => None,
    }
}

/// One key. Returns what the runner must carry out.
pub fn update(s: &mut State, input: Input) -> Vec<Effect> {
    if s.help {
        // The arrows scroll it; any other key closes it and is not also a command.
        match (input.key, ch(&input)) {
            (Key::Down, _) | (_, Some('j')) => s.help_scroll += 1,
            (Key::Up, _) | (_, Some('k')) => s.help_scroll = s.help_scroll.saturating_sub(1),
            (Key::PageDown, _) => s.help_scroll += 10,
            (Key::PageUp, _) => s.help_scroll = s.help_scroll.saturating_sub(10),
            _ => {
                s.help = false;
                s.help_scroll = 0;
            }
        }
        return Vec::new();
    }
    let mode = std::mem::replace(&mut s.mode, Mode::Matrix);
    let (mode, effects) = match mode {
        Mode::Matrix => matrix_key(s, input),
        Mode::Cell { at, scroll } => cell_key(s, input, at, scroll),
        Mode::Summary { field, at } => summary_key(s, input, field, at),
        Mode::LeaveSummary { field, at } => leave_summary_key(s, input, field, at),
        Mode::Part { field, at } => part_key(s, input, field, at),
        Mode::Codes { target, at, back } => codes_key(s, input, target, at, back),
    };
    s.mode = mode;
    effects
}

fn matrix_key(s: &mut State, input: Input) -> (Mode, Vec<Effect>) {
    s.message = None;
    let rows = s.matrix.rows.len();
    let cols = s.matrix.columns.len();
    match (input.key, ch(&input)) {
        (_, Some('q')) => return (Mode::Matrix, vec![Effect::Quit]),
        (_, Some('?')) | (Key::F(1), _) => s.help = true,
        (_, Some('v')) => s.swap_view(),
        (Key::Down, _) | (_, Some('j')) => s.row = (s.row + 1).min(rows.saturating_sub(1)),
        (Key::Up, _) | (_, Some('k')) => s.row = s.row.saturating_sub(1),
        (Key::Right, _) | (_, Some('l')) | (Key::Tab, _) => {
            s.col = (s.col + 1).min(cols.saturating_sub(1))
        }
        (Key::Left, _) | (_, Some('h')) => s.col = s.col.saturating_sub(1),
        (Key::PageDown, _) => s.row = (s.row + 10).min(rows.saturating_sub(1)),
        (Key::PageUp, _) => s.row = s.row.saturating_sub(10),
        (Key::Home, _) | (_, Some('g')) => s.row = 0,
        (Key::End, _) | (_, Some('G')) => s.row = rows.saturating_sub(1),
        (Key::Enter, _) if rows > 0 => return (Mode::Cell { at: 0, scroll: 0 }, Vec::new()),
        (_, Some('s')) if rows > 0 => {
            let field = TextField::new(&s.summary_of_cell(), true);
            // `at` past any text: back to the matrix when the summary is saved.
            return (
                Mode::Summary {
                    field,
                    at: usize::MAX,
                },
                Vec::new(),
            );
        }
        _ => {}
    }
    (Mode::Matrix, Vec::new())
}

fn cell_key(s: &mut State, input: Input, at: usize, scroll: usize) -> (Mode, Vec<Effect>) {
    s.message = None;
    let n = s.cell_units().len();
    let stay = |at, scroll| (Mode::Cell { at, scroll }, Vec::new());
    if is(&input, Key::Esc) {
        return (Mode::Matrix, Vec::new());
    }
    match (input.key, ch(&input)) {
        (_, Some('q')) => (Mode::Cell { at, scroll }, vec![Effect::Quit]),
        (_, Some('?')) | (Key::F(1), _) => {
            s.help = true;
            stay(at, scroll)
        }
        (Key::Down, _) | (_, Some('j')) => stay((at + 1).min(n.saturating_sub(1)), scroll),
        (Key::Up, _) | (_, Some('k')) => stay(at.saturating_sub(1), scroll),
        (Key::PageDown, _) => stay(at, scroll + 5),
        (Key::PageUp, _) => stay(at, scroll.saturating_sub(5)),
        (_, Some('s')) => {
            let field = TextField::new(&s.summary_of_cell(), true);
            (Mode::Summary { field, at }, Vec::new())
        }
        (_, Some('c')) | (Key::Enter, _) if n > 0 => {
            let unit = s.cell_units()[at.min(n - 1)].clone();
            let end = unit.text.chars().count();
            let target = Target {
                row: s.row,
                unit,
                start: 0,
                end,
            };
            if s.codes_len() == 0 {
                s.message = Some(t(s.lang, "analyse-no-codebook"));
                return stay(at, scroll);
            }
            (
                Mode::Codes {
                    target,
                    at: 0,
                    back: at,
                },
                Vec::new(),
            )
        }
        (_, Some('p')) if n > 0 => {
            if s.codes_len() == 0 {
                s.message = Some(t(s.lang, "analyse-no-codebook"));
                return stay(at, scroll);
            }
            (
                Mode::Part {
                    field: TextField::new("", false),
                    at,
                },
                Vec::new(),
            )
        }
        // Next and previous cell without leaving the cell view: reading across a row.
        (Key::Right, _) | (_, Some('l')) => {
            s.col = (s.col + 1).min(s.matrix.columns.len().saturating_sub(1));
            stay(0, 0)
        }
        (Key::Left, _) | (_, Some('h')) => {
            s.col = s.col.saturating_sub(1);
            stay(0, 0)
        }
        _ => stay(at, scroll),
    }
}

fn summary_key(
    s: &mut State,
    input: Input,
    mut field: TextField,
    at: usize,
) -> (Mode, Vec<Effect>) {
    if input.ctrl && input.key == Key::Char('s') {
        return save_summary(s, &field, at);
    }
    if is(&input, Key::Esc) {
        if field.text() == s.summary_of_cell() {
            return (summary_back(at), Vec::new());
        }
        // Words typed are not thrown away by one key, nor saved behind the coder's back.
        return (Mode::LeaveSummary { field, at }, Vec::new());
    }
    field.input(input);
    (Mode::Summary { field, at }, Vec::new())
}

fn summary_back(at: usize) -> Mode {
    if at == usize::MAX {
        Mode::Matrix
    } else {
        Mode::Cell { at, scroll: 0 }
    }
}

fn save_summary(s: &mut State, field: &TextField, at: usize) -> (Mode, Vec<Effect>) {
    let text = field.text();
    let back = summary_back(at);
    if text == s.summary_of_cell() {
        s.message = Some(t(s.lang, "analyse-summary-unchanged"));
        return (back, Vec::new());
    }
    let Some(r) = s.matrix.rows.get(s.row) else {
        return (back, Vec::new());
    };
    let Some(col) = s.matrix.columns.get(s.col) else {
        return (back, Vec::new());
    };
    let e = Effect::SetSummary(CellSummary {
        session_id: r.session_id.clone(),
        section: col.section.clone(),
        text,
        author: s.coder.clone(),
        at: s.now.clone(),
        digest: r.digest.clone(),
    });
    (back, vec![e])
}

fn leave_summary_key(
    s: &mut State,
    input: Input,
    field: TextField,
    at: usize,
) -> (Mode, Vec<Effect>) {
    match (input.key, ch(&input)) {
        (Key::Enter, _) | (_, Some('y' | 'Y' | 's' | 'S')) => save_summary(s, &field, at),
        (_, Some('n' | 'N' | 'd' | 'D')) => {
            s.message = Some(t(s.lang, "analyse-summary-discarded"));
            (summary_back(at), Vec::new())
        }
        _ => (Mode::Summary { field, at }, Vec::new()),
    }
}

fn part_key(s: &mut State, input: Input, mut field: TextField, at: usize) -> (Mode, Vec<Effect>) {
    if is(&input, Key::Esc) {
        return (Mode::Cell { at, scroll: 0 }, Vec::new());
    }
    if is(&input, Key::Enter) {
        let part = field.text();
        let units = s.cell_units();
        let Some(unit) = units.get(at).map(|u| (*u).clone()) else {
            return (Mode::Cell { at, scroll: 0 }, Vec::new());
        };
        let Some((start, end)) = (!part.trim().is_empty())
            .then(|| find_words(&unit.text, &part))
            .flatten()
        else {
            s.message = Some(tr(
                s.lang,
                "analyse-not-in-text",
                &[("words", crate::neutralise::fit(&part, 40).into())],
            ));
            return (Mode::Part { field, at }, Vec::new());
        };
        let target = Target {
            row: s.row,
            unit,
            start,
            end,
        };
        return (
            Mode::Codes {
                target,
                at: 0,
                back: at,
            },
            Vec::new(),
        );
    }
    field.input(input);
    (Mode::Part { field, at }, Vec::new())
}

/// Where `part` first appears in `text`, in characters: as typed if it is there, else
/// ignoring case (a coder types "no data" for "No data"). The span is the text's own
/// characters either way, so the coding quotes what was said.
pub fn find_words(text: &str, part: &str) -> Option<(usize, usize)> {
    if let Some(byte) = text.find(part) {
        let start = text[..byte].chars().count();
        return Some((start, start + part.chars().count()));
    }
    let fold = |c: char| c.to_lowercase().collect::<String>();
    let hay: Vec<String> = text.chars().map(fold).collect();
    let needle: Vec<String> = part.chars().map(fold).collect();
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .find(|&i| hay[i..i + needle.len()] == needle[..])
        .map(|i| (i, i + needle.len()))
}

fn codes_key(
    s: &mut State,
    input: Input,
    target: Target,
    at: usize,
    back: usize,
) -> (Mode, Vec<Effect>) {
    let n = s.codes_len();
    let stay = |target, at| (Mode::Codes { target, at, back }, Vec::new());
    if is(&input, Key::Esc) {
        return (
            Mode::Cell {
                at: back,
                scroll: 0,
            },
            Vec::new(),
        );
    }
    match (input.key, ch(&input)) {
        (Key::Down, _) | (_, Some('j')) => stay(target, (at + 1).min(n.saturating_sub(1))),
        (Key::Up, _) | (_, Some('k')) => stay(target, at.saturating_sub(1)),
        (Key::PageDown, _) => stay(target, (at + 10).min(n.saturating_sub(1))),
        (Key::PageUp, _) => stay(target, at.saturating_sub(10)),
        (Key::Enter, _) | (_, Some(' ')) => {
            let Some(code) = s
                .codebook
                .as_ref()
                .and_then(|b| b.codes.get(at))
                .map(|c| c.id.clone())
            else {
                return stay(target, at);
            };
            let c = s.target_coding(&target, &code);
            let e = if s.applied(&target, &code) {
                Effect::RemoveCoding(c)
            } else {
                Effect::AddCoding(c)
            };
            (Mode::Codes { target, at, back }, vec![e])
        }
        _ => stay(target, at),
    }
}
