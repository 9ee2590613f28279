//! The synthesis in the HTML report: the rapid-analysis matrix, the themes with their
//! quotes, and the coders' agreement. Every text escaped; the matrix's cells open with
//! `<details>`, which needs no JavaScript.

use std::fmt::Write;

use super::Text;
use super::analysis::{Analysis, MatrixCell};
use super::escape::html;
use super::model::{GuideSection, Report};
use super::say::Say;

/// The matrix shows this many sessions in HTML; the rest are in `matrix.csv` and the
/// workbook, where a collator filters them.
pub const MATRIX_HTML_ROWS: usize = 200;
/// Quotes shown under one theme.
pub const QUOTES_SHOWN: usize = 50;

fn cell(o: &mut Text<'_>, c: &MatrixCell, say: Say) {
    o.push_str("<td>");
    if let Some(s) = &c.summary {
        let stale = if c.summary_stale {
            format!(
                " <span class=muted>{}</span>",
                say.t("rpt-matrix-summary-stale")
            )
        } else {
            String::new()
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
            "<details><summary>{}</summary>",
            say.tr(
                "rpt-matrix-cell-count",
                &[("answers", c.items.len().into()), ("texts", texts.into())]
            )
        );
        for i in &c.items {
            let _ = write!(o, "<p><i>{}</i>", html(&i.label));
            if !i.answer.is_empty() {
                let _ = write!(
                    o,
                    "{}",
                    say.tr("rpt-colon-then", &[("what", html(&i.answer).into())])
                );
            }
            for t in &i.texts {
                let _ = write!(
                    o,
                    "<br>{}",
                    say.tr(
                        "rpt-labelled",
                        &[
                            ("label", super::kind_said(say, t.kind).into()),
                            ("what", html(&t.text).replace('\n', "<br>").into()),
                        ]
                    )
                );
            }
            o.push_str("</p>");
        }
        o.push_str("</details>");
    }
    o.push_str("</td>");
}

fn matrix(o: &mut Text<'_>, a: &Analysis, suffix: &str, say: Say) {
    let m = &a.matrix;
    let _ = write!(
        o,
        "<h3 id=matrix{suffix}>{}</h3><p class=muted>{} ",
        say.t("rpt-matrix"),
        say.tr(
            "rpt-matrix-about-html",
            &[("command", "<code>stocktake analyse</code>".into())]
        )
    );
    if m.sessions > MATRIX_HTML_ROWS {
        let _ = write!(
            o,
            "{}",
            say.tr(
                "rpt-matrix-first-html",
                &[
                    ("shown", MATRIX_HTML_ROWS.into()),
                    ("sessions", m.sessions.into()),
                    ("file", format!("matrix{suffix}.csv").into()),
                ]
            )
        );
    }
    let _ = write!(
        o,
        "</p><div style=\"overflow-x:auto\"><table><tr><th>{}</th>",
        say.t("rpt-col-session")
    );
    for c in &m.columns {
        let _ = write!(o, "<th>{}</th>", html(&c.title));
    }
    o.push_str("</tr>");
    let flag = format!(
        "<br><span class=muted>{}</span>",
        say.t("rpt-unresolved-conflict")
    );
    for r in m.rows.iter().take(MATRIX_HTML_ROWS) {
        let flag = if r.unresolved { flag.as_str() } else { "" };
        let _ = write!(o, "<tr><th>{}{flag}</th>", html(&r.who));
        for c in &r.cells {
            cell(o, c, say);
        }
        o.push_str("</tr>");
    }
    o.push_str("</table></div>");
}

