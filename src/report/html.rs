//! The HTML report: one self-contained file, charts inline, every text from a session file
//! escaped. Readable in any browser and printable.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::html_evidence::count_cell;
use super::model::{Distribution, GuideSection, Report};
use super::svg::chart;

const STYLE: &str = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}h2{border-bottom:2px solid #2a6f97;padding-bottom:.2rem}.muted{color:#666}.warn{border-left:3px solid #b5651d;padding-left:.6rem}blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #ccc}\
caption{caption-side:bottom;text-align:left;color:#666;font-size:.9em}";

/// The notes under a table: who it was hidden for, and what a suppressed cell means.
fn captions(r: &Report, hidden: Option<String>, suppressed: bool) -> String {
    let mut notes: Vec<String> = hidden.into_iter().collect();
    if suppressed {
        notes.push(r.suppression_note());
    }
    if notes.is_empty() {
        return String::new();
    }
    format!("<caption>{}</caption>", html(&notes.join(" ")))
}

/// The counts of older versions whose answers are not pooled, each with why. Plain
/// numbers: the evidence lists are the pooled counts'.
fn apart(o: &mut Text<'_>, r: &Report, s: &GuideSection) {
    if s.apart.is_empty() {
        return;
    }
    o.push_str("<h3>Not pooled across guide versions</h3>");
    for a in &s.apart {
        let d = &a.frequency;
        let _ = write!(
            o,
            "<h4>{} — version {} only</h4><p>Not comparable: {}</p><table>{}<tr><th>{}</th><th>count</th><th>%</th></tr>",
            html(&d.text),
            html(&a.version),
            html(&a.why),
            captions(r, d.hidden_note(), d.rows.iter().any(|c| c.suppressed)),
            html(&d.denominator())
        );
        for c in &d.rows {
            let pct = if c.suppressed {
                String::new()
            } else {
                format!("{}%", c.percent)
            };
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=n>{}</td><td class=n>{pct}</td></tr>",
                html(&c.label),
                html(&r.count_text(c.count, c.suppressed))
            );
        }
        o.push_str("</table>");
    }
}

fn dist_table(out: &mut Text<'_>, r: &Report, s: &GuideSection, d: &Distribution) {
    let _ = write!(
        out,
        "<table>{}<tr><th>{}</th><th>count</th><th>%</th></tr>",
        captions(r, d.hidden_note(), d.rows.iter().any(|c| c.suppressed)),
        html(&d.denominator())
    );
    for c in &d.rows {
        let pct = if c.suppressed {
            String::new()
        } else {
            format!("{}%", c.percent)
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
                &r.count_text(c.count, c.suppressed),
                c.count,
                c.suppressed
            ),
        );
    }
    out.push_str("</table>");
}

