//! What the Coverage section says, in the report's language: the campaign's headline,
//! the targets not reached, the notes a reader needs to trust the numbers, the three
//! tables (by structure, by final disposition, AAPOR's rates) and who was on the calls.
//! `coverage.rs` counts; this puts the counts in words.

use super::coverage::{Calls, CampaignCoverage, Coverage};
use super::say::Say;
use crate::campaign::{self, Outcome};

/// What an outcome is called in the report: "no answer", "never tried".
pub(super) fn disposition(say: Say, outcome: Option<Outcome>) -> String {
    say.tr("rpt-outcome", &[("code", outcome_code(outcome).into())])
}

/// AAPOR's name of an outcome's final disposition, in the report's language.
fn aapor_name(say: Say, outcome: Option<Outcome>) -> String {
    say.tr("rpt-aapor-name", &[("code", outcome_code(outcome).into())])
}

fn outcome_code(outcome: Option<Outcome>) -> &'static str {
    outcome.map_or("never_tried", Outcome::as_str)
}

/// A table of the Coverage section, as every format shows it: HTML and Markdown only
/// lay it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub header: Vec<String>,
    /// Columns right-aligned (counts).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub note: Option<String>,
}

/// "84% (26 of 31)", or "–" when the denominator is zero.
fn share(say: Say, count: usize, of: usize) -> String {
    if of == 0 {
        return "–".to_string();
    }
    say.tr(
        "rpt-share",
        &[
            ("pct", say.pct(super::percent(count, of)).into()),
            ("count", count.into()),
            ("of", of.into()),
        ],
    )
}

impl CampaignCoverage {
    /// "31 targets in the campaign: 26 reached (84%), 5 not; 47 attempts, 1.8 per
    /// completed interview."
    pub fn headline(&self, say: Say) -> String {
        let t = &self.totals;
        let reached = t.completes();
        let per = t
            .attempts_per_complete()
            .map_or("none".to_string(), |a| say.decimal(a, 1));
        say.tr(
            "rpt-cov-headline",
            &[
                ("targets", t.targets.into()),
                ("reached", reached.into()),
                ("pct", say.pct(super::percent(reached, t.targets)).into()),
                ("not", (t.targets - reached).into()),
                ("attempts", t.attempts.into()),
                ("per", per.into()),
            ],
        )
    }

    /// The targets not reached, by name; with what each ended in only at `--attribution
    /// response` (beside a name, "refused" says who refused).
    pub fn not_reached(&self, say: Say, with_reasons: bool) -> Option<String> {
        let names: Vec<String> = self
            .lines
            .iter()
            .filter(|l| !l.reached())
            .map(|l| {
                let mut s = l.name();
                if with_reasons {
                    s.push_str(&format!(" ({})", l.disposition(say)));
                }
                if l.removed {
                    s.push(' ');
                    s.push_str(&say.t("rpt-cov-removed-mark"));
                }
                s
            })
            .collect();
        (!names.is_empty()).then(|| {
            say.tr(
                "rpt-cov-not-reached",
                &[("names", say.semicolons(&names).into())],
            )
        })
    }

    /// What the reader must know to trust the numbers: interviews not logged as attempts,
    /// sessions outside the campaign, clocks ahead, targets removed.
    pub fn notes(&self, say: Say) -> Vec<String> {
        let mut notes = Vec::new();
        if self.unlogged > 0 {
            notes.push(say.tr("rpt-cov-unlogged", &[("n", self.unlogged.into())]));
        }
        if !self.outside.is_empty() {
            notes.push(say.tr(
                "rpt-cov-outside",
                &[("names", say.semicolons(&self.outside).into())],
            ));
        }
        for (name, at) in &self.future {
            notes.push(say.tr(
                "rpt-cov-future",
                &[
                    ("name", name.as_str().into()),
                    ("at", at.to_string().into()),
                ],
            ));
        }
        let removed = self.lines.iter().filter(|l| l.removed).count();
        if removed > 0 {
            notes.push(say.tr(
                "rpt-cov-removed",
                &[
                    ("n", removed.into()),
                    ("mark", say.t("rpt-cov-removed-mark").into()),
                ],
            ));
        }
        notes
    }

