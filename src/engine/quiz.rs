//! Drawing, shuffling and grading quizzes. All randomness comes from one seed,
//! so the same seed replays the identical quiz (questions, option order, key).

use crate::model::quiz::{Question, QuestionKind};
use crate::model::{Difficulty, QuestionId, StandardId};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which questions a quiz may draw.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Only these standards (empty: any).
    pub standards: Vec<StandardId>,
    /// Only this difficulty (None: any).
    pub difficulty: Option<Difficulty>,
}

impl Filter {
    fn admits(&self, q: &Question) -> bool {
        (self.standards.is_empty() || q.standards.iter().any(|s| self.standards.contains(s)))
            && self.difficulty.is_none_or(|d| d == q.difficulty)
    }
}

/// A question as drawn: the display order of its options or steps.
#[derive(Clone, Debug)]
pub struct Drawn {
    /// The question.
    pub question: Arc<Question>,
    /// `order[display position] = authoring index` of options (Single/Multiple) or steps (Ordering).
    pub order: Vec<usize>,
}

/// A trainee's answer, in display positions (0-based).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    /// One option.
    Single(usize),
    /// Some options.
    Multiple(Vec<usize>),
    /// True or false.
    TrueFalse(bool),
    /// Display positions of the steps, in the order the trainee put them.
    Ordering(Vec<usize>),
    /// A number.
    Number(f64),
}

impl Drawn {
    /// The correct answer in display positions.
    pub fn key(&self) -> Answer {
        let pos = |orig: usize| self.order.iter().position(|&o| o == orig).unwrap_or(0);
        match &self.question.kind {
            QuestionKind::Single { answer, .. } => Answer::Single(pos(answer - 1)),
            QuestionKind::Multiple { answers, .. } => {
                let mut v: Vec<usize> = answers.iter().map(|a| pos(a - 1)).collect();
                v.sort();
                Answer::Multiple(v)
            }
            QuestionKind::TrueFalse { answer } => Answer::TrueFalse(*answer),
            QuestionKind::Ordering { steps } => {
                Answer::Ordering((0..steps.len()).map(pos).collect())
            }
            QuestionKind::Number { answer, .. } => Answer::Number(*answer),
        }
    }

    /// Credit from 0.0 to 1.0.
    ///
    /// Single, true/false and number: all or nothing (number within its tolerance).
    /// Multiple: (right options picked − wrong options picked) / right options, at least 0.
    /// Ordering: the share of steps in their correct place.
    pub fn grade(&self, answer: &Answer) -> f64 {
        match (&self.question.kind, self.key(), answer) {
            (_, Answer::Single(k), Answer::Single(a)) => f64::from(u8::from(k == *a)),
            (_, Answer::TrueFalse(k), Answer::TrueFalse(a)) => f64::from(u8::from(k == *a)),
            (QuestionKind::Number { tolerance, .. }, Answer::Number(k), Answer::Number(a)) => {
                f64::from(u8::from((k - a).abs() <= tolerance + 1e-9))
            }
            (_, Answer::Multiple(k), Answer::Multiple(a)) => {
                let mut picked = a.clone();
                picked.sort();
                picked.dedup();
                let right = picked.iter().filter(|p| k.contains(p)).count() as f64;
                let wrong = picked.len() as f64 - right;
                ((right - wrong) / k.len() as f64).max(0.0)
            }
            (_, Answer::Ordering(k), Answer::Ordering(a)) => {
                let placed = k.iter().zip(a).filter(|(x, y)| x == y).count() as f64;
                placed / k.len() as f64
            }
            _ => 0.0,
        }
    }

    /// Number of options (or steps) shown.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True for questions without options (true/false, number).
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

/// What a practice draw knows about the trainee: Leitner boxes and recency.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Leitner {
    /// Box 1 (often wrong) to 5 (well known), per question.
    pub boxes: BTreeMap<QuestionId, u8>,
    /// Questions in the most recent quiz, not repeated next time if avoidable.
    pub recent: Vec<QuestionId>,
}

impl Leitner {
    /// Box of a question; unseen questions start in box 2, between known and missed.
    pub fn box_of(&self, id: &QuestionId) -> u8 {
        self.boxes.get(id).copied().unwrap_or(2)
    }

