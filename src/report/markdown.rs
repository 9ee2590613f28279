//! The Markdown report: the same content as the HTML one, with the charts as SVG files
//! beside it (`charts/`), for wikis and e-mail. The matrix and the themes are in
//! `markdown_analysis.rs`.

use std::fmt::Write;

use super::Text;
use super::escape::markdown as md;
use super::model::{GuideSection, Report};
use super::say::Say;

/// The notes under a table: who it was hidden for, and what a suppressed cell means.
fn footnotes(o: &mut Text<'_>, r: &Report, say: Say, hidden: Option<String>, suppressed: bool) {
    if let Some(h) = hidden {
        let _ = writeln!(o, "\n_{}_", md(&h));
    }
    if suppressed {
        let _ = writeln!(o, "\n_{}_", md(&r.suppression_note(say)));
    }
}

/// A distribution's table: its denominator heading the labels, then count and percent.
fn dist_table(o: &mut Text<'_>, say: Say, d: &super::model::Distribution) {
    let _ = writeln!(
        o,
        "| {} | {} | % |\n|---|---:|---:|",
        md(&d.denominator(say)),
        say.t("rpt-col-count")
    );
    for c in &d.rows {
        let pct = if c.suppressed {
            String::new()
        } else {
            say.pct(c.percent)
        };
        let _ = writeln!(
            o,
            "| {} | {} | {pct} |",
            md(&c.label),
            md(&say.count(c.count, c.suppressed))
        );
    }
}

/// The counts of older versions whose answers are not pooled, each with why.
fn apart(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    if s.apart.is_empty() {
        return;
    }
    let _ = writeln!(o, "### {}\n", say.t("rpt-not-pooled-title"));
    for a in &s.apart {
        let d = &a.frequency;
        let _ = writeln!(
            o,
            "#### {}\n\n{}\n",
            say.tr(
                "rpt-apart-heading",
                &[
                    ("question", md(&d.text).into()),
                    ("version", md(&a.version).into())
                ]
            ),
            say.tr(
                "rpt-apart-why",
                &[("why", md(&a.why.in_lang(say.lang)).into())]
            ),
        );
        dist_table(o, say, d);
        footnotes(
            o,
            r,
            say,
            d.hidden_note(say),
            d.rows.iter().any(|c| c.suppressed),
        );
        o.push('\n');
    }
}

