//! A play session: a deterministic state machine driven by `choose`, `time_out` and `undo`.
//! Time comes in from outside (`tick`), so tests and the UI control the clock.

use super::rules::{Action, Rules, State};
use crate::model::{Ending, Node, Scenario};
use std::sync::Arc;
use std::time::Duration;

/// Whether the trainee may take choices back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Mode {
    /// Undo allowed; for learning.
    #[default]
    Practice,
    /// No undo; for assessment.
    Assessed,
}

/// One step taken: where, what, and what it did to the mood.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The node the step was taken at.
    pub node: usize,
    /// What the trainee did.
    pub action: Action,
    /// Mood before and after.
    pub mood: (u8, u8),
    /// Time spent at the node before acting.
    pub elapsed: Duration,
}

/// Why an action was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlayError {
    /// The play has reached an ending.
    #[error("the scenario has ended")]
    Ended,
    /// No such offered choice.
    #[error("choice {0} is not offered here (there are {1})")]
    NoSuchChoice(usize, usize),
    /// This node has no time limit.
    #[error("this node has no time limit")]
    NotTimed,
    /// Nothing to undo, or undo is off in assessed mode.
    #[error("nothing to undo")]
    CannotUndo,
    /// No choice is offered and there is no time limit: an authoring error the validator reports.
    #[error("no choice is offered here")]
    Stuck,
}

/// A play of one scenario.
#[derive(Clone, Debug)]
pub struct Session {
    scenario: Arc<Scenario>,
    rules: Rules,
    mode: Mode,
    state: State,
    steps: Vec<Step>,
    history: Vec<State>,
    elapsed: Duration,
}

impl Session {
    /// Start a play. The scenario must have passed validation (its start node exists).
    pub fn new(scenario: Arc<Scenario>, mode: Mode) -> Option<Self> {
        let rules = Rules::new(&scenario);
        let state = rules.start(&scenario)?;
        Some(Session {
            scenario,
            rules,
            mode,
            state,
            steps: Vec::new(),
            history: Vec::new(),
            elapsed: Duration::ZERO,
        })
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// Practice or assessed.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The current node.
    pub fn node(&self) -> &Node {
        &self.scenario.nodes[self.state.node]
    }

    /// The current state (node, mood, flags).
    pub fn state(&self) -> State {
        self.state
    }

    /// The customer's mood, 0–100.
    pub fn mood(&self) -> u8 {
        self.state.mood
    }

    /// Steps taken so far.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The ending reached, if the play is over.
    pub fn ending(&self) -> Option<&Ending> {
        self.node().ending.as_ref()
    }

    /// The offered choices as indices into the node's `choices`; offered number `i` is `offered()[i]`.
    pub fn offered(&self) -> Vec<usize> {
        if self.ending().is_some() {
            Vec::new()
        } else {
            self.rules.offered(&self.scenario, &self.state)
        }
    }

    /// Time spent at the current node.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// Time left at a timed node.
    pub fn remaining(&self) -> Option<Duration> {
        let t = self.node().time_limit.as_ref()?;
        Some(Duration::from_secs(u64::from(t.seconds)).saturating_sub(self.elapsed))
    }

    /// Let time pass at the current node (the caller pauses by not calling this).
    /// Returns true when a time limit has just run out; the caller then calls `time_out`.
    pub fn tick(&mut self, dt: Duration) -> bool {
        if self.ending().is_some() {
            return false;
        }
        self.elapsed += dt;
        self.remaining().is_some_and(|r| r.is_zero())
    }

    /// Pick the offered choice with 0-based number `i`.
    pub fn choose(&mut self, i: usize) -> Result<(), PlayError> {
        if self.ending().is_some() {
            return Err(PlayError::Ended);
        }
        let offered = self.offered();
        let &c = offered
            .get(i)
            .ok_or(PlayError::NoSuchChoice(i + 1, offered.len()))?;
        self.apply(Action::Choose(c))
    }

    /// The time limit ran out: take the timeout branch.
    pub fn time_out(&mut self) -> Result<(), PlayError> {
        if self.ending().is_some() {
            return Err(PlayError::Ended);
        }
        if self.node().time_limit.is_none() {
            return Err(PlayError::NotTimed);
        }
        self.apply(Action::Timeout)
    }

    /// Replay a raw action (a node's choice index, not an offered number), e.g. from a saved path.
    pub fn apply(&mut self, action: Action) -> Result<(), PlayError> {
        let next = self
            .rules
            .step(&self.scenario, &self.state, action)
            .ok_or(match action {
                Action::Choose(c) => PlayError::NoSuchChoice(c + 1, self.node().choices.len()),
                Action::Timeout => PlayError::NotTimed,
            })?;
        self.steps.push(Step {
            node: self.state.node,
            action,
            mood: (self.state.mood, next.mood),
            elapsed: self.elapsed,
        });
        self.history.push(self.state);
        self.state = next;
        self.elapsed = Duration::ZERO;
        Ok(())
    }

    /// Take back the last step (practice mode only).
    pub fn undo(&mut self) -> Result<(), PlayError> {
        if self.mode == Mode::Assessed {
            return Err(PlayError::CannotUndo);
        }
        let prev = self.history.pop().ok_or(PlayError::CannotUndo)?;
        let step = self.steps.pop().ok_or(PlayError::CannotUndo)?;
        self.state = prev;
        self.elapsed = step.elapsed;
        Ok(())
    }

    /// True when the play can go neither forward nor end: an authoring error.
    pub fn is_stuck(&self) -> bool {
        self.ending().is_none() && self.offered().is_empty() && self.node().time_limit.is_none()
    }

    /// Restart from the beginning and replay the first `n` steps of this play.
    pub fn rewind_to(&self, n: usize) -> Session {
        let mut s =
            Session::new(self.scenario.clone(), self.mode).expect("a running session has a start");
        for step in self.steps.iter().take(n) {
            let _ = s.apply(step.action);
        }
        s
    }

    /// Replay a list of actions on a (possibly edited) scenario; stops at the first that no longer fits.
    /// Returns the session and how many actions were replayed.
    pub fn replay(
        scenario: Arc<Scenario>,
        mode: Mode,
        actions: &[Action],
    ) -> Option<(Session, usize)> {
        let mut s = Session::new(scenario, mode)?;
        let mut done = 0;
        for &a in actions {
            if s.apply(a).is_err() {
                break;
            }
            done += 1;
        }
        Some((s, done))
    }
}
