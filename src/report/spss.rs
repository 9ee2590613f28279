//! `wide.sps`: SPSS syntax that loads `wide.csv` with variable and value labels. Columns
//! are read as text (v1, v2, …), then each closed answer coded 1, 2, … in the guide's
//! order, a multi's options 0/1, numbers and dates converted; the markers become
//! user-missing codes: -97 don't know, -98 declined, -99 not asked, -96 not asked of this
//! session (skip logic, structure), -95 left out as sensitive. Texts stay text.

use std::fmt::Write;

use super::columns::{Kind, variable_names, wide_columns};
use super::model::GuideSection;

const CODES: [(&str, i32, &str); 5] = [
    ("[dont_know]", -97, "Don't know"),
    ("[declined]", -98, "Declined"),
    ("[not_asked]", -99, "Not asked"),
    ("[hidden]", -96, "Not asked of this session"),
    ("[sensitive]", -95, "Left out: sensitive"),
];

/// An SPSS string in single quotes (a quote inside doubled), on one line.
fn q(s: &str) -> String {
    let one: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    format!("'{}'", one.replace('\'', "''"))
}

pub fn spss(s: &GuideSection, csv: &str, hxl: bool) -> String {
    let cols = wide_columns(s);
    let names = variable_names(&cols, 64);
    let mut o = String::new();
    let _ = writeln!(o, "* Encoding: UTF-8.");
    let _ = writeln!(
        o,
        "* Loads {csv} (guide {}) with labels; written by stocktake report.",
        s.guide.id
    );
    let _ = writeln!(
        o,
        "* User-missing: -97 don't know, -98 declined, -99 not asked, -96 not asked of this session, -95 sensitive."
    );
    let _ = writeln!(
        o,
        "GET DATA /TYPE=TXT /FILE={} /ENCODING='UTF8' /DELCASE=LINE /DELIMITERS=\",\" /QUALIFIER='\"' /ARRANGEMENT=DELIMITED /FIRSTCASE={}",
        q(csv),
        if hxl { 3 } else { 2 }
    );
    let _ = write!(o, "  /VARIABLES=");
    for i in 0..cols.len() {
        let _ = write!(o, "\n    v{} A32767", i + 1);
    }
    let _ = writeln!(o, ".");
    for (i, (c, n)) in cols.iter().zip(&names).enumerate() {
        let v = format!("v{}", i + 1);
        let markers = |o: &mut String| {
            for (m, code, _) in CODES {
                let _ = writeln!(o, "IF ({v} = {}) {n} = {code}.", q(m));
            }
        };
        match &c.kind {
            Kind::Text | Kind::DateTime => {
                let _ = writeln!(o, "STRING {n} (A32767).");
                let _ = writeln!(o, "COMPUTE {n} = {v}.");
            }
            Kind::Integer | Kind::Number | Kind::Flag | Kind::Date => {
                let format = if c.kind == Kind::Date {
                    "SDATE10"
                } else {
                    "F40.10"
                };
                let _ = writeln!(o, "COMPUTE {n} = NUMBER({v}, {format}).");
                markers(&mut o);
                if c.kind == Kind::Date {
                    let _ = writeln!(o, "FORMATS {n} (SDATE10).");
                }
            }
            Kind::Choice(opts) => {
                let _ = write!(o, "RECODE {v}");
                for (i, (val, _)) in opts.iter().enumerate() {
                    let _ = write!(o, " ({}={})", q(val), i + 1);
                }
                for (m, code, _) in CODES {
                    let _ = write!(o, " ({}={code})", q(m));
                }
                let _ = writeln!(o, " (ELSE=SYSMIS) INTO {n}.");
            }
        }
        let _ = writeln!(o, "VARIABLE LABELS {n} {}.", q(&c.title));
        let numeric = !matches!(c.kind, Kind::Text | Kind::DateTime);
        if numeric {
            let _ = write!(o, "VALUE LABELS {n}");
            match &c.kind {
                Kind::Choice(opts) => {
                    for (i, (_, l)) in opts.iter().enumerate() {
                        let _ = write!(o, " {} {}", i + 1, q(l));
                    }
                }
                Kind::Flag => {
                    let _ = write!(o, " 1 'ticked' 0 'not ticked'");
                }
                _ => {}
            }
            for (_, code, l) in CODES {
                let _ = write!(o, " {code} {}", q(l));
            }
            let _ = writeln!(o, ".");
            let _ = writeln!(o, "MISSING VALUES {n} (-99 THRU -95).");
        }
    }
    let _ = writeln!(o, "DELETE VARIABLES v1 TO v{}.", cols.len());
    let _ = writeln!(o, "EXECUTE.");
    o
}
