//! The library: every scenario as a card, search and filter, and the files that failed.

use super::view::{Nav, View};
use crate::load::{Diagnostic, Library, LoadedScenario};
use crate::model::{Difficulty, Lang, Waterfall};
use crate::store::Progress;
use egui::{Button, Frame, RichText, ScrollArea, TextEdit, Ui};

/// Search and filter state.
#[derive(Default)]
pub struct LibraryView {
    /// Free-text search over titles, industries, roles and standards.
    pub search: String,
    /// Only this difficulty.
    pub difficulty: Option<Difficulty>,
}

/// What the library screen shows, gathered by the app.
pub struct Shelf<'a> {
    /// The loaded library.
    pub library: &'a Library,
    /// Scenarios whose newest edit is broken but whose last good version still plays.
    pub stale: &'a [(LoadedScenario, Diagnostic)],
    /// The trainee's progress.
    pub progress: &'a Progress,
}

impl LibraryView {
    fn matches(&self, s: &LoadedScenario, v: &View) -> bool {
        let sc = &s.scenario;
        if self.difficulty.is_some_and(|d| d != sc.difficulty) {
            return false;
        }
        let q = self.search.trim().to_lowercase();
        if q.is_empty() {
            return true;
        }
        let mut hay: Vec<String> = [
            &sc.title,
            &sc.summary,
            &sc.setting.industry,
            &sc.setting.role,
        ]
        .iter()
        .map(|t| t.show(Lang::Both))
        .collect();
        hay.extend(sc.standards.iter().map(|id| v.standard(id)));
        hay.iter().any(|h| h.to_lowercase().contains(&q))
    }

    /// Draw the screen.
    pub fn ui(&mut self, ui: &mut Ui, v: &View, shelf: &Shelf) -> Option<Nav> {
        let mut nav = None;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(v.t("搜索", "Search"));
            ui.add(TextEdit::singleline(&mut self.search).desired_width(v.sizes.body * 14.0))
                .labelled_by(l.id);
            super::view::difficulty_filter(ui, v, &mut self.difficulty);
        });
        ui.separator();
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let shown: Vec<&LoadedScenario> = shelf
                    .library
                    .scenarios
                    .iter()
                    .chain(shelf.stale.iter().map(|s| &s.0))
                    .filter(|s| self.matches(s, v))
                    .collect();
                if shown.is_empty() {
                    ui.label(v.t("没有符合条件的场景。", "No scenario matches."));
                }
                // Two columns of cards on a wide window, one on a narrow one or a projector.
                let cols = if ui.available_width() > 1300.0 && !v.projector {
                    2
                } else {
                    1
                };
                ui.columns(cols, |columns| {
                    for (k, s) in shown.iter().enumerate() {
                        let stale = shelf
                            .stale
                            .iter()
                            .find(|x| x.0.path == s.path)
                            .map(|x| &x.1);
                        if let Some(n) = card(&mut columns[k % cols], v, s, shelf.progress, stale) {
                            nav = Some(n);
                        }
                    }
                });
                let failures: Vec<&Diagnostic> = shelf
                    .library
                    .failures()
                    .into_iter()
                    .filter(|d| !shelf.stale.iter().any(|s| s.0.path == d.file))
                    .collect();
                if !failures.is_empty() {
                    ui.add_space(v.sizes.body);
                    ui.heading(v.t("无法加载的文件", "Files that failed to load"));
                    for d in failures {
                        error_card(ui, v, d);
                    }
                }
            });
        nav
    }
}

fn card(
    ui: &mut Ui,
    v: &View,
    s: &LoadedScenario,
    progress: &Progress,
    stale: Option<&Diagnostic>,
) -> Option<Nav> {
    let sc = &s.scenario;
    let mut nav = None;
    Frame::new()
        .fill(v.pal.card)
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = Button::new(
                RichText::new(sc.title.inline(v.lang))
                    .size(v.sizes.heading * 0.85)
                    .strong(),
            )
            .wrap();
            if ui
                .add(title)
                .on_hover_text(v.t("开始练习", "Start"))
                .clicked()
            {
                nav = Some(Nav::Play(s.clone()));
            }
            let meta = format!(
                "{} · {} · {} · {} {}",
                sc.setting.industry.inline(v.lang),
                sc.setting.role.inline(v.lang),
                sc.difficulty.label().inline(v.lang),
                sc.minutes,
                v.t("分钟", "min")
            );
            ui.label(RichText::new(meta).size(v.sizes.small));
            ui.label(RichText::new(sc.summary.show(v.lang)).size(v.sizes.body));
            let stds: Vec<String> = sc.standards.iter().map(|id| v.standard(id)).collect();
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    v.t("训练标准", "Trains"),
                    stds.join(" · ")
                ))
                .size(v.sizes.small)
                .color(v.pal.accent),
            );
            let best = match progress.scenarios.get(sc.id.as_str()) {
                Some(r) => format!(
                    "{} {}/100 · {} · {} {}",
                    v.t("最好成绩", "Best"),
                    r.best,
                    r.best_waterfall
                        .map_or(String::new(), |w: Waterfall| w.label().inline(v.lang)),
                    r.plays,
                    v.t("次", "plays")
                ),
                None => v.t("尚未练习", "Not played yet"),
            };
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(best).size(v.sizes.small));
                if ui.small_button(v.t("分支图", "Branch map")).clicked() {
                    nav = Some(Nav::Map(s.clone()));
                }
            });
            if let Some(d) = stale {
                ui.label(
                    RichText::new(format!(
                        "{} {}",
                        v.t(
                            "！ 最新修改有错误，仍可玩上一个正确版本：",
                            "！ The latest edit is broken; the last good version still plays:"
                        ),
                        d.header()
                    ))
                    .size(v.sizes.small)
                    .color(v.pal.bad),
                );
            }
        });
    ui.add_space(v.sizes.body * 0.5);
    nav
}

fn error_card(ui: &mut Ui, v: &View, d: &Diagnostic) {
    Frame::new()
        .stroke(egui::Stroke::new(2.0, v.pal.bad))
        .inner_margin(10.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(d.file.file_name().map_or_else(
                    || d.file.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                ))
                .size(v.sizes.body)
                .strong(),
            );
            ui.label(
                RichText::new(d.header())
                    .size(v.sizes.small)
                    .monospace()
                    .color(v.pal.bad),
            );
        });
    ui.add_space(v.sizes.body * 0.5);
}
