//! Service Dojo: role-play scenarios and quizzes for service-quality training.
//!
//! The domain (`model`, `load`, `engine`) is pure Rust with no UI; the desktop
//! app (`ui`) and the command line (`cli`) are two thin faces over it.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod cli;
pub mod engine;
pub mod graph;
pub mod load;
pub mod model;
pub mod store;
pub mod ui;
