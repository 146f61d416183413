//! Autosave to the recovery journal: a moment after each change, unsaved work is written
//! to this run's journal on a worker thread (serialising and fsyncing a 5 MB article must
//! not stall a frame). Saving or discarding the work deletes the journal.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::atomic::Storage;
use crate::document::Document;
use crate::journal::{Entry, Journal};

/// Wait this long after the last change, so a burst of typing is one write…
pub const QUIET: Duration = Duration::from_millis(500);
/// …but never longer than this after the first unwritten change.
pub const MAX_DELAY: Duration = Duration::from_millis(1500);

enum Job {
    Write(Box<Entry>),
    Clear,
}

#[derive(Default)]
struct Progress {
    sent: u64,
    done: u64,
}

pub struct Autosave {
    journal: Option<Arc<Journal>>,
    tx: Option<Sender<(u64, Job)>>,
    worker: Option<std::thread::JoinHandle<()>>,
    progress: Arc<(Mutex<Progress>, Condvar)>,
    errors: Option<Receiver<String>>,
    /// The revision in the journal, if it holds this document's work.
    written: Option<u64>,
    /// Whether a journal file may exist.
    has_file: bool,
    seen: Option<u64>,
    first_unwritten: Option<Instant>,
    last_change: Instant,
}

impl Autosave {
    /// No journal: nothing is written (tests without a data directory).
    pub fn off() -> Self {
        Self {
            journal: None,
            tx: None,
            worker: None,
            progress: Arc::default(),
            errors: None,
            written: None,
            has_file: false,
            seen: None,
            first_unwritten: None,
            last_change: Instant::now(),
        }
    }

    pub fn new(
        journal: Journal,
        storage: Arc<dyn Storage>,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let journal = Arc::new(journal);
        let (tx, rx) = channel::<(u64, Job)>();
        let (err_tx, err_rx) = channel();
        let progress: Arc<(Mutex<Progress>, Condvar)> = Arc::default();
        let worker_journal = journal.clone();
        let worker_progress = progress.clone();
        let spawned = std::thread::Builder::new()
            .name("autosave".into())
            .spawn(move || {
                for (seq, job) in rx {
                    let result = match job {
                        Job::Write(entry) => worker_journal.write(storage.as_ref(), &entry),
                        Job::Clear => worker_journal.clear(),
                    };
                    if let Err(e) = result {
                        let _ = err_tx.send(format!(
                            "Autosave failed ({e}): unsaved work is not protected against a crash until this is fixed. Save to keep it."
                        ));
                        wake();
                    }
                    let (lock, cvar) = &*worker_progress;
                    if let Ok(mut p) = lock.lock() {
                        p.done = seq;
                    }
                    cvar.notify_all();
                }
            });
        match spawned {
            Ok(worker) => Self {
                journal: Some(journal),
                tx: Some(tx),
                worker: Some(worker),
                progress,
                errors: Some(err_rx),
                ..Self::off()
            },
            Err(_) => Self::off(),
        }
    }

    pub fn is_on(&self) -> bool {
        self.journal.is_some()
    }

    /// Where this run's journal is written.
    pub fn journal_path(&self) -> Option<&std::path::Path> {
        self.journal.as_deref().map(Journal::path)
    }

    fn send(&mut self, job: Job) {
        let Some(tx) = &self.tx else { return };
        let seq = {
            let Ok(mut p) = self.progress.0.lock() else {
                return;
            };
            p.sent += 1;
            p.sent
        };
        let _ = tx.send((seq, job));
    }

    /// A different document replaced the one being journaled.
    pub fn reset(&mut self) {
        self.written = None;
        self.seen = None;
        self.first_unwritten = None;
    }

    /// Called every frame: schedules, debounces and sends the journal writes. Returns how
    /// soon it wants to be called again.
    pub fn tick(&mut self, doc: &Document, now: Instant) -> Option<Duration> {
        if !self.is_on() {
            return None;
        }
        if !doc.is_dirty() {
            if self.has_file {
                self.send(Job::Clear);
                self.has_file = false;
            }
            self.written = None;
            self.first_unwritten = None;
            return None;
        }
        let rev = doc.history.revision();
        if self.written == Some(rev) {
            return None;
        }
        if self.seen != Some(rev) {
            self.seen = Some(rev);
            self.last_change = now;
            self.first_unwritten.get_or_insert(now);
        }
        let first = self.first_unwritten.unwrap_or(now);
        let due = (self.last_change + QUIET).min(first + MAX_DELAY);
        if now < due {
            return Some(due - now);
        }
        self.send(Job::Write(Box::new(entry_of(doc))));
        self.has_file = true;
        self.written = Some(rev);
        self.first_unwritten = None;
        None
    }

    /// Writes the document's state now and waits for it (before deleting a journal being
    /// restored, and when the app exits).
    pub fn write_now(&mut self, doc: &Document) {
        if !self.is_on() {
            return;
        }
        if doc.is_dirty() {
            self.send(Job::Write(Box::new(entry_of(doc))));
            self.has_file = true;
            self.written = Some(doc.history.revision());
        } else if self.has_file {
            self.send(Job::Clear);
            self.has_file = false;
        }
        self.wait_idle(Duration::from_secs(30));
    }

    /// Waits until every job sent has been carried out (or `timeout` passes).
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let (lock, cvar) = &*self.progress;
        let Ok(guard) = lock.lock() else {
            return false;
        };
        cvar.wait_timeout_while(guard, timeout, |p| p.done < p.sent)
            .map(|(p, _)| p.done >= p.sent)
            .unwrap_or(false)
    }

    /// A failed journal write, to show the user.
    pub fn take_error(&mut self) -> Option<String> {
        self.errors.as_ref().and_then(|rx| rx.try_recv().ok())
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        // The worker finishes what it was given and lets go of the journal (and its lock)
        // before this returns, so "this run is over" is true once the app is gone.
        self.tx = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

fn entry_of(doc: &Document) -> Entry {
    Entry::new(
        doc.path.clone(),
        doc.disk.as_ref().map(|d| d.sha256),
        doc.briefing.clone(),
    )
}
