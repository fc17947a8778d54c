//! The report a finished (or abandoned) play produces: per-standard scores with
//! evidence, the weighted overall score, the outcome, and the expert path.

use super::analysis::Analysis;
use super::rules::{Action, effects};
use super::session::Session;
use crate::model::{
    ComplaintOutcome, Lang, NodeId, Realm, Rubric, Scenario, StandardId, Text, Waterfall,
};
use serde::Serialize;

/// One piece of evidence: a step that moved a standard.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Evidence {
    /// Step number, from 0.
    pub step: usize,
    /// Where.
    pub node: NodeId,
    /// What the trainee did (choice text, or that time ran out).
    pub action: Text,
    /// By how much.
    pub amount: i32,
    /// The author's reason.
    pub why: Text,
}

/// The score on one standard.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct StandardScore {
    /// Which standard.
    pub id: StandardId,
    /// Its title.
    pub title: Text,
    /// Its weight in the overall score.
    pub weight: u32,
    /// The trainee's total.
    pub total: i32,
    /// Best achievable in this scenario.
    pub best: i32,
    /// Worst achievable in this scenario.
    pub worst: i32,
    /// 0–100: where the total falls between worst and best (100 when they are equal).
    pub percent: u8,
    /// Every step that moved it.
    pub evidence: Vec<Evidence>,
}

/// How the play ended.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Outcome {
    /// Where the customer lands on the waterfall.
    pub waterfall: Waterfall,
    /// The realm of service reached.
    pub realm: Realm,
    /// The complaint figure that applies, with its return rate (seed 001).
    pub complaint: Option<ComplaintOutcome>,
    /// The percentage of such customers who return.
    pub return_rate: Option<u8>,
    /// Name of the ending.
    pub title: Text,
    /// The author's debrief.
    pub debrief: Text,
}

/// One step of a path, for side-by-side display.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct PathStep {
    /// Where.
    pub node: NodeId,
    /// The action, as the node's choice index or a timeout.
    pub action: Action,
    /// Its text.
    pub text: Text,
}

/// The whole report.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    /// Which scenario.
    pub scenario: String,
    /// Per standard, in the scenario's order.
    pub standards: Vec<StandardScore>,
    /// Weighted mean of the percentages, 0–100.
    pub overall: u8,
    /// The ending, if reached.
    pub outcome: Option<Outcome>,
    /// Final mood.
    pub mood: u8,
    /// The trainee's path.
    pub path: Vec<PathStep>,
    /// The expert path.
    pub expert: Vec<PathStep>,
    /// Step number where the trainee first left the expert path (None if they never did).
    pub left_expert_at: Option<usize>,
}

fn action_text(sc: &Scenario, node: usize, action: Action) -> Text {
    match action {
        Action::Choose(c) => sc.nodes[node].choices[c].text.clone(),
        Action::Timeout => Text::bi("（时间到，没有作答）", "(time ran out, no answer)"),
    }
}

fn why(sc: &Scenario, node: usize, action: Action, standard: &StandardId) -> Text {
    let n = &sc.nodes[node];
    match action {
        Action::Choose(c) => n.choices[c]
            .effects
            .iter()
            .find(|e| &e.standard == standard)
            .map(|e| e.why.clone()),
        Action::Timeout => n.time_limit.as_ref().map(|t| t.why.clone()),
    }
    .unwrap_or_default()
}

/// 0–100 of `total` between `worst` and `best`.
pub fn percent(total: i32, best: i32, worst: i32) -> u8 {
    if best <= worst {
        return 100;
    }
    let p = 100.0 * f64::from(total - worst) / f64::from(best - worst);
    p.round().clamp(0.0, 100.0) as u8
}

/// Weighted mean of percentages.
pub fn weighted(scores: &[(u32, u8)]) -> u8 {
    let w: u32 = scores.iter().map(|s| s.0).sum();
    if w == 0 {
        return 100;
    }
    let sum: f64 = scores
        .iter()
        .map(|&(w, p)| f64::from(w) * f64::from(p))
        .sum();
    (sum / f64::from(w)).round() as u8
}

