//! The app driven as a trainee would: by clicking labels and pressing keys, read back through
//! AccessKit. No display or GPU needed; time is the harness's clock, never a sleep.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use service_dojo::engine::Action;
use service_dojo::engine::quiz::Answer;
use service_dojo::model::Lang;
use service_dojo::model::quiz::QuestionKind;
use service_dojo::store::{Settings, Store};
use service_dojo::ui::app::Screen;
use service_dojo::ui::{AppOptions, DojoApp};
use std::path::Path;

struct Fixture {
    _data: tempfile::TempDir,
    harness: Harness<'static, DojoApp>,
}

fn app_on(scenarios: &Path, settings: Settings) -> Fixture {
    app_sized(scenarios, settings, egui::vec2(1280.0, 900.0))
}

fn app_sized(scenarios: &Path, settings: Settings, size: egui::Vec2) -> Fixture {
    let data = tempfile::tempdir().unwrap();
    Store::new(data.path())
        .save("settings.ron", &settings)
        .unwrap();
    let opts = AppOptions {
        scenarios: scenarios.to_path_buf(),
        data_dir: data.path().to_path_buf(),
        watch: false,
        seed: 42,
    };
    let harness = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .build_eframe(move |cc| DojoApp::new(&cc.egui_ctx, opts));
    Fixture {
        _data: data,
        harness,
    }
}

fn english() -> Settings {
    Settings {
        lang: Lang::En,
        ..Settings::default()
    }
}

fn shipped(settings: Settings) -> Fixture {
    app_on(&common::scenarios_dir(), settings)
}

/// Click a scenario's card in the (English) library and let the play screen appear.
fn open(h: &mut Harness<DojoApp>, id: &str) {
    h.run_steps(3);
    h.get_by_label(&title(id, Lang::En)).click();
    h.run_steps(2);
}

fn title(id: &str, lang: Lang) -> String {
    common::scenario(id).scenario.title.inline(lang)
}

/// The English label of offered choice `n` (1-based) in the current play.
fn choice_label(h: &Harness<DojoApp>, n: usize) -> String {
    let Screen::Play(p) = &h.state().screen else {
        panic!("not playing")
    };
    let c = p.session.offered()[n - 1];
    format!("{n}.  {}", p.session.node().choices[c].text.get(Lang::En))
}

#[test]
fn bank_expert_path_by_clicking_choice_labels_reaches_a_perfect_debrief() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label(&title("bank-security-guard", Lang::En))
        .click();
    h.run_steps(3);
    for n in "2,2,3,1,3,2,3"
        .split(',')
        .map(|s| s.parse::<usize>().unwrap())
    {
        let label = choice_label(h, n);
        h.get_by_label_contains(&label).click();
        h.run_steps(3);
    }
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    h.get_by_label("Overall  100/100");
    h.get_by_label_contains("Waterfall: Loyal");
    h.get_by_label_contains("82% — complaint resolved quickly");
    h.get_by_label("Eye contact within 5 seconds: 100/100");
    assert_eq!(
        h.state().progress.scenarios["bank-security-guard"].best,
        100
    );
}

#[test]
fn courier_scenario_played_with_keys_only() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    open(h, "late-courier");
    let keys = [Key::Num1, Key::Num2, Key::Num3];
    for n in "2,3,2,2,3,2,2,3"
        .split(',')
        .map(|s| s.parse::<usize>().unwrap())
    {
        h.key_press(keys[n - 1]);
        h.run_steps(2);
    }
    let Screen::Debrief(d) = &h.state().screen else {
        panic!("no debrief")
    };
    assert_eq!(d.report.overall, 100);
    assert_eq!(d.report.left_expert_at, None);
    h.get_by_label("Overall  100/100");
}

#[test]
fn backspace_undoes_in_practice_mode() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label(&title("bank-security-guard", Lang::En))
        .click();
    h.run_steps(2);
    h.key_press(Key::Num2);
    h.run_steps(2);
    let steps = |h: &Harness<DojoApp>| match &h.state().screen {
        Screen::Play(p) => p.session.steps().len(),
        _ => usize::MAX,
    };
    assert_eq!(steps(h), 1);
    h.key_press(Key::Backspace);
    h.run_steps(2);
    assert_eq!(steps(h), 0);
}

