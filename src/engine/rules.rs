//! The transition rules of a scenario, shared by live play and the exhaustive analysis,
//! so the two can never disagree about what a choice does.

use crate::model::{Choice, Condition, Scenario, StandardId};
use std::collections::HashMap;

/// Everything conditions can read: where the play is, the mood, and the flags
/// (named flags and visited-markers, one bit each; the validator caps them at 16).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct State {
    /// Index of the current node.
    pub node: usize,
    /// Customer mood, 0–100.
    pub mood: u8,
    /// One bit per flag or visited-marker.
    pub flags: u32,
}

/// What the trainee did at a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Action {
    /// Picked the choice with this index in the node's `choices` (not the offered number).
    Choose(usize),
    /// Let the time limit run out.
    Timeout,
}

/// Pre-indexed rules of one scenario.
#[derive(Clone, Debug)]
pub struct Rules {
    node_index: HashMap<String, usize>,
    bits: HashMap<String, u32>,
}

impl Rules {
    /// Index a validated scenario.
    pub fn new(sc: &Scenario) -> Self {
        let node_index = sc
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.0.clone(), i))
            .collect();
        let mut names: Vec<String> = crate::load::validate::flag_names(sc).into_iter().collect();
        names.sort();
        let bits = names
            .into_iter()
            .enumerate()
            .map(|(i, n)| (n, 1u32 << (i % 32)))
            .collect();
        Rules { node_index, bits }
    }

    /// Index of a node id.
    pub fn node(&self, id: &str) -> Option<usize> {
        self.node_index.get(id).copied()
    }

    fn visit_bit(&self, node: &str) -> u32 {
        self.bits.get(&format!("node:{node}")).copied().unwrap_or(0)
    }

    fn flag_bit(&self, flag: &str) -> u32 {
        self.bits.get(&format!("flag:{flag}")).copied().unwrap_or(0)
    }

    /// The state a play starts in.
    pub fn start(&self, sc: &Scenario) -> Option<State> {
        let node = self.node(sc.start.as_str())?;
        Some(State {
            node,
            mood: sc.mood.min(100),
            flags: self.visit_bit(sc.start.as_str()),
        })
    }

    /// Whether one condition holds in a state.
    pub fn holds(&self, cond: &Condition, s: &State) -> bool {
        match cond {
            Condition::MoodAtLeast(v) => s.mood >= *v,
            Condition::MoodAtMost(v) => s.mood <= *v,
            Condition::Flag(f) => s.flags & self.flag_bit(f.as_str()) != 0,
            Condition::NotFlag(f) => s.flags & self.flag_bit(f.as_str()) == 0,
            Condition::Visited(n) => s.flags & self.visit_bit(n.as_str()) != 0,
            Condition::NotVisited(n) => s.flags & self.visit_bit(n.as_str()) == 0,
        }
    }

    /// Indices (into the node's `choices`) of the choices offered in this state, in order.
    pub fn offered(&self, sc: &Scenario, s: &State) -> Vec<usize> {
        let choices = &sc.nodes[s.node].choices;
        (0..choices.len())
            .filter(|&i| choices[i].when.iter().all(|c| self.holds(c, s)))
            .collect()
    }

    /// The state after an action, or `None` if the action is not possible here.
    pub fn step(&self, sc: &Scenario, s: &State, action: Action) -> Option<State> {
        let node = &sc.nodes[s.node];
        let (next, mood) = match action {
            Action::Choose(i) => {
                let c: &Choice = node.choices.get(i)?;
                if !c.when.iter().all(|cond| self.holds(cond, s)) {
                    return None;
                }
                (c.next.as_str(), c.mood)
            }
            Action::Timeout => {
                let t = node.time_limit.as_ref()?;
                (t.goto.as_ref()?.as_str(), t.mood)
            }
        };
        let mut flags = s.flags | self.visit_bit(next);
        if let Action::Choose(i) = action {
            for f in &node.choices[i].set {
                flags |= self.flag_bit(f.as_str());
            }
        }
        let mood = (i32::from(s.mood) + mood).clamp(0, 100) as u8;
        Some(State {
            node: self.node(next)?,
            mood,
            flags,
        })
    }

    /// Every action possible in a state: offered choices, then the timeout if the node has one.
    pub fn actions(&self, sc: &Scenario, s: &State) -> Vec<Action> {
        let mut acts: Vec<Action> = self
            .offered(sc, s)
            .into_iter()
            .map(Action::Choose)
            .collect();
        if sc.nodes[s.node]
            .time_limit
            .as_ref()
            .is_some_and(|t| t.goto.is_some())
        {
            acts.push(Action::Timeout);
        }
        acts
    }
}

/// The standard effects of an action, as (standard, amount) pairs.
pub fn effects(sc: &Scenario, node: usize, action: Action) -> Vec<(&StandardId, i32)> {
    let node = &sc.nodes[node];
    match action {
        Action::Choose(i) => node.choices[i]
            .effects
            .iter()
            .map(|e| (&e.standard, e.amount))
            .collect(),
        Action::Timeout => node
            .time_limit
            .iter()
            .map(|t| (&t.standard, t.amount))
            .collect(),
    }
}
