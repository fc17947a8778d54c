//! Checks for quiz banks: answer keys that point at real options, orderings without
//! duplicates, questions with a right (and a wrong) answer, known standards.

use super::diagnostics::{Code, Diagnostic};
use super::library::LoadedBank;
use super::limits::MAX_QUESTIONS;
use super::spans::{Seg, SourceMap};
use crate::model::quiz::{Bank, Question, QuestionKind};
use crate::model::{Rubric, Text};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use Seg::{Field as F, Index as I};

struct Out<'a> {
    file: &'a Path,
    map: &'a SourceMap,
    diags: Vec<Diagnostic>,
}

impl Out<'_> {
    fn at(&mut self, path: &[Seg], code: Code, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(
            self.file,
            self.map.locate_value(path),
            code,
            msg,
        ));
    }
}

/// Check one bank.
pub fn bank(b: &Bank, rubric: Option<&Rubric>, file: &Path, map: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Out {
        file,
        map,
        diags: Vec::new(),
    };
    if b.format != crate::model::FORMAT_VERSION {
        out.at(
            &[F("format")],
            Code::Version,
            format!("format version {} is not supported; expected 1", b.format),
        );
        return out.diags;
    }
    if b.questions.len() > MAX_QUESTIONS {
        out.at(
            &[F("questions")],
            Code::Limit,
            format!(
                "{} questions; the limit is {MAX_QUESTIONS}",
                b.questions.len()
            ),
        );
        return out.diags;
    }
    if let Some(lang) = b.title.missing() {
        out.at(
            &[F("title")],
            Code::MissingTranslation,
            format!("missing {lang} translation"),
        );
    }
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (q, question) in b.questions.iter().enumerate() {
        let base = vec![F("questions"), I(q)];
        if let Some(first) = ids.insert(question.id.as_str(), q) {
            let line = map.locate(&[F("questions"), I(first), F("id")]).line;
            out.at(
                &[base.clone(), vec![F("id")]].concat(),
                Code::DuplicateId,
                format!(
                    "duplicate question id `{}` (first defined on line {line})",
                    question.id
                ),
            );
        }
        one(question, &base, rubric, &mut out);
    }
    out.diags
}

fn one(q: &Question, base: &[Seg], rubric: Option<&Rubric>, out: &mut Out) {
    let at = |rest: &[Seg]| [base, rest].concat();
    match rubric {
        Some(r) => {
            for (k, id) in q.standards.iter().enumerate() {
                if r.get(id).is_none() {
                    out.at(
                        &at(&[F("standards"), I(k)]),
                        Code::UnknownStandard,
                        format!("standard `{id}` is not in standards.ron"),
                    );
                }
            }
        }
        None => out.at(
            &at(&[F("standards")]),
            Code::NoRubric,
            "standards.ron did not load, so standard ids cannot be checked",
        ),
    }
    let mut texts: Vec<(Vec<Seg>, &Text)> = vec![
        (at(&[F("text")]), &q.text),
        (at(&[F("explanation")]), &q.explanation),
    ];
    let kind = at(&[F("kind")]);
    let sub = |rest: &[Seg]| [kind.clone(), rest.to_vec()].concat();
    match &q.kind {
        QuestionKind::Single { options, answer } => {
            options_ok(options, 3, "option", &sub(&[F("options")]), out);
            if !(1..=options.len()).contains(answer) {
                out.at(
                    &sub(&[F("answer")]),
                    Code::AnswerOutOfRange,
                    format!(
                        "answer {answer} is not an option number (1–{})",
                        options.len()
                    ),
                );
            }
            texts.extend(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (sub(&[F("options"), I(i)]), t)),
            );
        }
        QuestionKind::Multiple { options, answers } => {
            options_ok(options, 3, "option", &sub(&[F("options")]), out);
            for (k, a) in answers.iter().enumerate() {
                if !(1..=options.len()).contains(a) {
                    out.at(
                        &sub(&[F("answers"), I(k)]),
                        Code::AnswerOutOfRange,
                        format!("answer {a} is not an option number (1–{})", options.len()),
                    );
                } else if answers[..k].contains(a) {
                    out.at(
                        &sub(&[F("answers"), I(k)]),
                        Code::DuplicateOption,
                        format!("answer {a} is listed twice"),
                    );
                }
            }
            if answers.is_empty() {
                out.at(
                    &sub(&[F("answers")]),
                    Code::NoCorrectOption,
                    "no correct option: list at least one answer",
                );
            } else if answers.len() >= options.len() {
                out.at(
                    &sub(&[F("answers")]),
                    Code::NoCorrectOption,
                    "every option is correct, so the question tests nothing; add a wrong option",
                );
            }
            texts.extend(
                options
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (sub(&[F("options"), I(i)]), t)),
            );
        }
        QuestionKind::Ordering { steps } => {
            options_ok(steps, 3, "step", &sub(&[F("steps")]), out);
            texts.extend(
                steps
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (sub(&[F("steps"), I(i)]), t)),
            );
        }
        QuestionKind::Number {
            tolerance,
            answer,
            unit,
        } => {
            if *tolerance < 0.0 || !tolerance.is_finite() || !answer.is_finite() {
                out.at(
                    &sub(&[F("tolerance")]),
                    Code::OutOfRange,
                    "answer and tolerance must be finite, tolerance at least 0",
                );
            }
            if let Some(u) = unit {
                texts.push((sub(&[F("unit")]), u));
            }
        }
        QuestionKind::TrueFalse { .. } => {}
    }
    for (path, t) in texts {
        if let Some((code, msg)) = super::validate::text_lint(t) {
            out.at(&path, code, msg);
        }
    }
}

/// At least `min` options, all different.
fn options_ok(options: &[Text], min: usize, noun: &str, path: &[Seg], out: &mut Out) {
    if options.len() < min {
        out.at(
            path,
            Code::TooFewOptions,
            format!("{} {noun}s; a question needs at least {min}", options.len()),
        );
    }
    for (i, o) in options.iter().enumerate() {
        if let Some(first) = options[..i].iter().position(|p| p == o) {
            out.at(
                &[path, &[I(i)]].concat(),
                Code::DuplicateOption,
                format!("same as {noun} {}", first + 1),
            );
        }
    }
}

/// Question ids must be unique across banks too: history is kept under them.
pub fn across_banks(banks: &[LoadedBank], sources: &BTreeMap<PathBuf, String>) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Path> = HashMap::new();
    let mut out = Vec::new();
    for b in banks {
        let map = SourceMap::new(sources.get(&b.path).map_or("", String::as_str));
        for (q, question) in b.bank.questions.iter().enumerate() {
            match seen.get(question.id.as_str()) {
                Some(first) if *first != b.path.as_path() => {
                    let pos = map.locate_value(&[F("questions"), I(q), F("id")]);
                    out.push(Diagnostic::new(
                        &b.path,
                        pos,
                        Code::DuplicateId,
                        format!(
                            "question id `{}` is also used in {}",
                            question.id,
                            first.display()
                        ),
                    ));
                }
                _ => {
                    seen.insert(question.id.as_str(), &b.path);
                }
            }
        }
    }
    out
}
