//! Quiz mode: choose banks, draw a seeded quiz, answer with feedback, see results per standard.
//! On a projector, the room's answers are counted per option and revealed by the trainer.

use super::view::{Nav, View};
use super::widgets;
use crate::engine::quiz::{Answer, Draw, Drawn, Filter, QuizResult, draw, result};
use crate::load::Library;
use crate::model::quiz::{Question, QuestionKind};
use crate::model::{Lang, Text};
use crate::store::Progress;
use egui::{Button, Key, RichText, ScrollArea, TextEdit, Ui, vec2};
use std::sync::Arc;
use std::time::Duration;

/// The answer being composed for the current question.
#[derive(Default, Clone)]
struct Draft {
    single: Option<usize>,
    multi: Vec<bool>,
    tf: Option<bool>,
    order: Vec<usize>,
    number: String,
}

enum Stage {
    Setup,
    Asking {
        k: usize,
        submitted: bool,
        elapsed: Duration,
    },
    Results(QuizResult),
}

/// State of the quiz screen.
pub struct QuizView {
    selected: Vec<bool>,
    count: usize,
    difficulty: Option<crate::model::Difficulty>,
    standard: Option<crate::model::StandardId>,
    seed_text: String,
    practice: bool,
    stage: Stage,
    seed: u64,
    drawn: Vec<Drawn>,
    answers: Vec<Option<Answer>>,
    draft: Draft,
    tally: Vec<u32>,
    revealed: bool,
    next_seed: u64,
}

impl QuizView {
    /// A fresh setup screen; `next_seed` is used when the trainee leaves the seed empty.
    pub fn new(lib: &Library, count: usize, next_seed: u64) -> Self {
        QuizView {
            selected: vec![true; lib.banks.len()],
            count,
            difficulty: None,
            standard: None,
            seed_text: String::new(),
            practice: false,
            stage: Stage::Setup,
            seed: 0,
            drawn: Vec::new(),
            answers: Vec::new(),
            draft: Draft::default(),
            tally: Vec::new(),
            revealed: false,
            next_seed,
        }
    }

    /// The question being asked, if any (for tests and the projector view).
    pub fn current(&self) -> Option<&Drawn> {
        match self.stage {
            Stage::Asking { k, .. } => self.drawn.get(k),
            _ => None,
        }
    }

    /// The seed of the current quiz.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// True while a per-question countdown runs.
    pub fn timer_running(&self, seconds: u32) -> bool {
        seconds > 0
            && matches!(
                self.stage,
                Stage::Asking {
                    submitted: false,
                    ..
                }
            )
    }

    /// Let time pass; an unanswered question whose time runs out is submitted blank.
    pub fn tick(&mut self, dt: Duration, seconds: u32) {
        if seconds == 0 {
            return;
        }
        if let Stage::Asking {
            submitted: false,
            elapsed,
            ..
        } = &mut self.stage
        {
            *elapsed += dt;
            if elapsed.as_secs_f32() >= seconds as f32 {
                self.submit(None);
            }
        }
    }

    fn start(&mut self, lib: &Library, progress: &Progress) {
        let pool: Vec<Arc<Question>> = lib
            .banks
            .iter()
            .zip(&self.selected)
            .filter(|(_, on)| **on)
            .flat_map(|(b, _)| b.bank.questions.iter().cloned().map(Arc::new))
            .collect();
        // Short seeds, so a trainer can read one out to the room.
        self.seed = self
            .seed_text
            .trim()
            .parse()
            .unwrap_or(self.next_seed % 100_000);
        self.seed_text = self.seed.to_string();
        let how = if self.practice {
            Draw::Practice(&progress.leitner)
        } else {
            Draw::Uniform
        };
        let filter = Filter {
            standards: self.standard.iter().cloned().collect(),
            difficulty: self.difficulty,
        };
        self.drawn = draw(&pool, &filter, self.count, self.seed, how);
        self.answers = vec![None; self.drawn.len()];
        if !self.drawn.is_empty() {
            self.begin(0);
        }
    }

