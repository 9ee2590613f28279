//! The HTML report: one self-contained file, charts inline, every text from a session file
//! escaped. Readable in any browser and printable.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::html_evidence::count_cell;
use super::model::{Distribution, GuideSection, Report};
use super::say::Say;
use super::svg::chart;

const STYLE: &str = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}h2{border-bottom:2px solid #2a6f97;padding-bottom:.2rem}.muted{color:#666}.warn{border-left:3px solid #b5651d;padding-left:.6rem}blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #ccc}\
caption{caption-side:bottom;text-align:left;color:#666;font-size:.9em}";

/// The notes under a table: who it was hidden for, and what a suppressed cell means.
fn captions(r: &Report, say: Say, hidden: Option<String>, suppressed: bool) -> String {
    let mut notes: Vec<String> = hidden.into_iter().collect();
    if suppressed {
        notes.push(r.suppression_note(say));
    }
    if notes.is_empty() {
        return String::new();
    }
    format!("<caption>{}</caption>", html(&notes.join(" ")))
}

/// The counts of older versions whose answers are not pooled, each with why. Plain
/// numbers: the evidence lists are the pooled counts'.
fn apart(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    if s.apart.is_empty() {
        return;
    }
    let _ = write!(o, "<h3>{}</h3>", say.t("rpt-not-pooled-title"));
    for a in &s.apart {
        let d = &a.frequency;
        let _ = write!(
            o,
            "<h4>{}</h4><p>{}</p><table>{}<tr><th>{}</th><th>{}</th><th>%</th></tr>",
            say.tr(
                "rpt-apart-heading",
                &[
                    ("question", html(&d.text).into()),
                    ("version", html(&a.version).into())
                ]
            ),
            say.tr(
                "rpt-apart-why",
                &[("why", html(&a.why.in_lang(say.lang)).into())]
            ),
            captions(
                r,
                say,
                d.hidden_note(say),
                d.rows.iter().any(|c| c.suppressed)
            ),
            html(&d.denominator(say)),
            say.t("rpt-col-count"),
        );
        for c in &d.rows {
            let pct = if c.suppressed {
                String::new()
            } else {
                say.pct(c.percent)
            };
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=n>{}</td><td class=n>{pct}</td></tr>",
                html(&c.label),
                html(&say.count(c.count, c.suppressed))
            );
        }
        o.push_str("</table>");
    }
}

fn dist_table(out: &mut Text<'_>, r: &Report, s: &GuideSection, d: &Distribution, say: Say) {
    let _ = write!(
        out,
        "<table>{}<tr><th>{}</th><th>{}</th><th>%</th></tr>",
        captions(
            r,
            say,
            d.hidden_note(say),
            d.rows.iter().any(|c| c.suppressed)
        ),
        html(&d.denominator(say)),
        say.t("rpt-col-count"),
    );
    for c in &d.rows {
        let pct = if c.suppressed {
            String::new()
        } else {
            say.pct(c.percent)
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=n>{}</td><td class=n>{pct}</td></tr>",
            html(&c.label),
            count_cell(
                r,
                s,
                &d.question,
                &c.value,
                &say.count(c.count, c.suppressed),
                c.count,
                c.suppressed
            ),
        );
    }
    out.push_str("</table>");
}

/// The Coverage section, first: who was to be interviewed, and who was.
fn coverage(o: &mut Text<'_>, r: &Report, say: Say) {
    let c = &r.coverage;
    let _ = write!(o, "<h2>{}</h2>", say.t("rpt-coverage"));
    if let Some(said) = c.no_campaign(say) {
        let _ = write!(o, "<p>{}</p>", html(&said));
    }
    if let Some(k) = &c.campaign {
        let _ = write!(o, "<p>{}</p>", html(&k.headline(say)));
        for t in k.tables(say) {
            let _ = write!(o, "<h3>{}</h3><table>", html(&t.title));
            if let Some(n) = &t.note {
                let _ = write!(o, "<caption>{}</caption>", html(n));
            }
            o.push_str("<tr>");
            for h in &t.header {
                let _ = write!(o, "<th>{}</th>", html(h));
            }
            o.push_str("</tr>");
            for row in &t.rows {
                o.push_str("<tr>");
                for (cell, numeric) in row.iter().zip(&t.numeric) {
                    let class = if *numeric { " class=n" } else { "" };
                    let _ = write!(o, "<td{class}>{}</td>", html(cell));
                }
                o.push_str("</tr>");
            }
            o.push_str("</table>");
        }
        let reasons = r.options.attribution == super::Attribution::Response;
        if let Some(names) = k.not_reached(say, reasons) {
            let _ = write!(o, "<p>{}</p>", html(&names));
        }
        let notes = k.notes(say);
        if !notes.is_empty() {
            o.push_str("<ul>");
            for n in notes {
                let _ = write!(o, "<li>{}</li>", html(&n));
            }
            o.push_str("</ul>");
        }
    }
    let _ = write!(
        o,
        "<h3>{}</h3><p>{}</p>",
        say.t("rpt-on-the-calls"),
        html(&c.calls.sentence(say))
    );
}

/// The line under the title: when, for whom, and what the report leaves out.
fn heading(o: &mut Text<'_>, r: &Report, say: Say, generated: &str) {
    let _ = write!(
        o,
        "<!doctype html><html lang={}><meta charset=utf-8><title>{}</title><style>{STYLE}</style><body>",
        say.lang.code(),
        say.t("rpt-title")
    );
    let _ = write!(
        o,
        "<h1>{}</h1><p class=muted>{}",
        say.t("rpt-title"),
        say.tr("rpt-generated", &[("at", html(generated).into())])
    );
    if let Some(s) = r.options.structure {
        let name = r
            .sections
            .iter()
            .find(|g| g.guide.respondent(s).is_some())
            .map_or_else(
                || s.to_string(),
                |g| g.guide.respondent_name(s, g.guide.default_language()),
            );
        let _ = write!(
            o,
            " · {}",
            say.tr("rpt-head-respondents", &[("name", html(&name).into())])
        );
    }
    if let Some(g) = &r.options.guide {
        let _ = write!(
            o,
            " · {}",
            say.tr("rpt-head-guide", &[("guide", html(g).into())])
        );
    }
    let _ = write!(
        o,
        " · {}",
        say.tr(
            "rpt-head-attributed",
            &[(
                "who",
                html(&super::attribution_said(say, r.options.attribution)).into()
            )]
        )
    );
    if r.options.min_cell > 1 {
        let _ = write!(
            o,
            " · {}",
            say.tr("rpt-head-suppressed", &[("k", r.options.min_cell.into())])
        );
    }
    if let Some(s) = r.sensitive_said(say) {
        let _ = write!(o, " · {}", html(&s));
    }
    o.push_str("</p>");
}

/// The cross-tab of every choice question by respondent type.
fn crosstabs(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let _ = write!(o, "<h3>{}</h3>", say.t("rpt-every-choice"));
    for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
        let suppressed = f.rows.iter().any(|c| c.suppressed);
        let hidden = (f.hidden > 0).then(|| {
            let per: Vec<String> = ct
                .groups
                .iter()
                .zip(&ct.hidden)
                .filter(|(_, h)| **h > 0)
                .map(|(g, h)| format!("{} {}", g.name(), say.n(*h)))
                .collect();
            format!(
                "{} ({}).",
                super::hidden_note(say, f.hidden).unwrap_or_default(),
                per.join(", ")
            )
        });
        let _ = write!(
            o,
            "<h4>{}</h4><table>{}<tr><th>{}</th>",
            html(&f.text),
            captions(r, say, hidden, suppressed),
            say.t("rpt-col-answer"),
        );
        for (name, n) in ct.headings(say, f.n) {
            let _ = write!(o, "<th>{} ({n})</th>", html(&name));
        }
        o.push_str("</tr>");
        for (c, (_, cells)) in f.rows.iter().zip(&ct.rows) {
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=n>{}</td>",
                html(&c.label),
                count_cell(
                    r,
                    s,
                    &f.question,
                    &c.value,
                    &say.cell(c.count, c.percent, c.suppressed),
                    c.count,
                    c.suppressed
                )
            );
            for cell in cells {
                let _ = write!(
                    o,
                    "<td class=n>{}</td>",
                    count_cell(
                        r,
                        s,
                        &f.question,
                        &c.value,
                        &say.cell(cell.count, cell.percent, cell.suppressed),
                        cell.count,
                        cell.suppressed
                    )
                );
            }
            o.push_str("</tr>");
        }
        o.push_str("</table>");
    }
}

