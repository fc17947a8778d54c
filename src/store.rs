//! The trainee's settings and progress on disk. Writes are atomic (temp file,
//! fsync, rename, fsync the folder) so a crash never leaves half a file; a file
//! that cannot be read is moved aside as `*.corrupt` and reported, never overwritten.

use crate::engine::Mode;
use crate::engine::quiz::Leitner;
use crate::model::{Lang, StandardId, Waterfall};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

/// Colour scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Dark background.
    #[default]
    Dark,
    /// Light background.
    Light,
    /// Black and white with yellow accents, for projectors and low vision.
    HighContrast,
}

/// What the trainee chose in Settings; survives restarts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Language of content and interface.
    pub lang: Lang,
    /// Colour scheme.
    pub theme: Theme,
    /// Text size multiplier (0.8–2.0).
    pub text_scale: f32,
    /// Practice (undo, instant feedback) or assessed.
    pub mode: Mode,
    /// Hide scores and feedback until the debrief (class use).
    pub hide_scores: bool,
    /// Questions per quiz.
    pub quiz_count: usize,
    /// Seconds per quiz question (0 = no limit).
    pub quiz_seconds: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Both,
            theme: Theme::Dark,
            text_scale: 1.0,
            mode: Mode::Practice,
            hide_scores: false,
            quiz_count: 10,
            quiz_seconds: 0,
        }
    }
}

/// The trainee's record on one scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScenarioRecord {
    /// Completed plays.
    pub plays: u32,
    /// Best overall score, 0–100.
    pub best: u8,
    /// Best waterfall level reached.
    pub best_waterfall: Option<Waterfall>,
}

/// Everything kept about the trainee's progress.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Per scenario id.
    pub scenarios: BTreeMap<String, ScenarioRecord>,
    /// Latest 0–100 per standard from role-plays.
    pub played: BTreeMap<StandardId, u8>,
    /// Latest 0–100 per standard from quizzes.
    pub quizzed: BTreeMap<StandardId, u8>,
    /// Quiz history for practice draws.
    pub leitner: Leitner,
}

impl Progress {
    /// Record a finished play.
    pub fn record_play(&mut self, report: &crate::engine::Report) {
        let rec = self.scenarios.entry(report.scenario.clone()).or_default();
        rec.plays += 1;
        rec.best = rec.best.max(report.overall);
        if let Some(o) = &report.outcome {
            rec.best_waterfall = Some(
                rec.best_waterfall
                    .map_or(o.waterfall, |w| w.min(o.waterfall)),
            );
        }
        for s in &report.standards {
            self.played.insert(s.id.clone(), s.percent);
        }
    }

    /// Combined 0–100 per standard: the mean of role-play and quiz evidence where both exist.
    pub fn combined(&self) -> BTreeMap<StandardId, u8> {
        let mut out = self.played.clone();
        for (id, q) in &self.quizzed {
            out.entry(id.clone())
                .and_modify(|p| *p = ((u16::from(*p) + u16::from(*q)) / 2) as u8)
                .or_insert(*q);
        }
        out
    }
}

/// A folder holding `settings.ron` and `progress.ron`.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The default folder: `$SERVICE_DOJO_DATA`, else `$XDG_DATA_HOME/service-dojo`, else `~/.local/share/service-dojo`.
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("SERVICE_DOJO_DATA") {
            return PathBuf::from(d);
        }
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .unwrap_or_else(std::env::temp_dir);
        base.join("service-dojo")
    }

    /// A store in `dir` (created on first save).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Store { dir: dir.into() }
    }

    /// Read `name`; a missing file gives the default, a broken one is moved aside with a warning.
    pub fn load<T: DeserializeOwned + Default>(&self, name: &str) -> (T, Option<String>) {
        let path = self.dir.join(name);
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (T::default(), None),
            Err(e) => {
                return (
                    T::default(),
                    Some(format!("could not read {}: {e}", path.display())),
                );
            }
        };
        match ron::from_str(&text) {
            Ok(v) => (v, None),
            Err(e) => {
                let aside = path.with_extension("ron.corrupt");
                let moved = fs::rename(&path, &aside).is_ok();
                let msg = format!(
                    "{}:{}: could not be read ({}); {}",
                    path.display(),
                    e.span.start,
                    e.code,
                    if moved {
                        format!("kept as {}", aside.display())
                    } else {
                        "left in place".into()
                    }
                );
                (T::default(), Some(msg))
            }
        }
    }

    /// Write `name` atomically.
    pub fn save<T: Serialize>(&self, name: &str, value: &T) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        let tmp = self.dir.join(format!(".{name}.{}.tmp", std::process::id()));
        {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
        }
        fs::rename(&tmp, self.dir.join(name))?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_sets_corrupt_files_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut s = Settings {
            theme: Theme::HighContrast,
            ..Settings::default()
        };
        store.save("settings.ron", &s).unwrap();
        assert_eq!(store.load::<Settings>("settings.ron"), (s.clone(), None));
        std::fs::write(dir.path().join("settings.ron"), "(theme: Purple").unwrap();
        let (loaded, warn) = store.load::<Settings>("settings.ron");
        assert_eq!(loaded, Settings::default());
        assert!(warn.unwrap().contains("kept as"));
        assert!(dir.path().join("settings.ron.corrupt").exists());
        s.lang = Lang::En;
        store.save("settings.ron", &s).unwrap();
        assert_eq!(store.load::<Settings>("settings.ron").0.lang, Lang::En);
        // No temp files left behind.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }
}
