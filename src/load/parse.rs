//! Reading one file into a typed value, turning every failure into a positioned diagnostic.

use super::diagnostics::{Code, Diagnostic};
use super::limits::{MAX_DEPTH, MAX_FILE_BYTES};
use super::spans::Pos;
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::io::Read;
use std::path::Path;

/// Read a file as UTF-8 text, refusing anything over the size limit before it is in memory.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let start = Pos { line: 1, col: 1 };
    let fail = |code, msg: String| Diagnostic::new(path, start, code, msg);
    let file = std::fs::File::open(path)
        .map_err(|e| fail(Code::Unreadable, format!("cannot read file: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(Code::Unreadable, format!("cannot read file: {e}")))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(
            Code::TooLarge,
            format!(
                "file is larger than the {} KiB limit",
                MAX_FILE_BYTES / 1024
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        Diagnostic::new(
            path,
            end_pos(&text),
            Code::NotText,
            "file is not UTF-8 text (is it a binary file?)",
        )
    })
}

/// The position just after `text`.
fn end_pos(text: &str) -> Pos {
    let line = 1 + text.matches('\n').count();
    let col = 1 + text.rsplit('\n').next().unwrap_or("").chars().count();
    Pos { line, col }
}

/// The ron options every file is read with: depth-limited, and `Some(…)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_recursion_limit(MAX_DEPTH)
        .with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parse RON text into `T`, mapping ron's error to a diagnostic at ron's position.
pub fn parse_ron<T: DeserializeOwned>(path: &Path, src: &str) -> Result<T, Diagnostic> {
    ron_options().from_str(src).map_err(|e| {
        let pos = Pos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        let code = match e.code {
            ron::Error::ExceededRecursionLimit => Code::TooDeep,
            _ => Code::Syntax,
        };
        let message = match e.code {
            ron::Error::ExceededRecursionLimit => {
                format!("nesting is deeper than the limit of {MAX_DEPTH}")
            }
            ref other => other.to_string(),
        };
        Diagnostic::new(path, pos, code, message)
    })
}
