//! The desktop app (egui only here): screens render engine state and send actions.

pub mod app;
pub mod debrief;
pub mod library;
pub mod map;
pub mod play;
pub mod quiz;
pub mod settings;
pub mod theme;
pub mod view;
pub mod watch;
pub mod widgets;

pub use app::{AppOptions, DojoApp};

/// When `run` was called, for the start-up figure printed with `SERVICE_DOJO_TIMING=1`.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Open the window on the given options.
pub fn run(opts: AppOptions) -> eframe::Result {
    STARTED.get_or_init(std::time::Instant::now);
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Service Dojo 服务道场")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 480.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Service Dojo",
        native,
        Box::new(move |cc| Ok(Box::new(DojoApp::new(&cc.egui_ctx, opts)))),
    )
}