    fn begin(&mut self, k: usize) {
        let n = self.drawn[k].len();
        self.draft = Draft {
            multi: vec![false; n],
            order: Vec::new(),
            ..Draft::default()
        };
        self.tally = vec![0; n.max(2)];
        self.revealed = false;
        self.stage = Stage::Asking {
            k,
            submitted: false,
            elapsed: Duration::ZERO,
        };
    }

    fn draft_answer(&self, d: &Drawn) -> Option<Answer> {
        let f = &self.draft;
        match &d.question.kind {
            QuestionKind::Single { .. } => f.single.map(Answer::Single),
            QuestionKind::Multiple { .. } => {
                let picked: Vec<usize> = f
                    .multi
                    .iter()
                    .enumerate()
                    .filter(|(_, on)| **on)
                    .map(|(i, _)| i)
                    .collect();
                (!picked.is_empty()).then_some(Answer::Multiple(picked))
            }
            QuestionKind::TrueFalse { .. } => f.tf.map(Answer::TrueFalse),
            QuestionKind::Ordering { .. } => {
                (f.order.len() == d.len()).then(|| Answer::Ordering(f.order.clone()))
            }
            QuestionKind::Number { .. } => f.number.trim().parse().ok().map(Answer::Number),
        }
    }

    fn submit(&mut self, answer: Option<Answer>) {
        if let Stage::Asking { k, submitted, .. } = &mut self.stage {
            self.answers[*k] = answer;
            *submitted = true;
        }
    }

    fn next(&mut self, progress: &mut Progress) {
        let Stage::Asking { k, .. } = self.stage else {
            return;
        };
        if k + 1 < self.drawn.len() {
            self.begin(k + 1);
            return;
        }
        let res = result(self.seed, &self.drawn, &self.answers);
        for (d, c) in self.drawn.iter().zip(&res.credits) {
            progress.leitner.record(&d.question.id, c.unwrap_or(0.0));
        }
        progress.leitner.recent = self.drawn.iter().map(|d| d.question.id.clone()).collect();
        for (id, pct, _) in &res.standards {
            progress.quizzed.insert(id.clone(), *pct);
        }
        self.stage = Stage::Results(res);
    }

