//! The Markdown report: the same content as the HTML one, with the charts as SVG files
//! beside it (`charts/`), for wikis and e-mail.

use std::fmt::Write;

use super::Text;
use super::escape::markdown as md;
use super::model::Report;

/// The report into `o`; returns the charts to write: (file name under charts/, SVG).
pub fn render(o: &mut Text<'_>, r: &Report, generated: &str) -> Vec<(String, String)> {
    let mut charts = Vec::new();
    let _ = writeln!(o, "# stocktake report\n\nGenerated {}\n", md(generated));
    for s in &r.sections {
        let lang = s.guide.default_language();
        let _ = writeln!(o, "## {}\n", md(s.guide.title.get(lang, lang)));
        let versions: Vec<String> = s
            .versions
            .iter()
            .map(|(v, n)| format!("{} ({})", md(v), super::sessions_count(*n)))
            .collect();
        let _ = writeln!(
            o,
            "Guide `{}`, versions: {}\n\n### Summary\n",
            s.guide.id,
            versions.join(", ")
        );
        for d in &s.summaries {
            let structure = d.structure.map_or("all structures", |s| s.label("en"));
            let name = format!(
                "{}_{}_{}.svg",
                s.guide.id,
                d.question,
                d.structure.map_or("all", |s| s.as_str())
            );
            charts.push((
                name.clone(),
                super::svg::chart(d, &format!("{} — {structure}", d.text)),
            ));
            let _ = writeln!(
                o,
                "#### {} — {}\n\n![chart](charts/{name})\n",
                md(&d.text),
                md(structure)
            );
            let _ = writeln!(
                o,
                "| {} | count | % |\n|---|---:|---:|",
                md(&d.denominator())
            );
            for c in &d.rows {
                let _ = writeln!(o, "| {} | {} | {}% |", md(&c.label), c.count, c.percent);
            }
            o.push('\n');
        }
        let _ = writeln!(o, "### Every choice question, by structure\n");
        for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
            let _ = write!(o, "#### {}\n\n| answer | all (n = {}) |", md(&f.text), f.n);
            for (st, n) in ct.structures.iter().zip(&ct.n) {
                let _ = write!(o, " {} (n = {n}) |", md(st.label("en")));
            }
            let _ = write!(o, "\n|---|---:|");
            for _ in &ct.structures {
                o.push_str("---:|");
            }
            o.push('\n');
            for c in &f.rows {
                let _ = write!(o, "| {} | {} ({}%) |", md(&c.label), c.count, c.percent);
                if let Some((_, cells)) = ct.rows.iter().find(|(label, _)| *label == c.label) {
                    for (n, p) in cells {
                        let _ = write!(o, " {n} ({p}%) |");
                    }
                }
                o.push('\n');
            }
            o.push('\n');
        }
        let _ = writeln!(o, "### What was said\n");
        for (title, items) in &s.texts {
            let _ = writeln!(o, "#### {}\n", md(title));
            for t in items {
                let _ = writeln!(
                    o,
                    "> {}\n>\n> — {} · {} · {}\n",
                    md(&t.text),
                    md(&t.response),
                    md(t.structure.label("en")),
                    t.kind
                );
            }
        }
    }
    let q = &r.quality;
    let _ = writeln!(o, "## Data quality\n\n| structure | sessions |\n|---|---:|");
    for (s, n) in &q.sessions_by_structure {
        let _ = writeln!(o, "| {} | {n} |", md(s.label("en")));
    }
    let _ = writeln!(
        o,
        "\nSessions by status: completed {} (only completed revisions are sent). {} revisions in the database; {} conflict(s), {} resolved; {} file(s) in quarantine.\n",
        q.sessions_by_structure
            .iter()
            .map(|(_, n)| n)
            .sum::<usize>(),
        q.revisions,
        q.conflicts,
        q.conflicts_resolved,
        q.quarantined.len()
    );
    for (id, what) in &q.unresolved_sessions {
        let _ = writeln!(o, "- unresolved conflict: {} ({})", md(what), md(id));
    }
    for f in &q.quarantined {
        let _ = writeln!(o, "- quarantined ({}): {}", md(&f.kind), md(&f.reason));
    }
    for (who, qs) in &q.missing_required {
        let _ = writeln!(
            o,
            "- required unanswered: {}: {}",
            md(who),
            md(&qs.join(", "))
        );
    }
    charts
}
