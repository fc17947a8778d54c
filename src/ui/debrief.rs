//! The debrief: where the customer landed, the score per standard, the path step by
//! step beside the expert's, and "try again from here".

use super::view::{Nav, View};
use super::widgets;
use crate::engine::{Report, Session};
use crate::load::LoadedScenario;
use egui::{Grid, RichText, ScrollArea, Ui};

/// State of the debrief screen.
pub struct DebriefView {
    /// The report.
    pub report: Report,
    /// The finished session, for "try again from here".
    pub session: Session,
    /// The scenario as loaded.
    pub loaded: LoadedScenario,
    /// Class votes per step, if a class played.
    pub votes: Vec<Option<Vec<u32>>>,
}

impl DebriefView {
    /// Draw the screen.
    pub fn ui(&mut self, ui: &mut Ui, v: &View) -> Option<Nav> {
        let mut nav = None;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.outcome(ui, v);
                ui.separator();
                ui.heading(v.t("各项标准得分", "Score per standard"));
                let rows: Vec<(String, u8)> = self
                    .report
                    .standards
                    .iter()
                    .map(|s| (s.title.inline(v.lang), s.percent))
                    .collect();
                widgets::standard_bars(ui, &rows, v.sizes, &v.pal);
                ui.separator();
                ui.heading(v.t("你的路径与专家路径", "Your path and the expert's"));
                nav = self.paths(ui, v);
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    if ui.button(v.t("再玩一次", "Play again")).clicked() {
                        nav = Some(Nav::Play(self.loaded.clone()));
                    }
                    if ui.button(v.t("返回书架", "Back to library")).clicked() {
                        nav = Some(Nav::Library);
                    }
                });
            });
        nav
    }

    fn outcome(&self, ui: &mut Ui, v: &View) {
        let r = &self.report;
        let Some(o) = &r.outcome else {
            ui.heading(v.t("未完成", "Not finished"));
            return;
        };
        ui.heading(o.title.inline(v.lang));
        ui.label(
            RichText::new(format!("{}  {}/100", v.t("总分", "Overall"), r.overall))
                .size(v.sizes.heading)
                .strong(),
        );
        ui.label(
            RichText::new(r.verdict().show(v.lang))
                .size(v.sizes.body)
                .strong()
                .color(v.pal.accent),
        );
        ui.horizontal_wrapped(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width().min(v.sizes.body * 30.0));
                widgets::waterfall(ui, o.waterfall, v.lang, v.sizes, &v.pal);
            });
            ui.vertical(|ui| {
                ui.set_max_width(v.sizes.body * 28.0);
                ui.label(
                    RichText::new(o.realm.label().show(v.lang))
                        .size(v.sizes.body)
                        .strong(),
                );
                if let (Some(c), Some(rate)) = (o.complaint, o.return_rate) {
                    let line = format!(
                        "{rate}% — {} ({})",
                        c.label().inline(v.lang),
                        v.t("种子材料001的回头率", "return rate, seed 001")
                    );
                    ui.label(RichText::new(line).size(v.sizes.body).color(v.pal.accent));
                }
                ui.label(
                    RichText::new(format!(
                        "{} {}/100",
                        v.t("客户心情", "Customer mood"),
                        r.mood
                    ))
                    .size(v.sizes.body),
                );
                ui.label(RichText::new(o.debrief.show(v.lang)).size(v.sizes.body));
            });
        });
    }

    fn paths(&self, ui: &mut Ui, v: &View) -> Option<Nav> {
        let mut nav = None;
        let r = &self.report;
        let col = (ui.available_width() - v.sizes.body * 14.0) / 2.0;
        Grid::new("paths")
            .striped(true)
            .min_col_width(v.sizes.body * 2.0)
            .show(ui, |ui| {
                ui.label(RichText::new("#").strong());
                ui.label(RichText::new(v.t("你的选择", "Your choice")).strong());
                ui.label(RichText::new(v.t("专家会怎么做", "What an expert would do")).strong());
                ui.label("");
                ui.end_row();
                for (k, step) in r.path.iter().enumerate() {
                    let left_here = r.left_expert_at == Some(k);
                    ui.label(RichText::new(format!("{}", k + 1)).size(v.sizes.body));
                    ui.vertical(|ui| {
                        ui.set_max_width(col);
                        ui.label(RichText::new(step.text.show(v.lang)).size(v.sizes.body));
                        if let Some(Some(t)) = self.votes.get(k) {
                            let total: u32 = t.iter().sum();
                            let dist: Vec<String> = t
                                .iter()
                                .enumerate()
                                .map(|(i, n)| format!("{}:{}", char::from(b'A' + i as u8), n))
                                .collect();
                            ui.label(
                                RichText::new(format!(
                                    "{} {} ({total})",
                                    v.t("全班投票", "Class vote"),
                                    dist.join("  ")
                                ))
                                .size(v.sizes.small),
                            );
                        }
                        for s in &r.standards {
                            for e in s.evidence.iter().filter(|e| e.step == k) {
                                let color = if e.amount >= 0 { v.pal.good } else { v.pal.bad };
                                let line = format!(
                                    "{:+} {} — {}",
                                    e.amount,
                                    s.title.inline(v.lang),
                                    e.why.inline(v.lang)
                                );
                                ui.label(RichText::new(line).size(v.sizes.small).color(color));
                            }
                        }
                    });
                    ui.vertical(|ui| {
                        ui.set_max_width(col);
                        match r.expert.get(k) {
                            Some(e) if e == step => {
                                ui.label(
                                    RichText::new(v.t("√ 同专家一致", "√ same as the expert"))
                                        .size(v.sizes.small)
                                        .color(v.pal.good),
                                );
                            }
                            Some(e) => {
                                if left_here {
                                    ui.label(
                                        RichText::new(v.t(
                                            "！ 从这里偏离专家路径",
                                            "！ you left the expert path here",
                                        ))
                                        .size(v.sizes.small)
                                        .strong()
                                        .color(v.pal.bad),
                                    );
                                }
                                ui.label(RichText::new(e.text.show(v.lang)).size(v.sizes.body));
                            }
                            None => {}
                        }
                    });
                    if ui
                        .button(v.t("从这里重试", "Try again from here"))
                        .on_hover_text(format!("step {}", k + 1))
                        .clicked()
                    {
                        nav = Some(Nav::Resume(self.loaded.clone(), self.session.rewind_to(k)));
                    }
                    ui.end_row();
                }
            });
        if r.left_expert_at.is_some() {
            ui.add_space(v.sizes.body);
            ui.label(
                RichText::new(v.t("专家完整路径：", "The whole expert path:"))
                    .size(v.sizes.body)
                    .strong(),
            );
            for (k, e) in r.expert.iter().enumerate() {
                ui.label(
                    RichText::new(format!("{}. {}", k + 1, e.text.inline(v.lang)))
                        .size(v.sizes.small),
                );
            }
        }
        nav
    }
}
