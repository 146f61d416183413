//! Preferences kept between runs, in their own settings file: recent briefings, theme, text
//! size.
//! Briefings themselves live in their own files, never here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

const MAX_RECENT: usize = 10;
pub const STORAGE_KEY: &str = "briefing-notes.settings";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The briefing open when the app last closed.
    pub last_open: Option<PathBuf>,
    pub theme: ThemeChoice,
    pub text_size: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            last_open: None,
            theme: ThemeChoice::System,
            text_size: 17.0,
        }
    }
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(MAX_RECENT);
        self.last_open = Some(path);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_open.as_deref() == Some(path) {
            self.last_open = None;
        }
    }
}

impl Settings {
    /// Reads the settings file; a missing or damaged one gives the defaults (settings are
    /// conveniences, never worth refusing to start over).
    pub fn load(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        ron::Options::default().from_str(&text).ok()
    }

    /// Writes the settings file atomically.
    pub fn store(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        crate::atomic::write_atomic(path, text.as_bytes(), false)
    }
}

/// The settings in force, and the settings file as last written (written only on change).
pub struct Prefs {
    pub settings: Settings,
    written: Option<Settings>,
}

impl Prefs {
    pub fn new(settings: Settings) -> Self {
        Self {
            written: Some(settings.clone()),
            settings,
        }
    }

    /// Writes the settings file if the settings changed since it was last written.
    pub fn store(&mut self, places: &crate::places::Places) {
        if self.written.as_ref() == Some(&self.settings) {
            return;
        }
        if let Some(path) = places.settings_file()
            && self.settings.store(&path).is_ok()
        {
            self.written = Some(self.settings.clone());
        }
    }

    pub fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }
}
