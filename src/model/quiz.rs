//! Quiz question banks: knowledge questions drawn from the same frameworks as the scenarios.

use super::ids::{QuestionId, StandardId};
use super::scenario::Difficulty;
use super::text::Text;
use serde::{Deserialize, Serialize};

/// One bank file, `scenarios/quiz/*.ron`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Format version; only 1 exists.
    #[serde(default = "super::format_version")]
    pub format: u32,
    /// Stable id of the bank.
    pub id: String,
    /// Title shown when choosing banks.
    pub title: Text,
    /// The questions.
    pub questions: Vec<Question>,
}

/// One question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique across all banks; the trainee's history is kept under it.
    pub id: QuestionId,
    /// The question.
    pub text: Text,
    /// The kind of answer it takes, with the answer key.
    pub kind: QuestionKind,
    /// Shown after answering, right or wrong.
    pub explanation: Text,
    /// The standards it tests (scored like scenario evidence).
    pub standards: Vec<StandardId>,
    /// The seed file it is drawn from, e.g. "seed 001".
    pub source: String,
    /// How hard it is.
    #[serde(default)]
    pub difficulty: Difficulty,
}

/// The question types. Option and answer numbers in files count from 1.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Pick exactly one option; `answer` is its number.
    Single {
        /// The options, in authoring order (shuffled when drawn).
        options: Vec<Text>,
        /// The correct option's number (1-based).
        answer: usize,
    },
    /// Pick every correct option; partial credit as documented.
    Multiple {
        /// The options.
        options: Vec<Text>,
        /// The correct options' numbers (1-based).
        answers: Vec<usize>,
    },
    /// True or false.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// Put the steps in order; written here in the correct order.
    Ordering {
        /// The steps, correct order.
        steps: Vec<Text>,
    },
    /// Type a number.
    Number {
        /// The right number.
        answer: f64,
        /// How far off still counts as right.
        #[serde(default)]
        tolerance: f64,
        /// Unit shown beside the input, e.g. rings, hours.
        #[serde(default)]
        unit: Option<Text>,
    },
}
