//! Adding articles: files (small ones at once, big ones on a worker thread so the window
//! keeps responding), dropped files, whole pages when no article was found, and pasted text.

use std::path::PathBuf;

use super::BriefingApp;
use super::command::Command;
use super::modal::Modal;
use crate::edit::Edit;
use crate::import::{ImportError, ImportOptions, Imported, import_file};
use crate::model::{Article, ArticleMeta, now};

pub type ImportResults = Vec<(PathBuf, Result<Imported, ImportError>)>;

/// Article files bigger than this (together) are imported off the UI thread.
const BACKGROUND_IMPORT_BYTES: u64 = 1024 * 1024;

/// Imports each file; what failed is kept with its error.
pub fn import_all(paths: Vec<PathBuf>, options: ImportOptions) -> ImportResults {
    paths
        .into_iter()
        .map(|p| {
            let result = import_file(&p, options);
            (p, result)
        })
        .collect()
}

impl BriefingApp {
    /// Imports article files; a briefing among them is opened instead.
    pub(super) fn add_article_paths(&mut self, paths: Vec<PathBuf>, whole_page: bool) {
        if let Some(first) = paths.first() {
            self.prefs.settings.used_folder(first);
        }
        let mut articles = Vec::new();
        for p in paths {
            if super::is_briefing_file(&p) {
                self.queue.push(Command::OpenPath(p));
            } else {
                articles.push(p);
            }
        }
        if articles.is_empty() {
            return;
        }
        let options = ImportOptions { whole_page };
        // A PDF or Word file is compressed and laid out: its bytes take longer to read.
        let bytes: u64 = articles
            .iter()
            .filter_map(|p| {
                let len = std::fs::metadata(p).ok()?.len();
                Some(if crate::import::is_document(p) {
                    len.saturating_mul(8)
                } else {
                    len
                })
            })
            .sum();
        if bytes < BACKGROUND_IMPORT_BYTES {
            self.imports_done(import_all(articles, options));
        } else {
            self.tasks.start_import(articles, options);
        }
    }

    pub(super) fn imports_done(&mut self, results: ImportResults) {
        let mut added = Vec::new();
        let mut no_article = Vec::new();
        for (p, result) in results {
            match result {
                Ok(imported) => {
                    if let Some(w) = &imported.warning {
                        self.chrome
                            .warning(format!("“{}”: {w}.", imported.meta.title));
                    }
                    added.push(Article::new(imported.meta, &imported.text, now()));
                }
                Err(ImportError::NoArticle { .. }) => no_article.push(p),
                Err(e) => self.chrome.error(format!("Could not add the article: {e}")),
            }
        }
        if !no_article.is_empty() {
            self.chrome.modal = Some(Modal::NoArticle(no_article));
        }
        if added.is_empty() {
            return;
        }
        let first = added[0].id;
        let start = self.session.doc.briefing.articles.len();
        let edits = added
            .into_iter()
            .enumerate()
            .map(|(i, a)| Edit::AddArticle {
                index: start + i,
                article: Box::new(a),
            })
            .collect();
        if self.edit(Edit::Batch(edits)) {
            self.view.current = Some(first);
            self.view.selected_claim = None;
        }
    }

    pub(super) fn add_pasted(&mut self, meta: ArticleMeta, text: String) {
        if text.trim().is_empty() {
            self.chrome.error("The pasted article has no text.");
            return;
        }
        if text.len() as u64 > crate::import::MAX_ARTICLE_BYTES {
            // The same limit as for article files.
            self.chrome.error(format!(
                "The pasted article is {} MB; articles over 20 MB are refused.",
                text.len() / (1024 * 1024)
            ));
            return;
        }
        let article = Article::new(meta, &text, now());
        let id = article.id;
        let index = self.session.doc.briefing.articles.len();
        if self.edit(Edit::AddArticle {
            index,
            article: Box::new(article),
        }) {
            self.view.current = Some(id);
            self.view.selected_claim = None;
        }
    }
}
