//! The play screen: situation, customer and mood, the dialogue so far, and the choices.
//! Keys 1–9 choose, Backspace undoes (practice), Space pauses; in class-vote mode the
//! room's hands are counted per choice (A, B, C…) and the trainer reveals and plays.

use super::view::{Nav, View};
use super::widgets;
use crate::engine::rules::effects;
use crate::engine::{Action, Mode, Session};
use crate::load::LoadedScenario;
use crate::model::{Node, Speaker};
use egui::{Button, Key, RichText, ScrollArea, Ui, vec2};
use std::time::Duration;

/// State of the play screen.
pub struct PlayView {
    /// The running play.
    pub session: Session,
    /// The scenario as loaded (path, analysis).
    pub loaded: LoadedScenario,
    /// Class-vote counts per step already taken (None where no vote was held).
    pub votes: Vec<Option<Vec<u32>>>,
    /// Hands counted for the current node's choices.
    pub tally: Vec<u32>,
    /// Whether the current tally is revealed.
    pub revealed: bool,
    /// Class-vote mode (projector).
    pub class_vote: bool,
    /// A newer version of this scenario from disk, offered for replay.
    pub newer: Option<LoadedScenario>,
    /// Paused by the trainer (Space).
    pub paused: bool,
    /// Height of the choice list last frame, to size its panel.
    choices_h: f32,
}

impl PlayView {
    /// Start a play.
    pub fn new(loaded: LoadedScenario, mode: Mode, class_vote: bool) -> Option<Self> {
        let session = Session::new(loaded.scenario.clone(), mode)?;
        Some(Self::resume(loaded, session, class_vote))
    }

    /// Continue a given session.
    pub fn resume(loaded: LoadedScenario, session: Session, class_vote: bool) -> Self {
        let steps = session.steps().len();
        PlayView {
            session,
            loaded,
            votes: vec![None; steps],
            tally: Vec::new(),
            revealed: false,
            class_vote,
            newer: None,
            paused: false,
            choices_h: 0.0,
        }
    }

    /// Advance the clock; takes the timeout branch when time runs out.
    pub fn tick(&mut self, dt: Duration, focused: bool) {
        if self.paused || !focused || self.session.ending().is_some() {
            return;
        }
        if self.session.tick(dt) {
            let _ = self.session.time_out();
            self.after_step(None);
        }
    }

    /// True while a countdown is running (the app then keeps repainting).
    pub fn timer_running(&self) -> bool {
        !self.paused && self.session.remaining().is_some() && self.session.ending().is_none()
    }

    fn choose(&mut self, i: usize) {
        let votes =
            (self.class_vote && self.tally.iter().any(|&v| v > 0)).then(|| self.tally.clone());
        if self.session.choose(i).is_ok() {
            self.after_step(votes);
        }
    }

    fn after_step(&mut self, votes: Option<Vec<u32>>) {
        self.votes.push(votes);
        self.tally.clear();
        self.revealed = false;
    }

    fn undo(&mut self) {
        if self.session.undo().is_ok() {
            self.votes.pop();
            self.tally.clear();
            self.revealed = false;
        }
    }

    /// Replay the same choices on the newer version of the scenario.
    pub fn adopt_newer(&mut self) {
        let Some(newer) = self.newer.take() else {
            return;
        };
        let actions: Vec<Action> = self.session.steps().iter().map(|s| s.action).collect();
        if let Some((s, done)) =
            Session::replay(newer.scenario.clone(), self.session.mode(), &actions)
        {
            self.session = s;
            self.votes.truncate(done);
            self.votes.resize(done, None);
            self.loaded = newer;
        }
    }

