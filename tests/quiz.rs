//! Quiz randomness and grading: seeds replay exactly, shuffles are unbiased, every kind scores as documented.

mod common;

use service_dojo::engine::quiz::{Answer, Draw, Drawn, Filter, Leitner, draw, result};
use service_dojo::model::quiz::{Question, QuestionKind};
use service_dojo::model::{Difficulty, QuestionId, StandardId, Text};
use std::collections::BTreeMap;
use std::sync::Arc;

fn pool() -> Vec<Arc<Question>> {
    common::library()
        .banks
        .iter()
        .flat_map(|b| b.bank.questions.iter().cloned().map(Arc::new))
        .collect()
}

fn fingerprint(d: &[Drawn]) -> Vec<(String, Vec<usize>, String)> {
    d.iter()
        .map(|q| {
            (
                q.question.id.to_string(),
                q.order.clone(),
                format!("{:?}", q.key()),
            )
        })
        .collect()
}

#[test]
fn the_same_seed_draws_the_identical_quiz_and_different_seeds_differ() {
    let p = pool();
    let a = draw(&p, &Filter::default(), 10, 42, Draw::Uniform);
    let b = draw(&p, &Filter::default(), 10, 42, Draw::Uniform);
    assert_eq!(a.len(), 10);
    assert_eq!(fingerprint(&a), fingerprint(&b));
    let distinct: std::collections::HashSet<_> = (0..20u64)
        .map(|s| fingerprint(&draw(&p, &Filter::default(), 10, s, Draw::Uniform)))
        .collect();
    assert_eq!(distinct.len(), 20);
    // The bank's own order in the file does not matter: the pool is sorted before drawing.
    let mut reversed = p.clone();
    reversed.reverse();
    assert_eq!(
        fingerprint(&draw(&reversed, &Filter::default(), 10, 42, Draw::Uniform)),
        fingerprint(&a)
    );
}

#[test]
fn the_answer_key_follows_the_shuffle() {
    for d in draw(&pool(), &Filter::default(), 60, 7, Draw::Uniform) {
        match (&d.question.kind, d.key()) {
            (QuestionKind::Single { answer, .. }, Answer::Single(pos)) => {
                assert_eq!(d.order[pos], answer - 1)
            }
            (QuestionKind::Multiple { answers, .. }, Answer::Multiple(pos)) => {
                let mut orig: Vec<usize> = pos.iter().map(|&p| d.order[p] + 1).collect();
                orig.sort();
                let mut want = answers.clone();
                want.sort();
                assert_eq!(orig, want);
            }
            (QuestionKind::Ordering { steps }, Answer::Ordering(pos)) => {
                let back: Vec<usize> = pos.iter().map(|&p| d.order[p]).collect();
                assert_eq!(back, (0..steps.len()).collect::<Vec<_>>());
            }
            _ => {}
        }
        assert_eq!(d.grade(&d.key()), 1.0, "{}", d.question.id);
    }
}

#[test]
fn over_ten_thousand_seeds_every_option_position_is_equally_likely() {
    let q = Arc::new(single(4, 1));
    let mut counts = [0u32; 4];
    let n = 10_000;
    for seed in 0..n {
        let d = &draw(
            std::slice::from_ref(&q),
            &Filter::default(),
            1,
            seed,
            Draw::Uniform,
        )[0];
        let Answer::Single(pos) = d.key() else {
            unreachable!()
        };
        counts[pos] += 1;
    }
    // Expected 2500 each; a fair shuffle stays within ±4 standard deviations (±173).
    for c in counts {
        assert!((2327..=2673).contains(&c), "{counts:?}");
    }
    // And a chi-square test at 3 degrees of freedom (critical value 16.27 at p = 0.001).
    let chi: f64 = counts
        .iter()
        .map(|&c| (f64::from(c) - 2500.0).powi(2) / 2500.0)
        .sum();
    assert!(chi < 16.27, "chi² = {chi}, {counts:?}");
}

fn texts(n: usize) -> Vec<Text> {
    (0..n)
        .map(|i| Text::bi(format!("选项{i}"), format!("option {i}")))
        .collect()
}

fn question(kind: QuestionKind) -> Question {
    Question {
        id: QuestionId("q".into()),
        text: Text::bi("题", "q"),
        kind,
        explanation: Text::bi("解", "e"),
        standards: vec![
            StandardId("respect".into()),
            StandardId("three-rings".into()),
        ],
        source: "seed 001".into(),
        difficulty: Difficulty::Easy,
    }
}

fn single(n: usize, answer: usize) -> Question {
    question(QuestionKind::Single {
        options: texts(n),
        answer,
    })
}

fn drawn(kind: QuestionKind) -> Drawn {
    draw(
        &[Arc::new(question(kind))],
        &Filter::default(),
        1,
        3,
        Draw::Uniform,
    )
    .remove(0)
}

