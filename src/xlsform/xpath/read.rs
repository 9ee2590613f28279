//! Reading `relevant`: tokens, a small recursive-descent parser, negation normal form, and
//! the tests of each question read together into a condition.

use crate::guide::{Condition, QuestionType, Test};

use super::super::NON_ANSWERS;
use super::error::{Expected, RelevantError};

/// What the reader needs to know of a question `${name}` names.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: String,
    pub kind: QuestionType,
    /// Its choice values (yes/no for yes_no), without the non-answers.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ref(String),
    Str(String),
    Num(f64),
    Op(&'static str),
    Word(String),
    Open,
    Close,
    Comma,
}

fn tokens(s: &str) -> Result<Vec<Tok>, RelevantError> {
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        match c {
            _ if c.is_whitespace() => i += 1,
            '$' if b.get(i + 1) == Some(&'{') => {
                let end = b[i..]
                    .iter()
                    .position(|&c| c == '}')
                    .ok_or(RelevantError::RefNotClosed)?;
                out.push(Tok::Ref(b[i + 2..i + end].iter().collect()));
                i += end + 1;
            }
            '\'' | '"' => {
                let end = b[i + 1..]
                    .iter()
                    .position(|&x| x == c)
                    .ok_or(RelevantError::QuoteNotClosed)?;
                out.push(Tok::Str(b[i + 1..i + 1 + end].iter().collect()));
                i += end + 2;
            }
            '(' => {
                out.push(Tok::Open);
                i += 1;
            }
            ')' => {
                out.push(Tok::Close);
                i += 1;
            }
            ',' => {
                out.push(Tok::Comma);
                i += 1;
            }
            '=' => {
                out.push(Tok::Op("="));
                i += 1;
            }
            '!' | '<' | '>' => {
                let two = b.get(i + 1) == Some(&'=');
                out.push(Tok::Op(match (c, two) {
                    ('!', true) => "!=",
                    ('<', true) => "<=",
                    ('>', true) => ">=",
                    ('<', false) => "<",
                    ('>', false) => ">",
                    _ => return Err(RelevantError::BangAlone),
                }));
                i += 1 + usize::from(two);
            }
            _ if c.is_ascii_digit()
                || (c == '-' && b.get(i + 1).is_some_and(char::is_ascii_digit)) =>
            {
                let start = i;
                i += 1;
                while i < b.len() && (b[i].is_ascii_digit() || b[i] == '.') {
                    i += 1;
                }
                let text: String = b[start..i].iter().collect();
                out.push(Tok::Num(
                    text.parse()
                        .map_err(|_| RelevantError::BadNumber(text.clone()))?,
                ));
            }
            _ if c.is_alphabetic() => {
                let start = i;
                while i < b.len()
                    && (b[i].is_alphanumeric() || b[i] == '-' || b[i] == '_' || b[i] == ':')
                {
                    i += 1;
                }
                out.push(Tok::Word(b[start..i].iter().collect()));
            }
            _ => return Err(RelevantError::NotInSubset(c)),
        }
    }
    Ok(out)
}

/// A comparison as parsed.
#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Not(Box<Expr>),
    Selected(String, String),
    /// `${q} op literal`.
    Compare(String, &'static str, Lit),
}

#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Str(String),
    Num(f64),
}

