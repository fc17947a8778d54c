//! Every broken fixture gives the expected diagnostic code at the expected line and column,
//! and hostile input gives an error, never a panic, a hang or unbounded memory.

use service_dojo::cli::check::check;
use service_dojo::load::library::{Library, load_scenario};
use service_dojo::load::{Code, Severity};
use std::path::{Path, PathBuf};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/bad")
        .join(name)
}

/// (file, code, line, column, part of the message)
const EXPECTED: &[(&str, Code, usize, usize, &str)] = &[
    (
        "syntax-missing-comma.ron",
        Code::Syntax,
        15,
        5,
        "Expected comma",
    ),
    (
        "unknown-field.ron",
        Code::Syntax,
        13,
        5,
        "Unexpected field named `colour`",
    ),
    ("wrong-type.ron", Code::Syntax, 14, 13, "Expected integer"),
    (
        "wrong-version.ron",
        Code::Version,
        4,
        13,
        "format version 2",
    ),
    (
        "duplicate-node.ron",
        Code::DuplicateId,
        63,
        17,
        "duplicate node id `served` (first defined on line 53)",
    ),
    (
        "unknown-next.ron",
        Code::UnknownNode,
        28,
        27,
        "did you mean `served`?",
    ),
    (
        "unknown-start.ron",
        Code::UnknownNode,
        17,
        12,
        "start node `welcome`",
    ),
    (
        "unknown-standard.ron",
        Code::UnknownStandard,
        32,
        36,
        "did you mean `respect`?",
    ),
    (
        "unreachable-node.ron",
        Code::Unreachable,
        58,
        17,
        "node `orphan` cannot be reached",
    ),
    (
        "dead-end.ron",
        Code::DeadEnd,
        53,
        13,
        "neither choices nor an ending",
    ),
    (
        "choices-and-ending.ron",
        Code::ChoicesAndEnding,
        55,
        13,
        "both choices and an ending",
    ),
    (
        "loop-no-ending.ron",
        Code::NoWayOut,
        44,
        17,
        "no ending can be reached from node `ignored`",
    ),
    ("stuck.ron", Code::NoWayOut, 46, 13, "offers no choice"),
    (
        "loop-effect.ron",
        Code::LoopEffect,
        48,
        18,
        "leads back round a loop",
    ),
    (
        "never-offered-flag.ron",
        Code::NeverOffered,
        49,
        96,
        "no choice sets the flag `vip`",
    ),
    (
        "mood-contradiction.ron",
        Code::NeverOffered,
        49,
        89,
        "at least 60 and at most 40",
    ),
    (
        "never-offered-mood.ron",
        Code::NeverOffered,
        49,
        89,
        "choice 2 of node `ignored` is never offered",
    ),
    (
        "timeout-without-goto.ron",
        Code::TimeoutTarget,
        23,
        13,
        "time limit has no `goto`",
    ),
    (
        "image-escapes.ron",
        Code::AssetEscapes,
        45,
        20,
        "leaves the scenarios folder",
    ),
    (
        "image-missing.ron",
        Code::AssetMissing,
        45,
        20,
        "does not exist",
    ),
    (
        "missing-translation.ron",
        Code::MissingTranslation,
        7,
        5,
        "missing English translation",
    ),
    (
        "unexercised-standard.ron",
        Code::UnexercisedStandard,
        15,
        46,
        "claims to train `three-rings`",
    ),
    (
        "effect-out-of-range.ron",
        Code::OutOfRange,
        31,
        62,
        "effect 50",
    ),
    (
        "too-many-choices.ron",
        Code::Limit,
        25,
        13,
        "11 choices; the limit is 9",
    ),
    (
        "quiz/answer-out-of-range.ron",
        Code::AnswerOutOfRange,
        10,
        117,
        "answer 4 is not an option number (1–3)",
    ),
    (
        "quiz/ordering-duplicates.ron",
        Code::DuplicateOption,
        18,
        91,
        "same as step 1",
    ),
    (
        "quiz/no-correct-option.ron",
        Code::NoCorrectOption,
        26,
        137,
        "no correct option",
    ),
    (
        "quiz/unknown-standard.ron",
        Code::UnknownStandard,
        28,
        25,
        "`flexibel`",
    ),
    (
        "quiz/duplicate-question.ron",
        Code::DuplicateId,
        24,
        17,
        "duplicate question id `q1`",
    ),
];

#[test]
fn each_broken_fixture_reports_its_code_at_its_position() {
    for &(file, code, line, col, msg) in EXPECTED {
        let res = check(&[bad(file)]);
        let found = res.diagnostics.iter().find(|d| d.code == code);
        let d = found.unwrap_or_else(|| panic!("{file}: no {code:?} in\n{}", res.render()));
        assert_eq!(
            (d.pos.line, d.pos.col),
            (line, col),
            "{file}: {}",
            d.header()
        );
        assert!(
            d.message.contains(msg),
            "{file}: {:?} does not contain {msg:?}",
            d.message
        );
        assert!(
            d.file.ends_with(file),
            "{file}: reported against {}",
            d.file.display()
        );
    }
}

#[test]
fn every_fixture_in_the_bad_folder_is_in_the_table() {
    let mut files: Vec<String> = Vec::new();
    for dir in ["", "quiz/"] {
        for e in std::fs::read_dir(bad(dir)).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.ends_with(".ron") && name != "standards.ron" {
                files.push(format!("{dir}{name}"));
            }
        }
    }
    for f in &files {
        assert!(EXPECTED.iter().any(|e| e.0 == f), "{f} has no expectation");
    }
    assert!(files.len() >= 15);
}

