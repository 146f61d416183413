//! File dialogs behind a small trait, so UI tests never open a real one.
//!
//! rfd blocks the calling thread, and on Linux a desktop portal that is installed but not
//! running can hang it: dialogs run on a worker thread and the app polls a channel. With no
//! portal and no zenity rfd returns at once with nothing; the app then shows its own file
//! browser in the window ([`super::browser`]), so the action is never a silent no-op.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::command::Command;
use crate::export::ExportFormat;

/// A dialog that returned nothing this fast cannot have been shown to a person.
const TOO_FAST_FOR_A_HUMAN: Duration = Duration::from_millis(300);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// Starting in `folder`.
    OpenBriefing {
        folder: PathBuf,
    },
    /// Suggesting this path: a real folder and a name from the title.
    SaveBriefing {
        suggested: PathBuf,
    },
    AddArticles {
        folder: PathBuf,
    },
    ImportAnnotations {
        folder: PathBuf,
    },
    Export {
        format: ExportFormat,
        suggested: PathBuf,
    },
}

impl DialogKind {
    /// What to do with the paths the user picked, in a file dialog or in the window's own
    /// file browser: the one place a dialog's answer becomes a command.
    pub fn command_for(&self, paths: Vec<PathBuf>) -> Option<Command> {
        let first = paths.first().cloned();
        match self {
            Self::OpenBriefing { .. } => first.map(Command::OpenPath),
            Self::SaveBriefing { .. } => first.map(|p| Command::SaveTo(with_extension(p, "ron"))),
            Self::AddArticles { .. } => {
                (!paths.is_empty()).then_some(Command::AddArticlePaths(paths))
            }
            Self::ImportAnnotations { .. } => first.map(Command::ImportAnnotationsFrom),
            Self::Export { format, .. } => {
                first.map(|p| Command::ExportTo(with_extension(p, format.extension()), *format))
            }
        }
    }

    /// The folder to start in, and the file name to suggest (for a save).
    pub fn start(&self) -> (PathBuf, String) {
        match self {
            Self::OpenBriefing { folder }
            | Self::AddArticles { folder }
            | Self::ImportAnnotations { folder } => (folder.clone(), String::new()),
            Self::SaveBriefing { suggested } | Self::Export { suggested, .. } => (
                suggested
                    .parent()
                    .map(std::path::Path::to_owned)
                    .unwrap_or_default(),
                suggested
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            ),
        }
    }

    /// The file extensions listed, the first one added to a saved name that has none.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            Self::OpenBriefing { .. } | Self::SaveBriefing { .. } => &["ron"],
            Self::AddArticles { .. } => &[
                "html", "htm", "pdf", "docx", "md", "markdown", "txt", "text",
            ],
            Self::ImportAnnotations { .. } => &["json", "jsonld"],
            Self::Export { format, .. } => match format {
                ExportFormat::Markdown => &["md"],
                ExportFormat::W3c => &["json", "jsonld"],
                ExportFormat::Csv => &["csv"],
            },
        }
    }

    /// What the listed files are, for the filter's label.
    pub fn file_kind(&self) -> &'static str {
        match self {
            Self::OpenBriefing { .. } | Self::SaveBriefing { .. } => "Briefings (.ron)",
            Self::AddArticles { .. } => "Articles (.html, .htm, .pdf, .docx, .md, .txt)",
            Self::ImportAnnotations { .. } => "Annotations (.json)",
            Self::Export { format, .. } => format.filter_name(),
        }
    }

    pub fn saving(&self) -> bool {
        matches!(self, Self::SaveBriefing { .. } | Self::Export { .. })
    }

    pub fn multiple(&self) -> bool {
        matches!(self, Self::AddArticles { .. })
    }

    /// The confirm button's word.
    pub fn verb(&self) -> &'static str {
        match self {
            Self::OpenBriefing { .. } => "Open",
            Self::SaveBriefing { .. } => "Save",
            Self::AddArticles { .. } => "Add",
            Self::ImportAnnotations { .. } => "Import",
            Self::Export { .. } => "Export",
        }
    }

    pub fn title(&self) -> &'static str {
        match self {
            Self::OpenBriefing { .. } => "Open briefing",
            Self::SaveBriefing { .. } => "Save briefing as",
            Self::AddArticles { .. } => "Add articles",
            Self::ImportAnnotations { .. } => "Import annotations",
            Self::Export { format, .. } => match format {
                ExportFormat::Markdown => "Export Markdown",
                ExportFormat::W3c => "Export W3C Annotations",
                ExportFormat::Csv => "Export CSV",
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    Picked(Vec<PathBuf>),
    Cancelled,
    /// No dialog could be shown (no portal, no zenity, no display server support).
    Unavailable,
}

pub trait Dialogs {
    /// Starts a dialog; the outcome arrives on the receiver, without blocking the UI.
    fn request(&mut self, kind: DialogKind) -> Receiver<DialogOutcome>;
}

/// `p`, with `ext` added when it has no extension.
fn with_extension(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension(ext)
    }
}