struct Parser {
    toks: Vec<Tok>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).cloned();
        self.at += 1;
        t
    }
    fn expect(&mut self, t: Tok, what: Expected) -> Result<(), RelevantError> {
        match self.next() {
            Some(x) if x == t => Ok(()),
            _ => Err(RelevantError::Expected(what)),
        }
    }
    fn or(&mut self) -> Result<Expr, RelevantError> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Word("or".into())) {
            self.at += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::Or(parts)
        })
    }
    fn and(&mut self) -> Result<Expr, RelevantError> {
        let mut parts = vec![self.primary()?];
        while self.peek() == Some(&Tok::Word("and".into())) {
            self.at += 1;
            parts.push(self.primary()?);
        }
        Ok(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Expr::And(parts)
        })
    }
    fn primary(&mut self) -> Result<Expr, RelevantError> {
        match self.next() {
            Some(Tok::Open) => {
                let e = self.or()?;
                self.expect(Tok::Close, Expected::Close)?;
                Ok(e)
            }
            Some(Tok::Word(w)) if w == "not" => {
                self.expect(Tok::Open, Expected::OpenAfterNot)?;
                let e = self.or()?;
                self.expect(Tok::Close, Expected::Close)?;
                Ok(Expr::Not(Box::new(e)))
            }
            Some(Tok::Word(w)) if w == "selected" => {
                self.expect(Tok::Open, Expected::OpenAfterSelected)?;
                let Some(Tok::Ref(q)) = self.next() else {
                    return Err(RelevantError::SelectedFirst);
                };
                self.expect(Tok::Comma, Expected::CommaInSelected)?;
                let v = match self.next() {
                    Some(Tok::Str(s)) => s,
                    Some(Tok::Num(n)) => number_text(n),
                    _ => {
                        return Err(RelevantError::SelectedSecond);
                    }
                };
                self.expect(Tok::Close, Expected::CloseSelected)?;
                Ok(Expr::Selected(q, v))
            }
            Some(Tok::Word(w)) if w == "pulldata" => Err(RelevantError::Pulldata),
            Some(Tok::Word(w)) if self.peek() == Some(&Tok::Open) => {
                Err(RelevantError::Function(w))
            }
            Some(Tok::Ref(q)) => {
                let Some(Tok::Op(op)) = self.next() else {
                    return Err(RelevantError::NoComparison(q));
                };
                let lit = match self.next() {
                    Some(Tok::Str(s)) => Lit::Str(s),
                    Some(Tok::Num(n)) => Lit::Num(n),
                    Some(Tok::Ref(r)) => {
                        return Err(RelevantError::ComparedWithQuestion(q, r));
                    }
                    _ => return Err(RelevantError::NoValue(q, op)),
                };
                Ok(Expr::Compare(q, op, lit))
            }
            Some(t) => Err(RelevantError::NotAStart(describe(&t))),
            None => Err(RelevantError::EndsEarly),
        }
    }
}

