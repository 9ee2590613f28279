//! The report's Coverage section: of the campaign's targets, how many were reached, which
//! were not and why (AAPOR's final dispositions), attempts per completed interview and
//! AAPOR's rates; and, campaign or not, which structures were on each call. A target
//! counts as reached when an attempt says so or when a session of its response and
//! structure is in the collation: an interview done without logging the attempt was
//! still done.

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::Timestamp;

use super::group::{Group, Groups};
use super::model::ReportOptions;
use super::say::Say;
use crate::campaign::{self, Attempt, Outcome, Rules, Target, target_id};
use crate::collate::Head;

/// Which structures were on the calls: the seed's "it was not always possible to have
/// cluster and AOR coordinators on the calls", counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calls {
    /// Calls with at least one session in the report.
    pub calls: usize,
    /// Per group, the calls it had a session on.
    pub on_call: Vec<(Group, usize)>,
    /// Attempts logged `not_available` (a coordinator absent from the call).
    pub not_available: usize,
}

/// One line of the coverage table by structure.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupCoverage {
    pub group: Group,
    pub targeted: usize,
    /// Targets of the group with an interview.
    pub reached: usize,
    /// Sessions of the group in the collation (a target may have several, and sessions
    /// outside the campaign count here too).
    pub sessions: usize,
}

/// Targets not reached, counted by what their attempts ended in.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// `None`: never tried.
    pub outcome: Option<Outcome>,
    pub count: usize,
    pub suppressed: bool,
}

impl Reason {
    /// "no answer", "never tried".
    pub fn label(&self, say: Say) -> String {
        super::coverage_said::disposition(say, self.outcome)
    }

    /// AAPOR's code and name ("3.13", "No answer").
    pub fn aapor(&self) -> (&'static str, &'static str) {
        aapor_of(self.outcome)
    }
}

/// One target, where it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub response: String,
    pub group: Group,
    /// Its final disposition: the outcome that says most (`Completed` when a session of
    /// it is in the collation); `None`: never tried.
    pub outcome: Option<Outcome>,
    pub attempts: usize,
    /// Sessions of it in the collation.
    pub sessions: usize,
    /// Dropped from a later campaign file after attempts were logged.
    pub removed: bool,
}

impl TargetLine {
    pub fn reached(&self) -> bool {
        self.outcome == Some(Outcome::Completed)
    }

    /// "South Sudan · GBV AOR".
    pub fn name(&self) -> String {
        format!("{} · {}", self.response.trim(), self.group.name())
    }

    /// "no answer", "never tried".
    pub fn disposition(&self, say: Say) -> String {
        super::coverage_said::disposition(say, self.outcome)
    }

    /// AAPOR's code and name for where it ended.
    pub fn aapor(&self) -> (&'static str, &'static str) {
        aapor_of(self.outcome)
    }
}

/// AAPOR's final disposition for an outcome; a target never tried is 3.11 "Not attempted
/// or worked".
pub fn aapor_of(outcome: Option<Outcome>) -> (&'static str, &'static str) {
    outcome.map_or(("3.11", "Not attempted or worked"), Outcome::aapor)
}

#[derive(Debug, Clone, PartialEq)]
pub struct CampaignCoverage {
    pub totals: campaign::Coverage,
    pub by_group: Vec<GroupCoverage>,
    pub reasons: Vec<Reason>,
    /// Every target, in the campaign file's order.
    pub lines: Vec<TargetLine>,
    /// Reached targets with no attempt logged (an interview done from the call list, not
    /// the Plan screen): each counted as one attempt.
    pub unlogged: usize,
    /// Sessions whose response and structure are not among the targets.
    pub outside: Vec<String>,
    /// Attempts logged later than the report was made: an interviewer's clock ahead of
    /// the collator's. (target name, when it says.)
    pub future: Vec<(String, Timestamp)>,
}

