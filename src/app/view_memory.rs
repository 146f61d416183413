//! Where the user left each briefing: the open article, how far each article was
//! scrolled, the selected claim, and the claims list's filters and sort. Kept per briefing
//! file in the app's data folder (`views.ron`), never in the briefing, which stays the
//! analysts' shared work; anything missing when it comes back is quietly skipped.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::settings::{read_ron, write_ron};
use super::ui::claims_list::ClaimsList;
use crate::model::{ArticleId, ClaimId};

/// Briefings remembered, most recent first; older ones are forgotten.
const MAX_VIEWS: usize = 100;

/// How one briefing was being looked at.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedView {
    pub article: Option<ArticleId>,
    pub claim: Option<ClaimId>,
    /// Per article: the first paragraph on screen and how far into it, in points.
    pub scroll: Vec<(ArticleId, usize, f32)>,
    pub claims_list: ClaimsList,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewMemory {
    views: Vec<(PathBuf, SavedView)>,
}

/// The same file is the same key however it was reached.
fn key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

impl ViewMemory {
    /// The memory file, or an empty memory when it is missing or unreadable (it is a
    /// convenience, never a reason to refuse to start).
    pub fn load(path: &Path) -> Self {
        read_ron(path).unwrap_or_default()
    }

    pub fn store(&self, path: &Path) -> std::io::Result<()> {
        write_ron(path, self)
    }

    pub fn get(&self, briefing: &Path) -> Option<&SavedView> {
        let k = key(briefing);
        self.views.iter().find(|(p, _)| *p == k).map(|(_, v)| v)
    }

    pub fn put(&mut self, briefing: &Path, view: SavedView) {
        let k = key(briefing);
        self.views.retain(|(p, _)| *p != k);
        self.views.insert(0, (k, view));
        self.views.truncate(MAX_VIEWS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_by_file_most_recent_first_and_survives_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        std::fs::write(&a, "x").unwrap();
        let mut m = ViewMemory::default();
        let view = SavedView {
            article: Some(ArticleId::new()),
            scroll: vec![(ArticleId::new(), 12, 3.5)],
            ..SavedView::default()
        };
        m.put(&a, view.clone());
        // The same file by another way of writing its path.
        let again = dir.path().join(".").join("a.ron");
        assert_eq!(m.get(&again), Some(&view));
        for i in 0..MAX_VIEWS + 5 {
            m.put(&dir.path().join(format!("{i}.ron")), SavedView::default());
        }
        assert!(m.get(&a).is_none(), "the oldest is forgotten");
        let file = dir.path().join("views.ron");
        m.store(&file).unwrap();
        assert_eq!(ViewMemory::load(&file), m);
        std::fs::write(&file, "garbage").unwrap();
        assert_eq!(ViewMemory::load(&file), ViewMemory::default());
    }
}
