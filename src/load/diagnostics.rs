//! Problems found in a file, each with a position, a stable code and a message a trainer can act on.

use super::spans::Pos;
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file works but should be fixed before publishing.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $sev:ident, $doc:literal;)*) => {
        /// Every kind of problem, with a stable code documented in `docs/authoring.md`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $doc] $variant,)*
        }

        impl Code {
            /// The stable code, e.g. `SD011`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// Default severity of this kind of problem.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev,)* }
            }

            /// Every code, for the documentation test.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];
        }
    };
}

codes! {
    Syntax = "SD001", Error, "The file is not valid RON or does not match the format.";
    TooLarge = "SD002", Error, "The file is larger than the size limit.";
    NotText = "SD003", Error, "The file is not UTF-8 text.";
    TooDeep = "SD004", Error, "Nesting deeper than the limit.";
    Version = "SD005", Error, "Unsupported format version.";
    Unreadable = "SD006", Error, "The file could not be read.";
    DuplicateId = "SD010", Error, "Two nodes (or standards, or questions) share an id.";
    UnknownNode = "SD011", Error, "A reference to a node that does not exist.";
    UnknownStandard = "SD012", Error, "A reference to a standard not in standards.ron.";
    Unreachable = "SD013", Error, "A node no path from the start reaches.";
    DeadEnd = "SD014", Error, "A node with neither choices nor an ending.";
    ChoicesAndEnding = "SD015", Error, "A node with both choices and an ending.";
    NoWayOut = "SD016", Error, "A node (or loop) from which no ending can be reached.";
    NeverOffered = "SD017", Error, "A choice whose conditions can never all hold.";
    TimeoutTarget = "SD018", Error, "A time limit without a node to go to.";
    AssetEscapes = "SD019", Error, "An image path that leaves the scenarios folder.";
    AssetMissing = "SD020", Error, "An image file that does not exist.";
    MissingTranslation = "SD021", Warning, "Text with only one language.";
    UnexercisedStandard = "SD022", Warning, "A claimed standard no choice exercises.";
    LoopEffect = "SD023", Error, "A choice on a loop that changes a score (scores could grow without bound).";
    Limit = "SD024", Error, "More nodes, choices, flags or text than the format allows.";
    OutOfRange = "SD025", Error, "A number outside its allowed range.";
    UnclaimedStandard = "SD026", Warning, "A standard a choice scores that the scenario does not list.";
    TooComplex = "SD027", Error, "Too many distinct play states to analyse exactly.";
    NoRubric = "SD028", Error, "standards.ron is missing or broken, so standards cannot be checked.";
    EmptyText = "SD029", Warning, "Empty text where something should be said.";
    AnswerOutOfRange = "SD040", Error, "A quiz answer number with no such option.";
    DuplicateOption = "SD041", Error, "Two identical options or ordering steps.";
    NoCorrectOption = "SD042", Error, "A question with no correct option (or no wrong one).";
    TooFewOptions = "SD043", Error, "A question with too few options or steps.";
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as given to the loader.
    pub file: PathBuf,
    /// Where in it.
    pub pos: Pos,
    /// Error or warning.
    pub severity: Severity,
    /// The stable code.
    pub code: Code,
    /// What is wrong and, where possible, what was expected.
    pub message: String,
}

impl Diagnostic {
    /// A problem with the code's default severity.
    pub fn new(file: &Path, pos: Pos, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            pos,
            severity: code.severity(),
            code,
            message: message.into(),
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column: error[SD011]: message`
    pub fn header(&self) -> String {
        format!(
            "{}:{}:{}: {}[{}]: {}",
            self.file.display(),
            self.pos.line,
            self.pos.col,
            self.severity,
            self.code.as_str(),
            self.message
        )
    }

    /// The header plus the offending line of `src` with a caret under the column.
    pub fn render(&self, src: Option<&str>) -> String {
        let mut out = self.header();
        if let Some(line) = src.and_then(|s| s.lines().nth(self.pos.line.saturating_sub(1))) {
            let gutter = self.pos.line.to_string();
            let pad: String = line
                .chars()
                .take(self.pos.col.saturating_sub(1))
                .map(|c| {
                    if c == '\t' {
                        '\t'
                    } else if super::super::model::text::is_cjk(c) {
                        '　'
                    } else {
                        ' '
                    }
                })
                .collect();
            let blank = " ".repeat(gutter.len());
            out.push_str(&format!(
                "\n {blank} |\n {gutter} | {line}\n {blank} | {pad}^"
            ));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.header())
    }
}

/// Sort diagnostics by file, then position, then code, for stable output.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.file, a.pos, a.code).cmp(&(&b.file, b.pos, b.code)));
}
