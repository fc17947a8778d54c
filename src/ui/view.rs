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
    /// Show a scenario's branch map.
    Map(LoadedScenario),
    /// Continue from a rewound session (try again from a step).
    Resume(LoadedScenario, Session),
    /// Projector mode on or off.
    ToggleProjector,
}

/// True when the digit key for item `i` (0 → key 1 … 8 → key 9) was pressed this frame.
pub fn digit_pressed(ui: &egui::Ui, i: usize) -> bool {
    use egui::Key;
    const DIGITS: [Key; 9] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    DIGITS
        .get(i)
        .is_some_and(|&k| ui.input(|inp| inp.key_pressed(k)))
}

/// A combo box choosing one difficulty or all, shared by the library and the quiz.
pub fn difficulty_filter(
    ui: &mut egui::Ui,
    v: &View,
    value: &mut Option<crate::model::Difficulty>,
) {
    use crate::model::Difficulty;
    let any = v.t("全部难度", "All levels");
    let shown = value.map_or(any.clone(), |d| d.label().inline(v.lang));
    egui::ComboBox::from_label(v.t("难度", "Difficulty"))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, any);
            for d in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
                ui.selectable_value(value, Some(d), d.label().inline(v.lang));
            }
        });
}
