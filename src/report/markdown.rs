//! The Markdown report: the same content as the HTML one, with the charts as SVG files
//! beside it (`charts/`), for wikis and e-mail.

use std::fmt::Write;

use super::Text;
use super::escape::markdown as md;
use super::model::Report;

/// The notes under a table: who it was hidden for, and what a suppressed cell means.
fn footnotes(o: &mut Text<'_>, r: &Report, hidden: Option<String>, suppressed: bool) {
    if let Some(h) = hidden {
        let _ = writeln!(o, "\n_{}_", md(&h));
    }
    if suppressed {
        let _ = writeln!(o, "\n_{}_", md(&r.suppression_note()));
    }
}

/// The counts of older versions whose answers are not pooled, each with why.
fn apart(o: &mut Text<'_>, r: &Report, s: &super::model::GuideSection) {
    if s.apart.is_empty() {
        return;
    }
    let _ = writeln!(o, "### Not pooled across guide versions\n");
    for a in &s.apart {
        let d = &a.frequency;
        let _ = writeln!(
            o,
            "#### {} — version {} only\n\nNot comparable: {}\n",
            md(&d.text),
            md(&a.version),
            md(&a.why)
        );
        let _ = writeln!(
            o,
            "| {} | count | % |\n|---|---:|---:|",
            md(&d.denominator())
        );
        for c in &d.rows {
            let pct = if c.suppressed {
                String::new()
            } else {
                format!("{}%", c.percent)
            };
            let _ = writeln!(
                o,
                "| {} | {} | {pct} |",
                md(&c.label),
                md(&r.count_text(c.count, c.suppressed))
            );
        }
        footnotes(o, r, d.hidden_note(), d.rows.iter().any(|c| c.suppressed));
        o.push('\n');
    }
}

/// The Coverage section, first: who was to be interviewed, and who was.
fn coverage(o: &mut Text<'_>, r: &Report) {
    let c = &r.coverage;
    let _ = writeln!(o, "## Coverage\n");
    if let Some(said) = c.no_campaign() {
        let _ = writeln!(o, "{}\n", md(&said));
    }
    if let Some(k) = &c.campaign {
        let _ = writeln!(o, "{}\n", md(&k.headline()));
        for t in k.tables(&|n, s| r.count_text(n, s)) {
            let _ = writeln!(o, "### {}\n", md(&t.title));
            let head: Vec<String> = t.header.iter().map(|h| md(h)).collect();
            let _ = writeln!(o, "| {} |", head.join(" | "));
            let rule: Vec<&str> = t
                .numeric
                .iter()
                .map(|n| if *n { "---:" } else { "---" })
                .collect();
            let _ = writeln!(o, "|{}|", rule.join("|"));
            for row in &t.rows {
                let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
                let _ = writeln!(o, "| {} |", cells.join(" | "));
            }
            if let Some(n) = &t.note {
                let _ = writeln!(o, "\n_{}_", md(n));
            }
            o.push('\n');
        }
        let reasons = r.options.attribution == crate::report::Attribution::Response;
        if let Some(names) = k.not_reached(reasons) {
            let _ = writeln!(o, "{}\n", md(&names));
        }
        for n in k.notes() {
            let _ = writeln!(o, "- {}", md(&n));
        }
        o.push('\n');
    }
    let _ = writeln!(o, "### On the calls\n\n{}\n", md(&c.calls.sentence()));
}