#[test]
fn a_timed_node_times_out_on_the_harness_clock_and_pauses_with_space() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label(&title("bank-security-guard", Lang::En))
        .click();
    h.run_steps(2);
    let limit = common::scenario("bank-security-guard").scenario.nodes[0]
        .time_limit
        .clone()
        .unwrap();
    // Paused: 20 s of frames pass and nothing happens.
    h.key_press(Key::Space);
    h.run_steps(400);
    let Screen::Play(p) = &h.state().screen else {
        panic!()
    };
    assert!(p.session.steps().is_empty());
    h.get_by_label_contains("paused");
    // Running: the countdown shows, then the timeout branch is taken.
    h.key_press(Key::Space);
    h.run_steps(2);
    h.get_by_label_contains("time left");
    h.run_steps((limit.seconds as usize + 1) * 20);
    let Screen::Play(p) = &h.state().screen else {
        panic!()
    };
    assert_eq!(p.session.steps()[0].action, Action::Timeout);
    assert_eq!(Some(&p.session.node().id), limit.goto.as_ref());
    h.get_by_label_contains("time ran out");
}

#[test]
fn projector_mode_turns_on_and_off_with_f5() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(h.state().projector);
    let size =
        |h: &Harness<DojoApp>| h.ctx.global_style().text_styles[&egui::TextStyle::Button].size;
    assert!(size(h) >= 36.0, "choice text is {} pt", size(h));
    assert!(h.ctx.global_style().text_styles[&egui::TextStyle::Small].size >= 24.0);
    // In class-vote mode choices are lettered and the room's hands are counted.
    h.get_by_label(&title("bank-security-guard", Lang::En))
        .click();
    h.run_steps(2);
    h.get_by_label_contains("A.  ");
    h.get_by_label("Reveal the vote");
    h.key_press(Key::F5);
    h.run_steps(2);
    assert!(!h.state().projector);
    assert!(size(h) < 36.0);
}

#[test]
fn class_vote_reveals_and_plays_the_majority_and_the_debrief_shows_it() {
    // A projector is 1920×1080.
    let settings = Settings {
        lang: Lang::En,
        hide_scores: true,
        ..Settings::default()
    };
    let mut f = app_sized(
        &common::scenarios_dir(),
        settings,
        egui::vec2(1920.0, 1080.0),
    );
    let h = &mut f.harness;
    h.run_steps(2);
    h.key_press(Key::F5);
    h.run_steps(2);
    h.get_by_label(&title("bank-security-guard", Lang::En))
        .click();
    h.run_steps(2);
    // 3 hands for B, 1 for A, counted with the + buttons.
    for (i, times) in [(1, 3), (0, 1)] {
        for _ in 0..times {
            // Through AccessKit, as a clicker or screen reader would press it.
            h.get_all_by_label("+").nth(i).unwrap().click_accesskit();
            h.run_steps(1);
        }
    }
    h.key_press(Key::PageDown);
    h.run_steps(2);
    h.get_by_label_contains("75%");
    h.key_press(Key::PageDown);
    h.run_steps(2);
    let Screen::Play(p) = &h.state().screen else {
        panic!()
    };
    assert_eq!(p.session.steps().len(), 1);
    assert_eq!(p.votes[0], Some(vec![1, 3, 0]));
    let Action::Choose(c) = p.session.steps()[0].action else {
        panic!()
    };
    assert_eq!(
        c,
        p.session.rewind_to(0).offered()[1],
        "B, the majority, was played"
    );
    // Scores stay hidden during class play.
    assert!(h.query_by_label_contains("Mood").is_none());
}

#[test]
fn a_broken_file_shows_its_error_card_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [
        ("good/standards.ron", "standards.ron"),
        ("good/minimal.ron", "minimal.ron"),
        ("bad/unknown-next.ron", "unknown-next.ron"),
    ] {
        std::fs::copy(fixtures.join(from), dir.path().join(to)).unwrap();
    }
    let mut f = app_on(dir.path(), english());
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label("Greeting at the counter");
    h.get_by_label("Files that failed to load");
    h.get_by_label_contains(
        "unknown-next.ron:28:27: error[SD011]: next node `serve` is not a node in this file",
    );
}

#[test]
fn switching_the_language_shows_the_english_title() {
    let mut f = shipped(Settings {
        lang: Lang::Zh,
        ..Settings::default()
    });
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label(&title("bank-security-guard", Lang::Zh));
    assert!(
        h.query_by_label(&title("bank-security-guard", Lang::En))
            .is_none()
    );
    h.get_by_label("设置").click();
    h.run_steps(2);
    h.get_by_label("English").click();
    h.run_steps(2);
    h.get_by_label("Library").click();
    h.run_steps(3);
    h.get_by_label(&title("bank-security-guard", Lang::En));
    assert_eq!(h.state().settings.lang, Lang::En);
}

