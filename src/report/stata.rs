//! `wide.do`: a Stata do-file that loads `wide.csv` with variable and value labels. Every
//! column is read as text, then each closed answer coded 1, 2, … in the guide's order, a
//! multi's options 0/1, numbers and dates converted; the markers become extended missing
//! values: `.a` don't know, `.b` declined, `.c` not asked, `.d` not asked of this session
//! (skip logic, structure), `.s` left out as sensitive. Texts stay text, markers and all.

use std::fmt::Write;

use super::columns::{Column, Kind, variable_names, wide_columns};
use super::model::GuideSection;

const CODES: [(&str, &str, &str); 5] = [
    ("[dont_know]", ".a", "Don't know"),
    ("[declined]", ".b", "Declined"),
    ("[not_asked]", ".c", "Not asked"),
    ("[hidden]", ".d", "Not asked of this session"),
    ("[sensitive]", ".s", "Left out: sensitive"),
];

/// A Stata string: compound quotes, so a `"` inside needs no escape; a `` ` `` or `$`
/// would start a macro, and a newline end the line, so they are replaced.
fn q(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| match c {
            '`' => '\'',
            '$' => 'S',
            '\n' | '\r' => ' ',
            c => c,
        })
        .collect();
    format!("`\"{clean}\"'")
}

fn label(s: &str) -> String {
    s.chars().take(80).collect()
}

pub fn stata(s: &GuideSection, csv: &str, hxl: bool) -> String {
    let cols = wide_columns(s);
    let names = variable_names(&cols, 32);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "* Loads {csv} (guide {}) with labels; written by stocktake report.",
        s.guide.id
    );
    let _ = writeln!(
        o,
        "* Markers: .a don't know, .b declined, .c not asked, .d not asked of this session, .s sensitive."
    );
    let _ = writeln!(o, "* Run it in the folder of {csv}: do wide.do");
    let first = if hxl { 3 } else { 2 };
    let _ = writeln!(
        o,
        "import delimited using {}, varnames(nonames) rowrange({first}) stringcols(_all) encoding(\"utf-8\") bindquotes(strict) clear",
        q(csv)
    );
    for (i, n) in names.iter().enumerate() {
        let _ = writeln!(o, "rename v{} {n}", i + 1);
    }
    for (c, n) in cols.iter().zip(&names) {
        convert(&mut o, c, n);
        let _ = writeln!(o, "label variable {n} {}", q(&label(&c.title)));
    }
    o
}

fn convert(o: &mut String, c: &Column, n: &str) {
    let numeric = |o: &mut String, expr: &str| {
        let _ = writeln!(o, "generate double _stk = {expr}");
        for (m, code, _) in CODES {
            let _ = writeln!(o, "replace _stk = {code} if {n} == \"{m}\"");
        }
        let _ = writeln!(o, "drop {n}");
        let _ = writeln!(o, "rename _stk {n}");
    };
    match &c.kind {
        Kind::Text | Kind::DateTime => {}
        Kind::Integer | Kind::Number | Kind::Flag => numeric(o, &format!("real({n})")),
        Kind::Date => {
            numeric(o, &format!("date({n}, \"YMD\")"));
            let _ = writeln!(o, "format {n} %td");
        }
        Kind::Choice(opts) => {
            let _ = writeln!(o, "generate double _stk = .");
            for (i, (v, _)) in opts.iter().enumerate() {
                let _ = writeln!(o, "replace _stk = {} if {n} == {}", i + 1, q(v));
            }
            for (m, code, _) in CODES {
                let _ = writeln!(o, "replace _stk = {code} if {n} == \"{m}\"");
            }
            let _ = writeln!(o, "drop {n}");
            let _ = writeln!(o, "rename _stk {n}");
            let mut def = format!("label define {n}_l");
            for (i, (_, l)) in opts.iter().enumerate() {
                let _ = write!(def, " {} {}", i + 1, q(&label(l)));
            }
            for (_, code, l) in CODES {
                let _ = write!(def, " {code} {}", q(l));
            }
            let _ = writeln!(o, "{def}, replace");
            let _ = writeln!(o, "label values {n} {n}_l");
        }
    }
    if c.kind == Kind::Flag {
        let mut def = format!("label define {n}_l 1 \"ticked\" 0 \"not ticked\"");
        for (_, code, l) in CODES {
            let _ = write!(def, " {code} {}", q(l));
        }
        let _ = writeln!(o, "{def}, replace");
        let _ = writeln!(o, "label values {n} {n}_l");
    }
}