    /// Keyboard: digits choose, Backspace undoes, Space pauses, PageDown/→ advance a vote.
    fn keys(&mut self, ui: &Ui, offered: usize) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let pressed = |k: Key| ui.input(|i| i.key_pressed(k));
        if let Some(i) = (0..offered).find(|&i| super::view::digit_pressed(ui, i)) {
            self.choose(i);
            return;
        }
        if pressed(Key::Backspace) && self.session.mode() == Mode::Practice {
            self.undo();
        }
        let advance = pressed(Key::PageDown) || pressed(Key::ArrowRight);
        if self.class_vote
            && (advance || (pressed(Key::Space) && self.session.node().time_limit.is_none()))
        {
            self.advance_vote();
        } else if pressed(Key::Space) {
            self.paused = !self.paused;
        }
    }

    /// Clicker "next": reveal the tally, then play the majority.
    fn advance_vote(&mut self) {
        if !self.revealed {
            self.revealed = true;
        } else if let Some(i) = majority(&self.tally) {
            self.choose(i);
        }
    }

    /// Draw the screen.
    pub fn ui(&mut self, ui: &mut Ui, v: &View) -> Option<Nav> {
        let offered = self.session.offered().len();
        self.keys(ui, offered);
        // Keys may have moved the play on: read what is offered now.
        let offered = self.session.offered();
        if self.tally.len() != offered.len() {
            self.tally = vec![0; offered.len()];
        }
        let mut nav = None;
        if self.newer.is_some() {
            self.reload_banner(ui, v);
        }
        let sc = self.session.scenario().clone();
        ui.horizontal_wrapped(|ui| {
            ui.heading(
                RichText::new(sc.title.inline(v.lang))
                    .strong()
                    .color(v.pal.text),
            );
            if ui.button(v.t("返回书架", "Back to library")).clicked() {
                nav = Some(Nav::Library);
            }
        });
        ui.label(v.text(
            format!(
                "{} · {}",
                sc.setting.industry.inline(v.lang),
                sc.setting.role.inline(v.lang)
            ),
            v.sizes.small,
        ));
        self.customer_panel(ui, v);
        ui.separator();
        // Choices are pinned to the bottom (scrolling if they are very long); the dialogue
        // fills the rest and keeps its newest line in view.
        // The panel is sized from the choices' measured height last frame (a panel cannot
        // grow to fit a scroll area inside it), capped so the dialogue keeps some room.
        let avail = ui.available_height();
        let hints_h = v.sizes.small * 2.6;
        let height = (self.choices_h + hints_h + 16.0).min(avail * 0.75);
        egui::Panel::bottom("choices")
            .resizable(false)
            .exact_size(height)
            .frame(egui::Frame::new())
            .show(ui, |ui| {
                ui.separator();
                let out = ScrollArea::vertical()
                    .id_salt("choices-scroll")
                    .max_height((ui.available_height() - hints_h).max(v.sizes.choice))
                    .show(ui, |ui| {
                        self.feedback(ui, v);
                        self.choices(ui, v, &offered);
                    });
                if (out.content_size.y - self.choices_h).abs() > 0.5 {
                    self.choices_h = out.content_size.y;
                    ui.ctx().request_repaint();
                }
                self.hints(ui, v);
            });
        ScrollArea::vertical()
            .id_salt("transcript")
            .stick_to_bottom(true)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.transcript(ui, v);
            });
        nav
    }

    fn reload_banner(&mut self, ui: &mut Ui, v: &View) {
        egui::Frame::new()
            .fill(v.pal.accent.gamma_multiply(0.3))
            .inner_margin(8.0)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(v.t("场景文件已更新。", "This scenario changed on disk."));
                    if ui
                        .button(v.t(
                            "在新版本上重放我的选择",
                            "Replay my choices on the new version",
                        ))
                        .clicked()
                    {
                        self.adopt_newer();
                    }
                    if ui
                        .button(v.t("继续旧版本", "Keep playing this version"))
                        .clicked()
                    {
                        self.newer = None;
                    }
                });
            });
    }

    /// The customer's most recent emotion in this play (nodes without a customer line keep the last one).
    fn last_emotion(&self) -> Option<crate::model::Emotion> {
        let sc = self.session.scenario();
        let nodes = std::iter::once(self.session.node()).chain(
            self.session
                .steps()
                .iter()
                .rev()
                .map(|st| &sc.nodes[st.node]),
        );
        nodes
            .flat_map(|n| n.lines.iter().rev())
            .find(|l| l.who == Speaker::Customer)
            .map(|l| l.emotion)
    }

    fn customer_panel(&mut self, ui: &mut Ui, v: &View) {
        let sc = self.session.scenario().clone();
        let node = self.session.node();
        let emotion = self.last_emotion();
        let mood = ui.ctx().animate_value_with_time(
            egui::Id::unique("mood-meter"),
            f32::from(self.session.mood()),
            0.5,
        );
        // Who, how they feel, the mood and the clock on one row: the room reads it at a glance.
        let width = (ui.available_width() * 0.3).max(v.sizes.body * 10.0);
        ui.horizontal_wrapped(|ui| {
            let who = sc.setting.customer.name.inline(v.lang);
            let feel = emotion
                .map(|e| format!(" — {}", e.label().inline(v.lang)))
                .unwrap_or_default();
            ui.label(
                RichText::new(format!("{who}{feel}"))
                    .size(v.sizes.body)
                    .strong(),
            );
            if !(v.settings.hide_scores && v.projector) {
                widgets::meter(ui, &v.t("心情", "Mood"), mood, width, v.sizes, &v.pal);
            }
            if let (Some(rem), Some(t)) = (self.session.remaining(), node.time_limit.as_ref()) {
                let c = widgets::Countdown {
                    remaining: rem.as_secs_f32(),
                    total: t.seconds as f32,
                    paused: self.paused,
                };
                widgets::countdown(ui, c, width, v.sizes, &v.pal, v.lang);
            }
        });
    }

    /// The current node's picture, if the author gave one (checked at load to stay inside the folder).
    fn picture(&self, ui: &mut Ui, v: &View) {
        let Some(img) = &self.session.node().image else {
            return;
        };
        let path = self
            .loaded
            .path
            .parent()
            .unwrap_or(std::path::Path::new("."))
            .join(img);
        let uri = format!("file://{}", path.display());
        ui.add(
            egui::Image::new(uri)
                .max_height(v.sizes.body * 14.0)
                .alt_text(img.as_str()),
        );
    }

    fn node_text(ui: &mut Ui, v: &View, node: &Node, customer: &str) {
        if let Some(n) = &node.narration {
            ui.label(
                RichText::new(n.show(v.lang))
                    .size(v.sizes.body)
                    .color(v.pal.text),
            );
        }
        for line in &node.lines {
            let who = match &line.who {
                Speaker::Customer => customer.to_string(),
                Speaker::Trainee => v.t("你", "You"),
                Speaker::Other(t) => t.inline(v.lang),
            };
            ui.label(
                RichText::new(format!("{who}（{}）：", line.emotion.label().get(v.lang)))
                    .size(v.sizes.small)
                    .strong(),
            );
            ui.label(RichText::new(line.text.show(v.lang)).size(v.sizes.body));
        }
    }

    fn transcript(&self, ui: &mut Ui, v: &View) {
        let sc = self.session.scenario();
        let customer = sc.setting.customer.name.inline(v.lang);
        let history = if v.projector {
            &[][..]
        } else {
            self.session.steps()
        };
        for step in history {
            Self::node_text(ui, v, &sc.nodes[step.node], &customer);
            let said = match step.action {
                Action::Choose(c) => sc.nodes[step.node].choices[c].text.show(v.lang),
                Action::Timeout => v.t(
                    "（时间到，你没有回应）",
                    "(time ran out — you did not respond)",
                ),
            };
            ui.label(
                RichText::new(format!("→ {said}"))
                    .size(v.sizes.body)
                    .color(v.pal.accent),
            );
            ui.add_space(v.sizes.body * 0.5);
        }
        self.picture(ui, v);
        Self::node_text(ui, v, self.session.node(), &customer);
    }

    /// In practice mode (unless scores are hidden), what the last choice did.
    fn feedback(&self, ui: &mut Ui, v: &View) {
        if v.settings.hide_scores || self.session.mode() != Mode::Practice {
            return;
        }
        let Some(step) = self.session.steps().last() else {
            return;
        };
        let sc = self.session.scenario();
        for (id, amount) in effects(sc, step.node, step.action) {
            let color = if amount >= 0 { v.pal.good } else { v.pal.bad };
            ui.label(
                RichText::new(format!("{amount:+}  {}", v.standard(id)))
                    .size(v.sizes.small)
                    .color(color),
            );
        }
    }

    fn choices(&mut self, ui: &mut Ui, v: &View, offered: &[usize]) {
        let node = self.session.node().clone();
        let width = ui.available_width();
        let mut picked = None;
        for (i, &c) in offered.iter().enumerate() {
            let mark = if self.class_vote {
                char::from(b'A' + i as u8).to_string()
            } else {
                (i + 1).to_string()
            };
            let text = format!("{mark}.  {}", node.choices[c].text.show(v.lang));
            ui.horizontal(|ui| {
                if self.class_vote {
                    self.vote_counter(ui, v, i);
                }
                let w = ui.available_width().min(width);
                // Left-aligned, like reading a line of dialogue; tall enough to hit from across a desk.
                let button =
                    Button::new(RichText::new(text).size(v.sizes.choice).color(v.pal.text))
                        .wrap()
                        .right_text("")
                        .min_size(vec2(w, v.sizes.choice * 2.4));
                if ui.add(button).clicked() {
                    picked = Some(i);
                }
            });
        }
        let mut advance = false;
        if self.class_vote && !offered.is_empty() {
            ui.horizontal(|ui| {
                let label = if self.revealed {
                    v.t("按多数执行", "Play the majority")
                } else {
                    v.t("揭晓投票", "Reveal the vote")
                };
                advance = ui.button(label).clicked();
            });
        }
        // Act after drawing, so the whole list is drawn from one state.
        if let Some(i) = picked {
            self.choose(i);
        } else if advance {
            self.advance_vote();
        }
    }

    fn vote_counter(&mut self, ui: &mut Ui, v: &View, i: usize) {
        let letter = char::from(b'A' + i as u8).to_string();
        widgets::hand_counter(ui, v, &letter, &mut self.tally, i, self.revealed);
    }

    fn hints(&self, ui: &mut Ui, v: &View) {
        let mut h = v.t("数字键 1–9 选择", "Keys 1–9 choose");
        if self.session.mode() == Mode::Practice {
            h.push_str(&format!(" · {}", v.t("退格键 撤销", "Backspace undo")));
        }
        if self.session.node().time_limit.is_some() {
            h.push_str(&format!(" · {}", v.t("空格 暂停", "Space pause")));
        }
        if self.class_vote {
            h.push_str(&format!(
                " · {}",
                v.t("翻页键 揭晓／按多数执行", "PageDown reveal / play majority")
            ));
        }
        h.push_str(" · F5 ");
        h.push_str(&v.t("投影模式", "projector"));
        ui.label(RichText::new(h).size(v.sizes.small));
    }
}

/// The choice most hands went up for (the first on a tie); None if nobody voted.
pub fn majority(tally: &[u32]) -> Option<usize> {
    let max = *tally.iter().max()?;
    (max > 0)
        .then(|| tally.iter().position(|&v| v == max))
        .flatten()
}
