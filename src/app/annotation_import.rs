//! The executor's share for annotations from other tools: read, anchored by the core's rules,
//! added as one undoable edit, and what did not anchor said plainly.

use std::path::Path;

use super::BriefingApp;
use super::state::{Level, Message};
use crate::import::annotations::{place, read_annotations_file};

impl BriefingApp {
    pub(super) fn import_annotations_from(&mut self, path: &Path) {
        let incoming = match read_annotations_file(path) {
            Ok(i) => i,
            Err(e) => {
                self.chrome
                    .error(format!("Could not import {}: {e}", path.display()));
                return;
            }
        };
        self.prefs.settings.used_folder(path);
        let total = incoming.len();
        let placed = place(&self.session.doc.briefing, incoming, None);
        if let Some(edit) = placed.edit()
            && !self.edit(edit)
        {
            return;
        }
        let summary = format!("{}.", placed.summary(total));
        let missed = placed.not_anchored_lines();
        if missed.is_empty() {
            self.chrome.info(summary);
        } else {
            self.chrome
                .show(Message::new(Level::Warning, summary).with_details(missed.join("\n")));
        }
    }
}