impl Report {
    /// Build the report of a session.
    pub fn new(session: &Session, analysis: &Analysis, rubric: &Rubric) -> Report {
        let sc = session.scenario();
        let mut standards: Vec<StandardScore> = analysis
            .standards
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let std = rubric.get(id);
                StandardScore {
                    id: id.clone(),
                    title: std
                        .map(|s| s.title.clone())
                        .unwrap_or_else(|| Text::plain(id.as_str())),
                    weight: std.map_or(1, |s| s.weight),
                    total: 0,
                    best: analysis.best[i],
                    worst: analysis.worst[i],
                    percent: 0,
                    evidence: Vec::new(),
                }
            })
            .collect();
        for (k, step) in session.steps().iter().enumerate() {
            for (id, amount) in effects(sc, step.node, step.action) {
                if let Some(s) = standards.iter_mut().find(|s| &s.id == id) {
                    s.total += amount;
                    s.evidence.push(Evidence {
                        step: k,
                        node: sc.nodes[step.node].id.clone(),
                        action: action_text(sc, step.node, step.action),
                        amount,
                        why: why(sc, step.node, step.action, id),
                    });
                }
            }
        }
        for s in &mut standards {
            s.percent = percent(s.total, s.best, s.worst);
        }
        let overall = weighted(
            &standards
                .iter()
                .map(|s| (s.weight, s.percent))
                .collect::<Vec<_>>(),
        );
        let outcome = session.ending().map(|e| Outcome {
            waterfall: e.waterfall,
            realm: e.realm,
            complaint: e.complaint,
            return_rate: e.complaint.map(ComplaintOutcome::return_rate),
            title: e.title.clone(),
            debrief: e.debrief.clone(),
        });
        let to_steps = |p: &mut dyn Iterator<Item = (usize, Action)>| -> Vec<PathStep> {
            p.map(|(node, action)| PathStep {
                node: sc.nodes[node].id.clone(),
                action,
                text: action_text(sc, node, action),
            })
            .collect()
        };
        let path = to_steps(&mut session.steps().iter().map(|s| (s.node, s.action)));
        let expert = to_steps(&mut analysis.expert.iter().copied());
        let left_expert_at = path
            .iter()
            .zip(expert.iter().map(Some).chain(std::iter::repeat(None)))
            .position(|(p, e)| e.is_none_or(|e| e != p));
        Report {
            scenario: sc.id.0.clone(),
            standards,
            overall,
            outcome,
            mood: session.mood(),
            path,
            expert,
            left_expert_at,
        }
    }

    /// One honest sentence reading the score and the outcome together, so a good score with a lost
    /// customer (or the reverse) is never left for the trainee to puzzle over.
    pub fn verdict(&self) -> Text {
        let Some(o) = &self.outcome else {
            return Text::bi(
                "还没有走到结局。",
                "The scenario has not reached an ending yet.",
            );
        };
        let high = o.waterfall <= Waterfall::VerySatisfied;
        let (zh, en) = match (high, o.waterfall == Waterfall::Satisfied, self.overall) {
            (true, _, 90..) => (
                "专家水准：各项标准都做到了，客户也留在了瀑布的顶端。",
                "Expert handling: the standards were met and the customer stays at the top of the waterfall.",
            ),
            (true, _, _) => (
                "客户很满意，但有几项标准还能做得更好——对照下面的专家路径。",
                "The customer is very satisfied, but some standards could be met better: compare with the expert path below.",
            ),
            (false, true, _) => (
                "客户只是“满意”——而“满意”远远不够，控制点在“非常满意”。",
                "The customer is only 'satisfied', which is not enough: the control point is 'very satisfied'.",
            ),
            (false, false, 50..) => (
                "做对了不少，但客户还是不满地走了：客户流失不是因为问题本身，而是因为处理方式。看看你从哪一步偏离了专家路径。",
                "Many right moves, yet the customer left unhappy: customers leave over how a problem is handled, not the problem. See where you left the expert path.",
            ),
            (false, false, _) => (
                "这位客户流失了。逐步对照专家的做法，找出第一个转折点。",
                "This customer was lost. Compare each step with the expert's and find the first turning point.",
            ),
        };
        Text::bi(zh, en)
    }

    /// A plain-text rendering for the CLI.
    pub fn to_text(&self, lang: Lang) -> String {
        let mut out = String::new();
        let push = |out: &mut String, s: String| {
            out.push_str(&s);
            out.push('\n');
        };
        push(&mut out, format!("== Report: {} ==", self.scenario));
        if let Some(o) = &self.outcome {
            push(&mut out, format!("Ending: {}", o.title.inline(lang)));
            push(
                &mut out,
                format!("Waterfall: {}", o.waterfall.label().inline(lang)),
            );
            push(&mut out, format!("Realm: {}", o.realm.label().inline(lang)));
            if let (Some(c), Some(r)) = (o.complaint, o.return_rate) {
                push(
                    &mut out,
                    format!("Return rate: {r}% ({}, seed 001)", c.label().inline(lang)),
                );
            }
        } else {
            push(&mut out, "Ending: not reached".into());
        }
        push(&mut out, format!("Mood: {}/100", self.mood));
        push(&mut out, format!("Overall: {}/100", self.overall));
        push(&mut out, self.verdict().inline(lang));
        for s in &self.standards {
            push(
                &mut out,
                format!(
                    "  {:>3}%  {:+} (worst {:+}, best {:+})  {}",
                    s.percent,
                    s.total,
                    s.worst,
                    s.best,
                    s.title.inline(lang)
                ),
            );
            for e in &s.evidence {
                push(
                    &mut out,
                    format!(
                        "         step {} {:+}: {}",
                        e.step + 1,
                        e.amount,
                        e.why.inline(lang)
                    ),
                );
            }
        }
        match self.left_expert_at {
            None => push(&mut out, "Expert path: followed all the way".into()),
            Some(k) => {
                let node = self.path.get(k).map(|p| p.node.as_str()).unwrap_or("?");
                push(
                    &mut out,
                    format!("Expert path: left at step {} (node `{node}`)", k + 1),
                );
                if let Some(e) = self.expert.get(k) {
                    push(
                        &mut out,
                        format!("  an expert would: {}", e.text.inline(lang)),
                    );
                }
            }
        }
        out
    }
}
