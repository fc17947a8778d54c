//! A role-play scenario: a graph of nodes joined by the trainee's choices.

use super::ids::{Flag, NodeId, ScenarioId, StandardId};
use super::text::Text;
use serde::{Deserialize, Serialize};

/// A whole scenario file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version; only 1 exists.
    #[serde(default = "super::format_version")]
    pub format: u32,
    /// Stable id; progress is kept under it.
    pub id: ScenarioId,
    /// Title shown on the library card.
    pub title: Text,
    /// Two or three sentences on the situation.
    pub summary: Text,
    /// Where it happens and who is who.
    pub setting: Setting,
    /// How hard it is.
    #[serde(default)]
    pub difficulty: Difficulty,
    /// Estimated minutes to play once.
    #[serde(default = "default_minutes")]
    pub minutes: u32,
    /// The standards this scenario trains; each must be exercised by some choice.
    #[serde(default)]
    pub standards: Vec<StandardId>,
    /// The customer's mood (0–100) when the scenario starts.
    #[serde(default = "default_mood")]
    pub mood: u8,
    /// The node the scenario starts at.
    pub start: NodeId,
    /// Every node, in any order.
    pub nodes: Vec<Node>,
}

fn default_minutes() -> u32 {
    5
}

fn default_mood() -> u8 {
    50
}

impl Scenario {
    /// Look a node up by id.
    pub fn node(&self, id: &NodeId) -> Option<&Node> {
        self.nodes.iter().find(|n| &n.id == id)
    }

    /// Node id → index in `nodes`, for walking the graph (the first of duplicate ids wins).
    pub fn index_by_id(&self) -> std::collections::HashMap<&str, usize> {
        let mut map = std::collections::HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            map.entry(n.id.as_str()).or_insert(i);
        }
        map
    }

    /// Index of a node in `nodes`.
    pub fn node_index(&self, id: &NodeId) -> Option<usize> {
        self.nodes.iter().position(|n| &n.id == id)
    }
}

/// Where the scenario takes place and who takes part.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// Industry, e.g. bank, courier, retail.
    pub industry: Text,
    /// The role the trainee plays.
    pub role: Text,
    /// The customer.
    pub customer: Customer,
}

/// The customer persona.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// How the customer is addressed.
    pub name: Text,
    /// Who they are and what they want, for the trainee's briefing.
    pub persona: Text,
}

/// Difficulty for filtering and ordering.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Difficulty {
    /// New staff.
    Easy,
    /// Some experience.
    #[default]
    Medium,
    /// Experienced staff.
    Hard,
}

impl Difficulty {
    /// Bilingual label.
    pub fn label(self) -> Text {
        match self {
            Difficulty::Easy => Text::bi("入门", "Easy"),
            Difficulty::Medium => Text::bi("进阶", "Medium"),
            Difficulty::Hard => Text::bi("挑战", "Hard"),
        }
    }
}

/// One moment of the scenario.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique id within the scenario.
    pub id: NodeId,
    /// What happens, told to the trainee.
    #[serde(default)]
    pub narration: Option<Text>,
    /// What people say, in order.
    #[serde(default)]
    pub lines: Vec<Line>,
    /// A picture, relative to the scenario file; must stay inside the scenarios folder.
    #[serde(default)]
    pub image: Option<String>,
    /// A limit on how long the trainee may take here.
    #[serde(default)]
    pub time_limit: Option<TimeLimit>,
    /// The trainee's options; a node has choices or an ending, never both.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// How the scenario ends here.
    #[serde(default)]
    pub ending: Option<Ending>,
}

impl Node {
    /// Every node this one can lead to: its choices' targets, then the timeout target.
    pub fn targets(&self) -> impl Iterator<Item = &NodeId> {
        let timeout = self.time_limit.as_ref().and_then(|t| t.goto.as_ref());
        self.choices.iter().map(|c| &c.next).chain(timeout)
    }
}

/// A spoken line.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Who speaks; the customer unless said otherwise.
    #[serde(default)]
    pub who: Speaker,
    /// How they feel while saying it.
    #[serde(default)]
    pub emotion: Emotion,
    /// What they say.
    pub text: Text,
}

/// Who speaks a line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Speaker {
    /// The scenario's customer.
    #[default]
    Customer,
    /// The trainee (lines said for them, e.g. after a choice).
    Trainee,
    /// Anyone else: a colleague, a manager, a guard.
    Other(Text),
}

/// The customer's visible emotion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Emotion {
    #[default]
    Neutral,
    Calm,
    Pleased,
    Grateful,
    Relieved,
    Hopeful,
    Confused,
    Worried,
    Anxious,
    Impatient,
    Annoyed,
    Angry,
    Furious,
    Sad,
    Disappointed,
    Sceptical,
}

impl Emotion {
    /// Bilingual label with an emoji-free marker, readable at a distance.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Emotion::Neutral => ("平静", "neutral"),
            Emotion::Calm => ("冷静", "calm"),
            Emotion::Pleased => ("满意", "pleased"),
            Emotion::Grateful => ("感激", "grateful"),
            Emotion::Relieved => ("松了口气", "relieved"),
            Emotion::Hopeful => ("期待", "hopeful"),
            Emotion::Confused => ("困惑", "confused"),
            Emotion::Worried => ("担心", "worried"),
            Emotion::Anxious => ("焦急", "anxious"),
            Emotion::Impatient => ("不耐烦", "impatient"),
            Emotion::Annoyed => ("恼火", "annoyed"),
            Emotion::Angry => ("生气", "angry"),
            Emotion::Furious => ("愤怒", "furious"),
            Emotion::Sad => ("难过", "sad"),
            Emotion::Disappointed => ("失望", "disappointed"),
            Emotion::Sceptical => ("怀疑", "sceptical"),
        };
        Text::bi(zh, en)
    }
}

