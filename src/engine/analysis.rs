//! Exact best and worst scores per standard, and the expert path, over every
//! possible play of a scenario.
//!
//! The play state is (node, mood, flags), so the reachable state graph is finite;
//! it is explored once (capped at `MAX_STATES`), condensed into strongly connected
//! components, and each objective is a longest-path pass over the condensation.
//! Inside a component every edge scores zero (the validator rejects scoring
//! choices on loops), so every state in a component has the same value.

use super::rules::{Action, Rules, State, effects};
use crate::graph;
use crate::load::limits::MAX_STATES;
use crate::model::{Rubric, Scenario, StandardId, Waterfall};

/// Size of the waterfall tie-break: below any score difference a real scenario produces
/// (one point of weight 1 on a standard spanning 1,000 points is 1e-3).
const TIE_BREAK: f64 = 1e-7;
use std::collections::{HashMap, HashSet, VecDeque};

/// One edge of the state graph.
#[derive(Clone, Debug)]
struct Edge {
    action: Action,
    to: usize,
    /// (standard index, amount).
    deltas: Vec<(usize, i32)>,
}

/// The reachable state graph.
#[derive(Debug)]
pub struct StateGraph {
    states: Vec<State>,
    edges: Vec<Vec<Edge>>,
    is_end: Vec<bool>,
    comp: Vec<usize>,
}

/// Why a scenario could not be analysed, or what the analysis found wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum AnalysisError {
    /// More than `MAX_STATES` states.
    TooComplex(usize),
    /// The start node is missing.
    NoStart,
}

/// The standards a scenario is scored on: claimed ones first, then any others it scores.
pub fn scored_standards(sc: &Scenario) -> Vec<StandardId> {
    let mut list = sc.standards.clone();
    let scored = sc.nodes.iter().flat_map(|n| {
        n.choices
            .iter()
            .flat_map(|c| c.effects.iter().map(|e| &e.standard))
            .chain(n.time_limit.iter().map(|t| &t.standard))
    });
    for id in scored {
        if !list.contains(id) {
            list.push(id.clone());
        }
    }
    list
}

/// What the analysis found.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The standards scored, in report order.
    pub standards: Vec<StandardId>,
    /// Best achievable total per standard (same order).
    pub best: Vec<i32>,
    /// Worst achievable total per standard.
    pub worst: Vec<i32>,
    /// The path with the highest weighted overall score: (node index, action) per step.
    pub expert: Vec<(usize, Action)>,
    /// The path with the lowest weighted overall score.
    pub worst_path: Vec<(usize, Action)>,
    /// Number of reachable states explored.
    pub states: usize,
    /// Nodes where some reachable play finds no choice offered (all conditions fail).
    pub stuck: Vec<usize>,
    /// (node, choice) pairs no reachable play ever offers.
    pub never_offered: Vec<(usize, usize)>,
}

impl StateGraph {
    /// Explore every state reachable from the start.
    pub fn explore(
        sc: &Scenario,
        rules: &Rules,
        stds: &[StandardId],
    ) -> Result<Self, AnalysisError> {
        let start = rules.start(sc).ok_or(AnalysisError::NoStart)?;
        let std_index: HashMap<&StandardId, usize> =
            stds.iter().enumerate().map(|(i, s)| (s, i)).collect();
        let mut index: HashMap<State, usize> = HashMap::from([(start, 0)]);
        let mut states = vec![start];
        let mut edges: Vec<Vec<Edge>> = Vec::new();
        let mut queue = VecDeque::from([0usize]);
        while let Some(v) = queue.pop_front() {
            let s = states[v];
            let mut out = Vec::new();
            if sc.nodes[s.node].ending.is_none() {
                for action in rules.actions(sc, &s) {
                    let Some(t) = rules.step(sc, &s, action) else {
                        continue;
                    };
                    let to = *index.entry(t).or_insert_with(|| {
                        states.push(t);
                        queue.push_back(states.len() - 1);
                        states.len() - 1
                    });
                    if states.len() > MAX_STATES {
                        return Err(AnalysisError::TooComplex(MAX_STATES));
                    }
                    let deltas = effects(sc, s.node, action)
                        .into_iter()
                        .filter_map(|(id, a)| Some((*std_index.get(id)?, a)))
                        .collect();
                    out.push(Edge { action, to, deltas });
                }
            }
            edges.push(out);
        }
        let is_end = states
            .iter()
            .map(|s| sc.nodes[s.node].ending.is_some())
            .collect();
        let comp = graph::scc(states.len(), &|v| edges[v].iter().map(|e| e.to).collect());
        Ok(StateGraph {
            states,
            edges,
            is_end,
            comp,
        })
    }

    /// Maximum over plays to an ending of Σ weight·delta plus the ending's own value, per state
    /// (−∞ where no ending is reachable).
    fn values(&self, weight: &dyn Fn(&Edge) -> f64, ending: &dyn Fn(usize) -> f64) -> Vec<f64> {
        let n_comp = self.comp.iter().max().map_or(0, |m| m + 1);
        let mut members = vec![Vec::new(); n_comp];
        for (v, &c) in self.comp.iter().enumerate() {
            members[c].push(v);
        }
        let mut comp_val = vec![f64::NEG_INFINITY; n_comp];
        // Tarjan numbers components in reverse topological order: successors come first.
        for c in 0..n_comp {
            let mut best = f64::NEG_INFINITY;
            for &v in &members[c] {
                if self.is_end[v] {
                    best = best.max(ending(v));
                }
                for e in &self.edges[v] {
                    let tc = self.comp[e.to];
                    if tc != c {
                        best = best.max(weight(e) + comp_val[tc]);
                    }
                }
            }
            comp_val[c] = best;
        }
        self.comp.iter().map(|&c| comp_val[c]).collect()
    }