    /// Draw weight: each box down doubles the chance (box 1: 16, box 5: 1).
    pub fn weight(&self, id: &QuestionId) -> f64 {
        f64::from(1u32 << (5 - self.box_of(id).clamp(1, 5)))
    }

    /// Record a graded answer: full credit moves up a box, anything else back to box 1.
    pub fn record(&mut self, id: &QuestionId, credit: f64) {
        let b = self.box_of(id);
        let nb = if credit >= 1.0 { (b + 1).min(5) } else { 1 };
        self.boxes.insert(id.clone(), nb);
    }
}

/// How questions are picked.
#[derive(Clone, Debug)]
pub enum Draw<'a> {
    /// Uniformly: the same for everyone given the seed.
    Uniform,
    /// Favouring what the trainee got wrong, avoiding the last quiz's questions.
    Practice(&'a Leitner),
}

/// Draw `count` questions from `pool` with `seed`, shuffling each question's options.
pub fn draw(
    pool: &[Arc<Question>],
    filter: &Filter,
    count: usize,
    seed: u64,
    how: Draw,
) -> Vec<Drawn> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut eligible: Vec<&Arc<Question>> = pool.iter().filter(|q| filter.admits(q)).collect();
    eligible.sort_by(|a, b| a.id.cmp(&b.id));
    let chosen: Vec<&Arc<Question>> = match how {
        Draw::Uniform => {
            eligible.shuffle(&mut rng);
            eligible.into_iter().take(count).collect()
        }
        Draw::Practice(l) => {
            let fresh: Vec<&Arc<Question>> = eligible
                .iter()
                .copied()
                .filter(|q| !l.recent.contains(&q.id))
                .collect();
            let from = if fresh.len() >= count {
                fresh
            } else {
                eligible
            };
            let picked = from.sample_weighted(&mut rng, count, |q| l.weight(&q.id));
            match picked {
                Ok(it) => it.copied().collect(),
                Err(_) => from.into_iter().take(count).collect(),
            }
        }
    };
    chosen
        .into_iter()
        .map(|q| shuffle_one(q.clone(), &mut rng))
        .collect()
}

fn shuffle_one(question: Arc<Question>, rng: &mut StdRng) -> Drawn {
    let n = match &question.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            options.len()
        }
        QuestionKind::Ordering { steps } => steps.len(),
        QuestionKind::TrueFalse { .. } | QuestionKind::Number { .. } => 0,
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(rng);
    Drawn { question, order }
}

/// The result of a quiz.
#[derive(Clone, Debug, Serialize)]
pub struct QuizResult {
    /// The seed that replays it.
    pub seed: u64,
    /// Credit per question (0–1), in order; None if unanswered.
    pub credits: Vec<Option<f64>>,
    /// Total score, 0–100.
    pub percent: u8,
    /// Per standard: 0–100 over the questions that test it, and how many did.
    pub standards: Vec<(StandardId, u8, usize)>,
}

/// Grade answers (None = unanswered or timed out, which scores 0).
pub fn result(seed: u64, drawn: &[Drawn], answers: &[Option<Answer>]) -> QuizResult {
    let credits: Vec<Option<f64>> = drawn
        .iter()
        .enumerate()
        .map(|(i, d)| answers.get(i).cloned().flatten().map(|a| d.grade(&a)))
        .collect();
    let total: f64 = credits.iter().map(|c| c.unwrap_or(0.0)).sum();
    let percent = if drawn.is_empty() {
        0
    } else {
        (100.0 * total / drawn.len() as f64).round() as u8
    };
    let mut per: BTreeMap<StandardId, (f64, usize)> = BTreeMap::new();
    for (d, c) in drawn.iter().zip(&credits) {
        for s in &d.question.standards {
            let e = per.entry(s.clone()).or_default();
            e.0 += c.unwrap_or(0.0);
            e.1 += 1;
        }
    }
    let standards = per
        .into_iter()
        .map(|(s, (sum, n))| (s, (100.0 * sum / n as f64).round() as u8, n))
        .collect();
    QuizResult {
        seed,
        credits,
        percent,
        standards,
    }
}
