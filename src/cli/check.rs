//! `service-dojo check PATH…`: every problem in every file, one run.

use crate::load::diagnostics::{Diagnostic, sort};
use crate::load::library::{
    FileKind, Library, find_rubric_path, kind_of, load_bank, load_rubric, load_scenario,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The result of checking: diagnostics and the sources to render them with.
#[derive(Default)]
pub struct CheckResult {
    /// Every diagnostic, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// File texts.
    pub sources: BTreeMap<PathBuf, String>,
    /// How many files were checked.
    pub files: usize,
}

impl CheckResult {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Everything, rendered, with a summary line.
    pub fn render(&self) -> String {
        let mut out: Vec<String> = self
            .diagnostics
            .iter()
            .map(|d| d.render(self.sources.get(&d.file).map(String::as_str)))
            .collect();
        let warnings = self.diagnostics.len() - self.errors();
        out.push(format!(
            "checked {} file(s): {} error(s), {} warning(s)",
            self.files,
            self.errors(),
            warnings
        ));
        out.join("\n")
    }
}

/// Check files and folders.
pub fn check(paths: &[PathBuf]) -> CheckResult {
    let mut res = CheckResult::default();
    for path in paths {
        if path.is_dir() && !path.join("standards.ron").is_file() {
            // Not a library root (e.g. a quiz folder): check its files one by one.
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            for f in files {
                check_file(&f, &mut res);
            }
        } else if path.is_dir() {
            let lib = Library::load(path);
            res.files += lib.sources.len().max(lib.scenarios.len() + lib.banks.len());
            res.diagnostics.extend(lib.diagnostics);
            res.sources.extend(lib.sources);
        } else {
            check_file(path, &mut res);
        }
    }
    sort(&mut res.diagnostics);
    res.diagnostics.dedup();
    res
}

fn check_file(path: &Path, res: &mut CheckResult) {
    res.files += 1;
    let rubric = || find_rubric_path(path).and_then(|p| load_rubric(&p).value);
    let (diags, source) = match kind_of(path) {
        FileKind::Rubric => {
            let l = load_rubric(path);
            (l.diagnostics, l.source)
        }
        FileKind::Bank => {
            let l = load_bank(path, rubric().as_ref());
            (l.diagnostics, l.source)
        }
        FileKind::Scenario => {
            let root = path.parent().unwrap_or(Path::new("."));
            let l = load_scenario(path, root, rubric().as_ref());
            (l.diagnostics, l.source)
        }
    };
    res.diagnostics.extend(diags);
    if let Some(s) = source {
        res.sources.insert(path.to_path_buf(), s);
    }
}
