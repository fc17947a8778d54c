//! The eframe app: which screen is showing, global keys, live reload, persistence.

use super::debrief::DebriefView;
use super::library::{LibraryView, Shelf};
use super::play::PlayView;
use super::quiz::QuizView;
use super::theme::{self, Sizes};
use super::view::{Nav, View, t};
use super::watch::Watcher;
use crate::engine::Report;
use crate::load::{Diagnostic, Library, LoadedScenario};
use crate::store::{Progress, Settings, Store, Theme};
use egui::{Key, RichText, Ui, ViewportCommand};
use std::path::PathBuf;
use std::time::Duration;

/// How often a running countdown is redrawn: smooth enough to read, cheap on software rendering.
const TIMER_FRAME: Duration = Duration::from_millis(200);

/// Everything injectable, so tests never touch the user's files or clock.
#[derive(Clone, Debug)]
pub struct AppOptions {
    /// The scenarios folder.
    pub scenarios: PathBuf,
    /// Where settings and progress are kept.
    pub data_dir: PathBuf,
    /// Watch the folder for edits.
    pub watch: bool,
    /// Seed for quizzes started without one.
    pub seed: u64,
}

/// Which screen is showing.
pub enum Screen {
    /// Scenario cards.
    Library,
    /// A play in progress.
    Play(Box<PlayView>),
    /// A finished play.
    Debrief(Box<DebriefView>),
    /// Settings and standards progress.
    Settings,
    /// Quiz setup, questions, results.
    Quiz(Box<QuizView>),
    /// A scenario's branch map.
    Map(Box<LoadedScenario>),
}

/// The app.
pub struct DojoApp {
    opts: AppOptions,
    store: Store,
    /// The trainee's settings (saved on change).
    pub settings: Settings,
    saved_settings: Settings,
    /// The trainee's progress (saved on change).
    pub progress: Progress,
    saved_progress: Progress,
    /// The loaded scenarios folder.
    pub library: Library,
    /// Scenarios whose latest edit is broken, kept at their last good version.
    pub stale: Vec<(LoadedScenario, Diagnostic)>,
    /// The current screen.
    pub screen: Screen,
    /// Projector (classroom) mode.
    pub projector: bool,
    /// Messages for the trainee (e.g. a settings file that could not be read).
    pub notices: Vec<String>,
    library_view: LibraryView,
    watcher: Option<Watcher>,
    last_time: Option<f64>,
    applied: Option<(Theme, Sizes)>,
    quiz_seed: u64,
    frames: u64,
}

impl DojoApp {
    /// Build the app: fonts, settings, progress, library, watcher.
    pub fn new(ctx: &egui::Context, opts: AppOptions) -> Self {
        theme::install_fonts(ctx);
        // Scenario pictures are PNG or JPEG files read from disk.
        egui_extras::install_image_loaders(ctx);
        let store = Store::new(&opts.data_dir);
        let (settings, w1) = store.load::<Settings>("settings.ron");
        let (progress, w2) = store.load::<Progress>("progress.ron");
        let library = Library::load(&opts.scenarios);
        let watcher = if opts.watch {
            let c = ctx.clone();
            Watcher::new(&opts.scenarios, move || c.request_repaint()).ok()
        } else {
            None
        };
        DojoApp {
            store,
            saved_settings: settings.clone(),
            settings,
            saved_progress: progress.clone(),
            progress,
            library,
            stale: Vec::new(),
            screen: Screen::Library,
            projector: false,
            notices: [w1, w2].into_iter().flatten().collect(),
            library_view: LibraryView::default(),
            watcher,
            last_time: None,
            applied: None,
            quiz_seed: opts.seed,
            frames: 0,
            opts,
        }
    }

    fn sizes(&self) -> Sizes {
        if self.projector {
            Sizes::projector()
        } else {
            Sizes::desk(self.settings.text_scale)
        }
    }

    fn theme(&self) -> Theme {
        if self.projector {
            Theme::HighContrast
        } else {
            self.settings.theme
        }
    }

