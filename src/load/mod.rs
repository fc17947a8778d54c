//! Files → validated model + diagnostics. Everything a trainer can get wrong is
//! reported here, with a position, before anything plays.

pub mod assets;
pub mod diagnostics;
pub mod library;
pub mod limits;
pub mod parse;
pub mod spans;
pub mod validate;
pub mod validate_quiz;
pub mod validate_rubric;

pub use diagnostics::{Code, Diagnostic, Severity};
pub use library::{Library, LoadedBank, LoadedScenario};
