//! Loading a scenarios folder: the rubric, every scenario and every quiz bank.
//! A bad file never stops the rest: it is reported with its position and skipped.

use super::diagnostics::{Code, Diagnostic, sort};
use super::limits::MAX_FILES;
use super::parse::{parse_ron, read_text};
use super::spans::{Pos, SourceMap};
use super::validate::{self, Ctx};
use crate::engine::analysis::{Analysis, AnalysisError, analyse};
use crate::model::quiz::Bank;
use crate::model::{Rubric, Scenario};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A scenario that passed validation, with its analysis.
#[derive(Clone, Debug)]
pub struct LoadedScenario {
    /// Where it came from.
    pub path: PathBuf,
    /// The scenario.
    pub scenario: Arc<Scenario>,
    /// Best/worst scores and the expert path.
    pub analysis: Arc<Analysis>,
}

/// A quiz bank that passed validation.
#[derive(Clone, Debug)]
pub struct LoadedBank {
    /// Where it came from.
    pub path: PathBuf,
    /// The bank.
    pub bank: Arc<Bank>,
}

/// What a folder holds.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// The folder.
    pub root: PathBuf,
    /// The rubric, if standards.ron loaded.
    pub rubric: Option<Arc<Rubric>>,
    /// Scenarios that loaded, sorted by file name.
    pub scenarios: Vec<LoadedScenario>,
    /// Quiz banks that loaded.
    pub banks: Vec<LoadedBank>,
    /// Every problem in every file, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file read, for rendering diagnostics with their lines.
    pub sources: BTreeMap<PathBuf, String>,
}

/// What kind of file a path is, by its place in the folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `standards.ron`.
    Rubric,
    /// A file in a `quiz` folder.
    Bank,
    /// Any other `.ron` file.
    Scenario,
}

/// Classify a file by name and folder.
pub fn kind_of(path: &Path) -> FileKind {
    if path.file_name().is_some_and(|n| n == "standards.ron") {
        FileKind::Rubric
    } else if path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "quiz")
    {
        FileKind::Bank
    } else {
        FileKind::Scenario
    }
}

/// Outcome of loading one file: the value if it had no errors, and every diagnostic.
pub struct Loaded<T> {
    /// The value, when the file has no errors.
    pub value: Option<T>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text, if it could be read.
    pub source: Option<String>,
}

fn read_and_parse<T: serde::de::DeserializeOwned>(
    path: &Path,
) -> (Option<T>, Option<String>, Vec<Diagnostic>) {
    let src = match read_text(path) {
        Ok(s) => s,
        Err(d) => return (None, None, vec![d]),
    };
    match parse_ron::<T>(path, &src) {
        Ok(v) => (Some(v), Some(src), Vec::new()),
        Err(d) => (None, Some(src), vec![d]),
    }
}

/// Load and check `standards.ron`.
pub fn load_rubric(path: &Path) -> Loaded<Rubric> {
    let (value, source, mut diagnostics) = read_and_parse::<Rubric>(path);
    if let (Some(r), Some(src)) = (&value, &source) {
        diagnostics.extend(super::validate_rubric::rubric(
            r,
            path,
            &SourceMap::new(src),
        ));
    }
    finish(value, source, diagnostics)
}

/// Load, validate and analyse one scenario.
pub fn load_scenario(path: &Path, root: &Path, rubric: Option<&Rubric>) -> Loaded<LoadedScenario> {
    let (value, source, mut diagnostics) = read_and_parse::<Scenario>(path);
    let (Some(sc), Some(src)) = (value, &source) else {
        return finish(None, source, diagnostics);
    };
    let map = SourceMap::new(src);
    let mut ctx = Ctx {
        file: path,
        map: &map,
        root,
        out: Vec::new(),
    };
    validate::scenario(&sc, rubric, &mut ctx);
    diagnostics.extend(ctx.out);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return finish(None, source, diagnostics);
    }
    let empty = Rubric::default();
    match analyse(&sc, rubric.unwrap_or(&empty)) {
        Ok(a) => {
            diagnostics.extend(analysis_findings(&sc, &a, path, &map));
            let loaded = LoadedScenario {
                path: path.to_path_buf(),
                scenario: Arc::new(sc),
                analysis: Arc::new(a),
            };
            finish(Some(loaded), source, diagnostics)
        }
        Err(e) => {
            let msg = match e {
                AnalysisError::TooComplex(n) => format!(
                    "more than {n} distinct play states (node × mood × flags); use fewer flags or mood conditions"
                ),
                AnalysisError::NoStart => "the start node is missing".into(),
            };
            diagnostics.push(Diagnostic::new(
                path,
                map.locate(&[super::spans::Seg::Field("start")]),
                Code::TooComplex,
                msg,
            ));
            finish(None, source, diagnostics)
        }
    }
}