fn describe(t: &Tok) -> String {
    match t {
        Tok::Word(w) => format!("`{w}`"),
        Tok::Str(s) => format!("'{s}'"),
        Tok::Num(n) => number_text(*n),
        Tok::Op(o) => format!("`{o}`"),
        Tok::Ref(r) => format!("${{{r}}}"),
        Tok::Open => "`(`".into(),
        Tok::Close => "`)`".into(),
        Tok::Comma => "`,`".into(),
    }
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// A literal of negation normal form: a test on one question, maybe negated.
#[derive(Debug, Clone)]
enum Atom {
    /// `selected(${q}, v)` (positive) or its negation.
    Sel(String, String, bool),
    /// `${q} = ''` (positive) or `${q} != ''`.
    Blank(String, bool),
}

#[derive(Debug, Clone)]
enum Nnf {
    And(Vec<Nnf>),
    Or(Vec<Nnf>),
    Atom(Atom),
}

/// Translate a `relevant` into a condition. `named` looks up `${name}`: `None` for a name
/// that is not an earlier question.
pub fn read_relevant(
    s: &str,
    named: &dyn Fn(&str) -> Option<Named>,
) -> Result<Condition, RelevantError> {
    let mut p = Parser {
        toks: tokens(s)?,
        at: 0,
    };
    let e = p.or()?;
    if let Some(t) = p.peek() {
        return Err(RelevantError::AfterEnd(describe(t)));
    }
    let n = nnf(&e, false, named)?;
    to_condition(&n, named)
}

fn lookup(q: &str, named: &dyn Fn(&str) -> Option<Named>) -> Result<Named, RelevantError> {
    named(q).ok_or_else(|| RelevantError::NotBefore(q.to_string()))
}

fn nnf(e: &Expr, neg: bool, named: &dyn Fn(&str) -> Option<Named>) -> Result<Nnf, RelevantError> {
    Ok(match e {
        Expr::Not(inner) => nnf(inner, !neg, named)?,
        Expr::Or(parts) | Expr::And(parts) => {
            let parts = parts
                .iter()
                .map(|p| nnf(p, neg, named))
                .collect::<Result<Vec<_>, _>>()?;
            // De Morgan: a negated `or` is an `and` of the negations, and the other way.
            // An `and` inside an `and` is one `and`: so `q != '' and not(selected(q, 'a')
            // or …)` puts all the tests of `q` side by side, to be read as one none_of.
            let or = matches!(e, Expr::Or(_)) != neg;
            let mut flat = Vec::new();
            for p in parts {
                match p {
                    Nnf::Or(inner) if or => flat.extend(inner),
                    Nnf::And(inner) if !or => flat.extend(inner),
                    p => flat.push(p),
                }
            }
            if or { Nnf::Or(flat) } else { Nnf::And(flat) }
        }
        Expr::Selected(q, v) => {
            let n = lookup(q, named)?;
            if !n.kind.is_closed() {
                return Err(RelevantError::SelectedNotChoice(q.clone()));
            }
            Nnf::Atom(Atom::Sel(q.clone(), v.clone(), !neg))
        }
        Expr::Compare(q, op, lit) => {
            let n = lookup(q, named)?;
            match (op, lit) {
                (&"=" | &"!=", Lit::Str(s)) if s.is_empty() => {
                    Nnf::Atom(Atom::Blank(q.clone(), (*op == "=") != neg))
                }
                (&"=" | &"!=", _) if n.kind == QuestionType::Multi => {
                    return Err(RelevantError::WholeList(q.clone(), op));
                }
                (&"=" | &"!=", lit) if n.kind.is_closed() => {
                    let v = match lit {
                        Lit::Str(s) => s.clone(),
                        Lit::Num(x) => number_text(*x),
                    };
                    Nnf::Atom(Atom::Sel(q.clone(), v, (*op == "=") != neg))
                }
                (op, lit) if n.kind.is_closed() => {
                    let bound = match lit {
                        Lit::Num(x) => *x,
                        Lit::Str(s) => {
                            s.parse::<f64>()
                                .map_err(|_| RelevantError::BoundNotANumber {
                                    q: q.clone(),
                                    op,
                                    value: s.clone(),
                                })?
                        }
                    };
                    let op: &str = op;
                    let mut hits = Vec::new();
                    for v in &n.values {
                        let x: f64 = v.parse().map_err(|_| RelevantError::NamesNotNumbers {
                            q: q.clone(),
                            op,
                            bound: number_text(bound),
                            name: v.clone(),
                        })?;
                        let holds = match op {
                            "<" => x < bound,
                            "<=" => x <= bound,
                            ">" => x > bound,
                            ">=" => x >= bound,
                            "=" => x == bound,
                            _ => x != bound,
                        };
                        if holds != neg {
                            hits.push(Nnf::Atom(Atom::Sel(q.clone(), v.clone(), true)));
                        }
                    }
                    if neg {
                        // A comparison is false on a blank answer, so its negation holds there.
                        hits.push(Nnf::Atom(Atom::Blank(q.clone(), true)));
                    }
                    Nnf::Or(hits)
                }
                (op, _) => {
                    return Err(RelevantError::NotAChoiceQuestion {
                        q: q.clone(),
                        op,
                        kind: n.kind.as_str(),
                    });
                }
            }
        }
    })
}

fn is_non_answer(v: &str) -> bool {
    NON_ANSWERS.iter().any(|(n, _, _)| *n == v)
}

pub(super) fn test(question: &str, test: Test) -> Condition {
    Condition::Test {
        question: question.to_string(),
        test,
    }
}

fn to_condition(
    n: &Nnf,
    named: &dyn Fn(&str) -> Option<Named>,
) -> Result<Condition, RelevantError> {
    match n {
        Nnf::Atom(a) => group(std::slice::from_ref(a), false, named).map(|mut v| {
            if v.len() == 1 {
                v.remove(0)
            } else {
                Condition::Any { any: v }
            }
        }),
        Nnf::And(parts) | Nnf::Or(parts) => {
            let is_or = matches!(n, Nnf::Or(_));
            // The tests of one question are read together, where the first of them stands;
            // everything else keeps its place, so a condition reads back in its order.
            enum Slot<'a> {
                Atoms(String, Vec<Atom>),
                Part(&'a Nnf),
            }
            let mut slots: Vec<Slot> = Vec::new();
            for p in parts {
                match p {
                    Nnf::Atom(a) => {
                        let (Atom::Sel(q, _, _) | Atom::Blank(q, _)) = a;
                        let found = slots.iter_mut().find_map(|s| match s {
                            Slot::Atoms(x, atoms) if x == q => Some(atoms),
                            _ => None,
                        });
                        match found {
                            Some(atoms) => atoms.push(a.clone()),
                            None => slots.push(Slot::Atoms(q.clone(), vec![a.clone()])),
                        }
                    }
                    p => slots.push(Slot::Part(p)),
                }
            }
            let mut out = Vec::new();
            for s in slots {
                match s {
                    Slot::Atoms(_, atoms) => out.extend(group(&atoms, !is_or, named)?),
                    Slot::Part(p) => out.push(to_condition(p, named)?),
                }
            }
            match out.len() {
                0 => Err(RelevantError::NeverHolds),
                1 => Ok(out.remove(0)),
                _ if is_or => Ok(Condition::Any { any: out }),
                _ => Ok(Condition::All { all: out }),
            }
        }
    }
}

/// The atoms of one `and` (`conj`) or `or`, grouped by question, each group as the tests
/// it means; questions in order of first mention.
fn group(
    atoms: &[Atom],
    conj: bool,
    named: &dyn Fn(&str) -> Option<Named>,
) -> Result<Vec<Condition>, RelevantError> {
    let mut order: Vec<&str> = Vec::new();
    for a in atoms {
        let (Atom::Sel(q, _, _) | Atom::Blank(q, _)) = a;
        if !order.contains(&q.as_str()) {
            order.push(q);
        }
    }
    let mut out = Vec::new();
    for q in order {
        let n = lookup(q, named)?;
        let mut pos = Vec::new();
        let mut negs = Vec::new();
        let mut blank = None;
        for a in atoms {
            match a {
                Atom::Sel(x, v, p) if x == q => {
                    if !is_non_answer(v) && !n.values.contains(v) {
                        return Err(RelevantError::NoSuchChoice(q.to_string(), v.clone()));
                    }
                    if *p {
                        pos.push(v.clone())
                    } else {
                        negs.push(v.clone())
                    }
                }
                Atom::Blank(x, b) if x == q => blank = Some(*b),
                _ => {}
            }
        }
        let real = |vs: &[String]| {
            vs.iter()
                .filter(|v| !is_non_answer(v))
                .cloned()
                .collect::<Vec<_>>()
        };
        let has_non_answer = |vs: &[String]| vs.iter().any(|v| is_non_answer(v));
        if conj {
            // Every test holds: an answer given (`!= ''`, or a choice selected) makes the
            // negated choices a none_of; the non-answers are never real answers anyway.
            let answered = blank == Some(false) || !pos.is_empty();
            if blank == Some(true) {
                if !pos.is_empty() {
                    return Err(RelevantError::BlankAndSelected(q.to_string()));
                }
                out.push(test(&n.id, Test::Answered(false)));
                continue;
            }
            if has_non_answer(&pos) {
                return Err(RelevantError::NonAnswer(q.to_string()));
            }
            for v in &pos {
                out.push(test(&n.id, Test::AnyOf(vec![v.clone()])));
            }
            let negs = real(&negs);
            match (answered, negs.is_empty()) {
                (true, false) => out.push(test(&n.id, Test::NoneOf(negs))),
                (true, true) if pos.is_empty() => out.push(test(&n.id, Test::Answered(true))),
                (true, true) => {}
                (false, _) => {
                    for v in negs {
                        out.push(Condition::Any {
                            any: vec![
                                test(&n.id, Test::NoneOf(vec![v])),
                                test(&n.id, Test::Answered(false)),
                            ],
                        });
                    }
                }
            }
        } else {
            if blank == Some(true) {
                // `= ''`, with or without the non-answers: no real answer.
                if !real(&pos).is_empty() {
                    out.push(test(&n.id, Test::AnyOf(real(&pos))));
                }
                out.push(test(&n.id, Test::Answered(false)));
            } else if has_non_answer(&pos) {
                return Err(RelevantError::NonAnswer(q.to_string()));
            } else {
                if !pos.is_empty() {
                    out.push(test(&n.id, Test::AnyOf(pos)));
                }
                if blank == Some(false) {
                    out.push(test(&n.id, Test::Answered(true)));
                }
            }
            for v in real(&negs) {
                out.push(test(&n.id, Test::NoneOf(vec![v])));
                out.push(test(&n.id, Test::Answered(false)));
            }
        }
    }
    Ok(out)
}
