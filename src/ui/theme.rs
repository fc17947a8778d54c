//! Fonts, colour schemes and text sizes, including the projector scale.

use crate::store::Theme;
use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, Stroke, TextStyle, Visuals};
use std::sync::Arc;

/// The bundled CJK subset (OFL, see `assets/fonts/OFL.txt`), so Chinese renders on any machine.
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// Install the CJK font as a fallback after egui's own fonts, for every family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("cjk".into(), Arc::new(FontData::from_static(CJK_FONT)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push("cjk".into());
    }
    ctx.set_fonts(fonts);
}

/// The named text sizes the screens use, chosen per mode.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    /// Body text: narration, dialogue.
    pub body: f32,
    /// Choice buttons.
    pub choice: f32,
    /// Headings.
    pub heading: f32,
    /// Secondary text (never below 24 on a projector).
    pub small: f32,
}

impl Sizes {
    /// Desk sizes, scaled by the trainee's text-size setting.
    pub fn desk(scale: f32) -> Sizes {
        Sizes {
            body: 18.0 * scale,
            choice: 20.0 * scale,
            heading: 28.0 * scale,
            small: 15.0 * scale,
        }
    }

    /// Projector sizes: choice text 36 points, nothing under 24, readable at 3 m on 1920×1080.
    pub fn projector() -> Sizes {
        Sizes {
            body: 30.0,
            choice: 36.0,
            heading: 46.0,
            small: 24.0,
        }
    }
}

/// Accent colours that stay readable in every theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Good (meets the standard, happy customer).
    pub good: Color32,
    /// Bad.
    pub bad: Color32,
    /// Neutral accent.
    pub accent: Color32,
    /// Strong text.
    pub text: Color32,
    /// Card background.
    pub card: Color32,
}

/// The palette of a theme.
pub fn palette(theme: Theme) -> Palette {
    match theme {
        Theme::Dark => Palette {
            good: Color32::from_rgb(90, 200, 120),
            bad: Color32::from_rgb(235, 100, 90),
            accent: Color32::from_rgb(110, 170, 255),
            text: Color32::from_gray(235),
            card: Color32::from_gray(38),
        },
        Theme::Light => Palette {
            good: Color32::from_rgb(20, 130, 60),
            bad: Color32::from_rgb(190, 40, 30),
            accent: Color32::from_rgb(20, 90, 200),
            text: Color32::from_gray(15),
            card: Color32::from_gray(240),
        },
        Theme::HighContrast => Palette {
            good: Color32::from_rgb(80, 255, 120),
            bad: Color32::from_rgb(255, 90, 90),
            accent: Color32::from_rgb(255, 230, 0),
            text: Color32::WHITE,
            card: Color32::BLACK,
        },
    }
}

/// Apply a theme and sizes to the context. Called only when they change, not every frame.
pub fn apply(ctx: &egui::Context, theme: Theme, sizes: Sizes) {
    let mut visuals = match theme {
        Theme::Dark => Visuals::dark(),
        Theme::Light => Visuals::light(),
        Theme::HighContrast => high_contrast(),
    };
    // egui's default label grey is too faint for long reading and for a projector.
    match theme {
        Theme::Dark => visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(225),
        Theme::Light => visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(20),
        Theme::HighContrast => visuals.override_text_color = Some(Color32::WHITE),
    }
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::proportional(sizes.heading)),
            (TextStyle::Body, FontId::proportional(sizes.body)),
            (TextStyle::Button, FontId::proportional(sizes.choice)),
            (TextStyle::Small, FontId::proportional(sizes.small)),
            (TextStyle::Monospace, FontId::monospace(sizes.small)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 10.0) * (sizes.body / 18.0);
        style.spacing.button_padding = egui::vec2(12.0, 8.0) * (sizes.body / 18.0);
        style.spacing.interact_size.y = sizes.choice + 12.0;
    });
}

fn high_contrast() -> Visuals {
    let mut v = Visuals::dark();
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(20);
    v.selection.bg_fill = Color32::from_rgb(255, 230, 0);
    v.selection.stroke = Stroke::new(2.0, Color32::BLACK);
    v.hyperlink_color = Color32::from_rgb(255, 230, 0);
    for w in [
        &mut v.widgets.inactive,
        &mut v.widgets.noninteractive,
        &mut v.widgets.active,
        &mut v.widgets.hovered,
        &mut v.widgets.open,
    ] {
        w.fg_stroke = Stroke::new(2.0, Color32::WHITE);
        w.bg_stroke = Stroke::new(2.0, Color32::WHITE);
    }
    v.widgets.inactive.bg_fill = Color32::BLACK;
    v.widgets.inactive.weak_bg_fill = Color32::BLACK;
    v.widgets.hovered.bg_fill = Color32::from_gray(40);
    v.widgets.hovered.weak_bg_fill = Color32::from_gray(40);
    v.widgets.hovered.bg_stroke = Stroke::new(3.0, Color32::from_rgb(255, 230, 0));
    v.widgets.active.bg_fill = Color32::from_rgb(255, 230, 0);
    v
}