#[test]
fn settings_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let opts = AppOptions {
        scenarios: common::scenarios_dir(),
        data_dir: data.path().to_path_buf(),
        watch: false,
        seed: 1,
    };
    {
        let o = opts.clone();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 900.0))
            .build_eframe(move |cc| DojoApp::new(&cc.egui_ctx, o));
        h.run_steps(2);
        h.get_by_label_contains("Settings").click();
        h.run_steps(2);
        h.get_by_label_contains("High contrast").click();
        h.run_steps(2);
    }
    let h = Harness::builder().build_eframe(move |cc| DojoApp::new(&cc.egui_ctx, opts));
    assert_eq!(
        h.state().settings.theme,
        service_dojo::store::Theme::HighContrast
    );
}

#[test]
fn a_five_question_quiz_played_by_clicking_reaches_its_results() {
    let mut f = shipped(Settings {
        lang: Lang::En,
        quiz_count: 5,
        ..Settings::default()
    });
    let h = &mut f.harness;
    h.run_steps(2);
    h.get_by_label("Quiz").click();
    h.run_steps(2);
    h.get_by_label("Start quiz").click();
    h.run_steps(2);
    for k in 0..5 {
        let d = match &h.state().screen {
            Screen::Quiz(q) => q.current().expect("a question is showing").clone(),
            _ => panic!("left the quiz"),
        };
        let q = d.question.clone();
        let item = |i: usize| -> String {
            match &q.kind {
                QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                    format!("{}. {}", i + 1, options[d.order[i]].get(Lang::En))
                }
                QuestionKind::Ordering { steps } => {
                    format!("[ ] {}", steps[d.order[i]].get(Lang::En))
                }
                _ => unreachable!(),
            }
        };
        match d.key() {
            Answer::Single(i) => h.get_by_label(&item(i)).click(),
            Answer::Multiple(v) => {
                for i in v {
                    h.get_by_label(&item(i)).click();
                    h.run_steps(1);
                }
            }
            Answer::Ordering(v) => {
                for i in v {
                    h.get_by_label(&item(i)).click();
                    h.run_steps(1);
                }
            }
            Answer::TrueFalse(b) => h.get_by_label(if b { "True" } else { "False" }).click(),
            Answer::Number(n) => {
                h.get_by_label("Answer").focus();
                h.run_steps(1);
                h.get_by_label("Answer").type_text(&n.to_string());
            }
        }
        h.run_steps(2);
        h.get_by_label("Submit").click();
        h.run_steps(2);
        h.get_by_label("√ Right");
        h.get_by_label(if k < 4 {
            "Next question"
        } else {
            "See results"
        })
        .click();
        h.run_steps(2);
    }
    h.get_by_label("Quiz score 100/100");
    let Screen::Quiz(q) = &h.state().screen else {
        panic!()
    };
    h.get_by_label_contains(&format!("Seed {} — enter it to replay", q.seed()));
    assert!(!h.state().progress.quizzed.is_empty());
}

#[test]
fn try_again_from_a_debrief_step_resumes_the_play_there() {
    let mut f = shipped(english());
    let h = &mut f.harness;
    open(h, "bank-security-guard");
    let keys = [Key::Num1, Key::Num2, Key::Num3];
    for n in [2, 2, 2] {
        h.key_press(keys[n - 1]);
        h.run_steps(2);
    }
    let Screen::Debrief(d) = &h.state().screen else {
        panic!("no debrief")
    };
    assert_eq!(d.report.left_expert_at, Some(2));
    h.get_by_label_contains("you left the expert path here");
    // Step 3 is where it went wrong: try again from there and follow the expert.
    h.get_all_by_label("Try again from here")
        .nth(2)
        .unwrap()
        .click_accesskit();
    h.run_steps(2);
    let Screen::Play(p) = &h.state().screen else {
        panic!("not resumed")
    };
    assert_eq!(p.session.steps().len(), 2);
    for n in [3, 1, 3, 2, 3] {
        h.key_press(keys[n - 1]);
        h.run_steps(2);
    }
    let Screen::Debrief(d) = &h.state().screen else {
        panic!("no debrief")
    };
    assert_eq!(d.report.overall, 100);
    assert_eq!(h.state().progress.scenarios["bank-security-guard"].plays, 2);
}

#[test]
fn the_text_size_setting_scales_the_type() {
    let mut f = shipped(Settings {
        lang: Lang::En,
        text_scale: 1.5,
        ..Settings::default()
    });
    let h = &mut f.harness;
    h.run_steps(2);
    let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert_eq!(body, 27.0);
}

#[test]
fn a_node_picture_is_shown_with_its_path_as_alt_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pictures");
    let mut f = app_on(&dir, english());
    let h = &mut f.harness;
    h.run_steps(3);
    h.get_by_label("Greeting at the counter").click();
    h.run_steps(5);
    h.get_by_label("images/counter.png");
}