/// A time limit on a node: the customer will not wait for ever.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    /// Seconds the trainee has.
    pub seconds: u32,
    /// Where the scenario goes when the time runs out (required; optional only so the
    /// validator can say so with a position instead of a bare parse error).
    #[serde(default)]
    pub goto: Option<NodeId>,
    /// The standard that running out counts against.
    pub standard: StandardId,
    /// How much it costs (a negative number; defaults to -2).
    #[serde(default = "default_penalty")]
    pub amount: i32,
    /// Why, shown at the debrief.
    pub why: Text,
    /// Mood change when the time runs out.
    #[serde(default)]
    pub mood: i32,
}

fn default_penalty() -> i32 {
    -2
}

/// One option the trainee can pick.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the trainee says or does.
    pub text: Text,
    /// The node it leads to.
    pub next: NodeId,
    /// What it does to standards.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What it does to the customer's mood (added, then clamped to 0–100).
    #[serde(default)]
    pub mood: i32,
    /// All must hold for the choice to be offered.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Flags it sets.
    #[serde(default)]
    pub set: Vec<Flag>,
}

/// A signed effect on one standard, with the author's reason.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    /// Which standard.
    pub standard: StandardId,
    /// How much: positive meets it, negative breaks it (−10…10).
    pub amount: i32,
    /// Why, shown at the debrief.
    pub why: Text,
}

/// A condition on offering a choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Mood is at least this.
    MoodAtLeast(u8),
    /// Mood is at most this.
    MoodAtMost(u8),
    /// The flag has been set.
    Flag(Flag),
    /// The flag has not been set.
    NotFlag(Flag),
    /// The node has been visited in this play.
    Visited(NodeId),
    /// The node has not been visited in this play.
    NotVisited(NodeId),
}

/// How a play ends.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// Where the customer lands on the loyalty waterfall.
    pub waterfall: Waterfall,
    /// Which realm of service the handling reached.
    pub realm: Realm,
    /// Which complaint-handling figure from seed 001 applies, if any.
    #[serde(default)]
    pub complaint: Option<ComplaintOutcome>,
    /// Short name of the ending.
    pub title: Text,
    /// What happened and why, for the debrief.
    pub debrief: Text,
}

/// The customer-service waterfall (seed 003), best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Waterfall {
    /// 忠诚
    Loyal,
    /// 非常满意 — the control point.
    VerySatisfied,
    /// 满意
    Satisfied,
    /// 不满意
    Dissatisfied,
    /// 愤怒
    Angry,
    /// 告状 — tells others.
    Complaining,
}

impl Waterfall {
    /// Every level, top of the waterfall first.
    pub const ALL: [Waterfall; 6] = [
        Waterfall::Loyal,
        Waterfall::VerySatisfied,
        Waterfall::Satisfied,
        Waterfall::Dissatisfied,
        Waterfall::Angry,
        Waterfall::Complaining,
    ];

    /// Bilingual label.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Waterfall::Loyal => ("忠诚", "Loyal"),
            Waterfall::VerySatisfied => ("非常满意", "Very satisfied"),
            Waterfall::Satisfied => ("满意", "Satisfied"),
            Waterfall::Dissatisfied => ("不满意", "Dissatisfied"),
            Waterfall::Angry => ("愤怒", "Angry"),
            Waterfall::Complaining => ("告状", "Complaining to others"),
        };
        Text::bi(zh, en)
    }
}

/// The three realms of service (seed 000), plus falling short of the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Realm {
    /// Even the expected service was not done well.
    Below,
    /// 分内服务做精 — the expected, done excellently.
    First,
    /// 额外服务做足 — reasonable extras.
    Second,
    /// 超乎想象的服务做好 — a need the customer had not noticed.
    Third,
}

impl Realm {
    /// Bilingual label.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            Realm::Below => ("未达分内服务", "Below the first realm"),
            Realm::First => (
                "第一境界：分内服务做精",
                "First realm: expected service done well",
            ),
            Realm::Second => ("第二境界：额外服务做足", "Second realm: extra service"),
            Realm::Third => ("第三境界：超乎想象", "Third realm: beyond imagination"),
        };
        Text::bi(zh, en)
    }
}

/// Complaint outcomes with the return rates quoted in seed 001.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ComplaintOutcome {
    /// Resolved quickly: 82% return.
    ResolvedQuickly,
    /// Resolved: 54% return.
    Resolved,
    /// Not resolved: 19% return.
    NotResolved,
    /// The customer never complained: 9% return.
    NeverComplained,
}

impl ComplaintOutcome {
    /// Percentage of such customers who come back (seed 001).
    pub fn return_rate(self) -> u8 {
        match self {
            ComplaintOutcome::ResolvedQuickly => 82,
            ComplaintOutcome::Resolved => 54,
            ComplaintOutcome::NotResolved => 19,
            ComplaintOutcome::NeverComplained => 9,
        }
    }

    /// Bilingual description of the figure.
    pub fn label(self) -> Text {
        let (zh, en) = match self {
            ComplaintOutcome::ResolvedQuickly => ("投诉被迅速解决", "complaint resolved quickly"),
            ComplaintOutcome::Resolved => ("投诉得到解决", "complaint resolved"),
            ComplaintOutcome::NotResolved => ("投诉未被解决", "complaint not resolved"),
            ComplaintOutcome::NeverComplained => ("不满却没有投诉", "unhappy but never complained"),
        };
        Text::bi(zh, en)
    }
}