fn themes(o: &mut Text<'_>, a: &Analysis, suffix: &str, say: Say) {
    let _ = write!(o, "<h3 id=themes{suffix}>{}</h3>", say.t("rpt-themes"));
    if a.themes.is_empty() {
        let book = match &a.codebook {
            Some(b) => say.tr("rpt-codebook-has", &[("n", b.codes.len().into())]),
            None => say.t("rpt-codebook-none"),
        };
        let _ = write!(
            o,
            "<p>{}</p>",
            say.tr(
                "rpt-themes-none-html",
                &[
                    ("book", html(&book).into()),
                    ("command", "<code>stocktake analyse --db FILE</code>".into())
                ]
            )
        );
        return;
    }
    let _ = write!(
        o,
        "<p class=muted>{}</p><table><tr><th>{}</th><th>{}</th>",
        say.t("rpt-themes-about-html"),
        say.t("rpt-col-theme"),
        say.t("rpt-col-sessions")
    );
    if let Some(t) = a.themes.first() {
        for (g, _, of) in &t.by_group {
            let _ = write!(
                o,
                "<th>{} ({})</th>",
                html(g.name()),
                say.tr("rpt-n", &[("n", say.n(*of).into())])
            );
        }
    }
    o.push_str("</tr>");
    let unknown = format!(
        " <span class=muted>{}</span>",
        say.t("rpt-theme-not-in-codebook")
    );
    for (i, t) in a.themes.iter().enumerate() {
        let indent = "&nbsp;&nbsp;".repeat(t.depth);
        let unknown = if t.unknown { unknown.as_str() } else { "" };
        // A parent theme counts its children's sessions; only a theme with quotes of its
        // own has a list to open.
        let of = |n: usize| {
            say.tr(
                "rpt-n-of",
                &[("n", say.n(n).into()), ("of", say.n(t.of).into())],
            )
        };
        let count = if t.sessions > 0 && !t.quotes.is_empty() {
            format!("<a href=\"#q{suffix}-{i}\">{}</a>", of(t.sessions))
        } else {
            of(0)
        };
        let _ = write!(
            o,
            "<tr><td>{indent}{}{unknown}</td><td class=n>{count}</td>",
            html(&t.label)
        );
        for (_, n, _) in &t.by_group {
            let _ = write!(o, "<td class=n>{}</td>", say.n(*n));
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
                "<blockquote>{}<br><span class=muted>{by}{}</span></blockquote>",
                html(&q.text).replace('\n', "<br>"),
                say.tr(
                    "rpt-coded-by",
                    &[("coders", html(&q.coders.join(", ")).into())]
                )
            );
        }
        if t.quotes.len() > QUOTES_SHOWN {
            let _ = write!(
                o,
                "<p class=muted>{}</p>",
                say.tr(
                    "rpt-quotes-more",
                    &[
                        ("n", (t.quotes.len() - QUOTES_SHOWN).into()),
                        ("file", format!("themes{suffix}.csv").into()),
                    ]
                )
            );
        }
    }
}

fn agreement(o: &mut Text<'_>, a: &Analysis, say: Say) {
    for ag in &a.agreement {
        let (first, second) = (html(&ag.first), html(&ag.second));
        let _ = write!(
            o,
            "<h4>{}</h4><p class=muted>{}</p><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            say.tr(
                "rpt-agreement",
                &[
                    ("first", first.as_str().into()),
                    ("second", second.as_str().into())
                ]
            ),
            say.tr("rpt-agreement-about-html", &[("units", ag.units.into())]),
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
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=n>{k}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
                html(&c.label),
                say.n(c.both),
                say.n(c.only_first),
                say.n(c.only_second),
                say.n(c.neither)
            );
        }
        o.push_str("</table>");
        if !ag.disagreements.is_empty() {
            let _ = write!(
                o,
                "<details><summary>{}</summary><ul>",
                say.t("rpt-disagreements")
            );
            for d in &ag.disagreements {
                let _ = write!(
                    o,
                    "<li>{}</li>",
                    say.tr(
                        "rpt-disagreement",
                        &[
                            ("session", html(&d.session_id).into()),
                            ("unit", html(&d.unit).into()),
                            ("code", html(&d.code).into()),
                            ("by", html(&d.by).into()),
                        ]
                    )
                );
            }
            o.push_str("</ul></details>");
        }
    }
    if !a.stale.is_empty() {
        let _ = write!(
            o,
            "<h4>{}</h4><p class=muted>{}</p><ul>",
            say.t("rpt-codings-to-check"),
            say.t("rpt-codings-to-check-about")
        );
        for s in &a.stale {
            let _ = write!(
                o,
                "<li>{}</li>",
                say.tr(
                    "rpt-stale-coding",
                    &[
                        ("who", html(&s.who).into()),
                        ("unit", html(&s.coding.unit).into()),
                        ("code", html(&s.coding.code).into()),
                        ("coder", html(&s.coding.coder).into()),
                    ]
                )
            );
        }
        o.push_str("</ul>");
    }
}

/// The synthesis of one guide's sessions.
pub(super) fn render(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let suffix = super::section_suffix(r, s);
    themes(o, &s.analysis, &suffix, say);
    agreement(o, &s.analysis, say);
    matrix(o, &s.analysis, &suffix, say);
}
