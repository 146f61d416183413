//! The desktop app. It only displays state and pushes [`Command`]s; every change to the
//! briefing goes through the core's [`crate::edit::Edit`] path, run by the executor.
//!
//! Where things are:
//! - [`briefing_app`]: [`BriefingApp`], its parts and the frame loop; test accessors.
//! - [`state`]: what is shown and selected ([`state::ViewState`]) and the window's chrome.
//! - [`actions`]: the one table of user actions, with labels, tooltips and shortcuts.
//! - [`command`]: the commands and their queue; [`command_handling`]: the executor, with
//!   [`analysis_commands`] for key judgments and hypotheses.
//! - [`session`]: open, save, lock, changes on disk, recovery; [`imports`]: adding articles.
//! - [`tasks`]: file dialogs and imports on worker threads; [`dialogs`]: the dialogs seam.
//! - [`ui`]: one file per panel or modal; [`reader`]: the article view widget.

pub mod actions;
mod analysis_commands;
mod annotation_import;
pub mod autosave;
mod briefing_app;
pub mod browser;
pub mod command;
mod command_handling;
pub mod dialogs;
mod imports;
pub mod layout;
pub mod modal;
pub mod reader;
mod session;
pub mod settings;
pub mod state;
mod suggestion_commands;
mod tasks;
pub mod theme;
mod ui;
pub mod view_memory;

use std::path::{Path, PathBuf};

pub use briefing_app::BriefingApp;
pub use command::{
    AnalysisCommand, ChangedChoice, Command, PanelTab, RecoveryChoice, UnsavedChoice,
};
pub use modal::{After, Modal, PasteForm, RecoveryOffer};
pub use state::Message;

use crate::places::Places;

/// The sample briefing opened when there is nothing else to open.
pub const SAMPLE_BRIEFING: &str = include_str!("../../assets/sample-briefing.ron");

pub const APP_ID: &str = "briefing-notes";

/// What to open at start, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    /// A briefing (.ron) to open, or articles to start a new briefing with.
    pub files: Vec<PathBuf>,
    /// Ignore the remembered last briefing (tests, and `--sample`).
    pub fresh: bool,
    /// Where journals, locks and settings go; none (the default) turns those off.
    pub places: Places,
}

/// Opens the desktop app's window (blocks until it closes).
pub fn open_window(startup: Startup) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("briefing-notes")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(BriefingApp::new(cc, startup)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn is_briefing_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// A file name from a briefing title: letters, digits and dashes.
fn file_stem_for(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "briefing".to_owned()
    } else {
        stem
    }
}
