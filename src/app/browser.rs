//! The in-window file browser's state and rules, apart from its view
//! ([`super::ui::modals::file_browser`]): where no native file dialog can be shown (no
//! desktop portal, no zenity: minimal Linux desktops, WSL, remote sessions) the app still
//! lets the user see their folders, type or complete a path, and pick files.
//!
//! Nothing here draws: the rules (which files show, what a typed path means, when a save
//! would replace a file) are tested on a real temporary folder.

use std::path::{Component, Path, PathBuf};

use super::dialogs::DialogKind;

/// Entries listed at most in one folder (a folder with more is cut, and says so).
const MAX_ENTRIES: usize = 5000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Browser {
    pub kind: DialogKind,
    /// The folder shown.
    pub dir: PathBuf,
    /// Its folders, then the files the filter lets through, by name.
    pub entries: Vec<Entry>,
    /// The folder held more entries than are listed.
    pub cut: bool,
    /// What the user typed: a file name, or a path (absolute, `~/…`, or from `dir`).
    pub typed: String,
    /// Files picked in the list (several when adding articles).
    pub selected: Vec<PathBuf>,
    /// List every file, not only those of the kind asked for.
    pub all_files: bool,
    /// What went wrong with the last step, in plain words.
    pub error: Option<String>,
    /// A save onto an existing file waits for a second confirmation.
    pub replace: Option<PathBuf>,
    /// Folders the user picked files in before, most recent first.
    pub recent: Vec<PathBuf>,
    /// The name being typed for a new folder, while that field is open.
    pub new_folder: Option<String>,
    /// The entry the Up and Down keys have reached (an index into `entries`).
    pub highlight: Option<usize>,
    /// Scroll the list to the highlighted entry on the next frame.
    pub reveal: bool,
}

impl Browser {
    /// A browser for `kind`, in its starting folder (or the nearest one that exists), with
    /// the suggested file name typed for a save.
    pub fn new(kind: DialogKind, recent: Vec<PathBuf>) -> Self {
        let (folder, name) = kind.start();
        let mut b = Self {
            kind,
            dir: PathBuf::new(),
            entries: Vec::new(),
            cut: false,
            typed: name,
            selected: Vec::new(),
            all_files: false,
            error: None,
            replace: None,
            recent: recent.into_iter().filter(|p| p.is_dir()).collect(),
            new_folder: None,
            highlight: None,
            reveal: false,
        };
        let start = existing_ancestor(&folder).unwrap_or_else(home);
        b.go(start);
        b
    }

    /// Shows `dir`; an unreadable one leaves the browser where it was, saying why.
    pub fn go(&mut self, dir: PathBuf) {
        match self.read(&dir) {
            Ok((entries, cut)) => {
                self.dir = dir;
                self.entries = entries;
                self.cut = cut;
                self.selected.clear();
                self.highlight = None;
                self.error = None;
                self.replace = None;
            }
            Err(e) => self.error = Some(format!("Cannot open the folder {}: {e}", dir.display())),
        }
    }

    pub fn up(&mut self) {
        if let Some(parent) = self.dir.parent() {
            self.go(parent.to_owned());
        }
    }

    pub fn refresh(&mut self) {
        self.go(self.dir.clone());
    }

    pub fn set_all_files(&mut self, all: bool) {
        self.all_files = all;
        self.refresh();
    }

