//! The HTML report: one self-contained file, charts inline, every text from a session file
//! escaped. Readable in any browser and printable.

use std::fmt::Write;

use super::Text;
use super::escape::html;
use super::model::{Distribution, Report};
use super::svg::chart;

const STYLE: &str = "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}h2{border-bottom:2px solid #2a6f97;padding-bottom:.2rem}.muted{color:#666}blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid #ccc}";

fn dist_table(out: &mut Text<'_>, d: &Distribution) {
    let _ = write!(
        out,
        "<table><tr><th>{}</th><th>count</th><th>%</th></tr>",
        html(&d.denominator())
    );
    for c in &d.rows {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=n>{}</td><td class=n>{}%</td></tr>",
            html(&c.label),
            c.count,
            c.percent
        );
    }
    out.push_str("</table>");
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
        let _ = write!(o, " · structure: {}", html(s.label("en")));
    }
    if let Some(g) = &r.options.guide {
        let _ = write!(o, " · guide: {}", html(g));
    }
    o.push_str("</p>");
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
        o.push_str("</p><h3>Summary</h3>");
        for d in &s.summaries {
            let title = format!(
                "{} — {}",
                d.text,
                d.structure.map_or("all structures", |s| s.label("en"))
            );
            // The chart carries the title and the denominator.
            o.push_str(&chart(d, &title));
            dist_table(o, d);
        }
        o.push_str("<h3>Every choice question, by structure</h3>");
        for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
            let _ = write!(
                o,
                "<h4>{}</h4><table><tr><th>answer</th><th>all ({})</th>",
                html(&f.text),
                f.n
            );
            for (st, n) in ct.structures.iter().zip(&ct.n) {
                let _ = write!(o, "<th>{} (n = {n})</th>", html(st.label("en")));
            }
            o.push_str("</tr>");
            for c in &f.rows {
                let _ = write!(
                    o,
                    "<tr><td>{}</td><td class=n>{} ({}%)</td>",
                    html(&c.label),
                    c.count,
                    c.percent
                );
                if let Some((_, cells)) = ct.rows.iter().find(|(label, _)| *label == c.label) {
                    for (n, p) in cells {
                        let _ = write!(o, "<td class=n>{n} ({p}%)</td>");
                    }
                }
                o.push_str("</tr>");
            }
            o.push_str("</table>");
        }
        o.push_str("<h3>What was said</h3>");
        for (title, items) in &s.texts {
            let _ = write!(o, "<h4>{}</h4>", html(title));
            for t in items {
                let _ = write!(
                    o,
                    "<blockquote>{}<br><span class=muted>{} · {} · {}</span></blockquote>",
                    html(&t.text).replace('\n', "<br>"),
                    html(&t.response),
                    html(t.structure.label("en")),
                    t.kind
                );
            }
        }
    }
    let q = &r.quality;
    o.push_str("<h2>Data quality</h2><table><tr><th>structure</th><th>sessions</th></tr>");
    for (s, n) in &q.sessions_by_structure {
        let _ = write!(
            o,
            "<tr><td>{}</td><td class=n>{n}</td></tr>",
            html(s.label("en"))
        );
    }
    let heads: usize = q.sessions_by_structure.iter().map(|(_, n)| n).sum();
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
    if !q.missing_required.is_empty() {
        o.push_str("<p>Sessions with required questions unanswered:</p><ul>");
        for (who, qs) in &q.missing_required {
            let _ = write!(o, "<li>{}: {}</li>", html(who), html(&qs.join(", ")));
        }
        o.push_str("</ul>");
    }
    o.push_str("</body></html>\n");
}