    /// Turn projector mode on or off: fullscreen, high contrast, large type, class vote.
    pub fn set_projector(&mut self, ctx: &egui::Context, on: bool) {
        self.projector = on;
        ctx.send_viewport_cmd(ViewportCommand::Fullscreen(on));
        if let Screen::Play(p) = &mut self.screen {
            p.class_vote = on;
        }
    }

    /// Reload the folder after an edit; keep the last good version of a scenario whose edit broke it.
    pub fn reload(&mut self) {
        let new = Library::load(&self.opts.scenarios);
        let mut stale: Vec<(LoadedScenario, Diagnostic)> = Vec::new();
        for old in self
            .library
            .scenarios
            .iter()
            .chain(self.stale.iter().map(|s| &s.0))
        {
            let still_good = new.scenarios.iter().any(|s| s.path == old.path);
            let error = new
                .diagnostics
                .iter()
                .find(|d| d.file == old.path && d.is_error());
            if let (false, Some(d)) = (still_good, error)
                && !stale.iter().any(|s| s.0.path == old.path)
            {
                stale.push((old.clone(), d.clone()));
            }
        }
        if let Screen::Play(p) = &mut self.screen
            && let Some(n) = new.scenarios.iter().find(|s| s.path == p.loaded.path)
            && self.library.sources.get(&n.path) != new.sources.get(&n.path)
        {
            p.newer = Some(n.clone());
        }
        // A trainer watching the branch map sees the edit at once.
        if let Screen::Map(m) = &mut self.screen
            && let Some(n) = new.scenarios.iter().find(|s| s.path == m.path)
        {
            **m = n.clone();
        }
        self.library = new;
        self.stale = stale;
    }

