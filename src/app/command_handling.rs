//! The executor: every [`Command`] is run here, in the order queued, after the frame's views
//! have drawn. A command that needs a follow-up (Save As after Save on a new briefing, the
//! quit waiting behind a save) pushes it onto the queue; nothing here calls back into
//! [`BriefingApp::execute`].

use std::ops::Range;
use std::path::PathBuf;

use super::BriefingApp;
use super::browser::Browser;
use super::command::Side;
use super::command::{Command, PanelTab, UnsavedChoice};
use super::dialogs::DialogKind;
use super::file_stem_for;
use super::modal::{After, Modal, PasteForm};
use super::settings::{DEFAULT_TEXT_SIZE, TEXT_SIZES};
use super::state::{Level, Message, Topic};
use crate::anchor::Anchor;
use crate::document::Document;
use crate::edit::{ClaimField, Edit, MergeKey};
use crate::export::ExportFormat;
use crate::model::{ArticleId, Claim, ClaimId, Status, now};
use crate::text::{Selection, TextIndex};

impl BriefingApp {
    /// Runs the queued commands, and those they queue, until the queue is empty.
    pub fn run_commands(&mut self, ctx: &egui::Context) {
        if !self.queue.is_empty() {
            // What the commands changed is shown by the next frame, without waiting for input.
            ctx.request_repaint();
        }
        while !self.queue.is_empty() {
            for command in self.queue.take() {
                self.execute(ctx, command);
            }
        }
    }

    fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                if !self.guard_unsaved(After::New) {
                    self.set_document(Document::untitled());
                }
            }
            Command::Open => {
                if !self.guard_unsaved(After::Open) {
                    let folder = self.prefs.settings.start_folder();
                    self.ask(DialogKind::OpenBriefing { folder });
                }
            }
            Command::OpenPath(p) => {
                if !self.guard_unsaved(After::OpenPath(p.clone())) {
                    self.open_path(&p);
                }
            }
            Command::OpenReadOnly(p) => {
                self.chrome.modal = None;
                self.open_read_only(&p);
            }
            Command::Save => self.save(),
            Command::SaveAs => {
                let doc = &self.session.doc;
                let name = format!("{}.ron", file_stem_for(&doc.briefing.title));
                let suggested = self.save_folder().join(name);
                self.ask(DialogKind::SaveBriefing { suggested });
            }
            Command::SaveTo(p) => self.save_to(&p),
            Command::Export(format) => self.ask(DialogKind::Export {
                format,
                suggested: self.export_suggestion(format),
            }),
            Command::ExportTo(p, format) => self.export_to(p, format),
            Command::AddArticles => {
                let folder = self.prefs.settings.start_folder();
                self.ask(DialogKind::AddArticles { folder });
            }
            Command::AddArticlePaths(paths) => self.add_article_paths(paths, false),
            Command::AddWholePages(paths) => self.add_article_paths(paths, true),
            Command::ImportAnnotations => {
                let folder = self.prefs.settings.start_folder();
                self.ask(DialogKind::ImportAnnotations { folder });
            }
            Command::ImportAnnotationsFrom(p) => self.import_annotations_from(&p),
            Command::ShowPasteForm => self.chrome.modal = Some(Modal::Paste(PasteForm::default())),
            Command::AddPastedArticle { meta, text } => self.add_pasted(meta, text),
            Command::RemoveArticle(id) => self.remove_article(id),
            Command::SelectArticle(id) => {
                if self.view.current != Some(id) {
                    self.view.current = Some(id);
                    self.view.selected_claim = None;
                    self.view.find.current = None;
                }
            }
            Command::SelectText(range) => self.view.reader.select(range),
            Command::ScrollTo(offset) => self.view.reader.scroll_to(offset),
            Command::Tag(status) => self.tag(status),
            Command::SelectClaim(id) => {
                self.view.selected_claim = Some(id);
                self.session.doc.history.seal();
            }
            Command::RevealClaim(id) => self.reveal(ctx, id),
            Command::UpdateClaim { claim, field } => self.update_claim(*claim, field),
            Command::DeleteSelectedClaim => {
                if let Some(id) = self.view.selected_claim {
                    self.queue.push(Command::DeleteClaim(id));
                }
            }
            Command::DeleteClaim(id) => self.delete_claim(id),
            Command::SetField { field, value } => {
                let edit = Edit::SetField { field, value };
                self.edit_merging(edit, Some(MergeKey::Briefing(field)));
            }
            Command::SetArticleMeta { id, meta } => {
                let edit = Edit::SetArticleMeta { id, meta };
                self.edit_merging(edit, Some(MergeKey::ArticleMeta(id)));
            }
            Command::Undo => {
                let undone = self.session.doc.undo();
                self.after_history_step(undone, "undo");
            }
            Command::Redo => {
                let redone = self.session.doc.redo();
                self.after_history_step(redone, "redo");
            }
            Command::Quit => {
                if !self.guard_unsaved(After::Quit) {
                    self.chrome.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::OpenFind => {
                // Again while open: the field takes focus with the last query selected.
                self.view.find.open = true;
                self.view.find.focus = true;
                self.view.find.select_query = true;
            }
            Command::CloseFind => self.view.find.open = false,
            Command::FindNext => self.find_step(true),
            Command::FindPrevious => self.find_step(false),
            Command::CopySelection => self.copy_selection(ctx),
            Command::SetTheme(theme) => {
                self.prefs.settings.theme = theme;
                self.prefs.apply_theme(ctx);
            }
            Command::SetTextSize(size) => self.set_text_size(ctx, size),
            Command::StepTextSize(step) => {
                let size = match step {
                    0 => DEFAULT_TEXT_SIZE,
                    s => self.prefs.settings.text_size + f32::from(s),
                };
                self.set_text_size(ctx, size);
            }
            Command::TogglePanel(side) => {
                let shown = match side {
                    Side::Outline => self.prefs.settings.show_outline,
                    Side::Claims => self.prefs.settings.show_claims,
                };
                self.queue.push(Command::ShowPanel(side, !shown));
            }
            Command::ShowPanel(side, shown) => match side {
                Side::Outline => self.prefs.settings.show_outline = shown,
                Side::Claims => self.prefs.settings.show_claims = shown,
            },
            Command::StepClaim(by) => self.step_claim(by),
            Command::OpenBriefingFind => {
                self.view.briefing_find.open = true;
                self.view.briefing_find.focus = true;
            }
            Command::CloseBriefingFind => self.view.briefing_find.open = false,
            Command::ShowMatch {
                article,
                range,
                said,
            } => {
                self.show_match(ctx, article, range);
                self.chrome.announce(said);
            }
            Command::ShowShortcuts => self.chrome.shortcuts_open = true,
            Command::CloseShortcuts => self.chrome.shortcuts_open = false,
            Command::BrowseFiles(kind) => {
                let recent = self.prefs.settings.recent_folders.clone();
                let browser = Browser::new(kind, recent);
                self.chrome.modal = Some(Modal::FileBrowser(Box::new(browser)));
            }
            Command::DialogCancelled => self.session.after_save = None,
            Command::ForgetRecent(p) => self.prefs.settings.forget(&p),
            Command::ResolveUnsaved(choice) => self.resolve_unsaved(choice),
            Command::CloseModal => self.chrome.modal = None,
            Command::DismissMessage(i) => {
                if i < self.chrome.messages.len() {
                    self.chrome.messages.remove(i);
                }
            }
            Command::ShowOrphans => self.chrome.modal = Some(Modal::Orphans),
            Command::ShowConflicts => self.chrome.modal = Some(Modal::Conflicts),
            Command::ResolveConflict { index, take_other } => {
                if self.edit(Edit::ResolveConflict { index, take_other }) {
                    let left = self.session.doc.briefing.conflicts.len();
                    if left == 0 {
                        self.chrome.resolved(Topic::Conflicts);
                    }
                    self.chrome
                        .announce(format!("Conflict settled; {left} left to review."));
                }
            }
            Command::ResolveRecovery(choice) => self.resolve_recovery(choice),
            Command::CheckDisk => self.check_disk(),
            Command::ResolveChanged(choice) => self.resolve_changed(choice),
            Command::ToggleJudgments => {
                self.view.tab = match self.view.tab {
                    PanelTab::Claims | PanelTab::Suggestions => PanelTab::Judgments,
                    PanelTab::Judgments => PanelTab::Claims,
                };
                // The panel must be there to switch to.
                self.prefs.settings.show_claims = true;
            }
            Command::ToggleSuggestions => {
                self.view.tab = match self.view.tab {
                    PanelTab::Suggestions => PanelTab::Claims,
                    PanelTab::Claims | PanelTab::Judgments => PanelTab::Suggestions,
                };
                self.prefs.settings.show_claims = true;
            }
            Command::ShowTab(tab) => {
                self.view.tab = tab;
                self.prefs.settings.show_claims = true;
            }
            Command::OpenHypotheses => self.view.hypotheses.open = true,
            Command::CloseHypotheses => self.view.hypotheses.open = false,
            Command::Analysis(a) => self.run_analysis(a),
            Command::Suggestion(c) => self.run_suggestion(c),
        }
    }

    /// Removes an article, saying what went with it and offering Undo in the notice.
    fn remove_article(&mut self, id: ArticleId) {
        let Some(article) = self.session.doc.briefing.article(id) else {
            return;
        };
        let title = article.title.clone();
        let claims = article.claims.len();
        if !self.edit(Edit::RemoveArticle { id }) {
            return;
        }
        if self.view.current == Some(id) {
            self.view.current = self.session.doc.briefing.articles.first().map(|a| a.id);
            self.view.selected_claim = None;
        }
        let with = match claims {
            0 => String::new(),
            1 => " and its 1 claim".to_owned(),
            n => format!(" and its {n} claims"),
        };
        let revision = self.session.doc.history.revision();
        self.chrome.show(
            Message::new(Level::Notice, format!("Removed “{title}”{with}.")).with_undo(revision),
        );
    }

    /// Applies one edit, reporting a refusal in the window. Returns whether it applied.
    pub(super) fn edit(&mut self, edit: Edit) -> bool {
        self.edit_merging(edit, None)
    }

    /// [`Self::edit`] for typing: an edit with the same `key` as the one before joins its
    /// undo step (`None`: a step of its own).
    pub(super) fn edit_merging(&mut self, edit: Edit, key: Option<MergeKey>) -> bool {
        let result = match key {
            Some(key) => self.session.doc.apply_merging(edit, key),
            None => self.session.doc.apply(edit),
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                self.chrome
                    .error(format!("That change could not be made: {e}"));
                false
            }
        }
    }

    /// Shows a file dialog, unless one is open already.
    pub(super) fn ask(&mut self, kind: DialogKind) {
        if !self.tasks.ask(kind) {
            self.chrome.info("A file dialog is already open.");
        }
    }

    /// Asks about unsaved changes before `then`; `true` when the prompt is shown.
    fn guard_unsaved(&mut self, then: After) -> bool {
        if self.session.doc.is_dirty() {
            self.chrome.modal = Some(Modal::Unsaved(then));
            true
        } else {
            false
        }
    }

    fn resolve_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(Modal::Unsaved(then)) = self.chrome.modal.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Save => {
                self.session.after_save = Some(then);
                let doc = &self.session.doc;
                if doc.path.is_none() || doc.read_only {
                    // Never saved (or not ours to save): ask where, and carry on once saved.
                    self.queue.push(Command::SaveAs);
                    return;
                }
                self.save();
                if self.chrome.modal.is_some() {
                    // The file changed on disk: the user decides first, and the quit waits.
                    self.session.after_save = None;
                }
            }
            UnsavedChoice::Discard => {
                // Mark clean so the follow-up action does not ask again.
                self.session.doc.history.mark_saved();
                self.queue.push(then.command());
            }
        }
    }

    /// Where a save is suggested: beside the briefing's file, else where files were last
    /// used (else Documents, else home).
    pub(super) fn save_folder(&self) -> PathBuf {
        match self.session.doc.path.as_deref().and_then(|p| p.parent()) {
            Some(dir) if dir.is_dir() => dir.to_owned(),
            _ => self.prefs.settings.start_folder(),
        }
    }

    fn export_suggestion(&self, format: ExportFormat) -> PathBuf {
        let doc = &self.session.doc;
        let ext = format.extension();
        match &doc.path {
            Some(p) => p.with_extension(ext),
            None => self
                .prefs
                .settings
                .start_folder()
                .join(format!("{}.{ext}", file_stem_for(&doc.briefing.title))),
        }
    }

    fn export_to(&mut self, p: PathBuf, format: ExportFormat) {
        let text = format.export(&self.session.doc.briefing);
        match crate::atomic::write_atomic(&p, text.as_bytes(), false) {
            Ok(()) => {
                self.prefs.settings.used_folder(&p);
                self.chrome.resolved(Topic::Export);
                let open = self.session.doc.briefing.conflicts.len();
                if open > 0 {
                    self.chrome.show(
                        Message::new(
                            Level::Warning,
                            format!(
                                "Exported to {}, with {open} merge conflict(s) not yet reviewed; the status bar lists them.",
                                p.display()
                            ),
                        )
                        .about(Topic::Export),
                    );
                } else {
                    self.chrome.info(format!("Exported to {}", p.display()));
                }
            }
            Err(e) => self.chrome.show(
                Message::new(
                    Level::Error,
                    format!("Could not export to {}: {e}", p.display()),
                )
                .about(Topic::Export),
            ),
        }
    }

    fn after_history_step(&mut self, result: Result<bool, crate::edit::EditError>, what: &str) {
        match result {
            Ok(true) => self.view.forget_missing(&self.session.doc),
            Ok(false) => {}
            Err(e) => self.chrome.error(format!("Could not {what}: {e}")),
        }
    }

    fn update_claim(&mut self, mut claim: Claim, field: ClaimField) {
        let Some((article, _)) = self.session.doc.briefing.find_claim(claim.id) else {
            return;
        };
        let article = article.id;
        claim.modified = now();
        let key = MergeKey::Claim(claim.id, field);
        let edit = Edit::ReplaceClaim {
            article,
            claim: Box::new(claim),
        };
        self.edit_merging(edit, Some(key));
    }

    fn delete_claim(&mut self, id: ClaimId) {
        let Some((a, _)) = self.session.doc.briefing.find_claim(id) else {
            return;
        };
        let article = a.id;
        if self.edit(Edit::RemoveClaim { article, id }) && self.view.selected_claim == Some(id) {
            self.view.selected_claim = None;
        }
    }

    /// Tags the reader's selection; with none, sets the selected claim's status.
    fn tag(&mut self, status: Status) {
        let selection = self
            .view
            .reader
            .selection
            .map(|s| s.range())
            .filter(|r| !r.is_empty());
        let article = self.view.current_article(&self.session.doc);
        let (Some(article), Some(range)) = (article, selection) else {
            self.set_selected_status(status);
            return;
        };
        let index = TextIndex::new(&article.text);
        let range = index.snap_to_graphemes(range);
        let end = range.end;
        let article_id = article.id;
        match Anchor::new(&index, range) {
            Ok(anchor) => {
                let mut claim = Claim::new(status, anchor, now());
                // Who says it and who relays it, read from the text, marked as suggested
                // until the analyst accepts or edits them.
                crate::attribution::suggest_attribution(&mut claim, article);
                let id = claim.id;
                if self.edit(Edit::AddClaim {
                    article: article_id,
                    claim: Box::new(claim),
                }) {
                    self.view.selected_claim = Some(id);
                    // Nothing stays selected; the caret waits after the words just tagged.
                    self.view.reader.selection = Some(Selection::caret(end));
                    self.announce_tagged(id, status);
                }
            }
            Err(e) => self
                .chrome
                .error(format!("Could not tag that selection: {e}")),
        }
    }

    /// No text selected: the tag shortcut changes the selected claim's status instead.
    fn set_selected_status(&mut self, status: Status) {
        let Some(id) = self.view.selected_claim else {
            self.chrome
                .info("Select some text in the article first, then tag it.");
            return;
        };
        if let Some((_, claim)) = self.session.doc.briefing.find_claim(id)
            && claim.status != status
        {
            let mut c = claim.clone();
            c.status = status;
            self.queue.push(Command::UpdateClaim {
                claim: Box::new(c),
                field: ClaimField::Status,
            });
            self.session.doc.history.seal();
            self.chrome.announce(format!("Status changed to {status}"));
        }
    }

    fn reveal(&mut self, ctx: &egui::Context, id: ClaimId) {
        let Some((article, claim)) = self.session.doc.briefing.find_claim(id) else {
            return;
        };
        let (article, range, orphaned) = (article.id, claim.anchor.range(), claim.anchor.orphaned);
        self.view.current = Some(article);
        self.view.selected_claim = Some(id);
        self.session.doc.history.seal();
        if let Some(a) = self.session.doc.briefing.article(article) {
            self.view.reader.show_article(a);
        }
        if !orphaned {
            self.view.reader.reveal(range, ctx.input(|i| i.time));
        }
    }

    fn set_text_size(&mut self, ctx: &egui::Context, size: f32) {
        let size = size.clamp(*TEXT_SIZES.start(), *TEXT_SIZES.end()).round();
        self.prefs.settings.text_size = size;
        self.prefs.apply_text_size(ctx);
    }

    /// Next or previous claim in the claims list's order (wrapping): selected, its article
    /// open and the reader on it.
    fn step_claim(&mut self, by: i32) {
        let order = self.view.claims_list.order(&self.session.doc.briefing);
        if order.is_empty() {
            self.chrome
                .info("No claims to go to (none match the claims list's filters).");
            return;
        }
        let n = order.len() as i64;
        let at = self
            .view
            .selected_claim
            .and_then(|id| order.iter().position(|c| *c == id));
        let i = match at {
            Some(i) => (i as i64 + i64::from(by)).rem_euclid(n),
            None if by >= 0 => 0,
            None => n - 1,
        } as usize;
        self.view.claims_list.reveal = Some(order[i]);
        self.queue.push(Command::RevealClaim(order[i]));
    }

    /// A briefing-wide find result: its article, the match selected and in view.
    fn show_match(&mut self, ctx: &egui::Context, article: ArticleId, range: Range<usize>) {
        let Some(a) = self.session.doc.briefing.article(article) else {
            return;
        };
        if self.view.current != Some(article) {
            self.view.current = Some(article);
            self.view.selected_claim = None;
            self.view.find.current = None;
        }
        self.view.reader.show_article(a);
        self.view.reader.select(range.clone());
        self.view.reader.reveal(range, ctx.input(|i| i.time));
    }

    fn find_step(&mut self, forward: bool) {
        let Some(article) = self.view.current_article(&self.session.doc) else {
            return;
        };
        let view = &mut self.view;
        view.find.update(article.id, &article.text);
        let from = view.reader.selection.map(|s| s.range().start);
        let found = if forward {
            view.find.next(from)
        } else {
            view.find.previous()
        };
        if let Some(r) = found {
            view.reader.select(r.clone());
            view.reader.scroll_to(r.start);
            let i = TextIndex::new(&article.text);
            let context = format!(
                "…{}{}{}…",
                i.chars_before(r.start, 30),
                i.slice(r.clone()).unwrap_or_default(),
                i.chars_after(r.end, 30)
            );
            let at = view.find.current.map_or(0, |c| c + 1);
            let n = view.find.matches.len();
            let context = crate::text::snippet(&context, 90);
            self.chrome
                .announce(format!("{n} matches, {at} of {n}: {context}"));
        } else {
            self.chrome.announce("No matches");
        }
        view.find.focus = true;
    }

    fn copy_selection(&mut self, ctx: &egui::Context) {
        let article = self.view.current_article(&self.session.doc);
        let (Some(a), Some(sel)) = (article, self.view.reader.selection) else {
            return;
        };
        let idx = TextIndex::new(&a.text);
        if let Some(s) = idx.slice(sel.range()).filter(|s| !s.is_empty()) {
            let s = s.to_owned();
            ctx.copy_text(s.clone());
            self.view.copied = Some(s);
        }
    }
}