    /// The Coverage tables: by structure, not reached by disposition, AAPOR's rates.
    pub fn tables(&self, say: Say) -> Vec<Table> {
        let words = |ids: &[&str]| ids.iter().map(|id| say.t(id)).collect::<Vec<_>>();
        let mut by = Table {
            title: say.t("rpt-cov-by-structure"),
            header: words(&[
                "rpt-col-structure",
                "rpt-col-targeted",
                "rpt-col-reached",
                "rpt-col-reached-pct",
                "rpt-col-sessions",
            ]),
            numeric: vec![false, true, true, true, true],
            rows: Vec::new(),
            note: Some(say.t("rpt-cov-by-structure-note")),
        };
        let (mut targeted, mut reached, mut sessions) = (0, 0, 0);
        for g in &self.by_group {
            targeted += g.targeted;
            reached += g.reached;
            sessions += g.sessions;
            by.rows.push(vec![
                g.group.name().to_string(),
                say.n(g.targeted),
                say.n(g.reached),
                share(say, g.reached, g.targeted),
                say.n(g.sessions),
            ]);
        }
        by.rows.push(vec![
            say.t("rpt-all"),
            say.n(targeted),
            say.n(reached),
            share(say, reached, targeted),
            say.n(sessions),
        ]);
        let not_reached: usize = self.reasons.iter().map(|r| r.count).sum();
        let suppressed = self.reasons.iter().any(|r| r.suppressed);
        let reasons = Table {
            title: say.t("rpt-cov-not-reached-title"),
            header: words(&[
                "rpt-col-disposition",
                "rpt-col-aapor-code",
                "rpt-col-aapor-disposition",
                "rpt-col-targets",
            ]),
            numeric: vec![false, false, false, true],
            rows: self
                .reasons
                .iter()
                .map(|r| {
                    let (code, _) = r.aapor();
                    vec![
                        r.label(say),
                        code.to_string(),
                        aapor_name(say, r.outcome),
                        say.count(r.count, r.suppressed),
                    ]
                })
                .collect(),
            note: Some(say.tr(
                "rpt-cov-not-reached-note",
                &[
                    ("n", not_reached.into()),
                    ("targets", self.totals.targets.into()),
                    ("suppressed", if suppressed { "yes" } else { "no" }.into()),
                ],
            )),
        };
        let t = &self.totals;
        let rates = Table {
            title: say.t("rpt-cov-rates"),
            header: words(&[
                "rpt-col-rate",
                "rpt-col-measures",
                "rpt-col-formula",
                "rpt-col-value",
            ]),
            numeric: vec![false, false, false, true],
            rows: campaign::Rate::ALL
                .iter()
                .map(|r| {
                    let (num, den) = t.parts(*r);
                    vec![
                        r.name().to_string(),
                        say.tr("rpt-rate-meaning", &[("rate", r.name().into())]),
                        r.formula().to_string(),
                        share(say, num, den),
                    ]
                })
                .collect(),
            note: Some(
                say.tr(
                    "rpt-cov-rates-note",
                    &[
                        (
                            "groups",
                            [
                                campaign::Group::Complete,
                                campaign::Group::Partial,
                                campaign::Group::Refusal,
                                campaign::Group::NonContact,
                                campaign::Group::Other,
                                campaign::Group::UnknownHousehold,
                                campaign::Group::UnknownOther,
                            ]
                            .iter()
                            .map(|g| format!("{} = {}", g.letter(), say.n(t.count(*g))))
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                        ),
                        ("ne", t.count(campaign::Group::NotEligible).into()),
                    ],
                ),
            ),
        };
        vec![by, reasons, rates]
    }
}

impl Calls {
    /// "27 calls. On the call: Protection Cluster 74% (20 of 27), CP AOR 56% (15 of 27),
    /// GBV AOR 44% (12 of 27)."
    pub fn sentence(&self, say: Say) -> String {
        if self.calls == 0 {
            return say.t("rpt-calls-none");
        }
        let on: Vec<String> = self
            .on_call
            .iter()
            .map(|(g, n)| format!("{} {}", g.name(), share(say, *n, self.calls)))
            .collect();
        let mut s = say.tr(
            "rpt-calls",
            &[("calls", self.calls.into()), ("on", on.join(", ").into())],
        );
        if self.not_available > 0 {
            s.push(' ');
            s.push_str(&say.tr(
                "rpt-calls-not-available",
                &[("n", self.not_available.into())],
            ));
        }
        s
    }
}

impl Coverage {
    /// Without a campaign: what the section cannot say, and how to make it.
    pub fn no_campaign(&self, say: Say) -> Option<String> {
        if self.campaign.is_some() {
            return None;
        }
        Some(say.tr(
            "rpt-no-campaign",
            &[("attempts", self.attempts_without_campaign.into())],
        ))
    }
}