/// The real dialogs, through rfd on a worker thread.
pub struct NativeDialogs {
    /// Called when an outcome is ready, so the UI wakes up to read it.
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl NativeDialogs {
    pub fn new(wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self {
            wake: Arc::new(wake),
        }
    }
}

impl Dialogs for NativeDialogs {
    fn request(&mut self, kind: DialogKind) -> Receiver<DialogOutcome> {
        let (tx, rx) = channel();
        let wake = Arc::clone(&self.wake);
        std::thread::spawn(move || {
            let started = Instant::now();
            let picked = run_rfd(&kind);
            let outcome = match picked {
                Some(paths) if !paths.is_empty() => DialogOutcome::Picked(paths),
                _ if started.elapsed() < TOO_FAST_FOR_A_HUMAN => DialogOutcome::Unavailable,
                _ => DialogOutcome::Cancelled,
            };
            let _ = tx.send(outcome);
            wake();
        });
        rx
    }
}

fn run_rfd(kind: &DialogKind) -> Option<Vec<PathBuf>> {
    let (folder, name) = kind.start();
    let name_of = |k: &DialogKind| k.file_kind().split(" (").next().unwrap_or("Files");
    let mut dialog = rfd::FileDialog::new()
        .set_title(kind.title())
        .add_filter(name_of(kind), kind.extensions());
    if folder.is_dir() {
        dialog = dialog.set_directory(&folder);
    }
    if !name.is_empty() {
        dialog = dialog.set_file_name(name);
    }
    match kind {
        DialogKind::OpenBriefing { .. } | DialogKind::ImportAnnotations { .. } => {
            dialog.pick_file().map(|p| vec![p])
        }
        DialogKind::AddArticles { .. } => dialog.pick_files(),
        DialogKind::SaveBriefing { .. } | DialogKind::Export { .. } => {
            dialog.save_file().map(|p| vec![p])
        }
    }
}

/// Scripted dialogs for tests: each request takes the next outcome (Cancelled when empty).
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    pub outcomes: Arc<Mutex<VecDeque<DialogOutcome>>>,
    pub requested: Arc<Mutex<Vec<DialogKind>>>,
}

impl ScriptedDialogs {
    pub fn push(&self, outcome: DialogOutcome) {
        if let Ok(mut q) = self.outcomes.lock() {
            q.push_back(outcome);
        }
    }
}

impl Dialogs for ScriptedDialogs {
    fn request(&mut self, kind: DialogKind) -> Receiver<DialogOutcome> {
        let (tx, rx) = channel();
        if let Ok(mut r) = self.requested.lock() {
            r.push(kind);
        }
        let outcome = self
            .outcomes
            .lock()
            .ok()
            .and_then(|mut q| q.pop_front())
            .unwrap_or(DialogOutcome::Cancelled);
        let _ = tx.send(outcome);
        rx
    }
}