/// The Coverage section, first: who was to be interviewed, and who was.
fn coverage(o: &mut Text<'_>, r: &Report, say: Say) {
    let c = &r.coverage;
    let _ = writeln!(o, "## {}\n", say.t("rpt-coverage"));
    if let Some(said) = c.no_campaign(say) {
        let _ = writeln!(o, "{}\n", md(&said));
    }
    if let Some(k) = &c.campaign {
        let _ = writeln!(o, "{}\n", md(&k.headline(say)));
        for t in k.tables(say) {
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
        if let Some(names) = k.not_reached(say, reasons) {
            let _ = writeln!(o, "{}\n", md(&names));
        }
        for n in k.notes(say) {
            let _ = writeln!(o, "- {}", md(&n));
        }
        o.push('\n');
    }
    let _ = writeln!(
        o,
        "### {}\n\n{}\n",
        say.t("rpt-on-the-calls"),
        md(&c.calls.sentence(say))
    );
}

/// The summary distributions, each with its chart; returns the charts to write.
fn summaries(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) -> Vec<(String, String)> {
    let mut charts = Vec::new();
    let _ = writeln!(o, "### {}\n", say.t("rpt-summary"));
    let all = say.t("rpt-all-respondents");
    for d in &s.summaries {
        let structure = d.group.as_ref().map_or(all.as_str(), |g| g.name());
        // File names are the same in every language: a wiki page links to them.
        let name = format!(
            "{}_{}_{}.svg",
            s.guide.id,
            d.question,
            d.group.as_ref().map_or("all".to_string(), |g| g.tag())
        );
        charts.push((
            name.clone(),
            super::svg::chart(d, &format!("{} — {structure}", d.text), say),
        ));
        let _ = writeln!(
            o,
            "#### {} — {}\n\n![{}](charts/{name})\n",
            md(&d.text),
            md(structure),
            say.t("rpt-chart-alt")
        );
        dist_table(o, say, d);
        footnotes(
            o,
            r,
            say,
            d.hidden_note(say),
            d.rows.iter().any(|c| c.suppressed),
        );
        o.push('\n');
    }
    charts
}

/// Every choice question by respondent type.
fn crosstabs(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let _ = writeln!(o, "### {}\n", say.t("rpt-every-choice"));
    for (f, ct) in s.frequencies.iter().zip(&s.crosstabs) {
        let _ = write!(o, "#### {}\n\n| {} |", md(&f.text), say.t("rpt-col-answer"));
        for (name, n) in ct.headings(say, f.n) {
            let _ = write!(o, " {} ({n}) |", md(&name));
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
                md(&say.cell(c.count, c.percent, c.suppressed))
            );
            for cell in cells {
                let _ = write!(
                    o,
                    " {} |",
                    md(&say.cell(cell.count, cell.percent, cell.suppressed))
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
                .map(|(g, h)| format!("{} {}", g.name(), say.n(*h)))
                .collect();
            format!(
                "{} ({}).",
                super::hidden_note(say, f.hidden).unwrap_or_default(),
                per.join(", ")
            )
        });
        footnotes(o, r, say, hidden, f.rows.iter().any(|c| c.suppressed));
        o.push('\n');
    }
}

/// "What was said": the free texts by question, then the general notes.
fn texts(o: &mut Text<'_>, r: &Report, s: &GuideSection, say: Say) {
    let suffix = super::section_suffix(r, s);
    let _ = writeln!(o, "### {}\n", say.t("rpt-what-was-said"));
    for (title, items, total) in &s.texts {
        let title = if title.is_empty() {
            say.t("rpt-general-notes")
        } else {
            title.clone()
        };
        let _ = writeln!(o, "#### {}\n", md(&title));
        if *total > items.len() {
            let _ = writeln!(
                o,
                "{}\n",
                say.tr(
                    "rpt-texts-first-md",
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
                format!("{} · {kind}", md(&t.by))
            };
            let _ = writeln!(o, "> {}\n>\n> — {by}\n", md(&t.text));
        }
    }
}

/// The data quality, last.
fn quality(o: &mut Text<'_>, say: Say, q: &super::model::Quality) {
    let _ = writeln!(
        o,
        "## {}\n\n| {} | {} |\n|---|---:|",
        say.t("rpt-data-quality"),
        say.t("rpt-col-respondent-type"),
        say.t("rpt-col-sessions")
    );
    for (g, n) in &q.sessions_by_group {
        let _ = writeln!(o, "| {} | {} |", md(g.name()), say.n(*n));
    }
    let _ = writeln!(
        o,
        "\n{}\n",
        say.tr(
            "rpt-quality-status-md",
            &[
                (
                    "heads",
                    q.sessions_by_group
                        .iter()
                        .map(|(_, n)| n)
                        .sum::<usize>()
                        .into()
                ),
                ("revisions", q.revisions.into()),
                ("conflicts", q.conflicts.into()),
                ("resolved", q.conflicts_resolved.into()),
                ("quarantined", q.quarantined.len().into()),
            ]
        )
    );
    let item =
        |id: &str, args: &[(&str, crate::i18n::FluentValue<'_>)]| format!("- {}", say.tr(id, args));
    for (id, what) in &q.unresolved_sessions {
        let _ = writeln!(
            o,
            "{}",
            item(
                "rpt-md-unresolved",
                &[("what", md(what).into()), ("id", md(id).into())]
            )
        );
    }
    for f in &q.quarantined {
        let _ = writeln!(
            o,
            "{}",
            item(
                "rpt-md-quarantined",
                &[
                    ("kind", md(&super::quarantine_kind(say, &f.kind)).into()),
                    ("reason", md(&f.reason_in(say.lang)).into())
                ]
            )
        );
    }
    for (who, question, from) in &q.answers_chosen {
        let _ = writeln!(
            o,
            "{}",
            item(
                "rpt-md-chosen",
                &[
                    ("who", md(who).into()),
                    ("question", md(question).into()),
                    ("from", md(from).into())
                ]
            )
        );
    }
    let (confirmed, corrected, not_read) = q.read_back;
    if confirmed + corrected > 0 {
        let _ = writeln!(
            o,
            "{}",
            item(
                "rpt-md-read-back",
                &[
                    ("confirmed", confirmed.into()),
                    ("corrected", corrected.into()),
                    ("not_read", not_read.into())
                ]
            )
        );
    }
    for who in &q.consent_refused {
        let _ = writeln!(
            o,
            "{}",
            item("rpt-md-consent-refused", &[("who", md(who).into())])
        );
    }
    for (who, qs) in &q.missing_required {
        let _ = writeln!(
            o,
            "{}",
            item(
                "rpt-md-missing",
                &[
                    ("who", md(who).into()),
                    ("questions", md(&qs.join(", ")).into())
                ]
            )
        );
    }
}

/// The report into `o`; returns the charts to write: (file name under charts/, SVG).
pub fn render(o: &mut Text<'_>, r: &Report, generated: &str) -> Vec<(String, String)> {
    let say = r.say();
    let mut charts = Vec::new();
    let _ = write!(
        o,
        "# {}\n\n{}",
        say.t("rpt-title"),
        say.tr("rpt-generated", &[("at", md(generated).into())])
    );
    let _ = write!(
        o,
        " · {}",
        say.tr(
            "rpt-head-attributed",
            &[(
                "who",
                md(&super::attribution_said(say, r.options.attribution)).into()
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
        let _ = write!(o, " · {}", md(&s));
    }
    o.push_str("\n\n");
    coverage(o, r, say);
    for s in &r.sections {
        let lang = s.guide.default_language();
        let _ = writeln!(o, "## {}\n", md(s.guide.title.get(lang, lang)));
        let versions: Vec<String> = s
            .versions
            .iter()
            .map(|(v, n)| format!("{} ({})", md(v), say.sessions(*n)))
            .collect();
        let _ = writeln!(
            o,
            "{}\n",
            say.tr(
                "rpt-guide-versions-md",
                &[
                    ("id", format!("`{}`", s.guide.id).into()),
                    ("versions", versions.join(", ").into())
                ]
            )
        );
        for said in [s.not_pooled_said(say), s.unchecked_said(say)]
            .into_iter()
            .flatten()
        {
            let _ = writeln!(o, "{}\n", md(&said));
        }
        charts.extend(summaries(o, r, s, say));
        crosstabs(o, r, s, say);
        apart(o, r, s, say);
        super::provenance_said::markdown(o, r, s, say);
        super::markdown_analysis::matrix(o, r, s, say);
        super::markdown_analysis::themes(o, r, s, say);
        texts(o, r, s, say);
    }
    quality(o, say, &r.quality);
    charts
}
