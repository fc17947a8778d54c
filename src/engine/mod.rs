//! Playing and judging: the session state machine, the exact analysis of a
//! scenario's graph, the report, and the quiz.

pub mod analysis;
pub mod quiz;

pub mod report;
pub mod rules;
pub mod session;

pub use analysis::{Analysis, analyse};
pub use report::Report;
pub use rules::Action;
pub use session::{Mode, PlayError, Session};
