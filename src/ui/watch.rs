//! Live reload: watch the scenarios folder and wake the UI when a file changes.

use notify_debouncer_mini::{
    DebounceEventResult, Debouncer, new_debouncer, notify::RecommendedWatcher,
    notify::RecursiveMode,
};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher>,
    rx: Receiver<()>,
}

impl Watcher {
    /// Watch `dir` recursively; `wake` is called (from another thread) after each burst of changes.
    pub fn new(dir: &Path, wake: impl Fn() + Send + 'static) -> Result<Self, String> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(
            Duration::from_millis(250),
            move |res: DebounceEventResult| {
                if let Ok(events) = res
                    && events
                        .iter()
                        .any(|e| e.path.extension().is_some_and(|x| x == "ron"))
                {
                    let _ = tx.send(());
                    wake();
                }
            },
        )
        .map_err(|e| e.to_string())?;
        debouncer
            .watcher()
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        Ok(Watcher {
            _debouncer: debouncer,
            rx,
        })
    }

    /// True if anything changed since the last call.
    pub fn changed(&self) -> bool {
        let mut any = false;
        while self.rx.try_recv().is_ok() {
            any = true;
        }
        any
    }
}