#[test]
fn warnings_do_not_stop_a_file_from_loading_but_errors_do() {
    let root = bad("");
    let lib = Library::load(&root);
    let loaded: Vec<&str> = lib
        .scenarios
        .iter()
        .map(|s| s.path.file_name().unwrap().to_str().unwrap())
        .collect();
    assert!(loaded.contains(&"missing-translation.ron"), "{loaded:?}");
    assert!(loaded.contains(&"unexercised-standard.ron"));
    assert!(!loaded.contains(&"unknown-next.ron"));
    // Every file with an error is listed as a failure, one entry per file.
    let failed: Vec<&Path> = lib.failures().iter().map(|d| d.file.as_path()).collect();
    // 24 scenario files and 5 quiz banks.
    assert_eq!(failed.len() + loaded.len(), 29, "{failed:?}");
}

#[test]
fn diagnostics_render_with_the_offending_line_and_a_caret() {
    let res = check(&[bad("unknown-next.ron")]);
    let text = res.render();
    assert!(
        text.contains("unknown-next.ron:28:27: error[SD011]: next node `serve`"),
        "{text}"
    );
    assert!(
        text.contains(" 28 |                     next: \"serve\","),
        "{text}"
    );
    assert!(
        text.ends_with("checked 1 file(s): 1 error(s), 0 warning(s)"),
        "{text}"
    );
}

#[test]
fn checking_a_folder_reports_every_file_in_one_run() {
    let res = check(&[bad("")]);
    let files: std::collections::BTreeSet<_> =
        res.diagnostics.iter().map(|d| d.file.clone()).collect();
    assert!(files.len() >= 20, "{}", files.len());
    // Sorted by file, then position.
    let keys: Vec<_> = res
        .diagnostics
        .iter()
        .map(|d| (d.file.clone(), d.pos))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(bad("standards.ron"), dir.path().join("standards.ron")).unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    (dir, p)
}

fn only_error(path: &Path, root: &Path) -> service_dojo::load::Diagnostic {
    let l = load_scenario(path, root, None);
    assert!(l.value.is_none());
    let errs: Vec<_> = l
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs.into_iter().next().unwrap()
}

#[test]
fn a_fifty_megabyte_file_is_refused_before_it_is_read() {
    let (dir, p) = write_temp("huge.ron", &vec![b' '; 50 * 1024 * 1024]);
    let d = only_error(&p, dir.path());
    assert_eq!(d.code, Code::TooLarge);
    assert!(d.message.contains("1024 KiB"));
}

#[test]
fn ten_thousand_deep_nesting_is_an_error_not_a_stack_overflow() {
    let src = format!("(title: {}{})", "[".repeat(10_000), "]".repeat(10_000));
    let (dir, p) = write_temp("deep.ron", src.as_bytes());
    // The typed format stops it at the first bracket where a text is expected…
    let d = only_error(&p, dir.path());
    assert_eq!(
        (d.code, d.pos.line, d.pos.col),
        (Code::Syntax, 1, 9),
        "{d:?}"
    );
    // …and untyped nesting hits the explicit depth limit.
    let untyped =
        service_dojo::load::parse::parse_ron::<ron::Value>(&p, &src[8..src.len() - 1]).unwrap_err();
    assert_eq!(untyped.code, Code::TooDeep);
    assert!(untyped.message.contains("limit of 32"));
}

#[test]
fn binary_junk_is_reported_as_not_text() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let (dir, p) = write_temp("junk.ron", &junk);
    let d = only_error(&p, dir.path());
    assert!(matches!(d.code, Code::NotText | Code::Syntax), "{d:?}");
    let (dir, p) = write_temp("latin1.ron", b"(id: \"caf\xe9\")");
    let d = only_error(&p, dir.path());
    assert_eq!((d.code, d.pos.line, d.pos.col), (Code::NotText, 1, 10));
}

#[test]
fn a_cycle_of_100000_nodes_is_refused_by_the_node_limit() {
    let mut src = String::from(
        "(id: \"cycle\", title: \"c\", summary: \"c\", setting: (industry: \"x\", role: \"x\", customer: (name: \"x\", persona: \"x\")), start: \"n0\", nodes: [\n",
    );
    let n = 100_000;
    for i in 0..n {
        src.push_str(&format!(
            "(id:\"n{i}\",choices:[(text:\"go\",next:\"n{}\")]),\n",
            (i + 1) % n
        ));
    }
    src.push_str("])\n");
    // Over the size limit as written; a compact copy under the limit must hit the node limit.
    let (dir, p) = write_temp("cycle.ron", src.as_bytes());
    assert_eq!(only_error(&p, dir.path()).code, Code::TooLarge);
    let small: String = src
        .lines()
        .take(20_001)
        .chain(["])"])
        .collect::<Vec<_>>()
        .join("\n");
    let (dir, p) = write_temp("cycle-small.ron", small.as_bytes());
    let d = only_error(&p, dir.path());
    assert_eq!(d.code, Code::Limit, "{d:?}");
    assert!(d.message.contains("20000 nodes; the limit is 500"));
}

#[test]
fn every_code_is_documented_in_the_authoring_guide() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/authoring.md"))
            .unwrap();
    for code in Code::ALL {
        assert!(
            doc.contains(code.as_str()),
            "{} is not in docs/authoring.md",
            code.as_str()
        );
    }
}
