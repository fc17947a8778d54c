//! Asset paths from scenario files: plain relative paths that stay inside the scenarios folder.

use std::path::{Component, Path, PathBuf};

/// Why an asset path was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum AssetError {
    /// Absolute, `..`, or a symlink that points outside the root.
    Escapes,
    /// Nothing at that path.
    Missing,
}

/// Resolve `rel` (written in a file in `dir`) inside `root`. Rejects rather than cleans:
/// only normal components are allowed, and the canonical result must stay under the root,
/// which also catches symlinks pointing out.
pub fn resolve(root: &Path, dir: &Path, rel: &str) -> Result<PathBuf, AssetError> {
    let relp = Path::new(rel);
    if rel.is_empty() || !relp.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(AssetError::Escapes);
    }
    let full = dir.join(relp);
    let canon = full.canonicalize().map_err(|_| AssetError::Missing)?;
    let root = root.canonicalize().map_err(|_| AssetError::Missing)?;
    if canon.starts_with(&root) {
        Ok(canon)
    } else {
        Err(AssetError::Escapes)
    }
}
