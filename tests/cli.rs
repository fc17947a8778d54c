//! The command line as a trainer or a script uses it: exit codes, output formats.

use std::path::Path;
use std::process::Command;

fn dojo(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_service-dojo"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_exits_0_on_the_shipped_folder_and_1_on_broken_files() {
    let (code, out, _) = dojo(&["check", "scenarios"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("0 error(s), 0 warning(s)\n"), "{out}");
    let (code, out, _) = dojo(&[
        "check",
        "tests/fixtures/bad/unknown-next.ron",
        "tests/fixtures/bad/missing-translation.ron",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/bad/unknown-next.ron:28:27: error[SD011]"),
        "{out}"
    );
    assert!(
        out.contains("tests/fixtures/bad/missing-translation.ron:7:5: warning[SD021]"),
        "{out}"
    );
    assert!(
        out.ends_with("checked 2 file(s): 1 error(s), 1 warning(s)\n"),
        "{out}"
    );
    // Warnings alone do not fail.
    let (code, _, _) = dojo(&["check", "tests/fixtures/bad/missing-translation.ron"]);
    assert_eq!(code, 0);
}

#[test]
fn play_prints_a_transcript_and_report_or_json() {
    let (code, out, _) = dojo(&[
        "play",
        "tests/fixtures/good/minimal.ron",
        "--choices",
        "t,1",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("> (time ran out)   [mood 50 → 30]"), "{out}");
    assert!(out.contains("Waterfall: Very satisfied"));
    assert!(out.contains("Expert path: left at step 1 (node `approach`)"));
    let (code, out, _) = dojo(&[
        "play",
        "tests/fixtures/good/minimal.ron",
        "--choices",
        "1",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["overall"], 100);
    assert_eq!(v["outcome"]["waterfall"], "VerySatisfied");
    assert_eq!(v["standards"][0]["id"], "eye-contact-5s");
    assert_eq!(v["standards"][0]["percent"], 100);
}

#[test]
fn play_reports_a_move_that_does_not_fit_with_exit_code_2() {
    let (code, _, err) = dojo(&["play", "tests/fixtures/good/minimal.ron", "--choices", "7"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("choice 7 is not offered here (there are 2)"),
        "{err}"
    );
    let (code, _, err) = dojo(&["play", "tests/fixtures/good/minimal.ron", "--choices", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("`x` is not a choice number"), "{err}");
    let (code, _, err) = dojo(&["play", "tests/fixtures/bad/unknown-next.ron"]);
    assert_eq!(code, 1);
    assert!(err.contains("SD011"), "{err}");
}

#[test]
fn graph_prints_dot_with_every_node_and_the_expert_path_bold() {
    let (code, out, _) = dojo(&["graph", "tests/fixtures/good/minimal.ron"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("digraph \"minimal\" {"));
    for id in ["approach", "ignored", "served", "left"] {
        assert!(out.contains(&format!("\"{id}\" [")), "{id} missing:\n{out}");
    }
    let expert = out
        .lines()
        .find(|l| l.contains("\"approach\" -> \"served\""))
        .unwrap();
    assert!(
        expert.contains("label=\"1. Look at her") && expert.contains("(+3)"),
        "{expert}"
    );
    assert!(
        expert.ends_with("penwidth=3, color=darkgreen];"),
        "{expert}"
    );
    assert!(out.contains("style=dashed, color=red"), "the timeout edge");
    assert!(out.trim_end().ends_with('}'));
}

#[test]
fn quiz_replays_by_seed() {
    let (code, a, _) = dojo(&["quiz", "--count", "4", "--seed", "7"]);
    let (_, b, _) = dojo(&["quiz", "--count", "4", "--seed", "7"]);
    assert_eq!(code, 0);
    assert_eq!(a, b);
    assert!(a.contains("Quiz: 4 question(s), seed 7"));
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/quiz")
            .is_dir()
    );
}
