//! Hard limits on what a file may contain. Shared files are untrusted: every
//! limit turns hostile input into a positioned error instead of a hang or a crash.
//! Keep `docs/authoring.md` ("Limits") in step with these numbers.

/// Largest file read, in bytes (1 MiB; the largest shipped scenario is about 60 KiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// Deepest RON nesting accepted (real scenarios nest about 8 deep).
pub const MAX_DEPTH: usize = 32;
/// Most nodes in one scenario.
pub const MAX_NODES: usize = 500;
/// Most choices on one node (keys 1–9 pick them).
pub const MAX_CHOICES: usize = 9;
/// Most lines of dialogue on one node.
pub const MAX_LINES: usize = 40;
/// Longest single text, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Most distinct flags (counting nodes named in `Visited`/`NotVisited`) one scenario may use,
/// so the exact analysis of best and worst scores stays bounded.
pub const MAX_FLAGS: usize = 16;
/// Most play states the analysis explores before it reports the scenario too complex.
pub const MAX_STATES: usize = 200_000;
/// Largest magnitude of one effect on a standard.
pub const MAX_EFFECT: i32 = 10;
/// Longest time limit, in seconds.
pub const MAX_TIME_LIMIT: u32 = 3600;
/// Most questions in one quiz bank.
pub const MAX_QUESTIONS: usize = 1000;
/// Most files scanned in one library folder.
pub const MAX_FILES: usize = 2000;
