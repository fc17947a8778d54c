//! The rubric: named service-quality standards a trainee is scored against.

use super::ids::StandardId;
use super::text::Text;
use serde::{Deserialize, Serialize};

/// The framework from the source material that a standard belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Framework {
    /// 分内服务五项基本要求 (seed 000).
    BasicRequirements,
    /// 关怀服务四要点 (seed 001).
    CaringService,
    /// 具体化服务标准 (seed 001).
    ConcreteStandards,
    /// 客户心中的隐形计分卡 (seed 001).
    InvisibleScorecard,
    /// 服务的三种境界 (seed 000).
    ThreeRealms,
    /// 服务补救与投诉处理 (seed 003).
    ServiceRecovery,
}

impl Framework {
    /// Bilingual name for display.
    pub fn name(self) -> Text {
        let (zh, en) = match self {
            Framework::BasicRequirements => ("五项基本要求", "Five basic requirements"),
            Framework::CaringService => ("关怀服务四要点", "Caring service"),
            Framework::ConcreteStandards => ("具体化服务标准", "Concrete standards"),
            Framework::InvisibleScorecard => ("隐形计分卡", "Invisible scorecard"),
            Framework::ThreeRealms => ("服务三境界", "Three realms of service"),
            Framework::ServiceRecovery => ("服务补救", "Service recovery"),
        };
        Text::bi(zh, en)
    }
}

/// One named standard.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Stable id scenarios and questions refer to.
    pub id: StandardId,
    /// Short name.
    pub title: Text,
    /// One line on what meeting it looks like.
    pub description: Text,
    /// Where it comes from in the frameworks.
    pub framework: Framework,
    /// The seed file it is drawn from, e.g. "seed 001".
    pub source: String,
    /// Its weight in the overall score (1–10).
    #[serde(default = "default_weight")]
    pub weight: u32,
}

fn default_weight() -> u32 {
    1
}

/// The whole rubric file, `scenarios/standards.ron`.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Rubric {
    /// Format version; only 1 exists.
    #[serde(default = "super::format_version")]
    pub format: u32,
    /// Every standard, in display order.
    pub standards: Vec<Standard>,
}

impl Rubric {
    /// Look a standard up by id.
    pub fn get(&self, id: &StandardId) -> Option<&Standard> {
        self.standards.iter().find(|s| &s.id == id)
    }
}