    fn go(&mut self, ctx: &egui::Context, nav: Nav) {
        match nav {
            Nav::Library => self.screen = Screen::Library,
            Nav::Settings => self.screen = Screen::Settings,
            Nav::Quiz => {
                self.quiz_seed = self
                    .quiz_seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1);
                self.screen = Screen::Quiz(Box::new(QuizView::new(
                    &self.library,
                    self.settings.quiz_count,
                    self.quiz_seed,
                )));
            }
            Nav::Play(loaded) => {
                if let Some(p) = PlayView::new(loaded, self.settings.mode, self.projector) {
                    self.screen = Screen::Play(Box::new(p));
                }
            }
            Nav::Resume(loaded, session) => {
                self.screen =
                    Screen::Play(Box::new(PlayView::resume(loaded, session, self.projector)))
            }
            Nav::Map(loaded) => self.screen = Screen::Map(Box::new(loaded)),
            Nav::ToggleProjector => self.set_projector(ctx, !self.projector),
        }
    }

    /// When a play reaches its ending: record it and show the debrief.
    fn finish_play(&mut self) {
        let Screen::Play(p) = &self.screen else {
            return;
        };
        if p.session.ending().is_none() {
            return;
        }
        let rubric = self.library.rubric.clone().unwrap_or_default();
        let report = Report::new(&p.session, &p.loaded.analysis, &rubric);
        self.progress.record_play(&report);
        let d = DebriefView {
            report,
            session: p.session.clone(),
            loaded: p.loaded.clone(),
            votes: p.votes.clone(),
        };
        self.screen = Screen::Debrief(Box::new(d));
    }

    fn persist(&mut self) {
        if self.settings != self.saved_settings {
            self.settings.text_scale = self.settings.text_scale.clamp(0.8, 2.0);
            match self.store.save("settings.ron", &self.settings) {
                Ok(()) => self.saved_settings = self.settings.clone(),
                Err(e) => self.notices.push(format!("could not save settings: {e}")),
            }
        }
        if self.progress != self.saved_progress {
            match self.store.save("progress.ron", &self.progress) {
                Ok(()) => self.saved_progress = self.progress.clone(),
                Err(e) => self.notices.push(format!("could not save progress: {e}")),
            }
        }
    }

    /// Time passing: only while a timer runs, the window is focused and nothing is paused.
    fn clock(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let dt = Duration::from_secs_f64((now - self.last_time.unwrap_or(now)).clamp(0.0, 1.0));
        self.last_time = Some(now);
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        match &mut self.screen {
            Screen::Play(p) => {
                p.tick(dt, focused);
                // Unfocused, the clock is stopped: egui wakes us when focus returns.
                if focused && p.timer_running() {
                    ctx.request_repaint_after(TIMER_FRAME);
                }
            }
            Screen::Quiz(q) if focused => {
                q.tick(dt, self.settings.quiz_seconds);
                if q.timer_running(self.settings.quiz_seconds) {
                    ctx.request_repaint_after(TIMER_FRAME);
                }
            }
            _ => {}
        }
    }

    fn global_keys(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.key_pressed(Key::F5)) {
            self.set_projector(ctx, !self.projector);
        }
        if ctx.input(|i| i.key_pressed(Key::Escape)) && !ctx.egui_wants_keyboard_input() {
            if self.projector {
                self.set_projector(ctx, false);
            } else if !matches!(self.screen, Screen::Library) {
                self.screen = Screen::Library;
            }
        }
    }

    fn top_bar(&mut self, ui: &mut Ui) -> Option<Nav> {
        let lang = self.settings.lang;
        let mut nav = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new("Service Dojo 服务道场")
                    .strong()
                    .size(self.sizes().body),
            );
            ui.separator();
            if ui.button(t(lang, "场景书架", "Library")).clicked() {
                nav = Some(Nav::Library);
            }
            if ui.button(t(lang, "知识测验", "Quiz")).clicked() {
                nav = Some(Nav::Quiz);
            }
            if ui.button(t(lang, "设置", "Settings")).clicked() {
                nav = Some(Nav::Settings);
            }
            let proj = if self.projector {
                t(lang, "退出投影 (F5)", "Leave projector (F5)")
            } else {
                t(lang, "投影模式 (F5)", "Projector (F5)")
            };
            if ui.button(proj).clicked() {
                nav = Some(Nav::ToggleProjector);
            }
        });
        for n in &self.notices {
            ui.label(RichText::new(n).color(theme::palette(self.theme()).bad));
        }
        nav
    }

    fn screen_ui(&mut self, ui: &mut Ui) -> Option<Nav> {
        let mut screen = std::mem::replace(&mut self.screen, Screen::Library);
        let mut settings = self.settings.clone();
        let mut library_view = std::mem::take(&mut self.library_view);
        let nav = {
            // Field by field (not `self.view()`), so the quiz can update progress while `v` is alive.
            let v = View {
                lang: self.settings.lang,
                sizes: self.sizes(),
                pal: theme::palette(self.theme()),
                projector: self.projector,
                settings: &self.settings,
                rubric: self.library.rubric.as_deref(),
            };
            match &mut screen {
                Screen::Library => {
                    let shelf = Shelf {
                        library: &self.library,
                        stale: &self.stale,
                        progress: &self.progress,
                    };
                    library_view.ui(ui, &v, &shelf)
                }
                Screen::Play(p) => p.ui(ui, &v),
                Screen::Debrief(d) => d.ui(ui, &v),
                Screen::Settings => super::settings::ui(ui, &v, &mut settings, &self.progress),
                Screen::Map(loaded) => super::map::ui(ui, &v, loaded),
                Screen::Quiz(q) => q.ui(ui, &v, &self.library, &mut self.progress),
            }
        };
        self.settings = settings;
        self.library_view = library_view;
        self.screen = screen;
        nav
    }
}

impl eframe::App for DojoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.watcher.as_ref().is_some_and(Watcher::changed) {
            self.reload();
        }
        let key = (self.theme(), self.sizes());
        if self.applied != Some(key) {
            theme::apply(&ctx, key.0, key.1);
            self.applied = Some(key);
        }
        self.global_keys(&ctx);
        self.clock(&ctx);
        let mut nav = None;
        egui::Panel::top("top").show(ui, |ui| nav = self.top_bar(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(n) = self.screen_ui(ui) {
                nav = Some(n);
            }
        });
        if let Some(n) = nav {
            self.go(&ctx, n);
        }
        self.finish_play();
        self.persist();
        self.frames += 1;
        if self.frames == 2
            && std::env::var_os("SERVICE_DOJO_TIMING").is_some()
            && let Some(t) = super::STARTED.get()
        {
            eprintln!(
                "second frame after {:.0} ms",
                t.elapsed().as_secs_f64() * 1000.0
            );
        }
    }
}
