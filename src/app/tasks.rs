//! Work that runs off the UI thread — file dialogs and big imports — and is polled from
//! [`eframe::App::logic`]. Each worker wakes the UI when it has an answer; polling turns the
//! answer into commands or results for the app to act on.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use super::command::Command;
use super::dialogs::{DialogKind, DialogOutcome, Dialogs};
use super::imports::{ImportResults, import_all};
use crate::import::ImportOptions;

/// How often a pending task is polled in case its worker's wake-up was missed.
const SAFETY_NET: Duration = Duration::from_millis(250);

pub struct Tasks {
    ctx: egui::Context,
    dialogs: Box<dyn Dialogs>,
    pending_dialog: Option<(DialogKind, Receiver<DialogOutcome>)>,
    /// Imports running on a worker thread: the files' names, and where the results arrive.
    pending_imports: Vec<(String, Receiver<ImportResults>)>,
}

/// What polling the imports found.
pub enum ImportDone {
    Finished(ImportResults),
    /// The worker stopped without an answer; the files' names.
    Lost(String),
}

impl Tasks {
    pub fn new(ctx: egui::Context, dialogs: Box<dyn Dialogs>) -> Self {
        Self {
            ctx,
            dialogs,
            pending_dialog: None,
            pending_imports: Vec::new(),
        }
    }

    /// Something that wakes the UI from another thread.
    pub fn waker(&self) -> impl Fn() + Send + Sync + 'static {
        let ctx = self.ctx.clone();
        move || ctx.request_repaint()
    }

    pub fn dialog_open(&self) -> bool {
        self.pending_dialog.is_some()
    }

    /// Shows a file dialog; `false` if one is already open.
    pub fn ask(&mut self, kind: DialogKind) -> bool {
        if self.pending_dialog.is_some() {
            return false;
        }
        let rx = self.dialogs.request(kind.clone());
        self.pending_dialog = Some((kind, rx));
        true
    }

    /// The command the open dialog's answer asks for, once it has answered.
    pub fn poll_dialog(&mut self) -> Option<Command> {
        let (kind, rx) = self.pending_dialog.take()?;
        match rx.try_recv() {
            Ok(DialogOutcome::Picked(paths)) => kind.command_for(paths),
            Ok(DialogOutcome::Cancelled) => Some(Command::DialogCancelled),
            Ok(DialogOutcome::Unavailable) | Err(TryRecvError::Disconnected) => {
                Some(Command::BrowseFiles(kind))
            }
            Err(TryRecvError::Empty) => {
                self.pending_dialog = Some((kind, rx));
                self.ctx.request_repaint_after(SAFETY_NET);
                None
            }
        }
    }

    /// Imports `paths` on a worker thread.
    pub fn start_import(&mut self, paths: Vec<PathBuf>, options: ImportOptions) {
        let names = paths
            .iter()
            .map(|p| super::file_name(p))
            .collect::<Vec<_>>()
            .join(", ");
        let (tx, rx) = std::sync::mpsc::channel();
        let wake = self.waker();
        std::thread::spawn(move || {
            let _ = tx.send(import_all(paths, options));
            wake();
        });
        self.pending_imports.push((names, rx));
    }

    /// Imports that have finished since the last poll.
    pub fn poll_imports(&mut self) -> Vec<ImportDone> {
        let mut done = Vec::new();
        for (names, rx) in std::mem::take(&mut self.pending_imports) {
            match rx.try_recv() {
                Ok(results) => done.push(ImportDone::Finished(results)),
                Err(TryRecvError::Empty) => {
                    self.pending_imports.push((names, rx));
                    self.ctx.request_repaint_after(SAFETY_NET);
                }
                Err(TryRecvError::Disconnected) => done.push(ImportDone::Lost(names)),
            }
        }
        done
    }

    /// What is being imported in the background, for the status bar.
    pub fn importing(&self) -> Option<String> {
        (!self.pending_imports.is_empty()).then(|| {
            self.pending_imports
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}
