//! Preferences kept between runs, in their own settings file: recent briefings, theme, text
//! size.
//! Briefings themselves live in their own files, never here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::view_memory::ViewMemory;

const MAX_RECENT: usize = 10;
/// The reader's text size by default; the rest of the window scales with it.
pub const DEFAULT_TEXT_SIZE: f32 = 17.0;
pub const TEXT_SIZES: std::ops::RangeInclusive<f32> = 12.0..=28.0;
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
    pub show_outline: bool,
    pub show_claims: bool,
    /// Folders files were last opened from or saved to, most recent first.
    pub recent_folders: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            last_open: None,
            theme: ThemeChoice::System,
            text_size: DEFAULT_TEXT_SIZE,
            show_outline: true,
            show_claims: true,
            recent_folders: Vec::new(),
        }
    }
}

impl Settings {
    /// Notes the folder of a file just opened, added or written: file dialogs start there.
    pub fn used_folder(&mut self, file: &Path) {
        let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) else {
            return;
        };
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
        self.recent_folders.retain(|p| p != &dir);
        self.recent_folders.insert(0, dir);
        self.recent_folders.truncate(MAX_RECENT);
    }

    /// Where a file dialog starts when nothing else says: the last folder used, else
    /// Documents, else home.
    pub fn start_folder(&self) -> PathBuf {
        self.recent_folders
            .iter()
            .find(|p| p.is_dir())
            .cloned()
            .unwrap_or_else(super::browser::documents)
    }

    pub fn remember(&mut self, path: &Path) {
        self.used_folder(path);
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
        read_ron(path)
    }

    /// Writes the settings file atomically.
    pub fn store(&self, path: &Path) -> std::io::Result<()> {
        write_ron(path, self)
    }
}

/// One of the app's own RON files (settings, views), or `None` when missing or unreadable.
pub fn read_ron<T: serde::de::DeserializeOwned>(path: &Path) -> Option<T> {
    let text = std::fs::read_to_string(path).ok()?;
    ron::Options::default().from_str(&text).ok()
}

/// Writes one of the app's own RON files atomically, making its folder if needed.
pub fn write_ron<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    crate::atomic::write_atomic(path, text.as_bytes(), false)
}

/// The settings in force and where each briefing was left, each with its file as last
/// written (a file is written only when what it holds changed).
pub struct Prefs {
    pub settings: Settings,
    written: Option<Settings>,
    pub views: ViewMemory,
    views_written: ViewMemory,
}

impl Prefs {
    pub fn new(settings: Settings, views: ViewMemory) -> Self {
        Self {
            written: Some(settings.clone()),
            settings,
            views_written: views.clone(),
            views,
        }
    }

    /// Writes the settings and view files if they changed since they were last written.
    pub fn store(&mut self, places: &crate::places::Places) {
        if self.written.as_ref() != Some(&self.settings)
            && let Some(path) = places.settings_file()
            && self.settings.store(&path).is_ok()
        {
            self.written = Some(self.settings.clone());
        }
        if self.views_written != self.views
            && let Some(path) = places.views_file()
            && self.views.store(&path).is_ok()
        {
            self.views_written = self.views.clone();
        }
    }

    /// The whole window's text follows the reader's size: panels, menus and fields scale
    /// from egui's own sizes by the same factor.
    pub fn apply_text_size(&self, ctx: &egui::Context) {
        let scale = self.settings.text_size / DEFAULT_TEXT_SIZE;
        let base = egui::Style::default().text_styles;
        ctx.all_styles_mut(|style| {
            for (text_style, font) in style.text_styles.iter_mut() {
                if let Some(b) = base.get(text_style) {
                    font.size = (b.size * scale).round();
                }
            }
        });
    }

    pub fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }
}
