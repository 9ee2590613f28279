//! The synthesis in the Markdown report: the rapid-analysis matrix a session at a time,
//! the themes with their quotes, and the coders' agreement.

use std::fmt::Write;

use super::Text;
use super::escape::markdown as md;
use super::model::{GuideSection, Report};
use super::say::Say;

/// A matrix cell is shortened to this many characters; `matrix.csv` has it whole.
const MATRIX_CELL_CHARS: usize = 300;

/// The rapid-analysis matrix, a session at a time: a table that wide is unreadable in
/// Markdown, so each row becomes a heading and each cell a line, the collator's summary
/// first where there is one.
pub(super) fn matrix(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let m = &s.analysis.matrix;
    let suffix = super::section_suffix(r, s);
    let shown = super::html_analysis::MATRIX_HTML_ROWS;
    let _ = writeln!(
        o,
        "### {}\n\n{}",
        say.t("rpt-matrix"),
        say.tr(
            "rpt-matrix-about-md",
            &[
                ("chars", MATRIX_CELL_CHARS.into()),
                ("file", format!("matrix{suffix}.csv").into()),
            ]
        )
    );
    if m.sessions > shown {
        let _ = writeln!(
            o,
            "{}",
            say.tr(
                "rpt-matrix-first-md",
                &[("shown", shown.into()), ("sessions", m.sessions.into())]
            )
        );
    }
    o.push('\n');
    let flag = format!(" {}", say.t("rpt-md-unresolved-row"));
    let stale = say.t("rpt-md-summary-stale");
    for row in m.rows.iter().take(shown) {
        let flag = if row.unresolved { flag.as_str() } else { "" };
        let _ = writeln!(o, "#### {}{flag}\n", md(&row.who));
        for (c, col) in row.cells.iter().zip(&m.columns) {
            let text = match &c.summary {
                Some(sum) => {
                    let stale = if c.summary_stale { stale.as_str() } else { "" };
                    format!("✎ {} ({}{stale})", sum.text, sum.author)
                }
                None if c.items.is_empty() => "·".to_string(),
                None => c.content(s.guide.default_language()),
            };
            let short: String = text.chars().take(MATRIX_CELL_CHARS).collect();
            let more = if short.len() < text.len() { "…" } else { "" };
            let _ = writeln!(
                o,
                "- {}",
                say.tr(
                    "rpt-labelled",
                    &[
                        ("label", format!("**{}**", md(&col.title)).into()),
                        ("what", format!("{}{more}", md(&short)).into()),
                    ]
                )
            );
        }
        o.push('\n');
    }
}

/// The themes and the coders' agreement.
pub(super) fn themes(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let a = &s.analysis;
    let suffix = super::section_suffix(r, s);
    let _ = writeln!(o, "### {}\n", say.t("rpt-themes"));
    if a.themes.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            say.tr(
                "rpt-themes-none-md",
                &[
                    ("command", "`stocktake analyse --db FILE`".into()),
                    ("file", format!("matrix{suffix}.csv").into()),
                ]
            )
        );
        return;
    }
    let _ = write!(
        o,
        "| {} | {} |",
        say.t("rpt-col-theme"),
        say.t("rpt-col-sessions")
    );
    let groups: Vec<(String, usize)> = a
        .themes
        .first()
        .map(|t| {
            t.by_group
                .iter()
                .map(|(g, _, of)| (g.name().to_string(), *of))
                .collect()
        })
        .unwrap_or_default();
    for (g, of) in &groups {
        let _ = write!(
            o,
            " {} ({}) |",
            md(g),
            say.tr("rpt-n", &[("n", say.n(*of).into())])
        );
    }
    let _ = write!(o, "\n|---|---:|");
    for _ in &groups {
        o.push_str("---:|");
    }
    o.push('\n');
    let unknown = format!(" {}", say.t("rpt-theme-not-in-codebook"));
    for t in &a.themes {
        let unknown = if t.unknown { unknown.as_str() } else { "" };
        let _ = write!(
            o,
            "| {}{}{unknown} | {} |",
            "— ".repeat(t.depth),
            md(&t.label),
            say.tr(
                "rpt-n-of",
                &[("n", say.n(t.sessions).into()), ("of", say.n(t.of).into())]
            )
        );
        for (_, n, _) in &t.by_group {
            let _ = write!(o, " {} |", say.n(*n));
        }
        o.push('\n');
    }
    o.push('\n');
    for t in a.themes.iter().filter(|t| !t.quotes.is_empty()) {
        let _ = writeln!(o, "#### {}\n", md(&t.label));
        for q in t.quotes.iter().take(super::html_analysis::QUOTES_SHOWN) {
            let by = if q.by.is_empty() {
                String::new()
            } else {
                format!("{} · ", md(&q.by))
            };
            let _ = writeln!(
                o,
                "> {}\n>\n> — {by}{}\n",
                md(&q.text),
                say.tr(
                    "rpt-coded-by",
                    &[("coders", md(&q.coders.join(", ")).into())]
                )
            );
        }
    }
    agreement(o, a, say);
    if !a.stale.is_empty() {
        let _ = writeln!(
            o,
            "{}\n",
            say.tr("rpt-md-codings-to-check", &[("n", a.stale.len().into())])
        );
    }
}

fn agreement(o: &mut Text<'_>, a: &super::analysis::Analysis, say: Say) {
    for ag in &a.agreement {
        let (first, second) = (md(&ag.first), md(&ag.second));
        let _ = writeln!(
            o,
            "#### {}\n\n{}\n\n| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|",
            say.tr(
                "rpt-agreement",
                &[
                    ("first", first.as_str().into()),
                    ("second", second.as_str().into())
                ]
            ),
            say.tr("rpt-agreement-about-md", &[("units", ag.units.into())]),
            say.t("rpt-col-code"),
            say.t("rpt-col-kappa"),
            say.t("rpt-col-both"),
            say.tr("rpt-col-only", &[("coder", first.as_str().into())]),
            say.tr("rpt-col-only", &[("coder", second.as_str().into())]),
            say.t("rpt-col-neither"),
        );
        for c in &ag.codes {
            let k = c
                .kappa
                .map_or_else(|| say.t("rpt-kappa-none"), |k| say.decimal(k, 2));
            let _ = writeln!(
                o,
                "| {} | {k} | {} | {} | {} | {} |",
                md(&c.label),
                say.n(c.both),
                say.n(c.only_first),
                say.n(c.only_second),
                say.n(c.neither)
            );
        }
        o.push('\n');
    }
}
