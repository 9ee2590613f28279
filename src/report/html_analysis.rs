//! The synthesis in the HTML report: the rapid-analysis matrix, the themes with their
//! quotes, and the coders' agreement. Every text escaped; the matrix's cells open with
//! `<details>`, which needs no JavaScript.

use std::fmt::Write;

use super::Text;
use super::analysis::{Analysis, MatrixCell};
use super::escape::html;
use super::model::{GuideSection, Report};

/// The matrix shows this many sessions in HTML; the rest are in `matrix.csv` and the
/// workbook, where a collator filters them.
pub const MATRIX_HTML_ROWS: usize = 200;
/// Quotes shown under one theme.
pub const QUOTES_SHOWN: usize = 50;

fn cell(o: &mut Text<'_>, c: &MatrixCell) {
    o.push_str("<td>");
    if let Some(s) = &c.summary {
        let stale = if c.summary_stale {
            " <span class=muted>(written on an earlier revision)</span>"
        } else {
            ""
        };
        let _ = write!(
            o,
            "<p><b>{}</b>{stale}<br><span class=muted>{}, {}</span></p>",
            html(&s.text).replace('\n', "<br>"),
            html(&s.author),
            html(&s.at)
        );
    }
    if !c.items.is_empty() {
        let texts: usize = c.items.iter().map(|i| i.texts.len()).sum();
        let _ = write!(
            o,
            "<details><summary>{} answer(s), {texts} text(s)</summary>",
            c.items.len()
        );
        for i in &c.items {
            let _ = write!(o, "<p><i>{}</i>", html(&i.label));
            if !i.answer.is_empty() {
                let _ = write!(o, ": {}", html(&i.answer));
            }
            for t in &i.texts {
                let _ = write!(o, "<br>{}: {}", t.kind, html(&t.text).replace('\n', "<br>"));
            }
            o.push_str("</p>");
        }
        o.push_str("</details>");
    }
    o.push_str("</td>");
}

fn matrix(o: &mut Text<'_>, a: &Analysis, suffix: &str) {
    let m = &a.matrix;
    let _ = write!(
        o,
        "<h3 id=matrix{suffix}>Rapid-analysis matrix</h3><p class=muted>A row per session, a column per section of the guide: the collator's summary (written in <code>stocktake analyse</code>), then what was answered and said. "
    );
    if m.sessions > MATRIX_HTML_ROWS {
        let _ = write!(
            o,
            "The first {MATRIX_HTML_ROWS} of {} sessions; every one is in matrix{suffix}.csv and the Matrix sheet of report.xlsx.",
            m.sessions
        );
    }
    o.push_str("</p><div style=\"overflow-x:auto\"><table><tr><th>session</th>");
    for c in &m.columns {
        let _ = write!(o, "<th>{}</th>", html(&c.title));
    }
    o.push_str("</tr>");
    for r in m.rows.iter().take(MATRIX_HTML_ROWS) {
        let flag = if r.unresolved {
            "<br><span class=muted>unresolved conflict</span>"
        } else {
            ""
        };
        let _ = write!(o, "<tr><th>{}{flag}</th>", html(&r.who));
        for c in &r.cells {
            cell(o, c);
        }
        o.push_str("</tr>");
    }
    o.push_str("</table></div>");
}

