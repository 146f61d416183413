//! Where the app keeps its own files: recovery journals, locks and settings. Never the
//! user's briefings, which live wherever the user saves them.

use std::path::{Path, PathBuf};

/// Overrides the platform folders (tests, portable installs): `$BRIEFING_NOTES_HOME/data`
/// and `$BRIEFING_NOTES_HOME/config`.
pub const HOME_VAR: &str = "BRIEFING_NOTES_HOME";

/// The app's own folders; `None` where there is none (then that feature is off).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Places {
    /// Recovery journals and locks (`~/.local/share/briefing-notes` on Linux).
    pub data: Option<PathBuf>,
    /// Settings (`~/.config/briefing-notes` on Linux).
    pub config: Option<PathBuf>,
}

impl Places {
    /// The platform's folders, or those under `$BRIEFING_NOTES_HOME` when it is set.
    pub fn platform() -> Self {
        if let Some(home) = std::env::var_os(HOME_VAR).filter(|v| !v.is_empty()) {
            return Self::under(Path::new(&home));
        }
        match directories::ProjectDirs::from("", "", "briefing-notes") {
            Some(p) => Self {
                data: Some(p.data_dir().to_owned()),
                config: Some(p.config_dir().to_owned()),
            },
            None => Self::default(),
        }
    }

    pub fn under(root: &Path) -> Self {
        Self {
            data: Some(root.join("data")),
            config: Some(root.join("config")),
        }
    }

    pub fn recovery(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("recovery"))
    }

    pub fn locks(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("locks"))
    }

    /// Where each briefing was left (open article, scroll positions, filters).
    pub fn views_file(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("views.ron"))
    }

    pub fn settings_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("settings.ron"))
    }
}