/// The report into `o`; returns the charts to write: (file name under charts/, SVG).
pub fn render(o: &mut Text<'_>, r: &Report, generated: &str) -> Vec<(String, String)> {
    let mut charts = Vec::new();
    let _ = write!(o, "# stocktake report\n\nGenerated {}", md(generated));
    let _ = write!(
        o,
        " · quotes attributed to: {}",
        md(super::attribution_said(r.options.attribution))
    );
    if r.options.min_cell > 1 {
        let _ = write!(o, " · counts under {} suppressed", r.options.min_cell);
    }
    if let Some(s) = r.sensitive_said() {
        let _ = write!(o, " · {}", md(&s));
    }
    o.push_str("\n\n");
    coverage(o, r);
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
            "Guide `{}`, versions: {}\n",
            s.guide.id,
            versions.join(", ")
        );
        for said in [s.not_pooled_said(), s.unchecked_said()]
            .into_iter()
            .flatten()
        {
            let _ = writeln!(o, "{}\n", md(&said));
        }
        let _ = writeln!(o, "### Summary\n");
        for d in &s.summaries {
            let structure = d.group.as_ref().map_or("all respondents", |g| g.name());
            let name = format!(
                "{}_{}_{}.svg",
                s.guide.id,
                d.question,
                d.group.as_ref().map_or("all".to_string(), |g| g.tag())
            );
            charts.push((
                name.clone(),
                super::svg::chart(d, &format!("{} — {structure}", d.text), r),
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
                let pct = if c.suppressed {
                    String::new()
                } else {
                    format!("{}%", c.percent)
                };
                let _ = writeln!(
                    o,
                    "| {} | {} | {pct} |",
                    md(&c.label),
                    md(&r.count_text(c.count, c.suppressed))
                );
            }
            footnotes(o, r, d.hidden_note(), d.rows.iter().any(|c| c.suppressed));
            o.push('\n');
        }
        let _ = writeln!(o, "### Every choice question, by respondent type\n");
        for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
            let _ = write!(o, "#### {}\n\n| answer |", md(&f.text));
            for (name, n) in ct.headings(f.n) {
                let _ = write!(o, " {} ({n}) |", md(name));
            }
            let _ = write!(o, "\n|---|---:|");
            for _ in &ct.groups {
                o.push_str("---:|");
            }
            o.push('\n');
            for (c, (_, cells)) in f.rows.iter().zip(&ct.rows) {
                let _ = write!(
                    o,
                    "| {} | {} |",
                    md(&c.label),
                    md(&r.cell_text(c.count, c.percent, c.suppressed))
                );
                for cell in cells {
                    let _ = write!(
                        o,
                        " {} |",
                        md(&r.cell_text(cell.count, cell.percent, cell.suppressed))
                    );
                }
                o.push('\n');
            }
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
            footnotes(o, r, hidden, f.rows.iter().any(|c| c.suppressed));
            o.push('\n');
        }
        apart(o, r, s);
        super::provenance::markdown(o, r, s);
        matrix(o, r, s);
        themes(o, r, s);
        let suffix = super::section_suffix(r, s);
        let _ = writeln!(o, "### What was said\n");
        for (title, items, total) in &s.texts {
            let _ = writeln!(o, "#### {}\n", md(title));
            if *total > items.len() {
                let _ = writeln!(
                    o,
                    "The first {} of {total} texts; every one is in long{suffix}.csv, and the themes above bring them together.\n",
                    items.len()
                );
            }
            for t in items {
                let by = if t.by.is_empty() {
                    t.kind.to_string()
                } else {
                    format!("{} · {}", md(&t.by), t.kind)
                };
                let _ = writeln!(o, "> {}\n>\n> — {by}\n", md(&t.text));
            }
        }
    }
    let q = &r.quality;
    let _ = writeln!(
        o,
        "## Data quality\n\n| respondent type | sessions |\n|---|---:|"
    );
    for (g, n) in &q.sessions_by_group {
        let _ = writeln!(o, "| {} | {n} |", md(g.name()));
    }
    let _ = writeln!(
        o,
        "\nSessions by status: completed {} (only completed revisions are sent). {} revisions in the database; {} conflict(s), {} resolved; {} file(s) in quarantine.\n",
        q.sessions_by_group.iter().map(|(_, n)| n).sum::<usize>(),
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
    for (who, question, from) in &q.answers_chosen {
        let _ = writeln!(
            o,
            "- answer taken from another revision: {}: {} from {}",
            md(who),
            md(question),
            md(from)
        );
    }
    let (confirmed, corrected, not_read) = q.read_back;
    if confirmed + corrected > 0 {
        let _ = writeln!(
            o,
            "- read back to the coordinator: {confirmed} confirmed, {corrected} with corrections asked, {not_read} not read back"
        );
    }
    for who in &q.consent_refused {
        let _ = writeln!(
            o,
            "- consent refused: {} (no free text of theirs left the interviewer's machine)",
            md(who)
        );
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

/// A matrix cell is shortened to this many characters; `matrix.csv` has it whole.
const MATRIX_CELL_CHARS: usize = 300;

/// The rapid-analysis matrix, a session at a time: a table that wide is unreadable in
/// Markdown, so each row becomes a heading and each cell a line, the collator's summary
/// first where there is one.
fn matrix(o: &mut Text<'_>, r: &Report, s: &super::model::GuideSection) {
    let m = &s.analysis.matrix;
    let suffix = super::section_suffix(r, s);
    let shown = super::html_analysis::MATRIX_HTML_ROWS;
    let _ = writeln!(
        o,
        "### Rapid-analysis matrix

A heading per session and a line per section of the guide: the collator's summary (✎, written in `stocktake analyse`), else what was answered and said, shortened to {MATRIX_CELL_CHARS} characters. Every cell whole is in matrix{suffix}.csv."
    );
    if m.sessions > shown {
        let _ = writeln!(o, "The first {shown} of {} sessions are here.", m.sessions);
    }
    o.push('\n');
    for row in m.rows.iter().take(shown) {
        let flag = if row.unresolved {
            " (unresolved conflict: the newest revision)"
        } else {
            ""
        };
        let _ = writeln!(o, "#### {}{flag}\n", md(&row.who));
        for (c, col) in row.cells.iter().zip(&m.columns) {
            let text = match &c.summary {
                Some(sum) => {
                    let stale = if c.summary_stale {
                        ", on an earlier revision"
                    } else {
                        ""
                    };
                    format!("✎ {} ({}{stale})", sum.text, sum.author)
                }
                None if c.items.is_empty() => "·".to_string(),
                None => c.content(),
            };
            let short: String = text.chars().take(MATRIX_CELL_CHARS).collect();
            let more = if short.len() < text.len() { "…" } else { "" };
            let _ = writeln!(o, "- **{}**: {}{more}", md(&col.title), md(&short));
        }
        o.push('\n');
    }
}

/// The themes and the coders' agreement.
fn themes(o: &mut Text<'_>, r: &Report, s: &super::model::GuideSection) {
    let a = &s.analysis;
    let suffix = super::section_suffix(r, s);
    let _ = writeln!(o, "### Themes\n");
    if a.themes.is_empty() {
        let _ = writeln!(
            o,
            "No text is coded yet: code notes in `stocktake analyse --db FILE`. The rapid-analysis matrix is in report.html, matrix{suffix}.csv and report.xlsx.\n"
        );
        return;
    }
    let _ = write!(o, "| theme | sessions |");
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
        let _ = write!(o, " {} (n = {of}) |", md(g));
    }
    let _ = write!(o, "\n|---|---:|");
    for _ in &groups {
        o.push_str("---:|");
    }
    o.push('\n');
    for t in &a.themes {
        let unknown = if t.unknown {
            " (not in the codebook)"
        } else {
            ""
        };
        let _ = write!(
            o,
            "| {}{}{unknown} | {} of {} |",
            "— ".repeat(t.depth),
            md(&t.label),
            t.sessions,
            t.of
        );
        for (_, n, _) in &t.by_group {
            let _ = write!(o, " {n} |");
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
                "> {}\n>\n> — {by}coded by {}\n",
                md(&q.text),
                md(&q.coders.join(", "))
            );
        }
    }
    for ag in &a.agreement {
        let _ = writeln!(
            o,
            "#### Agreement: {} and {}\n\nCohen's kappa per code over the {} texts both coded.\n\n| code | kappa | both | only {} | only {} | neither |\n|---|---:|---:|---:|---:|---:|",
            md(&ag.first),
            md(&ag.second),
            ag.units,
            md(&ag.first),
            md(&ag.second)
        );
        for c in &ag.codes {
            let k = c
                .kappa
                .map_or("n/a (no variation)".to_string(), |k| format!("{k:.2}"));
            let _ = writeln!(
                o,
                "| {} | {k} | {} | {} | {} | {} |",
                md(&c.label),
                c.both,
                c.only_first,
                c.only_second,
                c.neither
            );
        }
        o.push('\n');
    }
    if !a.stale.is_empty() {
        let _ = writeln!(
            o,
            "{} coding(s) to check: their text changed in a later revision (listed in report.html).\n",
            a.stale.len()
        );
    }
}