/// "What was said": the free texts by question, then the general notes.
fn texts(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let suffix = super::section_suffix(r, s);
    let _ = write!(o, "<h3>{}</h3>", say.t("rpt-what-was-said"));
    for (title, items, total) in &s.texts {
        let title = if title.is_empty() {
            say.t("rpt-general-notes")
        } else {
            title.clone()
        };
        let _ = write!(o, "<h4>{}</h4>", html(&title));
        if *total > items.len() {
            let _ = write!(
                o,
                "<p class=muted>{}</p>",
                say.tr(
                    "rpt-texts-first-html",
                    &[
                        ("shown", items.len().into()),
                        ("total", (*total).into()),
                        ("file", format!("long{suffix}.csv").into()),
                    ]
                )
            );
        }
        for t in items {
            let kind = super::kind_said(say, t.kind);
            let by = if t.by.is_empty() {
                kind
            } else {
                format!("{} · {kind}", html(&t.by))
            };
            let _ = write!(
                o,
                "<blockquote>{}<br><span class=muted>{by}</span></blockquote>",
                html(&t.text).replace('\n', "<br>"),
            );
        }
    }
}

pub fn render(o: &mut Text<'_>, r: &Report, generated: &str) {
    let say = r.say();
    heading(o, r, say, generated);
    coverage(o, r, say);
    for s in &r.sections {
        let lang = s.guide.default_language();
        let versions: Vec<String> = s
            .versions
            .iter()
            .map(|(v, n)| format!("{} ({})", html(v), say.sessions(*n)))
            .collect();
        let _ = write!(
            o,
            "<h2>{}</h2><p class=muted>{}</p>",
            html(s.guide.title.get(lang, lang)),
            say.tr(
                "rpt-guide-versions-html",
                &[
                    ("id", html(&s.guide.id).into()),
                    ("versions", versions.join(", ").into())
                ]
            )
        );
        for said in [s.not_pooled_said(say), s.unchecked_said(say)]
            .into_iter()
            .flatten()
        {
            let _ = write!(o, "<p class=warn>{}</p>", html(&said));
        }
        let _ = write!(o, "<h3>{}</h3>", say.t("rpt-summary"));
        for d in &s.summaries {
            let title = format!(
                "{} — {}",
                d.text,
                d.group
                    .as_ref()
                    .map_or_else(|| say.t("rpt-all-respondents"), |g| g.name().to_string())
            );
            // The chart carries the title and the denominator.
            o.push_str(&chart(d, &title, say));
            dist_table(o, r, s, d, say);
        }
        crosstabs(o, r, s, say);
        apart(o, r, s, say);
        super::provenance_said::html(o, r, s, say);
        super::html_analysis::render(o, r, s, say);
        texts(o, r, s, say);
        super::html_evidence::render(o, r, s, say);
    }
    super::html_quality::render(o, r, say);
    o.push_str("</body></html>\n");
}
