//! Helpers shared by the integration tests.
#![allow(dead_code)]

use service_dojo::cli::play::{Move, parse_moves, play};
use service_dojo::engine::{Action, Mode, Report, Session};
use service_dojo::load::{Library, LoadedScenario};
use service_dojo::model::Lang;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The shipped scenarios folder.
pub fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// The shipped library, loaded once per test binary.
pub fn library() -> &'static Library {
    static LIB: OnceLock<Library> = OnceLock::new();
    LIB.get_or_init(|| Library::load(&scenarios_dir()))
}

/// A shipped scenario by id.
pub fn scenario(id: &str) -> &'static LoadedScenario {
    library()
        .scenario(id)
        .unwrap_or_else(|| panic!("no scenario `{id}`:\n{}", library().render_diagnostics()))
}

/// Play `choices` (CLI syntax) and return the report; panics if a move does not fit.
pub fn report(id: &str, choices: &str) -> Report {
    let loaded = scenario(id);
    let (transcript, session, err) = play(loaded, &parse_moves(choices).unwrap(), Lang::En);
    assert!(err.is_none(), "{id} {choices}: {err:?}\n{transcript}");
    Report::new(
        &session,
        &loaded.analysis,
        library().rubric.as_deref().unwrap(),
    )
}

/// An analysis path as the offered numbers a trainee would press (`t` for a timeout).
pub fn as_choices(loaded: &LoadedScenario, path: &[(usize, Action)]) -> String {
    let mut s = Session::new(loaded.scenario.clone(), Mode::Assessed).unwrap();
    let mut out = Vec::new();
    for &(_, action) in path {
        out.push(match action {
            Action::Choose(c) => {
                (s.offered().iter().position(|&o| o == c).unwrap() + 1).to_string()
            }
            Action::Timeout => "t".into(),
        });
        s.apply(action).unwrap();
    }
    out.join(",")
}

/// Every complete play of a loop-free scenario, by brute force (independent of the analysis).
pub fn all_plays(loaded: &LoadedScenario, limit: usize) -> Vec<(Vec<Move>, Report)> {
    let rubric = library().rubric.as_deref().unwrap();
    let mut out = Vec::new();
    let mut stack = vec![(
        Session::new(loaded.scenario.clone(), Mode::Assessed).unwrap(),
        Vec::new(),
    )];
    while let Some((s, moves)) = stack.pop() {
        assert!(out.len() < limit, "more than {limit} plays");
        if s.ending().is_some() {
            out.push((moves, Report::new(&s, &loaded.analysis, rubric)));
            continue;
        }
        assert!(
            moves.len() <= loaded.scenario.nodes.len(),
            "a play longer than the node count"
        );
        for i in 0..s.offered().len() {
            let mut n = s.clone();
            n.choose(i).unwrap();
            let mut m = moves.clone();
            m.push(Move::Choose(i + 1));
            stack.push((n, m));
        }
        if s.node().time_limit.is_some() {
            let mut n = s.clone();
            n.time_out().unwrap();
            let mut m = moves.clone();
            m.push(Move::Timeout);
            stack.push((n, m));
        }
    }
    out
}

/// Compare with `tests/golden/NAME`, or write it when `BLESS=1`.
pub fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with BLESS=1 once and review it",
            path.display()
        )
    });
    assert_eq!(actual, expected, "{name} differs from the golden file");
}
