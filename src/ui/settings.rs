//! Settings: language, theme, text size, practice or assessed play, class options.

use super::view::{Nav, View};
use super::widgets;
use crate::engine::Mode;
use crate::model::Lang;
use crate::store::{Progress, Settings, Theme};
use egui::{RichText, ScrollArea, Slider, Ui};

/// Draw the settings screen; edits `settings` in place.
pub fn ui(ui: &mut Ui, v: &View, settings: &mut Settings, progress: &Progress) -> Option<Nav> {
    let mut nav = None;
    ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(v.t("设置", "Settings"));
            ui.horizontal_wrapped(|ui| {
                ui.label(v.t("语言", "Language"));
                ui.selectable_value(&mut settings.lang, Lang::Zh, "中文");
                ui.selectable_value(&mut settings.lang, Lang::En, "English");
                ui.selectable_value(&mut settings.lang, Lang::Both, "中文 + English");
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(v.t("主题", "Theme"));
                ui.selectable_value(&mut settings.theme, Theme::Dark, v.t("深色", "Dark"));
                ui.selectable_value(&mut settings.theme, Theme::Light, v.t("浅色", "Light"));
                ui.selectable_value(
                    &mut settings.theme,
                    Theme::HighContrast,
                    v.t("高对比度", "High contrast"),
                );
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(v.t("文字大小", "Text size"));
                ui.add(Slider::new(&mut settings.text_scale, 0.8..=2.0).step_by(0.1))
                    .labelled_by(l.id);
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(v.t("模式", "Mode"));
                ui.selectable_value(
                    &mut settings.mode,
                    Mode::Practice,
                    v.t(
                        "练习（可撤销、即时反馈）",
                        "Practice (undo, instant feedback)",
                    ),
                );
                ui.selectable_value(
                    &mut settings.mode,
                    Mode::Assessed,
                    v.t("考核（不可撤销）", "Assessed (no undo)"),
                );
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(v.t(
                    "测验每题限时（秒，0为不限）",
                    "Quiz: seconds per question (0 = no limit)",
                ));
                ui.add(Slider::new(&mut settings.quiz_seconds, 0..=120))
                    .labelled_by(l.id);
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(v.t("测验默认题数", "Quiz: default number of questions"));
                ui.add(Slider::new(&mut settings.quiz_count, 1..=30))
                    .labelled_by(l.id);
            });
            ui.checkbox(
                &mut settings.hide_scores,
                v.t(
                    "复盘前隐藏得分（课堂）",
                    "Hide scores until the debrief (classroom)",
                ),
            );
            ui.separator();
            ui.heading(v.t("我的标准进度", "My standards"));
            ui.label(
                RichText::new(v.t(
                    "结合情景练习与测验的最近成绩",
                    "Latest role-play and quiz evidence combined",
                ))
                .size(v.sizes.small),
            );
            let rows: Vec<(String, u8)> = progress
                .combined()
                .iter()
                .map(|(id, p)| (v.standard(id), *p))
                .collect();
            if rows.is_empty() {
                ui.label(v.t("还没有成绩。", "No results yet."));
            }
            widgets::standard_bars(ui, &rows, v.sizes, &v.pal);
            ui.separator();
            if ui.button(v.t("返回书架", "Back to library")).clicked() {
                nav = Some(Nav::Library);
            }
        });
    nav
}