#[test]
fn each_question_kind_scores_right_wrong_and_partly_right_as_documented() {
    let d = drawn(QuestionKind::Single {
        options: texts(3),
        answer: 2,
    });
    let Answer::Single(k) = d.key() else {
        unreachable!()
    };
    assert_eq!(d.grade(&Answer::Single(k)), 1.0);
    assert_eq!(d.grade(&Answer::Single((k + 1) % 3)), 0.0);

    let d = drawn(QuestionKind::TrueFalse { answer: false });
    assert_eq!(d.grade(&Answer::TrueFalse(false)), 1.0);
    assert_eq!(d.grade(&Answer::TrueFalse(true)), 0.0);

    let d = drawn(QuestionKind::Number {
        answer: 24.0,
        tolerance: 0.0,
        unit: None,
    });
    assert_eq!(d.grade(&Answer::Number(24.0)), 1.0);
    assert_eq!(d.grade(&Answer::Number(48.0)), 0.0);
    let d = drawn(QuestionKind::Number {
        answer: 5.0,
        tolerance: 1.0,
        unit: None,
    });
    assert_eq!(d.grade(&Answer::Number(6.0)), 1.0);
    assert_eq!(d.grade(&Answer::Number(6.5)), 0.0);

    // Multiple: 3 right options out of 5. (right − wrong) / right, never below 0.
    let d = drawn(QuestionKind::Multiple {
        options: texts(5),
        answers: vec![1, 3, 5],
    });
    let Answer::Multiple(right) = d.key() else {
        unreachable!()
    };
    let wrong: Vec<usize> = (0..5).filter(|p| !right.contains(p)).collect();
    assert_eq!(d.grade(&Answer::Multiple(right.clone())), 1.0);
    assert!((d.grade(&Answer::Multiple(right[..2].to_vec())) - 2.0 / 3.0).abs() < 1e-9);
    assert!(
        (d.grade(&Answer::Multiple(vec![right[0], right[1], wrong[0]])) - 1.0 / 3.0).abs() < 1e-9
    );
    assert_eq!(
        d.grade(&Answer::Multiple(vec![right[0], wrong[0], wrong[1]])),
        0.0
    );
    assert_eq!(d.grade(&Answer::Multiple((0..5).collect())), 1.0 / 3.0);

    // Ordering: the share of steps in their right place.
    let d = drawn(QuestionKind::Ordering { steps: texts(4) });
    let Answer::Ordering(k) = d.key() else {
        unreachable!()
    };
    assert_eq!(d.grade(&Answer::Ordering(k.clone())), 1.0);
    let swapped = vec![k[1], k[0], k[2], k[3]];
    assert_eq!(d.grade(&Answer::Ordering(swapped)), 0.5);
    let reversed: Vec<usize> = k.iter().rev().copied().collect();
    assert_eq!(d.grade(&Answer::Ordering(reversed)), 0.0);
}

#[test]
fn results_give_a_score_per_standard_on_the_0_to_100_scale() {
    let ds = vec![
        drawn(QuestionKind::TrueFalse { answer: true }),
        drawn(QuestionKind::TrueFalse { answer: false }),
    ];
    let r = result(9, &ds, &[Some(Answer::TrueFalse(true)), None]);
    assert_eq!(r.seed, 9);
    assert_eq!(r.percent, 50);
    assert_eq!(r.credits, vec![Some(1.0), None]);
    assert_eq!(
        r.standards,
        vec![
            (StandardId("respect".into()), 50, 2),
            (StandardId("three-rings".into()), 50, 2)
        ]
    );
}

#[test]
fn practice_draws_favour_missed_questions_and_avoid_the_last_quiz() {
    let p = pool();
    let mut l = Leitner::default();
    let missed: Vec<QuestionId> = p.iter().take(10).map(|q| q.id.clone()).collect();
    for q in &p {
        l.record(&q.id, 1.0);
        l.record(&q.id, 1.0);
    }
    for id in &missed {
        l.record(id, 0.0);
    }
    l.recent = p.iter().skip(10).take(5).map(|q| q.id.clone()).collect();
    let mut hits = 0;
    for seed in 0..200 {
        let d = draw(&p, &Filter::default(), 10, seed, Draw::Practice(&l));
        assert_eq!(d.len(), 10);
        assert!(
            d.iter().all(|q| !l.recent.contains(&q.question.id)),
            "a question from the last quiz came back"
        );
        hits += d.iter().filter(|q| missed.contains(&q.question.id)).count();
    }
    // The 10 missed questions (box 1, weight 16) weigh as much as the 77 known ones (box 4, weight 2):
    // a uniform draw would give about 1.2 per quiz, the weighted one over 3.
    assert!(
        hits > 200 * 3,
        "only {hits} missed questions drawn in 200 quizzes"
    );
    assert_eq!(l.box_of(&missed[0]), 1);
    assert_eq!(l.box_of(&p[20].id), 4);
}

#[test]
fn every_standard_is_tested_by_at_least_two_questions_and_the_banks_are_big_enough() {
    let p = pool();
    assert!(p.len() >= 60, "{}", p.len());
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for q in &p {
        for s in &q.standards {
            *per.entry(s.to_string()).or_default() += 1;
        }
    }
    for s in &common::library().rubric.as_ref().unwrap().standards {
        assert!(
            per.get(s.id.as_str()).copied().unwrap_or(0) >= 2,
            "{} is tested by fewer than two questions",
            s.id
        );
    }
    for kind in ["Single", "Multiple", "TrueFalse", "Ordering", "Number"] {
        assert!(
            p.iter().any(|q| format!("{:?}", q.kind).starts_with(kind)),
            "no {kind} question"
        );
    }
}

#[test]
fn the_cli_quiz_replays_by_seed_and_grades_scripted_answers() {
    let p = pool();
    let run = |answers: &str| {
        service_dojo::cli::quiz::run(
            &p,
            &Filter::default(),
            5,
            42,
            answers,
            service_dojo::model::Lang::En,
        )
        .unwrap()
    };
    let (a, ra) = run("");
    let (b, _) = run("");
    assert_eq!(a, b);
    assert_eq!(ra.percent, 0);
    // Answer every question with its key, in CLI syntax.
    let drawn = draw(&p, &Filter::default(), 5, 42, Draw::Uniform);
    let answers: Vec<String> = drawn
        .iter()
        .map(|d| service_dojo::cli::quiz::show_answer(&d.key()))
        .collect();
    let (text, r) = run(&answers.join(","));
    assert_eq!(r.percent, 100, "{text}");
    assert!(text.contains("Score: 100/100 (replay with --seed 42)"));
}
