//! Identifiers as newtypes, so a node id can never be passed where a standard id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written in the file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    };
}

id_type!(
    /// A scenario's id; progress is kept under it, so it should not change once published.
    ScenarioId
);
id_type!(
    /// A node's id, unique within its scenario.
    NodeId
);
id_type!(
    /// A standard's id from `standards.ron`.
    StandardId
);
id_type!(
    /// A flag a choice sets and a condition reads.
    Flag
);
id_type!(
    /// A quiz question's id, unique within the library (progress is kept under it).
    QuestionId
);
