//! Checks for `standards.ron`.

use super::diagnostics::{Code, Diagnostic};
use super::spans::{Seg, SourceMap};
use crate::model::Rubric;
use std::collections::HashMap;
use std::path::Path;

use Seg::{Field as F, Index as I};

/// Duplicate ids, weights out of range, missing translations.
pub fn rubric(r: &Rubric, file: &Path, map: &SourceMap) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut at = |path: &[Seg], code, msg: String| {
        out.push(Diagnostic::new(file, map.locate_value(path), code, msg))
    };
    if r.format != crate::model::FORMAT_VERSION {
        at(
            &[F("format")],
            Code::Version,
            format!("format version {} is not supported; expected 1", r.format),
        );
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in r.standards.iter().enumerate() {
        if let Some(first) = seen.insert(s.id.as_str(), i) {
            let line = map.locate(&[F("standards"), I(first), F("id")]).line;
            at(
                &[F("standards"), I(i), F("id")],
                Code::DuplicateId,
                format!(
                    "duplicate standard id `{}` (first defined on line {line})",
                    s.id
                ),
            );
        }
        if !(1..=10).contains(&s.weight) {
            at(
                &[F("standards"), I(i), F("weight")],
                Code::OutOfRange,
                format!("weight {} is outside 1–10", s.weight),
            );
        }
        for (field, text) in [("title", &s.title), ("description", &s.description)] {
            if let Some(lang) = text.missing() {
                at(
                    &[F("standards"), I(i), F(field)],
                    Code::MissingTranslation,
                    format!("missing {lang} translation"),
                );
            }
        }
    }
    out
}