fn themes(o: &mut Text<'_>, a: &Analysis, suffix: &str) {
    let _ = write!(o, "<h3 id=themes{suffix}>Themes</h3>");
    if a.themes.is_empty() {
        let book = match &a.codebook {
            Some(b) => format!("the codebook has {} codes", b.codes.len()),
            None => "no codebook ships with this guide (give one with --codebook)".into(),
        };
        let _ = write!(
            o,
            "<p>No text is coded yet ({}): code notes in <code>stocktake analyse --db FILE</code>.</p>",
            html(&book)
        );
        return;
    }
    o.push_str("<p class=muted>Sessions with at least one text coded with the theme, by any coder; each count opens its quotes.</p><table><tr><th>theme</th><th>sessions</th>");
    if let Some(t) = a.themes.first() {
        for (g, _, of) in &t.by_group {
            let _ = write!(o, "<th>{} (n = {of})</th>", html(g.name()));
        }
    }
    o.push_str("</tr>");
    for (i, t) in a.themes.iter().enumerate() {
        let indent = "&nbsp;&nbsp;".repeat(t.depth);
        let unknown = if t.unknown {
            " <span class=muted>(not in the codebook)</span>"
        } else {
            ""
        };
        // A parent theme counts its children's sessions; only a theme with quotes of its
        // own has a list to open.
        let count = if t.sessions > 0 && !t.quotes.is_empty() {
            format!("<a href=\"#q{suffix}-{i}\">{} of {}</a>", t.sessions, t.of)
        } else {
            format!("0 of {}", t.of)
        };
        let _ = write!(
            o,
            "<tr><td>{indent}{}{unknown}</td><td class=n>{count}</td>",
            html(&t.label)
        );
        for (_, n, _) in &t.by_group {
            let _ = write!(o, "<td class=n>{n}</td>");
        }
        o.push_str("</tr>");
    }
    o.push_str("</table>");
    for (i, t) in a
        .themes
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.quotes.is_empty())
    {
        let _ = write!(o, "<h4 id=\"q{suffix}-{i}\">{}</h4>", html(&t.label));
        for q in t.quotes.iter().take(QUOTES_SHOWN) {
            let by = if q.by.is_empty() {
                String::new()
            } else {
                format!("{} · ", html(&q.by))
            };
            let _ = write!(
                o,
                "<blockquote>{}<br><span class=muted>{by}coded by {}</span></blockquote>",
                html(&q.text).replace('\n', "<br>"),
                html(&q.coders.join(", "))
            );
        }
        if t.quotes.len() > QUOTES_SHOWN {
            let _ = write!(
                o,
                "<p class=muted>{} more in themes{suffix}.csv.</p>",
                t.quotes.len() - QUOTES_SHOWN
            );
        }
    }
}

fn agreement(o: &mut Text<'_>, a: &Analysis) {
    for ag in &a.agreement {
        let _ = write!(
            o,
            "<h4>Agreement: {} and {}</h4><p class=muted>Cohen's kappa per code over the {} texts both coded (1: full agreement, 0: no better than chance).</p><table><tr><th>code</th><th>kappa</th><th>both</th><th>only {}</th><th>only {}</th><th>neither</th></tr>",
            html(&ag.first),
            html(&ag.second),
            ag.units,
            html(&ag.first),
            html(&ag.second)
        );
        for c in &ag.codes {
            let k = c
                .kappa
                .map_or("n/a (no variation)".to_string(), |k| format!("{k:.2}"));
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=n>{k}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
                html(&c.label),
                c.both,
                c.only_first,
                c.only_second,
                c.neither
            );
        }
        o.push_str("</table>");
        if !ag.disagreements.is_empty() {
            o.push_str("<details><summary>Disagreements</summary><ul>");
            for d in &ag.disagreements {
                let _ = write!(
                    o,
                    "<li>session {}, {}: {} applied by {} only</li>",
                    html(&d.session_id),
                    html(&d.unit),
                    html(&d.code),
                    html(&d.by)
                );
            }
            o.push_str("</ul></details>");
        }
    }
    if !a.stale.is_empty() {
        o.push_str("<h4>Codings to check</h4><p class=muted>Their text changed in a later revision (or is not in this report): kept, not counted, never moved.</p><ul>");
        for s in &a.stale {
            let _ = write!(
                o,
                "<li>{}, {}: {} by {}</li>",
                html(&s.who),
                html(&s.coding.unit),
                html(&s.coding.code),
                html(&s.coding.coder)
            );
        }
        o.push_str("</ul>");
    }
}

/// The synthesis of one guide's sessions.
pub(super) fn render(o: &mut Text<'_>, r: &Report, s: &GuideSection) {
    let suffix = super::section_suffix(r, s);
    themes(o, &s.analysis, &suffix);
    agreement(o, &s.analysis);
    matrix(o, &s.analysis, &suffix);
}
