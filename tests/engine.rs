//! The play session as a state machine: choices, timeouts, undo, rewind, replay, and errors.

mod common;

use service_dojo::engine::{Action, Mode, PlayError, Session};
use std::time::Duration;

fn minimal() -> service_dojo::load::LoadedScenario {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let rubric = service_dojo::load::library::load_rubric(&dir.join("standards.ron"))
        .value
        .unwrap();
    service_dojo::load::library::load_scenario(&dir.join("minimal.ron"), &dir, Some(&rubric))
        .value
        .unwrap()
}

#[test]
fn choices_move_the_mood_and_conditions_hide_choices() {
    let m = minimal();
    let mut s = Session::new(m.scenario.clone(), Mode::Practice).unwrap();
    assert_eq!(s.mood(), 50);
    assert_eq!(s.offered(), vec![0, 1]);
    s.choose(1).unwrap(); // "Wait." → ignored, mood −20
    assert_eq!((s.node().id.as_str(), s.mood()), ("ignored", 30));
    // At mood 30 both choices are offered (the second needs mood ≤ 40).
    assert_eq!(s.offered(), vec![0, 1]);
    s.undo().unwrap();
    s.time_out().unwrap(); // mood −20 as well
    assert_eq!(s.offered(), vec![0, 1]);
    s.choose(0).unwrap(); // apologise, +10 → served
    assert!(s.ending().is_some());
    assert_eq!(s.choose(0), Err(PlayError::Ended));
    assert_eq!(s.time_out(), Err(PlayError::Ended));
}

#[test]
fn the_clock_runs_out_only_after_the_limit_and_resets_per_node() {
    let m = minimal();
    let mut s = Session::new(m.scenario.clone(), Mode::Assessed).unwrap();
    assert_eq!(s.remaining(), Some(Duration::from_secs(5)));
    assert!(!s.tick(Duration::from_millis(4900)));
    assert!(s.tick(Duration::from_millis(100)));
    s.time_out().unwrap();
    assert_eq!(s.steps()[0].elapsed, Duration::from_secs(5));
    assert_eq!(s.elapsed(), Duration::ZERO);
    assert_eq!(s.remaining(), None, "the next node is not timed");
    assert!(!s.tick(Duration::from_secs(100)));
    assert_eq!(s.time_out(), Err(PlayError::NotTimed));
}

#[test]
fn undo_is_practice_only_and_restores_everything() {
    let m = minimal();
    let mut s = Session::new(m.scenario.clone(), Mode::Assessed).unwrap();
    s.choose(1).unwrap();
    assert_eq!(s.undo(), Err(PlayError::CannotUndo));
    let mut p = Session::new(m.scenario.clone(), Mode::Practice).unwrap();
    assert_eq!(p.undo(), Err(PlayError::CannotUndo));
    p.tick(Duration::from_secs(2));
    let before = p.state();
    p.choose(1).unwrap();
    p.undo().unwrap();
    assert_eq!(p.state(), before);
    assert_eq!(
        p.elapsed(),
        Duration::from_secs(2),
        "the clock resumes where it was"
    );
    assert!(p.steps().is_empty());
}

#[test]
fn out_of_range_choices_are_refused_with_the_count() {
    let m = minimal();
    let mut s = Session::new(m.scenario.clone(), Mode::Practice).unwrap();
    assert_eq!(s.choose(5), Err(PlayError::NoSuchChoice(6, 2)));
    assert!(s.steps().is_empty());
}

#[test]
fn rewind_and_replay_reproduce_the_same_states() {
    let loaded = common::scenario("bank-security-guard");
    let mut s = Session::new(loaded.scenario.clone(), Mode::Practice).unwrap();
    for &(_, a) in &loaded.analysis.expert {
        s.apply(a).unwrap();
    }
    let r = s.rewind_to(3);
    assert_eq!(r.steps(), &s.steps()[..3]);
    let actions: Vec<Action> = s.steps().iter().map(|st| st.action).collect();
    let (again, done) = Session::replay(loaded.scenario.clone(), Mode::Practice, &actions).unwrap();
    assert_eq!(done, actions.len());
    assert_eq!(again.state(), s.state());
    // Replaying onto a scenario where a step no longer fits stops there.
    let mut bad = actions.clone();
    bad.insert(1, Action::Choose(40));
    let (partial, done) = Session::replay(loaded.scenario.clone(), Mode::Practice, &bad).unwrap();
    assert_eq!(done, 1);
    assert_eq!(partial.steps().len(), 1);
}

#[test]
fn between_equal_scores_the_expert_lands_the_customer_higher_on_the_waterfall() {
    let good = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let src = std::fs::read_to_string(good.join("minimal.ron")).unwrap();
    // A third opening choice, scoring exactly like the first but ending Loyal; listed last.
    let twin = r#"(text: (zh: "微笑问候并递上一杯水", en: "Smile, greet her and offer a glass of water"), next: "delighted", mood: 20,
                 effects: [(standard: "eye-contact-5s", amount: 2, why: (zh: "及时", en: "Prompt")), (standard: "respect", amount: 1, why: (zh: "礼貌", en: "Courteous"))]),
            ],
        ),
        (
            id: "delighted",
            ending: (waterfall: Loyal, realm: Second, title: (zh: "很开心", en: "Delighted"), debrief: (zh: "好", en: "Good")),
        ),
        (
            id: "ignored","#;
    let edited = src.replacen(
        "            ],\n        ),\n        (\n            id: \"ignored\",",
        &format!("                {twin}"),
        1,
    );
    assert_ne!(edited, src);
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(good.join("standards.ron"), dir.path().join("standards.ron")).unwrap();
    std::fs::write(dir.path().join("twin.ron"), edited).unwrap();
    let rubric = service_dojo::load::library::load_rubric(&dir.path().join("standards.ron"))
        .value
        .unwrap();
    let l = service_dojo::load::library::load_scenario(
        &dir.path().join("twin.ron"),
        dir.path(),
        Some(&rubric),
    );
    let loaded = l.value.unwrap_or_else(|| panic!("{:?}", l.diagnostics));
    assert_eq!(loaded.analysis.expert, vec![(0, Action::Choose(2))]);
    // The worst path, between equal scores, prefers the lower ending: it never takes the Loyal twin.
    assert!(!loaded.analysis.worst_path.contains(&(0, Action::Choose(2))));
}
