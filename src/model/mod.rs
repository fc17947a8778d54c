//! What scenarios, standards and quiz banks are: the serde types of RON format v1.
//!
//! These types mirror the files one to one; the loader checks what serde cannot
//! (ids that must exist, graphs that must end) before anything plays them.

pub mod ids;
pub mod quiz;
pub mod scenario;
pub mod standards;
pub mod text;

pub use ids::{Flag, NodeId, QuestionId, ScenarioId, StandardId};
pub use scenario::*;
pub use standards::{Framework, Rubric, Standard};
pub use text::{Lang, Text};

/// The only format version so far.
pub const FORMAT_VERSION: u32 = 1;

pub(crate) fn format_version() -> u32 {
    FORMAT_VERSION
}
