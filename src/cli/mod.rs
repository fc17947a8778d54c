//! The headless command line: the same engine as the app, for trainers, tests and scripts.

pub mod check;
pub mod graph;
pub mod play;
pub mod quiz;

use crate::load::library::{Loaded, LoadedScenario, find_rubric_path, load_rubric, load_scenario};
use crate::model::Rubric;
use std::path::Path;

/// Load one scenario file for `play`/`graph`, with the rubric found beside it.
/// On errors, returns the rendered diagnostics.
pub fn open_scenario(file: &Path) -> Result<(LoadedScenario, Rubric), String> {
    let rubric = find_rubric_path(file)
        .and_then(|p| load_rubric(&p).value)
        .unwrap_or_default();
    let root = file.parent().unwrap_or(Path::new("."));
    let Loaded {
        value,
        diagnostics,
        source,
    } = load_scenario(file, root, Some(&rubric));
    match value {
        Some(s) => Ok((s, rubric)),
        None => Err(diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.render(source.as_deref()))
            .collect::<Vec<_>>()
            .join("\n")),
    }
}