impl CampaignCoverage {
    /// The targets of a group, when the campaign has any: "of 31 targeted" is said beside
    /// its counts.
    pub fn targeted(&self, group: &Group) -> Option<usize> {
        self.by_group
            .iter()
            .find(|g| g.group == *group && g.targeted > 0)
            .map(|g| g.targeted)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// `None`: no campaign file was given to this collation.
    pub campaign: Option<CampaignCoverage>,
    pub calls: Calls,
    /// Attempts in the collation when it has no campaign: said, with how to add one.
    pub attempts_without_campaign: usize,
}

/// The coverage of the report: `targets` and `attempts` as the collation holds them,
/// `heads` every session's current revision (whatever guide).
pub(super) fn coverage(
    targets: &[Target],
    attempts: &[Attempt],
    heads: &[Head],
    options: &ReportOptions,
    groups: &Groups,
) -> Coverage {
    let heads: Vec<&Head> = heads
        .iter()
        .filter(|h| options.structure.is_none_or(|s| s == h.row.structure))
        .collect();
    let targets: Vec<&Target> = targets
        .iter()
        .filter(|t| options.structure.is_none_or(|s| s == t.structure))
        .collect();
    let calls = calls(&heads, attempts, groups);
    if targets.is_empty() {
        return Coverage {
            campaign: None,
            calls,
            attempts_without_campaign: attempts.len(),
        };
    }
    let owned: Vec<Target> = targets.iter().map(|t| (*t).clone()).collect();
    // Dispositions do not depend on the time; only "due" does, which a report never says.
    let now = options.now.unwrap_or(Timestamp::UNIX_EPOCH);
    let mut plan = campaign::plan(&owned, attempts, &Rules::default(), now);
    // Keep the campaign file's order for every list the report makes.
    let order: HashMap<&str, usize> = owned
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    plan.sort_by_key(|p| {
        order
            .get(p.target.id.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });

    let head_ids: HashSet<&str> = heads.iter().map(|h| h.row.session_id.as_str()).collect();
    let mut sessions_of: HashMap<String, usize> = HashMap::new();
    for h in &heads {
        *sessions_of
            .entry(target_id(
                &h.row.response,
                h.row.structure,
                &h.row.structure_label,
            ))
            .or_default() += 1;
    }
    let mut unlogged = 0;
    for p in &mut plan {
        let by_attempt = p.sessions.iter().any(|s| head_ids.contains(s.as_str()));
        let interviewed = by_attempt || sessions_of.contains_key(&p.target.id);
        if interviewed && p.best != Some(Outcome::Completed) {
            p.best = Some(Outcome::Completed);
            if p.attempts == 0 {
                p.attempts = 1;
                unlogged += 1;
            }
        }
    }
    let totals = campaign::coverage(&plan, attempts);

    let known: HashSet<&str> = owned.iter().map(|t| t.id.as_str()).collect();
    let claimed: HashSet<&str> = attempts
        .iter()
        .filter(|a| known.contains(a.target.as_str()))
        .flat_map(|a| a.sessions.iter().map(String::as_str))
        .collect();
    let mut outside: Vec<String> = heads
        .iter()
        .filter(|h| {
            let id = target_id(&h.row.response, h.row.structure, &h.row.structure_label);
            !known.contains(id.as_str()) && !claimed.contains(h.row.session_id.as_str())
        })
        .map(|h| {
            let g = groups.of(h.row.structure, &h.row.structure_label);
            format!("{} · {}", h.row.response.trim(), g.name())
        })
        .collect();
    outside.sort();
    outside.dedup();

    let mut by_group: BTreeMap<Group, GroupCoverage> = BTreeMap::new();
    let line = |g: Group| GroupCoverage {
        group: g,
        targeted: 0,
        reached: 0,
        sessions: 0,
    };
    for p in &plan {
        let g = groups.of(p.target.structure, &p.target.structure_label);
        let e = by_group.entry(g.clone()).or_insert_with(|| line(g));
        e.targeted += 1;
        e.reached += usize::from(p.best == Some(Outcome::Completed));
    }
    for h in &heads {
        let g = groups.of(h.row.structure, &h.row.structure_label);
        by_group
            .entry(g.clone())
            .or_insert_with(|| line(g))
            .sessions += 1;
    }

    let lines: Vec<TargetLine> = plan
        .iter()
        .map(|p| TargetLine {
            response: p.target.response.clone(),
            group: groups.of(p.target.structure, &p.target.structure_label),
            outcome: p.best,
            attempts: p.attempts,
            sessions: sessions_of.get(&p.target.id).copied().unwrap_or(0),
            removed: p.target.removed,
        })
        .collect();
    let mut counted: BTreeMap<Option<Outcome>, usize> = BTreeMap::new();
    for l in lines.iter().filter(|l| !l.reached()) {
        *counted.entry(l.outcome).or_default() += 1;
    }
    // One column of counts with its total shown: the rule of the other tables.
    let grid: Vec<Vec<usize>> = counted.values().map(|n| vec![*n]).collect();
    let hide = super::suppress::suppress(&grid, options.min_cell);
    let reasons = counted
        .into_iter()
        .zip(hide)
        .map(|((outcome, count), h)| Reason {
            outcome,
            count,
            suppressed: h.first().copied().unwrap_or(false),
        })
        .collect();

    let names: HashMap<&str, String> = owned
        .iter()
        .map(|t| {
            let g = groups.of(t.structure, &t.structure_label);
            (
                t.id.as_str(),
                format!("{} · {}", t.response.trim(), g.name()),
            )
        })
        .collect();
    let future = match options.now {
        Some(now) => attempts
            .iter()
            .filter(|a| a.at > now)
            .map(|a| {
                let name = names
                    .get(a.target.as_str())
                    .cloned()
                    .unwrap_or_else(|| a.target.clone());
                (name, a.at)
            })
            .collect(),
        None => Vec::new(),
    };

    Coverage {
        campaign: Some(CampaignCoverage {
            totals,
            by_group: by_group.into_values().collect(),
            reasons,
            lines,
            unlogged,
            outside,
            future,
        }),
        calls,
        attempts_without_campaign: 0,
    }
}

fn calls(heads: &[&Head], attempts: &[Attempt], groups: &Groups) -> Calls {
    let mut on: BTreeMap<&str, HashSet<Group>> = BTreeMap::new();
    for h in heads {
        on.entry(h.row.call_id.as_str())
            .or_default()
            .insert(groups.of(h.row.structure, &h.row.structure_label));
    }
    let mut per: BTreeMap<Group, usize> = groups.listed().into_iter().map(|g| (g, 0)).collect();
    for g in on.values().flatten() {
        *per.entry(g.clone()).or_default() += 1;
    }
    Calls {
        calls: on.len(),
        on_call: per.into_iter().collect(),
        not_available: attempts
            .iter()
            .filter(|a| a.outcome == Outcome::NotAvailable)
            .count(),
    }
}
