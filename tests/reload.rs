//! Live reload: edits show up, a broken edit keeps the last good version playable,
//! and a scenario in play can replay its choices on the new version.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use service_dojo::model::Lang;
use service_dojo::store::{Settings, Store};
use service_dojo::ui::app::Screen;
use service_dojo::ui::watch::Watcher;
use service_dojo::ui::{AppOptions, DojoApp};
use std::path::Path;
use std::time::{Duration, Instant};

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    for f in ["standards.ron", "minimal.ron"] {
        std::fs::copy(good.join(f), dir.path().join(f)).unwrap();
    }
    dir
}

#[test]
fn edits_reload_broken_edits_keep_the_last_good_version_and_plays_can_replay() {
    let dir = folder();
    let data = tempfile::tempdir().unwrap();
    Store::new(data.path())
        .save(
            "settings.ron",
            &Settings {
                lang: Lang::En,
                ..Settings::default()
            },
        )
        .unwrap();
    let opts = AppOptions {
        scenarios: dir.path().to_path_buf(),
        data_dir: data.path().to_path_buf(),
        watch: false,
        seed: 1,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .build_eframe(move |cc| DojoApp::new(&cc.egui_ctx, opts));
    h.run_steps(2);
    h.get_by_label("Greeting at the counter").click();
    h.run_steps(2);
    h.key_press(Key::Num2);
    h.run_steps(2);

    // A good edit: the play is offered the new version and replays its one choice on it.
    let file = dir.path().join("minimal.ron");
    let src = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        src.replace(
            "Apologise and serve her at once.",
            "Apologise warmly and serve her at once.",
        ),
    )
    .unwrap();
    h.state_mut().reload();
    h.run_steps(2);
    h.get_by_label("Replay my choices on the new version")
        .click();
    h.run_steps(2);
    let Screen::Play(p) = &h.state().screen else {
        panic!("left the play")
    };
    assert_eq!(p.session.steps().len(), 1);
    assert!(p.newer.is_none());
    h.get_by_label_contains("Apologise warmly and serve her at once.");

    // A broken edit: the card shows the error and the last good version still plays.
    std::fs::write(&file, src.replace("    minutes: 2,\n", "    minutes: 2\n")).unwrap();
    h.state_mut().reload();
    assert!(h.state().library.scenarios.is_empty());
    assert_eq!(h.state().stale.len(), 1);
    h.get_by_label("Back to library").click();
    h.run_steps(2);
    h.get_by_label_contains("minimal.ron:14:5: error[SD001]: Expected comma");
    h.get_by_label("Greeting at the counter").click();
    h.run_steps(2);
    assert!(matches!(h.state().screen, Screen::Play(_)));

    // Fixed again: the stale copy is dropped, and an open branch map shows the new version.
    h.get_by_label("Back to library").click();
    h.run_steps(2);
    h.get_by_label("Branch map").click();
    h.run_steps(2);
    h.get_by_label_contains("1. → served (+3, mood +20)");
    std::fs::write(&file, &src).unwrap();
    h.state_mut().reload();
    assert_eq!(h.state().library.scenarios.len(), 1);
    assert!(h.state().stale.is_empty());
    std::fs::write(
        &file,
        src.replace(
            "next: \"served\",\n                    mood: 20,",
            "next: \"served\",\n                    mood: 25,",
        ),
    )
    .unwrap();
    h.state_mut().reload();
    h.run_steps(2);
    h.get_by_label_contains("1. → served (+3, mood +25)");
}

#[test]
fn the_watcher_reports_a_saved_file() {
    let dir = folder();
    let woke = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let w = woke.clone();
    let watcher = Watcher::new(dir.path(), move || {
        w.store(true, std::sync::atomic::Ordering::SeqCst)
    })
    .unwrap();
    std::thread::sleep(Duration::from_millis(100));
    std::fs::write(dir.path().join("minimal.ron"), "( )").unwrap();
    // Wait for the event (bounded), not for a fixed time.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !watcher.changed() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        woke.load(std::sync::atomic::Ordering::SeqCst),
        "no change reported within 10 s"
    );
}