    /// Draw the screen.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        v: &View,
        lib: &Library,
        progress: &mut Progress,
    ) -> Option<Nav> {
        let mut nav = None;
        ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match &self.stage {
                Stage::Setup => nav = self.setup(ui, v, lib, progress),
                Stage::Asking {
                    k,
                    submitted,
                    elapsed,
                } => {
                    let (k, submitted, elapsed) = (*k, *submitted, *elapsed);
                    self.asking(ui, v, k, submitted, elapsed, progress);
                }
                Stage::Results(_) => nav = self.results(ui, v, lib, progress),
            });
        nav
    }

    fn setup(&mut self, ui: &mut Ui, v: &View, lib: &Library, progress: &Progress) -> Option<Nav> {
        let mut nav = None;
        ui.heading(v.t("知识测验", "Knowledge quiz"));
        for (b, on) in lib.banks.iter().zip(self.selected.iter_mut()) {
            ui.checkbox(
                on,
                format!(
                    "{} ({})",
                    b.bank.title.inline(v.lang),
                    b.bank.questions.len()
                ),
            );
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(v.t("题数", "Questions"));
            ui.add(egui::Slider::new(&mut self.count, 1..=30))
                .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(v.t(
                "随机种子（留空则随机；同一种子=同一份测验）",
                "Seed (empty = random; same seed = same quiz)",
            ));
            ui.add(TextEdit::singleline(&mut self.seed_text).desired_width(v.sizes.body * 8.0))
                .labelled_by(l.id);
        });
        self.filters(ui, v, lib);
        ui.checkbox(
            &mut self.practice,
            v.t(
                "练习模式：多出做错过的题",
                "Practice: favour questions I got wrong",
            ),
        );
        ui.horizontal_wrapped(|ui| {
            if ui
                .add(Button::new(
                    RichText::new(v.t("开始测验", "Start quiz")).size(v.sizes.choice),
                ))
                .clicked()
            {
                self.start(lib, progress);
            }
            if ui.button(v.t("返回书架", "Back to library")).clicked() {
                nav = Some(Nav::Library);
            }
        });
        if lib.banks.is_empty() {
            ui.label(v.t("没有题库。", "No question banks found."));
        }
        nav
    }

    fn filters(&mut self, ui: &mut Ui, v: &View, lib: &Library) {
        ui.horizontal_wrapped(|ui| {
            super::view::difficulty_filter(ui, v, &mut self.difficulty);
            let all = v.t("全部标准", "All standards");
            let shown = self
                .standard
                .as_ref()
                .map_or(all.clone(), |s| v.standard(s));
            egui::ComboBox::from_label(v.t("标准", "Standard"))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.standard, None, all);
                    for s in lib.rubric.iter().flat_map(|r| &r.standards) {
                        ui.selectable_value(
                            &mut self.standard,
                            Some(s.id.clone()),
                            s.title.inline(v.lang),
                        );
                    }
                });
        });
    }

    fn asking(
        &mut self,
        ui: &mut Ui,
        v: &View,
        k: usize,
        submitted: bool,
        elapsed: Duration,
        progress: &mut Progress,
    ) {
        let d = self.drawn[k].clone();
        let q = d.question.clone();
        ui.label(
            RichText::new(format!(
                "{} {}/{} · {} {}",
                v.t("第", "Question"),
                k + 1,
                self.drawn.len(),
                v.t("种子", "seed"),
                self.seed
            ))
            .size(v.sizes.small),
        );
        let secs = v.settings.quiz_seconds;
        if secs > 0 && !submitted {
            let rem = (secs as f32 - elapsed.as_secs_f32()).max(0.0);
            let c = widgets::Countdown {
                remaining: rem,
                total: secs as f32,
                paused: false,
            };
            widgets::countdown(
                ui,
                c,
                ui.available_width().min(v.sizes.body * 25.0),
                v.sizes,
                &v.pal,
                v.lang,
            );
        }
        ui.label(
            RichText::new(q.text.show(v.lang))
                .size(v.sizes.heading * 0.8)
                .strong(),
        );
        ui.add_space(v.sizes.body * 0.5);
        self.inputs(ui, v, &d, submitted);
        ui.add_space(v.sizes.body * 0.5);
        let enter =
            ui.input(|i| i.key_pressed(Key::Enter)) && !ui.ctx().egui_wants_keyboard_input();
        if !submitted {
            let ready = self.draft_answer(&d);
            let clicked = ui
                .add_enabled(
                    ready.is_some(),
                    Button::new(RichText::new(v.t("提交", "Submit")).size(v.sizes.choice)),
                )
                .clicked();
            if (clicked || enter) && ready.is_some() {
                self.submit(ready);
            }
        } else {
            let credit = self.answers[k].as_ref().map_or(0.0, |a| d.grade(a));
            let (msg, color) = match credit {
                c if c >= 1.0 => (v.t("√ 正确", "√ Right"), v.pal.good),
                c if c > 0.0 => (
                    format!("{} {:.0}%", v.t("部分正确", "Partly right"), c * 100.0),
                    v.pal.accent,
                ),
                _ => (v.t("× 不正确", "× Not right"), v.pal.bad),
            };
            ui.label(
                RichText::new(msg)
                    .size(v.sizes.heading * 0.8)
                    .strong()
                    .color(color),
            );
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    v.t("正确答案：", "Answer:"),
                    key_text(&d, v.lang)
                ))
                .size(v.sizes.body),
            );
            ui.label(RichText::new(q.explanation.show(v.lang)).size(v.sizes.body));
            let last = k + 1 == self.drawn.len();
            let label = if last {
                v.t("查看结果", "See results")
            } else {
                v.t("下一题", "Next question")
            };
            let next = ui
                .add(Button::new(RichText::new(label).size(v.sizes.choice)))
                .clicked();
            let advance = enter
                || (!ui.ctx().egui_wants_keyboard_input()
                    && ui
                        .input(|i| i.key_pressed(Key::PageDown) || i.key_pressed(Key::ArrowRight)));
            if next || advance {
                self.next(progress);
            }
        }
    }

    fn inputs(&mut self, ui: &mut Ui, v: &View, d: &Drawn, submitted: bool) {
        let keys = !submitted && !ui.ctx().egui_wants_keyboard_input();
        let size = v.sizes.choice;
        let width = ui.available_width();
        match &d.question.kind {
            QuestionKind::Single { options, .. } => {
                for (i, &o) in d.order.iter().enumerate() {
                    let on = self.draft.single == Some(i);
                    ui.horizontal(|ui| {
                        if v.projector {
                            self.room_counter(ui, v, i);
                        }
                        let b = Button::selectable(
                            on,
                            RichText::new(format!("{}. {}", i + 1, options[o].show(v.lang)))
                                .size(size),
                        )
                        .wrap()
                        .min_size(vec2(ui.available_width().min(width), size * 1.8));
                        if ui.add_enabled(!submitted, b).clicked()
                            || (keys && super::view::digit_pressed(ui, i))
                        {
                            self.draft.single = Some(i);
                        }
                    });
                }
                self.reveal_button(ui, v, submitted);
            }
            QuestionKind::Multiple { options, .. } => {
                for (i, &o) in d.order.iter().enumerate() {
                    let mut on = self.draft.multi[i];
                    let changed = ui
                        .add_enabled(
                            !submitted,
                            egui::Checkbox::new(
                                &mut on,
                                RichText::new(format!("{}. {}", i + 1, options[o].show(v.lang)))
                                    .size(size),
                            ),
                        )
                        .changed();
                    if changed || (keys && super::view::digit_pressed(ui, i)) {
                        self.draft.multi[i] = if changed { on } else { !self.draft.multi[i] };
                    }
                }
            }
            QuestionKind::TrueFalse { .. } => {
                for (i, (val, zh, en, key)) in [
                    (true, "对", "True", Key::Num1),
                    (false, "错", "False", Key::Num2),
                ]
                .into_iter()
                .enumerate()
                {
                    ui.horizontal(|ui| {
                        if v.projector {
                            self.room_counter(ui, v, i);
                        }
                        let b = Button::selectable(
                            self.draft.tf == Some(val),
                            RichText::new(v.t(zh, en)).size(size),
                        )
                        .min_size(vec2(size * 6.0, size * 1.8));
                        if ui.add_enabled(!submitted, b).clicked()
                            || (keys && ui.input(|i| i.key_pressed(key)))
                        {
                            self.draft.tf = Some(val);
                        }
                    });
                }
                self.reveal_button(ui, v, submitted);
            }
            QuestionKind::Ordering { steps } => {
                ui.label(
                    RichText::new(v.t(
                        "按正确顺序依次点击：",
                        "Click the steps in the right order:",
                    ))
                    .size(v.sizes.small),
                );
                for (i, &o) in d.order.iter().enumerate() {
                    let rank = self.draft.order.iter().position(|&x| x == i);
                    let text = match rank {
                        Some(r) => format!("[{}] {}", r + 1, steps[o].show(v.lang)),
                        None => format!("[ ] {}", steps[o].show(v.lang)),
                    };
                    let b = Button::new(RichText::new(text).size(size))
                        .wrap()
                        .min_size(vec2(width, size * 1.6));
                    if ui.add_enabled(!submitted && rank.is_none(), b).clicked() {
                        self.draft.order.push(i);
                    }
                }
                if !submitted
                    && !self.draft.order.is_empty()
                    && ui
                        .button(v.t("重新排序", "Start the order again"))
                        .clicked()
                {
                    self.draft.order.clear();
                }
            }
            QuestionKind::Number { unit, .. } => {
                ui.horizontal(|ui| {
                    let l = ui.label(RichText::new(v.t("答案", "Answer")).size(size));
                    ui.add_enabled(
                        !submitted,
                        TextEdit::singleline(&mut self.draft.number)
                            .desired_width(size * 5.0)
                            .font(egui::FontId::proportional(size)),
                    )
                    .labelled_by(l.id);
                    if let Some(u) = unit {
                        ui.label(RichText::new(u.inline(v.lang)).size(size));
                    }
                });
            }
        }
    }

    /// On a projector: reveal how the room answered (before the trainer submits the class's answer).
    fn reveal_button(&mut self, ui: &mut Ui, v: &View, submitted: bool) {
        if v.projector
            && !submitted
            && ui
                .button(v.t("揭晓全班答案分布", "Reveal the room's answers"))
                .clicked()
        {
            self.revealed = true;
        }
    }

    fn room_counter(&mut self, ui: &mut Ui, v: &View, i: usize) {
        widgets::hand_counter(
            ui,
            v,
            &(i + 1).to_string(),
            &mut self.tally,
            i,
            self.revealed,
        );
    }

    fn results(
        &mut self,
        ui: &mut Ui,
        v: &View,
        lib: &Library,
        progress: &Progress,
    ) -> Option<Nav> {
        let Stage::Results(res) = &self.stage else {
            return None;
        };
        let res = res.clone();
        let mut nav = None;
        ui.heading(format!(
            "{} {}/100",
            v.t("测验得分", "Quiz score"),
            res.percent
        ));
        ui.label(
            RichText::new(format!(
                "{} {} — {}",
                v.t("种子", "Seed"),
                res.seed,
                v.t(
                    "输入同一种子即可重做同一份测验",
                    "enter it to replay this exact quiz"
                )
            ))
            .size(v.sizes.body)
            .color(v.pal.accent),
        );
        let rows: Vec<(String, u8)> = res
            .standards
            .iter()
            .map(|(id, p, _)| (v.standard(id), *p))
            .collect();
        widgets::standard_bars(ui, &rows, v.sizes, &v.pal);
        ui.separator();
        for (k, (d, c)) in self.drawn.iter().zip(&res.credits).enumerate() {
            let mark = match c {
                Some(c) if *c >= 1.0 => "√",
                Some(c) if *c > 0.0 => "△",
                _ => "×",
            };
            // Each question opens to its answer and explanation, for review after the quiz.
            let title = RichText::new(format!(
                "{mark} {}. {}",
                k + 1,
                d.question.text.inline(v.lang)
            ))
            .size(v.sizes.small);
            egui::CollapsingHeader::new(title)
                .id_salt(("review", k))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} {}",
                            v.t("正确答案：", "Answer:"),
                            key_text(d, v.lang)
                        ))
                        .size(v.sizes.small),
                    );
                    ui.label(
                        RichText::new(d.question.explanation.show(v.lang)).size(v.sizes.small),
                    );
                });
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(v.t("同一份测验再做一次", "Same quiz again"))
                .clicked()
            {
                self.seed_text = res.seed.to_string();
                self.start(lib, progress);
            }
            if ui.button(v.t("新测验", "New quiz")).clicked() {
                self.seed_text.clear();
                self.next_seed = self
                    .next_seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                self.stage = Stage::Setup;
            }
            if ui.button(v.t("返回书架", "Back to library")).clicked() {
                nav = Some(Nav::Library);
            }
        });
        nav
    }
}

/// The correct answer, in display numbering.
fn key_text(d: &Drawn, lang: Lang) -> String {
    let item = |i: usize| -> String {
        let t: Option<&Text> = match &d.question.kind {
            QuestionKind::Single { options, .. } | QuestionKind::Multiple { options, .. } => {
                options.get(d.order[i])
            }
            QuestionKind::Ordering { steps } => steps.get(d.order[i]),
            _ => None,
        };
        format!("{}. {}", i + 1, t.map_or(String::new(), |t| t.inline(lang)))
    };
    match d.key() {
        Answer::Single(i) => item(i),
        Answer::Multiple(v) => v.into_iter().map(item).collect::<Vec<_>>().join("  ·  "),
        Answer::Ordering(v) => v.into_iter().map(item).collect::<Vec<_>>().join("  →  "),
        Answer::TrueFalse(b) => super::view::t(
            lang,
            if b { "对" } else { "错" },
            if b { "True" } else { "False" },
        ),
        Answer::Number(n) => n.to_string(),
    }
}