/// Problems only the exhaustive analysis can see.
fn analysis_findings(sc: &Scenario, a: &Analysis, path: &Path, map: &SourceMap) -> Vec<Diagnostic> {
    use super::spans::Seg::{Field as F, Index as I};
    let mut out = Vec::new();
    for &n in &a.stuck {
        let pos = map.locate(&[F("nodes"), I(n), F("choices")]);
        out.push(Diagnostic::new(
            path,
            pos,
            Code::NoWayOut,
            format!(
                "in some plays node `{}` offers no choice: every choice's conditions fail",
                sc.nodes[n].id
            ),
        ));
    }
    for &(n, c) in &a.never_offered {
        let pos = map.locate(&[F("nodes"), I(n), F("choices"), I(c), F("when")]);
        out.push(Diagnostic::new(path, pos, Code::NeverOffered, format!("choice {} of node `{}` is never offered: no play reaches this node in a state where its conditions hold", c + 1, sc.nodes[n].id)));
    }
    out
}

/// Load and check one quiz bank.
pub fn load_bank(path: &Path, rubric: Option<&Rubric>) -> Loaded<LoadedBank> {
    let (value, source, mut diagnostics) = read_and_parse::<Bank>(path);
    let (Some(bank), Some(src)) = (value, &source) else {
        return finish(None, source, diagnostics);
    };
    diagnostics.extend(super::validate_quiz::bank(
        &bank,
        rubric,
        path,
        &SourceMap::new(src),
    ));
    let loaded = LoadedBank {
        path: path.to_path_buf(),
        bank: Arc::new(bank),
    };
    finish(Some(loaded), source, diagnostics)
}

fn finish<T>(value: Option<T>, source: Option<String>, diagnostics: Vec<Diagnostic>) -> Loaded<T> {
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    Loaded {
        value: value.filter(|_| ok),
        diagnostics,
        source,
    }
}

/// The `.ron` files directly in `dir`, sorted; reports an unreadable folder.
fn ron_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
            .collect(),
        Err(e) => {
            if dir.exists() {
                diags.push(Diagnostic::new(
                    dir,
                    Pos { line: 1, col: 1 },
                    Code::Unreadable,
                    format!("cannot read folder: {e}"),
                ));
            }
            Vec::new()
        }
    };
    files.sort();
    if files.len() > MAX_FILES {
        diags.push(Diagnostic::new(
            dir,
            Pos { line: 1, col: 1 },
            Code::Limit,
            format!("more than {MAX_FILES} files; only the first {MAX_FILES} are read"),
        ));
        files.truncate(MAX_FILES);
    }
    files
}

/// Find the rubric for a file: `standards.ron` in its folder or up to two folders above.
pub fn find_rubric_path(file: &Path) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .take(3)
        .map(|d| d.join("standards.ron"))
        .find(|p| p.is_file())
}

impl Library {
    /// Load a whole scenarios folder.
    pub fn load(root: &Path) -> Library {
        let mut lib = Library {
            root: root.to_path_buf(),
            ..Library::default()
        };
        let rubric_path = root.join("standards.ron");
        if rubric_path.is_file() {
            let r = lib.take(&rubric_path, load_rubric(&rubric_path));
            lib.rubric = r.map(Arc::new);
        } else {
            lib.diagnostics.push(Diagnostic::new(
                &rubric_path,
                Pos { line: 1, col: 1 },
                Code::NoRubric,
                "standards.ron not found in the scenarios folder",
            ));
        }
        let mut diags = Vec::new();
        for path in ron_files(root, &mut diags) {
            if kind_of(&path) == FileKind::Scenario {
                let rubric = lib.rubric.clone();
                if let Some(s) = lib.take(&path, load_scenario(&path, root, rubric.as_deref())) {
                    lib.scenarios.push(s);
                }
            }
        }
        for path in ron_files(&root.join("quiz"), &mut diags) {
            let rubric = lib.rubric.clone();
            if let Some(b) = lib.take(&path, load_bank(&path, rubric.as_deref())) {
                lib.banks.push(b);
            }
        }
        lib.diagnostics.extend(diags);
        lib.diagnostics
            .extend(super::validate_quiz::across_banks(&lib.banks, &lib.sources));
        sort(&mut lib.diagnostics);
        lib
    }

    fn take<T>(&mut self, path: &Path, loaded: Loaded<T>) -> Option<T> {
        self.diagnostics.extend(loaded.diagnostics);
        if let Some(src) = loaded.source {
            self.sources.insert(path.to_path_buf(), src);
        }
        loaded.value
    }

    /// Files that failed to load, with their first error.
    pub fn failures(&self) -> Vec<&Diagnostic> {
        let mut seen = std::collections::HashSet::new();
        self.diagnostics
            .iter()
            .filter(|d| d.is_error() && seen.insert(d.file.clone()))
            .collect()
    }

    /// Find a scenario by id.
    pub fn scenario(&self, id: &str) -> Option<&LoadedScenario> {
        self.scenarios.iter().find(|s| s.scenario.id.as_str() == id)
    }

    /// Render every diagnostic with its source line.
    pub fn render_diagnostics(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(self.sources.get(&d.file).map(String::as_str)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