    /// Follow the best edges from the start; inside a loop, take the shortest way to the best exit.
    fn follow(
        &self,
        sc: &Scenario,
        val: &[f64],
        weight: &dyn Fn(&Edge) -> f64,
    ) -> Vec<(usize, Action)> {
        let mut path = Vec::new();
        let mut v = 0;
        if !val[0].is_finite() {
            return path;
        }
        let eps = 1e-9;
        while !self.is_end[v] && path.len() <= self.states.len() {
            let c = self.comp[v];
            let good_exit = |u: usize| {
                self.edges[u]
                    .iter()
                    .find(|e| self.comp[e.to] != c && (weight(e) + val[e.to] - val[u]).abs() < eps)
            };
            // Breadth-first inside the component to a state with a best exit (or an ending).
            let mut prev: HashMap<usize, (usize, Action)> = HashMap::new();
            let mut queue = VecDeque::from([v]);
            let mut seen = HashSet::from([v]);
            let mut target = None;
            while let Some(u) = queue.pop_front() {
                if self.is_end[u] || good_exit(u).is_some() {
                    target = Some(u);
                    break;
                }
                for e in &self.edges[u] {
                    if self.comp[e.to] == c && seen.insert(e.to) {
                        prev.insert(e.to, (u, e.action));
                        queue.push_back(e.to);
                    }
                }
            }
            let Some(mut u) = target else { break };
            let mut inner = Vec::new();
            while let Some(&(p, a)) = prev.get(&u) {
                inner.push((self.states[p].node, a));
                u = p;
            }
            inner.reverse();
            path.extend(inner);
            let u = target.unwrap_or(v);
            if self.is_end[u] {
                break;
            }
            let Some(e) = good_exit(u) else { break };
            path.push((self.states[u].node, e.action));
            v = e.to;
        }
        let _ = sc;
        path
    }
}

/// Analyse a validated scenario.
pub fn analyse(sc: &Scenario, rubric: &Rubric) -> Result<Analysis, AnalysisError> {
    let rules = Rules::new(sc);
    let standards = scored_standards(sc);
    let g = StateGraph::explore(sc, &rules, &standards)?;
    let per = |i: usize, sign: f64| {
        move |e: &Edge| {
            sign * e
                .deltas
                .iter()
                .filter(|d| d.0 == i)
                .map(|d| f64::from(d.1))
                .sum::<f64>()
        }
    };
    let start_val = |vals: Vec<f64>| if vals[0].is_finite() { vals[0] } else { 0.0 };
    let best: Vec<i32> = (0..standards.len())
        .map(|i| start_val(g.values(&per(i, 1.0), &|_| 0.0)).round() as i32)
        .collect();
    let worst: Vec<i32> = (0..standards.len())
        .map(|i| -start_val(g.values(&per(i, -1.0), &|_| 0.0)).round() as i32)
        .collect();
    // The weighted overall score is affine in the totals, so its best path maximises Σ c·delta.
    let coef: Vec<f64> = standards
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let w = rubric.get(id).map_or(1, |s| s.weight) as f64;
            let span = (best[i] - worst[i]) as f64;
            if span > 0.0 { w / span } else { 0.0 }
        })
        .collect();
    let overall = |sign: f64| {
        let coef = coef.clone();
        move |e: &Edge| {
            sign * e
                .deltas
                .iter()
                .map(|&(i, a)| coef[i] * f64::from(a))
                .sum::<f64>()
        }
    };
    let up = overall(1.0);
    let down = overall(-1.0);
    // Between plays with the same score, the expert lands the customer higher on the waterfall
    // (and the worst path lower): a bonus far below any real score difference breaks the tie.
    let rank = |v: usize| {
        sc.nodes[g.states[v].node].ending.as_ref().map_or(0.0, |e| {
            Waterfall::ALL
                .iter()
                .position(|w| *w == e.waterfall)
                .unwrap_or(0) as f64
        })
    };
    let expert = g.follow(sc, &g.values(&up, &|v| (5.0 - rank(v)) * TIE_BREAK), &up);
    let worst_path = g.follow(sc, &g.values(&down, &|v| rank(v) * TIE_BREAK), &down);
    let (stuck, never_offered) = coverage(sc, &rules, &g);
    Ok(Analysis {
        standards,
        best,
        worst,
        expert,
        worst_path,
        states: g.states.len(),
        stuck,
        never_offered,
    })
}

/// Nodes where a reachable state offers nothing, and choices never offered anywhere.
fn coverage(sc: &Scenario, rules: &Rules, g: &StateGraph) -> (Vec<usize>, Vec<(usize, usize)>) {
    let mut offered: HashSet<(usize, usize)> = HashSet::new();
    let mut stuck = Vec::new();
    for s in &g.states {
        if sc.nodes[s.node].ending.is_some() {
            continue;
        }
        let acts = rules.actions(sc, s);
        if acts.is_empty() && !stuck.contains(&s.node) {
            stuck.push(s.node);
        }
        offered.extend(rules.offered(sc, s).into_iter().map(|c| (s.node, c)));
    }
    let visited: HashSet<usize> = g.states.iter().map(|s| s.node).collect();
    let mut never: Vec<(usize, usize)> = visited
        .iter()
        .flat_map(|&n| (0..sc.nodes[n].choices.len()).map(move |c| (n, c)))
        .filter(|k| !offered.contains(k))
        .collect();
    never.sort();
    stuck.sort();
    (stuck, never)
}