    fn read(&self, dir: &Path) -> std::io::Result<(Vec<Entry>, bool)> {
        let extensions = self.kind.extensions();
        let mut entries = Vec::new();
        let mut cut = false;
        for item in std::fs::read_dir(dir)? {
            let Ok(item) = item else { continue };
            let name = item.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = item.path();
            // Follows links, so a link to a folder is a folder.
            let is_dir = path.is_dir();
            let wanted = is_dir || self.all_files || has_extension(&path, extensions);
            if !wanted {
                continue;
            }
            if entries.len() == MAX_ENTRIES {
                cut = true;
                break;
            }
            entries.push(Entry { name, path, is_dir });
        }
        entries.sort_by(|a, b| {
            b.is_dir
                .cmp(&a.is_dir)
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        Ok((entries, cut))
    }

    /// The entries whose names start with what is typed (when it is a bare name): the list
    /// narrows as the user types.
    pub fn visible(&self) -> Vec<usize> {
        let typed = self.typed.trim();
        let narrowing = !typed.is_empty() && !typed.contains(['/', '\\']) && !self.kind.saving();
        (0..self.entries.len())
            .filter(|&i| {
                !narrowing
                    || self.entries[i]
                        .name
                        .to_lowercase()
                        .starts_with(&typed.to_lowercase())
            })
            .collect()
    }

    /// The path the typed text names, from the folder shown.
    fn typed_path(&self) -> Option<PathBuf> {
        let t = self.typed.trim();
        if t.is_empty() {
            return None;
        }
        let p = match t
            .strip_prefix("~/")
            .or(if t == "~" { Some("") } else { None })
        {
            Some(rest) => home().join(rest),
            None => self.dir.join(t),
        };
        Some(normalize(&p))
    }

    /// What confirming now would give: the file to save, or the files to open.
    pub fn target(&self) -> Vec<PathBuf> {
        match self.typed_path() {
            Some(p) if self.kind.saving() && !p.is_dir() => {
                vec![with_extension(p, self.kind.extensions()[0])]
            }
            Some(p) => vec![p],
            None => self.selected.clone(),
        }
    }

    /// Tab: completes what is typed to the longest name it can only begin; a single folder
    /// gets its `/`, ready for the next part.
    pub fn complete(&mut self) {
        let t = self.typed.clone();
        let (head, part) = match t.rfind(['/', '\\']) {
            Some(i) => (t[..=i].to_owned(), t[i + 1..].to_owned()),
            None => (String::new(), t.clone()),
        };
        let folder = if head.is_empty() {
            self.dir.clone()
        } else {
            match (Self {
                typed: head.clone(),
                ..self.clone()
            })
            .typed_path()
            {
                Some(p) => p,
                None => return,
            }
        };
        let Ok((entries, _)) = self.read(&folder) else {
            return;
        };
        let lower = part.to_lowercase();
        let fits: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.name.to_lowercase().starts_with(&lower))
            .collect();
        let Some(first) = fits.first() else {
            self.error = Some(format!("Nothing here starts with “{part}”."));
            return;
        };
        let mut common = first.name.clone();
        for e in &fits[1..] {
            let n = common
                .chars()
                .zip(e.name.chars())
                .take_while(|(a, b)| a.to_lowercase().eq(b.to_lowercase()))
                .count();
            common = common.chars().take(n).collect();
        }
        let slash = if fits.len() == 1 && first.is_dir {
            "/"
        } else {
            ""
        };
        if common.chars().count() >= part.chars().count() {
            self.typed = format!("{head}{common}{slash}");
            self.error = None;
        }
    }

    /// Down (`by` 1) or Up (-1) through the entries listed, from the field: the entry reached
    /// is highlighted, a file is picked as a click would pick it, and Enter acts on it.
    pub fn step(&mut self, by: isize) {
        let visible = self.visible();
        if visible.is_empty() {
            return;
        }
        let at = self
            .highlight
            .and_then(|h| visible.iter().position(|&v| v == h));
        let next = match at {
            Some(a) => (a as isize + by).clamp(0, visible.len() as isize - 1) as usize,
            None if by >= 0 => 0,
            None => visible.len() - 1,
        };
        let i = visible[next];
        if !self.entries[i].is_dir && !self.kind.saving() {
            self.click(i, false);
        }
        self.highlight = Some(i);
        self.reveal = true;
    }

    /// A click on entry `i`: a file is picked (added to the picked ones with `add`, when
    /// several may be picked); for a save its name is typed.
    pub fn click(&mut self, i: usize, add: bool) {
        let Some(e) = self.entries.get(i) else { return };
        if e.is_dir {
            return;
        }
        if self.kind.saving() {
            self.typed = e.name.clone();
        } else if add && self.kind.multiple() {
            if let Some(at) = self.selected.iter().position(|p| *p == e.path) {
                self.selected.remove(at);
            } else {
                self.selected.push(e.path.clone());
            }
            self.typed.clear();
        } else {
            self.selected = vec![e.path.clone()];
            self.typed.clear();
        }
        self.replace = None;
        self.error = None;
    }

    /// A double-click on entry `i`: a folder opens; a file is confirmed.
    pub fn activate(&mut self, i: usize) -> Option<Vec<PathBuf>> {
        let e = self.entries.get(i)?.clone();
        if e.is_dir {
            self.go(e.path);
            return None;
        }
        self.click(i, false);
        self.confirm()
    }

    /// Enter or the confirm button: the chosen paths, or `None` with the reason shown (a
    /// typed folder is opened instead; a save over an existing file asks once more).
    pub fn confirm(&mut self) -> Option<Vec<PathBuf>> {
        // A folder reached with the arrow keys opens; a file reached was picked already.
        if let Some(h) = self.highlight.take()
            && self.entries.get(h).is_some_and(|e| e.is_dir)
        {
            return self.activate(h);
        }
        if let Some(p) = self.typed_path().filter(|p| p.is_dir()) {
            self.go(p);
            if self.error.is_none() {
                self.typed = if self.kind.saving() {
                    self.kind.start().1
                } else {
                    String::new()
                };
            }
            return None;
        }
        let target = self.target();
        let Some(first) = target.first().cloned() else {
            self.error = Some(if self.kind.multiple() {
                "Choose one or more files, or type a path.".to_owned()
            } else {
                "Choose a file, or type its name.".to_owned()
            });
            return None;
        };
        if self.kind.saving() {
            let folder = first.parent().map(Path::to_owned).unwrap_or_default();
            if !folder.is_dir() {
                self.error = Some(format!(
                    "The folder {} does not exist; create it with New folder, or choose another.",
                    folder.display()
                ));
                return None;
            }
            if first.exists() && self.replace.as_ref() != Some(&first) {
                self.error = Some(format!(
                    "{} already exists. Press Enter or Save again to replace it.",
                    super::file_name(&first)
                ));
                self.replace = Some(first);
                return None;
            }
        } else if let Some(missing) = target.iter().find(|p| !p.is_file()) {
            self.error = Some(format!("There is no file {}.", missing.display()));
            return None;
        }
        Some(target)
    }

    /// Creates a folder `name` in the folder shown and opens it.
    pub fn create_folder(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            self.error = Some("Type a name for the new folder (without /).".to_owned());
            return;
        }
        let p = self.dir.join(name);
        match std::fs::create_dir(&p) {
            Ok(()) => {
                self.new_folder = None;
                self.go(p);
            }
            Err(e) => self.error = Some(format!("Could not create the folder {name}: {e}")),
        }
    }
}