/// The Coverage section, first: who was to be interviewed, and who was.
fn coverage(o: &mut Text<'_>, r: &Report) {
    let c = &r.coverage;
    o.push_str("<h2>Coverage</h2>");
    if let Some(said) = c.no_campaign() {
        let _ = write!(o, "<p>{}</p>", html(&said));
    }
    if let Some(k) = &c.campaign {
        let _ = write!(o, "<p>{}</p>", html(&k.headline()));
        for t in k.tables(&|n, s| r.count_text(n, s)) {
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
        if let Some(names) = k.not_reached(reasons) {
            let _ = write!(o, "<p>{}</p>", html(&names));
        }
        let notes = k.notes();
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
        "<h3>On the calls</h3><p>{}</p>",
        html(&c.calls.sentence())
    );
}

pub fn render(o: &mut Text<'_>, r: &Report, generated: &str) {
    let _ = write!(
        o,
        "<!doctype html><html lang=en><meta charset=utf-8><title>stocktake report</title><style>{STYLE}</style><body>"
    );
    let _ = write!(
        o,
        "<h1>stocktake report</h1><p class=muted>Generated {}",
        html(generated)
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
        let _ = write!(o, " · respondents: {}", html(&name));
    }
    if let Some(g) = &r.options.guide {
        let _ = write!(o, " · guide: {}", html(g));
    }
    let _ = write!(
        o,
        " · quotes attributed to: {}",
        html(super::attribution_said(r.options.attribution))
    );
    if r.options.min_cell > 1 {
        let _ = write!(o, " · counts under {} suppressed", r.options.min_cell);
    }
    if let Some(s) = r.sensitive_said() {
        let _ = write!(o, " · {}", html(&s));
    }
    o.push_str("</p>");
    coverage(o, r);
    for s in &r.sections {
        let lang = s.guide.default_language();
        let _ = write!(
            o,
            "<h2>{}</h2><p class=muted>Guide {} · versions: ",
            html(s.guide.title.get(lang, lang)),
            html(&s.guide.id)
        );
        let versions: Vec<String> = s
            .versions
            .iter()
            .map(|(v, n)| format!("{} ({})", html(v), super::sessions_count(*n)))
            .collect();
        o.push_str(&versions.join(", "));
        o.push_str("</p>");
        for said in [s.not_pooled_said(), s.unchecked_said()]
            .into_iter()
            .flatten()
        {
            let _ = write!(o, "<p class=warn>{}</p>", html(&said));
        }
        o.push_str("<h3>Summary</h3>");
        for d in &s.summaries {
            let title = format!(
                "{} — {}",
                d.text,
                d.group.as_ref().map_or("all respondents", |g| g.name())
            );
            // The chart carries the title and the denominator.
            o.push_str(&chart(d, &title, r));
            dist_table(o, r, s, d);
        }
        o.push_str("<h3>Every choice question, by respondent type</h3>");
        for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
            let suppressed = f.rows.iter().any(|c| c.suppressed);
            let hidden = (f.hidden > 0).then(|| {
                let per: Vec<String> = ct
                    .groups
                    .iter()
                    .zip(&ct.hidden)
                    .filter(|(_, h)| **h > 0)
                    .map(|(g, h)| format!("{} {h}", g.name()))
                    .collect();
                format!(
                    "{} ({}).",
                    super::hidden_note(f.hidden).unwrap_or_default(),
                    per.join(", ")
                )
            });
            let _ = write!(
                o,
                "<h4>{}</h4><table>{}<tr><th>answer</th>",
                html(&f.text),
                captions(r, hidden, suppressed),
            );
            for (name, n) in ct.headings(f.n) {
                let _ = write!(o, "<th>{} ({n})</th>", html(name));
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
                        &r.cell_text(c.count, c.percent, c.suppressed),
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
                            &r.cell_text(cell.count, cell.percent, cell.suppressed),
                            cell.count,
                            cell.suppressed
                        )
                    );
                }
                o.push_str("</tr>");
            }
            o.push_str("</table>");
        }
        apart(o, r, s);
        super::provenance::html(o, r, s);
        super::html_analysis::render(o, r, s);
        let suffix = super::section_suffix(r, s);
        o.push_str("<h3>What was said</h3>");
        for (title, items, total) in &s.texts {
            let _ = write!(o, "<h4>{}</h4>", html(title));
            if *total > items.len() {
                let _ = write!(
                    o,
                    "<p class=muted>The first {} of {total} texts; every one is in long{suffix}.csv, and the matrix and themes above bring them together.</p>",
                    items.len()
                );
            }
            for t in items {
                let by = if t.by.is_empty() {
                    t.kind.to_string()
                } else {
                    format!("{} · {}", html(&t.by), t.kind)
                };
                let _ = write!(
                    o,
                    "<blockquote>{}<br><span class=muted>{by}</span></blockquote>",
                    html(&t.text).replace('\n', "<br>"),
                );
            }
        }
        super::html_evidence::render(o, r, s);
    }
    let q = &r.quality;
    o.push_str("<h2>Data quality</h2><table><tr><th>respondent type</th><th>sessions</th></tr>");
    for (g, n) in &q.sessions_by_group {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=n>{n}</td></tr>",
            html(g.name())
        );
    }
    let heads: usize = q.sessions_by_group.iter().map(|(_, n)| n).sum();
    let _ = write!(
        o,
        "</table><p>Sessions by status: completed {heads} (only completed revisions are sent, so every collated session is one). {} revisions in the database; {} conflict(s), {} resolved.</p>",
        q.revisions, q.conflicts, q.conflicts_resolved
    );
    if !q.unresolved_sessions.is_empty() {
        o.push_str("<p>Unresolved conflicts (the report uses the highest revision; resolve with <code>stocktake resolve</code>):</p><ul>");
        for (id, what) in &q.unresolved_sessions {
            let _ = write!(o, "<li>{} ({})</li>", html(what), html(id));
        }
        o.push_str("</ul>");
    }
    let _ = write!(o, "<p>{} file(s) in quarantine.</p>", q.quarantined.len());
    if !q.quarantined.is_empty() {
        o.push_str("<table><tr><th>reason</th><th>file</th></tr>");
        for f in &q.quarantined {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td></tr>",
                html(&f.kind),
                html(&f.reason)
            );
        }
        o.push_str("</table>");
    }
    if !q.answers_chosen.is_empty() {
        o.push_str("<p>Answers taken from another revision of a conflict (<code>stocktake resolve --answer</code>):</p><ul>");
        for (who, question, from) in &q.answers_chosen {
            let _ = write!(
                o,
                "<li>{}: {} from {}</li>",
                html(who),
                html(question),
                html(from)
            );
        }
        o.push_str("</ul>");
    }
    let (confirmed, corrected, not_read) = q.read_back;
    if confirmed + corrected > 0 {
        let _ = write!(
            o,
            "<p>Read back to the coordinator at the end of the call: {confirmed} confirmed, {corrected} with corrections asked, {not_read} not read back.</p>"
        );
    }
    if !q.consent_refused.is_empty() {
        o.push_str("<p>Sessions whose participants refused notes being taken (no free text of theirs left the interviewer's machine):</p><ul>");
        for who in &q.consent_refused {
            let _ = write!(o, "<li>{}</li>", html(who));
        }
        o.push_str("</ul>");
    }
    if !q.missing_required.is_empty() {
        o.push_str("<p>Sessions with required questions unanswered:</p><ul>");
        for (who, qs) in &q.missing_required {
            let _ = write!(o, "<li>{}: {}</li>", html(who), html(&qs.join(", ")));
        }
        o.push_str("</ul>");
    }
    o.push_str("</body></html>\n");
}
