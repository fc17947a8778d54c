//! What every screen needs to draw itself, and where screens send the trainee next.

use super::theme::{Palette, Sizes};
use crate::engine::Session;
use crate::load::LoadedScenario;
use crate::model::{Lang, Rubric, StandardId};
use crate::store::Settings;

/// Read-only context for one frame.
pub struct View<'a> {
    /// Content language.
    pub lang: Lang,
    /// Text sizes.
    pub sizes: Sizes,
    /// Colours.
    pub pal: Palette,
    /// Projector (classroom) mode.
    pub projector: bool,
    /// The trainee's settings.
    pub settings: &'a Settings,
    /// The rubric, for standard titles.
    pub rubric: Option<&'a Rubric>,
}

impl View<'_> {
    /// Interface text in the chosen language(s).
    pub fn t(&self, zh: &str, en: &str) -> String {
        t(self.lang, zh, en)
    }

    /// A standard's title.
    pub fn standard(&self, id: &StandardId) -> String {
        self.rubric
            .and_then(|r| r.get(id))
            .map_or_else(|| id.to_string(), |s| s.title.inline(self.lang))
    }

    /// Rich text at a named size.
    pub fn text(&self, s: impl Into<String>, size: f32) -> egui::RichText {
        egui::RichText::new(s.into()).size(size)
    }
}

/// Interface text: Chinese, English, or both ("开始 Start").
pub fn t(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
        Lang::Both => format!("{zh}  {en}"),
    }
}

/// Where a screen sends the trainee.
pub enum Nav {
    /// The scenario library.
    Library,
    /// Settings.
    Settings,
    /// Quiz setup.
    Quiz,
    /// Start a scenario.
    Play(LoadedScenario),
    /// Continue from a rewound session (try again from a step).
    Resume(LoadedScenario, Session),
    /// Projector mode on or off.
    ToggleProjector,
}