/// The user's home folder (or the working folder where there is none).
pub fn home() -> PathBuf {
    directories::UserDirs::new()
        .map(|d| d.home_dir().to_owned())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// Documents, where the platform has it, else home: where a first briefing is saved.
pub fn documents() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(Path::to_owned))
        .filter(|d| d.is_dir())
        .unwrap_or_else(home)
}

fn existing_ancestor(p: &Path) -> Option<PathBuf> {
    p.ancestors().find(|a| a.is_dir()).map(Path::to_owned)
}

fn has_extension(p: &Path, extensions: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

fn with_extension(p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_some() {
        p
    } else {
        p.with_extension(ext)
    }
}

/// `a/./b/../c` as `a/c`, without touching the disk (the file may not exist yet).
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        for f in [
            "b.ron",
            "A.ron",
            "notes.txt",
            ".hidden.ron",
            "call.html",
            "Calls.md",
        ] {
            std::fs::write(d.path().join(f), "x").unwrap();
        }
        std::fs::create_dir(d.path().join("cases")).unwrap();
        std::fs::write(d.path().join("cases").join("kremlin.ron"), "x").unwrap();
        d
    }

    fn open(dir: &Path) -> Browser {
        Browser::new(
            DialogKind::OpenBriefing {
                folder: dir.to_owned(),
            },
            vec![],
        )
    }

    fn names(b: &Browser) -> Vec<&str> {
        b.entries.iter().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn lists_folders_first_then_the_files_of_the_kind_asked_for() {
        let d = folder();
        let mut b = open(d.path());
        assert_eq!(names(&b), ["cases", "A.ron", "b.ron"]);
        b.set_all_files(true);
        assert_eq!(
            names(&b),
            [
                "cases",
                "A.ron",
                "b.ron",
                "call.html",
                "Calls.md",
                "notes.txt"
            ]
        );
        let add = Browser::new(
            DialogKind::AddArticles {
                folder: d.path().to_owned(),
            },
            vec![],
        );
        assert_eq!(names(&add), ["cases", "call.html", "Calls.md", "notes.txt"]);
    }

    #[test]
    fn typing_narrows_tab_completes_and_enter_opens_folders_then_files() {
        let d = folder();
        let mut b = open(d.path());
        b.typed = "ca".into();
        assert_eq!(b.visible(), [0]);
        b.complete();
        assert_eq!(b.typed, "cases/");
        b.typed.push('k');
        b.complete();
        assert_eq!(b.typed, "cases/kremlin.ron");
        assert_eq!(b.confirm(), Some(vec![d.path().join("cases/kremlin.ron")]));
        b.typed = "cases".into();
        assert_eq!(b.confirm(), None);
        assert_eq!(b.dir, d.path().join("cases"));
        assert_eq!(b.typed, "");
        b.up();
        assert_eq!(b.dir, d.path());
        b.typed = "missing.ron".into();
        assert_eq!(b.confirm(), None);
        assert!(b.error.as_deref().unwrap().contains("There is no file"));
        b.typed.clear();
        assert_eq!(b.confirm(), None, "nothing chosen");
        b.click(1, false);
        assert_eq!(b.confirm(), Some(vec![d.path().join("A.ron")]));
        assert_eq!(b.activate(0), None);
        assert_eq!(b.dir, d.path().join("cases"));
    }

    #[test]
    fn the_arrow_keys_walk_the_list_and_enter_acts_on_what_they_reached() {
        let d = folder();
        let mut b = open(d.path());
        b.step(1);
        assert_eq!(b.highlight, Some(0), "the folder first");
        b.step(1);
        assert_eq!(b.selected, [d.path().join("A.ron")]);
        b.step(-1);
        assert_eq!(b.confirm(), None, "Enter on a folder opens it");
        assert_eq!(b.dir, d.path().join("cases"));
        b.step(1);
        assert_eq!(
            b.confirm(),
            Some(vec![d.path().join("cases").join("kremlin.ron")])
        );
        b.step(5);
        assert_eq!(b.highlight, Some(0), "stops at the last entry");
    }

    #[test]
    fn adding_articles_picks_several() {
        let d = folder();
        let mut b = Browser::new(
            DialogKind::AddArticles {
                folder: d.path().to_owned(),
            },
            vec![],
        );
        b.click(1, false);
        b.click(3, true);
        b.click(2, true);
        b.click(3, true);
        assert_eq!(
            b.confirm(),
            Some(vec![d.path().join("call.html"), d.path().join("Calls.md")])
        );
    }

    #[test]
    fn saving_adds_the_extension_asks_before_replacing_and_makes_folders() {
        let d = folder();
        let mut b = Browser::new(
            DialogKind::SaveBriefing {
                suggested: d.path().join("new-folder").join("Kremlin-call.ron"),
            },
            vec![],
        );
        // The suggested folder does not exist yet: the nearest one that does is shown.
        assert_eq!(b.dir, d.path());
        assert_eq!(b.typed, "Kremlin-call.ron");
        b.typed = "draft".into();
        assert_eq!(b.target(), [d.path().join("draft.ron")]);
        b.typed = "b".into();
        assert_eq!(b.confirm(), None);
        assert!(b.error.as_deref().unwrap().contains("already exists"));
        assert_eq!(b.confirm(), Some(vec![d.path().join("b.ron")]));
        b.typed = "nowhere/x.ron".into();
        assert_eq!(b.confirm(), None);
        assert!(b.error.as_deref().unwrap().contains("does not exist"));
        b.create_folder("drafts");
        assert_eq!(b.dir, d.path().join("drafts"));
        b.typed = "../drafts/./x".into();
        assert_eq!(
            b.confirm(),
            Some(vec![d.path().join("drafts").join("x.ron")])
        );
        b.create_folder("../escape");
        assert!(b.error.is_some());
    }

    #[test]
    fn an_unreadable_folder_leaves_the_browser_where_it_was() {
        let d = folder();
        let mut b = open(d.path());
        b.go(d.path().join("no such folder"));
        assert_eq!(b.dir, d.path());
        assert!(
            b.error
                .as_deref()
                .unwrap()
                .contains("Cannot open the folder")
        );
    }
}
