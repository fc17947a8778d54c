//! `service-dojo quiz --count 10 --seed 42 --answers 2,1+3,t,3-1-2,24`: a quiz, headless.

use crate::engine::quiz::{Answer, Draw, Drawn, Filter, QuizResult, draw, result};
use crate::load::Library;
use crate::model::Lang;
use crate::model::quiz::{Question, QuestionKind};
use std::sync::Arc;

/// Every question of the chosen banks (by id or file stem; empty = all).
pub fn pool(lib: &Library, banks: &[String]) -> Vec<Arc<Question>> {
    lib.banks
        .iter()
        .filter(|b| {
            banks.is_empty()
                || banks.iter().any(|want| {
                    &b.bank.id == want
                        || b.path
                            .file_stem()
                            .is_some_and(|s| s.to_string_lossy() == *want)
                })
        })
        .flat_map(|b| b.bank.questions.iter().cloned().map(Arc::new))
        .collect()
}

/// Parse one answer for a drawn question: `2`, `1+3`, `t`/`f`, `3-1-2`, `24` (numbers from 1); `-` skips.
pub fn parse_answer(d: &Drawn, s: &str) -> Result<Option<Answer>, String> {
    let s = s.trim();
    if s.is_empty() || s == "-" {
        return Ok(None);
    }
    let nums = |sep: char| -> Result<Vec<usize>, String> {
        s.split(sep)
            .map(|p| match p.trim().parse::<usize>() {
                Ok(n) if (1..=d.len()).contains(&n) => Ok(n - 1),
                _ => Err(format!("`{p}` is not an option number 1–{}", d.len())),
            })
            .collect()
    };
    Ok(Some(match &d.question.kind {
        QuestionKind::Single { .. } => {
            Answer::Single(nums('+')?.first().copied().ok_or("empty answer")?)
        }
        QuestionKind::Multiple { .. } => Answer::Multiple(nums('+')?),
        QuestionKind::Ordering { .. } => Answer::Ordering(nums('-')?),
        QuestionKind::TrueFalse { .. } => match s {
            "t" | "true" | "T" | "对" => Answer::TrueFalse(true),
            "f" | "false" | "F" | "错" => Answer::TrueFalse(false),
            _ => return Err(format!("`{s}` is not t or f")),
        },
        QuestionKind::Number { .. } => Answer::Number(
            s.parse::<f64>()
                .map_err(|_| format!("`{s}` is not a number"))?,
        ),
    }))
}

/// The display text of a drawn question, options numbered in their shuffled order.
pub fn render_question(k: usize, d: &Drawn, lang: Lang) -> String {
    let q = &d.question;
    let mut out = format!("Q{} [{}] {}\n", k + 1, q.id, q.text.inline(lang));
    let items = match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
            Some(options)
        }
        QuestionKind::Ordering { steps } => Some(steps),
        _ => None,
    };
    if let Some(items) = items {
        for (i, &o) in d.order.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, items[o].inline(lang)));
        }
    }
    match &q.kind {
        QuestionKind::TrueFalse { .. } => out.push_str("  (t / f)\n"),
        QuestionKind::Number { unit: Some(u), .. } => {
            out.push_str(&format!("  (number, {})\n", u.inline(lang)))
        }
        QuestionKind::Multiple { .. } => out.push_str("  (pick all that apply, e.g. 1+3)\n"),
        QuestionKind::Ordering { .. } => out.push_str("  (put in order, e.g. 3-1-2)\n"),
        _ => {}
    }
    out
}

/// Show an answer in the CLI's syntax (1-based).
pub fn show_answer(a: &Answer) -> String {
    let join = |v: &[usize], sep: &str| {
        v.iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(sep)
    };
    match a {
        Answer::Single(i) => (i + 1).to_string(),
        Answer::Multiple(v) => join(v, "+"),
        Answer::Ordering(v) => join(v, "-"),
        Answer::TrueFalse(b) => if *b { "t" } else { "f" }.into(),
        Answer::Number(n) => n.to_string(),
    }
}

/// Run a quiz with scripted answers; returns the printout and the result.
pub fn run(
    pool: &[Arc<Question>],
    filter: &Filter,
    count: usize,
    seed: u64,
    answers: &str,
    lang: Lang,
) -> Result<(String, QuizResult), String> {
    let drawn = draw(pool, filter, count, seed, Draw::Uniform);
    if drawn.is_empty() {
        return Err("no question matches the chosen banks and filters".into());
    }
    let parts: Vec<&str> = if answers.trim().is_empty() {
        Vec::new()
    } else {
        answers.split(',').collect()
    };
    let mut given = Vec::new();
    for (k, d) in drawn.iter().enumerate() {
        given.push(match parts.get(k) {
            Some(p) => parse_answer(d, p).map_err(|e| format!("answer {}: {e}", k + 1))?,
            None => None,
        });
    }
    let res = result(seed, &drawn, &given);
    let mut out = format!("Quiz: {} question(s), seed {seed}\n\n", drawn.len());
    for (k, d) in drawn.iter().enumerate() {
        out.push_str(&render_question(k, d, lang));
        let credit = res.credits[k];
        let mark = match credit {
            None => "unanswered".to_string(),
            Some(c) if c >= 1.0 => "right".to_string(),
            Some(c) if c > 0.0 => format!("partly right ({:.0}%)", c * 100.0),
            Some(_) => "wrong".to_string(),
        };
        let yours = given[k].as_ref().map_or("-".into(), show_answer);
        out.push_str(&format!(
            "  your answer: {yours} — {mark}; correct: {}\n",
            show_answer(&d.key())
        ));
        out.push_str(&format!("  {}\n\n", d.question.explanation.inline(lang)));
    }
    out.push_str(&format!(
        "Score: {}/100 (replay with --seed {seed})\n",
        res.percent
    ));
    for (s, p, n) in &res.standards {
        out.push_str(&format!("  {p:>3}%  {s} ({n} question(s))\n"));
    }
    Ok((out, res))
}
