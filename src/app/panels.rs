//! The window's panels. Each reads the state and pushes commands; none changes the briefing.

use egui::{Key, RichText, TextEdit, Ui};

use super::command::{ChangedChoice, Command, RecoveryChoice, UnsavedChoice};
use super::dialogs::DialogKind;
use super::shortcuts;
use super::theme::{status_color, status_letter};
use super::{BriefingApp, Modal};
use crate::edit::BriefingField;
use crate::model::{ArticleMeta, Claim, Credibility, Reliability, Status, StatusCounts};
use crate::text::snippet;

/// A text field under its label (the label is also its accessible name); `rows > 1` makes it
/// multi-line. Every editable text in the window goes through here.
fn labelled_field(ui: &mut Ui, label: &str, value: &mut String, rows: usize) -> egui::Response {
    let l = ui.label(label);
    let edit = if rows > 1 {
        TextEdit::multiline(value).desired_rows(rows)
    } else {
        TextEdit::singleline(value)
    };
    ui.add(edit.desired_width(f32::INFINITY).id_salt(label))
        .labelled_by(l.id)
}

fn shortcut_text(ctx: &egui::Context, s: &egui::KeyboardShortcut) -> String {
    ctx.format_shortcut(s)
}

impl BriefingApp {
    pub(super) fn panels(&mut self, ui: &mut Ui) {
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus(ui));
            self.toolbar(ui);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("outline")
            .resizable(true)
            .default_size(260.0)
            .min_size(180.0)
            .show(ui, |ui| self.outline(ui));
        egui::Panel::right("claims")
            .resizable(true)
            .default_size(340.0)
            .min_size(240.0)
            .show(ui, |ui| self.claims_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
    }

    fn menus(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let item = |ui: &mut Ui, label: &str, s: Option<&egui::KeyboardShortcut>, enabled: bool| {
            let mut b = egui::Button::new(label);
            if let Some(s) = s {
                b = b.shortcut_text(shortcut_text(&ctx, s));
            }
            ui.add_enabled(enabled, b).clicked()
        };
        let idle = !self.dialog_open();
        ui.menu_button("File", |ui| {
            if item(ui, "New", Some(&shortcuts::NEW), true) {
                self.push(Command::New);
            }
            if item(ui, "Open…", Some(&shortcuts::OPEN), idle) {
                self.push(Command::Open);
            }
            ui.menu_button("Open Recent", |ui| {
                if self.settings.recent.is_empty() {
                    ui.label("No recent briefings");
                }
                for p in self.settings.recent.clone() {
                    let name = p.display().to_string();
                    if p.exists() {
                        if ui.button(&name).clicked() {
                            self.push(Command::OpenPath(p));
                        }
                    } else {
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(format!("{name} (missing)")).weak());
                            if ui.small_button("Remove").clicked() {
                                self.push(Command::ForgetRecent(p.clone()));
                            }
                        });
                    }
                }
            });
            ui.separator();
            if item(ui, "Save", Some(&shortcuts::SAVE), idle) {
                self.push(Command::Save);
            }
            if item(ui, "Save As…", Some(&shortcuts::SAVE_AS), idle) {
                self.push(Command::SaveAs);
            }
            if item(ui, "Export Markdown…", Some(&shortcuts::EXPORT), idle) {
                self.push(Command::Export);
            }
            ui.separator();
            if item(ui, "Add Article…", None, idle) {
                self.push(Command::AddArticles);
            }
            if item(ui, "Paste Article…", None, true) {
                self.push(Command::ShowPasteForm);
            }
            ui.separator();
            if item(ui, "Quit", Some(&shortcuts::QUIT), true) {
                self.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            if item(
                ui,
                "Undo",
                Some(&shortcuts::UNDO),
                self.doc.history.can_undo(),
            ) {
                self.push(Command::Undo);
            }
            if item(
                ui,
                "Redo",
                Some(&shortcuts::REDO),
                self.doc.history.can_redo(),
            ) {
                self.push(Command::Redo);
            }
            ui.separator();
            for status in Status::ALL {
                if item(
                    ui,
                    &format!("Tag as {status}"),
                    Some(&shortcuts::for_status(status)),
                    true,
                ) {
                    self.push(Command::Tag(status));
                }
            }
            if item(ui, "Delete Claim", None, self.selected_claim.is_some()) {
                self.push(Command::DeleteSelectedClaim);
            }
            ui.separator();
            if item(
                ui,
                "Find in Article…",
                Some(&shortcuts::FIND),
                self.current.is_some(),
            ) {
                self.push(Command::OpenFind);
            }
        });
        ui.menu_button("View", |ui| {
            use super::settings::ThemeChoice;
            let before = self.settings.theme;
            ui.radio_value(
                &mut self.settings.theme,
                ThemeChoice::System,
                "Follow system theme",
            );
            ui.radio_value(&mut self.settings.theme, ThemeChoice::Light, "Light");
            ui.radio_value(&mut self.settings.theme, ThemeChoice::Dark, "Dark");
            if before != self.settings.theme {
                self.apply_theme(ui.ctx());
            }
            ui.separator();
            ui.horizontal(|ui| {
                let label = ui.label("Text size");
                ui.add(egui::Slider::new(&mut self.settings.text_size, 12.0..=28.0))
                    .labelled_by(label.id);
            });
        });
    }

    fn toolbar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Tag selection:");
            let dark = ui.visuals().dark_mode;
            for status in Status::ALL {
                let text = RichText::new(format!("{} {status}", status_letter(status)))
                    .color(status_color(status, dark));
                let hint = format!(
                    "Tag the selected text as {status} ({})",
                    shortcut_text(ui.ctx(), &shortcuts::for_status(status))
                );
                if ui.button(text).on_hover_text(hint).clicked() {
                    self.push(Command::Tag(status));
                }
            }
            ui.separator();
            if ui
                .button("Find")
                .on_hover_text("Find in the article (Ctrl+F)")
                .clicked()
            {
                self.push(Command::OpenFind);
            }
            if ui
                .add_enabled(self.doc.history.can_undo(), egui::Button::new("Undo"))
                .clicked()
            {
                self.push(Command::Undo);
            }
            if ui
                .add_enabled(self.doc.history.can_redo(), egui::Button::new("Redo"))
                .clicked()
            {
                self.push(Command::Redo);
            }
        });
    }

    fn status_bar(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let where_ = match &self.doc.path {
                Some(p) => p.display().to_string(),
                None => "Not saved to a file yet".to_owned(),
            };
            ui.label(where_);
            ui.separator();
            if self.doc.read_only {
                ui.label(RichText::new("Read-only (open in another window)").strong())
                    .on_hover_text("Save As makes a copy you can change.");
            } else if self.doc.is_dirty() {
                let text = if self.autosave_on() {
                    "Unsaved changes (kept for recovery)"
                } else {
                    "Unsaved changes"
                };
                ui.label(RichText::new(text).strong());
            } else {
                ui.label("Saved");
            }
            ui.separator();
            let c = self.doc.briefing.counts();
            let dark = ui.visuals().dark_mode;
            for status in Status::ALL {
                ui.label(
                    RichText::new(format!("{status}: {}", c.get(status)))
                        .color(status_color(status, dark)),
                );
            }
            let orphans = self.doc.orphans().len();
            if orphans > 0 {
                ui.separator();
                let text = RichText::new(format!("{orphans} orphaned claim(s)"))
                    .color(ui.visuals().warn_fg_color);
                if ui
                    .button(text)
                    .on_hover_text("Claims whose words are no longer in their article")
                    .clicked()
                {
                    self.push(Command::ShowOrphans);
                }
            }
            if self.dialog_open() {
                ui.separator();
                ui.spinner();
                ui.label("Waiting for the file dialog…");
            }
            if let Some(names) = self.importing() {
                ui.separator();
                ui.spinner();
                ui.label(format!("Importing {names}…"));
            }
        });
    }

    fn outline(&mut self, ui: &mut Ui) {
        let b = &self.doc.briefing;
        let (title, analyst, summary) = (b.title.clone(), b.analyst.clone(), b.summary.clone());
        // Open in another window: shown, not changeable (Save As makes a copy to change).
        let read_only = self.doc.read_only;
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("outline")
            .show(ui, |ui| {
                ui.heading("Briefing");
                ui.add_enabled_ui(!read_only, |ui| {
                    for (field, label, mut value, rows) in [
                        (BriefingField::Title, "Title", title, 1),
                        (BriefingField::Analyst, "Analyst", analyst, 1),
                        (BriefingField::Summary, "Bottom line", summary, 4),
                    ] {
                        if labelled_field(ui, label, &mut value, rows).changed() {
                            commands.push(Command::SetField { field, value });
                        }
                    }
                });
                ui.separator();
                ui.horizontal(|ui| {
                    ui.heading("Articles");
                    if ui
                        .add_enabled(!self.dialog_open() && !read_only, egui::Button::new("Add…"))
                        .on_hover_text(
                            "Add article files (saved web pages, .md, .txt); you can also drop files on the window",
                        )
                        .clicked()
                    {
                        commands.push(Command::AddArticles);
                    }
                    if ui
                        .add_enabled(!read_only, egui::Button::new("Paste…"))
                        .on_hover_text("Paste an article's text")
                        .clicked()
                    {
                        commands.push(Command::ShowPasteForm);
                    }
                });
                let dark = ui.visuals().dark_mode;
                for (i, a) in self.doc.briefing.articles.iter().enumerate() {
                    let counts = StatusCounts::of(&a.claims);
                    let selected = self.current == Some(a.id);
                    let mut job = RichText::new(format!("{}. {}", i + 1, a.title));
                    if selected {
                        job = job.strong();
                    }
                    ui.horizontal(|ui| {
                        if ui.selectable_label(selected, job).clicked() {
                            commands.push(Command::SelectArticle(a.id));
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.add_space(12.0);
                        for status in Status::ALL {
                            ui.label(
                                RichText::new(format!(
                                    "{}{}",
                                    status_letter(status),
                                    counts.get(status)
                                ))
                                .color(status_color(status, dark))
                                .small(),
                            );
                        }
                        if !a.outlet.is_empty() {
                            ui.label(RichText::new(&a.outlet).small().weak());
                        }
                        if ui
                            .add_enabled(!read_only, egui::Button::new("Remove").small())
                            .on_hover_text("Remove this article and its claims (undoable)")
                            .clicked()
                        {
                            commands.push(Command::RemoveArticle(a.id));
                        }
                    });
                }
                let details = self
                    .current_article()
                    .map(|a| (a.id, a.meta(), a.added, a.sha256.clone()));
                if let Some((id, meta, added, sha256)) = details {
                    ui.separator();
                    ui.collapsing("Article details", |ui| {
                        if read_only {
                            ui.disable();
                        }
                        let mut edited = meta.clone();
                        let mut changed = false;
                        for (label, value) in [
                            ("Article title", &mut edited.title),
                            ("Outlet", &mut edited.outlet),
                            ("Author", &mut edited.author),
                            ("URL", &mut edited.url),
                            ("Language", &mut edited.language),
                        ] {
                            changed |= labelled_field(ui, label, value, 1).changed();
                        }
                        let mut published = match &self.published_buffer {
                            Some((bid, text)) if *bid == id => text.clone(),
                            _ => meta.published.map(|p| p.to_string()).unwrap_or_default(),
                        };
                        let r = labelled_field(
                            ui,
                            "Published (2025-08-13 or RFC 3339)",
                            &mut published,
                            1,
                        );
                        if r.changed() {
                            match published.trim() {
                                "" => {
                                    edited.published = None;
                                    changed = true;
                                }
                                p => {
                                    if let Ok(v) = p.parse() {
                                        edited.published = Some(v);
                                        changed = true;
                                    }
                                }
                            }
                            self.published_buffer = Some((id, published.clone()));
                        }
                        if r.lost_focus() {
                            self.published_buffer = None;
                        }
                        if self.published_buffer.as_ref().is_some_and(|(_, t)| {
                            !t.trim().is_empty()
                                && t.trim().parse::<crate::model::Published>().is_err()
                        }) {
                            ui.label(
                                RichText::new("Not a date yet: use 2025-08-13")
                                    .color(ui.visuals().warn_fg_color)
                                    .small(),
                            );
                        }
                        reliability_combo(ui, &mut edited);
                        if edited.reliability != meta.reliability {
                            changed = true;
                        }
                        if changed && edited != meta {
                            commands.push(Command::SetArticleMeta { id, meta: edited });
                        }
                        ui.label(
                            RichText::new(format!(
                                "Added {} · SHA-256 {}",
                                added.format("%Y-%m-%d %H:%M UTC"),
                                &sha256[..12.min(sha256.len())]
                            ))
                            .small()
                            .weak(),
                        );
                    });
                }
            });
        self.commands.extend(commands);
    }

    fn claims_panel(&mut self, ui: &mut Ui) {
        ui.heading("Claims");
        let dark = ui.visuals().dark_mode;
        ui.horizontal(|ui| {
            for (i, status) in Status::ALL.into_iter().enumerate() {
                let text = RichText::new(status.label()).color(status_color(status, dark));
                ui.toggle_value(&mut self.filter.show[i], text)
                    .on_hover_text(format!("Show {status} claims"));
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label("Search");
            ui.add(
                TextEdit::singleline(&mut self.filter.search)
                    .hint_text("quote, note, speaker…")
                    .desired_width(150.0),
            )
            .labelled_by(l.id);
            let sort = if self.filter.newest_first {
                "Newest first"
            } else {
                "By position"
            };
            if ui
                .button(sort)
                .on_hover_text("Sort by position in the articles, or newest first")
                .clicked()
            {
                self.filter.newest_first = !self.filter.newest_first;
            }
        });
        ui.separator();
        let rows = self.visible_claims();
        let many_articles = self.doc.briefing.articles.len() > 1;
        let editor_height = if self.selected_claim.is_some() {
            330.0
        } else {
            40.0
        };
        let list_height = (ui.available_height() - editor_height).max(120.0);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
        let mut commands = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("claims list")
            .max_height(list_height)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for &(ai, ci) in &rows[range] {
                    let a = &self.doc.briefing.articles[ai];
                    let c = &a.claims[ci];
                    let selected = self.selected_claim == Some(c.id);
                    let color = status_color(c.status, dark);
                    let mut first = format!(
                        "{} “{}”",
                        status_letter(c.status),
                        snippet(&c.anchor.quote, 60)
                    );
                    if c.anchor.orphaned {
                        first.push_str(" (orphaned)");
                    }
                    let mut second = [c.speaker.as_str(), c.via.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" via ");
                    if many_articles {
                        second = format!("{second} · {}", snippet(&a.title, 30));
                    }
                    if !c.note.is_empty() {
                        second = format!("{second} — {}", snippet(&c.note, 40));
                    }
                    let text = format!("{first}\n{}", second.trim_start_matches(" · "));
                    let r = claim_row(ui, &text, selected, color, row_height - 4.0);
                    if r.clicked() {
                        commands.push(Command::RevealClaim(c.id));
                    }
                }
            });
        if rows.is_empty() {
            ui.label(RichText::new("No claims to show. Select text in the article and press Ctrl+1, Ctrl+2 or Ctrl+3.").weak());
        }
        ui.separator();
        self.commands.extend(commands);
        self.claim_editor(ui);
    }

    /// (article index, claim index) of the claims passing the filter, in list order.
    fn visible_claims(&self) -> Vec<(usize, usize)> {
        let q = self.filter.search.to_lowercase();
        let mut rows: Vec<(usize, usize)> = Vec::new();
        for (ai, a) in self.doc.briefing.articles.iter().enumerate() {
            for (ci, c) in a.claims.iter().enumerate() {
                let shown =
                    self.filter.show[Status::ALL.iter().position(|s| *s == c.status).unwrap_or(0)];
                let matches = q.is_empty()
                    || [&c.anchor.quote, &c.note, &c.speaker, &c.via]
                        .iter()
                        .any(|f| f.to_lowercase().contains(&q))
                    || c.tags.iter().any(|t| t.to_lowercase().contains(&q));
                if shown && matches {
                    rows.push((ai, ci));
                }
            }
        }
        if self.filter.newest_first {
            let b = &self.doc.briefing;
            rows.sort_by_key(|&(ai, ci)| std::cmp::Reverse(b.articles[ai].claims[ci].created));
        }
        rows
    }

    fn claim_editor(&mut self, ui: &mut Ui) {
        let Some(claim) = self
            .selected_claim
            .and_then(|id| self.doc.briefing.find_claim(id))
            .map(|(_, c)| c.clone())
        else {
            ui.label(RichText::new("Select a claim to edit its note and attribution.").weak());
            return;
        };
        if self.doc.read_only {
            ui.disable();
        }
        let mut commands = Vec::new();
        let update = |commands: &mut Vec<Command>, c: Claim, field: &'static str| {
            commands.push(Command::UpdateClaim {
                claim: Box::new(c),
                field,
            });
        };
        egui::ScrollArea::vertical().id_salt("claim editor").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong("Status");
                let dark = ui.visuals().dark_mode;
                for status in Status::ALL {
                    let text = RichText::new(status.label()).color(status_color(status, dark));
                    if ui.selectable_label(claim.status == status, text).clicked() && claim.status != status {
                        let mut c = claim.clone();
                        c.status = status;
                        update(&mut commands, c, "status");
                    }
                }
            });
            ui.label(RichText::new(format!("“{}”", snippet(&claim.anchor.quote, 200))).italics());
            if claim.anchor.orphaned {
                ui.label(RichText::new("This claim's words are no longer in the article's text. It is kept as it was tagged.").color(ui.visuals().warn_fg_color));
            }
            type Slot = fn(&mut Claim) -> &mut String;
            let fields: [(&str, &'static str, Slot, usize); 3] = [
                ("Note", "note", |c| &mut c.note, 4),
                ("Speaker (who makes the claim)", "speaker", |c| &mut c.speaker, 1),
                ("Via (who relays it)", "via", |c| &mut c.via, 1),
            ];
            for (label, field, slot, rows) in fields {
                let mut c = claim.clone();
                if labelled_field(ui, label, slot(&mut c), rows).changed() {
                    update(&mut commands, c, field);
                }
            }
            ui.horizontal(|ui| {
                let l = ui.label("Credibility");
                let current = claim.credibility.map(|c| format!("{c} – {}", c.meaning())).unwrap_or_else(|| "not graded".into());
                egui::ComboBox::from_id_salt("credibility")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        let mut choice = claim.credibility;
                        ui.selectable_value(&mut choice, None, "not graded");
                        for v in 1..=6 {
                            let c = Credibility::new(v);
                            let label = c.map(|c| format!("{c} – {}", c.meaning())).unwrap_or_default();
                            ui.selectable_value(&mut choice, c, label);
                        }
                        if choice != claim.credibility {
                            let mut c = claim.clone();
                            c.credibility = choice;
                            update(&mut commands, c, "credibility");
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
            let mut tags = match &self.tags_buffer {
                Some((id, t)) if *id == claim.id => t.clone(),
                _ => claim.tags.iter().cloned().collect::<Vec<_>>().join(", "),
            };
            let r = labelled_field(ui, "Tags (comma-separated)", &mut tags, 1);
            if r.changed() {
                let mut c = claim.clone();
                c.tags = tags.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
                self.tags_buffer = Some((claim.id, tags.clone()));
                if c.tags != claim.tags {
                    update(&mut commands, c, "tags");
                }
            }
            if r.lost_focus() {
                self.tags_buffer = None;
            }
            ui.horizontal(|ui| {
                if ui.button("Delete claim").on_hover_text("Delete (undo with Ctrl+Z)").clicked() {
                    commands.push(Command::DeleteClaim(claim.id));
                }
                if ui.button("Show in article").clicked() {
                    commands.push(Command::RevealClaim(claim.id));
                }
            });
            ui.label(RichText::new(format!("Created {} · modified {}", claim.created.format("%Y-%m-%d %H:%M"), claim.modified.format("%Y-%m-%d %H:%M"))).small().weak());
        });
        self.commands.extend(commands);
    }

    fn central(&mut self, ui: &mut Ui) {
        let mut dismiss = None;
        for (i, m) in self.messages.iter().enumerate() {
            let color = if m.error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            egui::Frame::group(ui.style()).show(ui, |ui| {
                // A long message wraps within the reader's width instead of widening it.
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    if ui.small_button("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                    ui.add(egui::Label::new(RichText::new(&m.text).color(color)).wrap());
                });
            });
        }
        if let Some(i) = dismiss {
            self.push(Command::DismissMessage(i));
        }
        if self.current_article().is_none() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.heading("No article yet");
                ui.label("Add the articles this briefing rests on: use Add article… or Paste article… below (also in the File menu), or drop saved web pages (.html), .md and .txt files on this window.");
                if ui.add_enabled(!self.dialog_open(), egui::Button::new("Add article…")).clicked() {
                    self.push(Command::AddArticles);
                }
                if ui.button("Paste article…").clicked() {
                    self.push(Command::ShowPasteForm);
                }
            });
            return;
        }
        let highlights = self.highlights();
        let keyboard = !ui.ctx().egui_wants_keyboard_input() && self.modal.is_none();
        // Borrow the fields one by one: the article is read while the reader and the find bar
        // change their own state (no copy of the article's text per frame).
        let Self {
            doc,
            current,
            reader,
            find,
            commands,
            settings,
            selected_claim,
            ..
        } = self;
        let Some(article) = current.and_then(|id| doc.briefing.article(id)) else {
            return;
        };
        if find.open {
            find_bar(ui, find, article, commands);
        }
        ui.vertical_centered(|ui| {
            ui.heading(RichText::new(&article.title).strong());
            let mut line = Vec::new();
            if !article.outlet.is_empty() {
                line.push(article.outlet.clone());
            }
            if !article.author.is_empty() {
                line.push(article.author.clone());
            }
            if let Some(p) = article.published {
                line.push(p.human());
            }
            if !line.is_empty() {
                ui.label(RichText::new(line.join(" · ")).weak());
            }
        });
        ui.separator();
        reader.ui(
            ui,
            article,
            &highlights,
            *selected_claim,
            settings.text_size,
            keyboard,
            commands,
        );
    }

    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.clone() else {
            return;
        };
        let mut close = false;
        let mut commands = Vec::new();
        let mut updated = None;
        egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| match modal {
            Modal::Unsaved(_) => {
                ui.heading("Unsaved changes");
                ui.label(format!("“{}” has changes that are not saved.", self.doc.briefing.title));
                ui.horizontal(|ui| {
                    if ui.button("Save").clicked() {
                        commands.push(Command::ResolveUnsaved(UnsavedChoice::Save));
                    }
                    if ui.button("Discard").clicked() {
                        commands.push(Command::ResolveUnsaved(UnsavedChoice::Discard));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        commands.push(Command::ResolveUnsaved(UnsavedChoice::Cancel));
                    }
                });
            }
            Modal::PathPrompt { kind, mut text } => {
                ui.heading(kind.title());
                ui.label("No file dialog could be shown here. Type the file's path:");
                let l = ui.label("Path");
                let r = ui.add(TextEdit::singleline(&mut text).desired_width(420.0)).labelled_by(l.id);
                r.request_focus();
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    if (ui.button("OK").clicked() || enter) && !text.trim().is_empty() {
                        let path = std::path::PathBuf::from(text.trim());
                        commands.push(match &kind {
                            DialogKind::OpenBriefing => Command::OpenPath(path),
                            DialogKind::SaveBriefing { .. } => Command::SaveTo(super::with_extension(path, "ron")),
                            DialogKind::AddArticles => Command::AddArticlePaths(vec![path]),
                            DialogKind::ExportMarkdown { .. } => Command::ExportTo(super::with_extension(path, "md")),
                        });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                updated = Some(Modal::PathPrompt { kind, text });
            }
            Modal::Paste(mut form) => {
                ui.heading("Paste article");
                for (label, value) in [
                    ("Article title", &mut form.title),
                    ("Outlet", &mut form.outlet),
                    ("URL", &mut form.url),
                    ("Published", &mut form.published),
                ] {
                    labelled_field(ui, label, value, 1);
                }
                let l = ui.label("Article text (paste with Ctrl+V)");
                egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                    ui.add(TextEdit::multiline(&mut form.text).desired_rows(10).desired_width(420.0)).labelled_by(l.id);
                });
                let parsed = form.to_article();
                if let Err(e) = &parsed {
                    ui.label(RichText::new(e).color(ui.visuals().warn_fg_color));
                }
                ui.horizontal(|ui| {
                    let ok = parsed.is_ok() && !form.text.trim().is_empty();
                    if ui.add_enabled(ok, egui::Button::new("Add article")).clicked()
                        && let Ok((meta, text)) = parsed.clone()
                    {
                        commands.push(Command::AddPastedArticle { meta, text });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                updated = Some(Modal::Paste(form));
            }
            Modal::Orphans => {
                ui.heading("Orphaned claims");
                ui.label("Their words are no longer in their article's text. Each is kept with its quote; delete or keep it.");
                for (_, claim) in self.doc.orphans() {
                    let Some((a, c)) = self.doc.briefing.find_claim(claim) else { continue };
                    ui.horizontal(|ui| {
                        ui.label(format!("{} “{}” — {}", c.status, snippet(&c.anchor.quote, 60), snippet(&a.title, 30)));
                        if ui.small_button("Select").clicked() {
                            commands.push(Command::RevealClaim(c.id));
                            close = true;
                        }
                    });
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            }
            Modal::NoArticle(paths) => {
                ui.heading("No article found");
                let names: Vec<String> = paths.iter().map(|p| super::file_name(p)).collect();
                ui.label(format!(
                    "No article was found in {}: it may be a front page or a list of links. You can import all of the page's visible text instead.",
                    names.join(", ")
                ));
                ui.horizontal(|ui| {
                    if ui.button("Import the whole page").clicked() {
                        commands.push(Command::AddWholePages(paths.clone()));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                updated = Some(Modal::NoArticle(paths));
            }
            Modal::Recover(offer) => {
                ui.heading("Restore unsaved work?");
                ui.label("briefing-notes did not close normally. This work was not saved:");
                egui::Grid::new("recover").num_columns(2).show(ui, |ui| {
                    ui.label("Briefing");
                    ui.strong(&offer.title);
                    ui.end_row();
                    ui.label("File");
                    ui.label(match &offer.path {
                        Some(p) => p.display().to_string(),
                        None => "never saved".to_owned(),
                    });
                    ui.end_row();
                    ui.label("Last change");
                    ui.label(offer.written.with_timezone(&chrono::Local).format("%A %-d %B %Y, %H:%M").to_string());
                    ui.end_row();
                    ui.label("Changes");
                    ui.label(&offer.changes);
                    ui.end_row();
                });
                if offer.file_changed_since {
                    ui.label(RichText::new("The file has been changed since by another program: restoring shows your version; saving will ask before replacing the file.").color(ui.visuals().warn_fg_color));
                }
                ui.label("Restoring opens the work unsaved; your file is not changed until you save.");
                if offer.more > 0 {
                    ui.label(format!("{} more unsaved briefing(s) will be offered next.", offer.more));
                }
                ui.horizontal(|ui| {
                    if ui.button("Restore").clicked() {
                        commands.push(Command::ResolveRecovery(RecoveryChoice::Restore));
                    }
                    if ui.button("Discard").clicked() {
                        commands.push(Command::ResolveRecovery(RecoveryChoice::Discard));
                    }
                    if ui.button("Decide later").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        commands.push(Command::ResolveRecovery(RecoveryChoice::Later));
                    }
                });
            }
            Modal::OpenElsewhere(path) => {
                ui.heading("Open in another window");
                ui.label(format!(
                    "{} is open in another briefing-notes window. Two windows changing one file would overwrite each other's work.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Open read-only").clicked() {
                        commands.push(Command::OpenReadOnly(path.clone()));
                    }
                    if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        close = true;
                    }
                });
            }
            Modal::ChangedOnDisk { saving } => {
                ui.heading("The file changed on disk");
                let name = self.doc.display_name();
                ui.label(format!("Another program (an editor, a git pull…) has changed {name} since it was opened here."));
                if self.doc.is_dirty() {
                    ui.label("You have unsaved changes. Reload discards them and shows the file as it is now; Keep mine saves your version under another name.");
                } else {
                    ui.label("Reload shows the file as it is now; Keep mine saves the version in this window under another name.");
                }
                if saving {
                    ui.label("Nothing was saved: saving now would overwrite the other program's changes.");
                }
                ui.horizontal(|ui| {
                    if ui.button("Reload").clicked() {
                        commands.push(Command::ResolveChanged(ChangedChoice::Reload));
                    }
                    if ui.button("Keep mine…").clicked() {
                        commands.push(Command::ResolveChanged(ChangedChoice::KeepMine));
                    }
                    if ui.button("Decide later").clicked() || ui.input(|i| i.key_pressed(Key::Escape)) {
                        commands.push(Command::ResolveChanged(ChangedChoice::Later));
                    }
                });
            }
        });
        if let Some(m) = updated {
            self.modal = Some(m);
        }
        if close {
            self.modal = None;
        }
        self.commands.extend(commands);
    }
}

fn reliability_combo(ui: &mut Ui, meta: &mut ArticleMeta) {
    ui.horizontal(|ui| {
        let l = ui.label("Source reliability");
        let text = meta
            .reliability
            .map(|r| format!("{r} – {}", r.meaning()))
            .unwrap_or_else(|| "not graded".into());
        egui::ComboBox::from_id_salt("reliability")
            .selected_text(text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut meta.reliability, None, "not graded");
                for r in Reliability::ALL {
                    ui.selectable_value(
                        &mut meta.reliability,
                        Some(r),
                        format!("{r} – {}", r.meaning()),
                    );
                }
            })
            .response
            .labelled_by(l.id);
    });
}

/// One row of the claims list: a bar in the claim's status colour, two lines of text, left
/// aligned and cut to fit.
fn claim_row(
    ui: &mut Ui,
    text: &str,
    selected: bool,
    color: egui::Color32,
    height: f32,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, text));
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        3.0,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    painter.rect_filled(
        egui::Rect::from_min_size(rect.min, egui::vec2(4.0, rect.height())),
        2.0,
        color,
    );
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (first, second) = text.split_once('\n').unwrap_or((text, ""));
    let line = |s: &str, color: egui::Color32| {
        let mut job = egui::text::LayoutJob::simple_singleline(s.to_owned(), font.clone(), color);
        job.wrap = egui::text::TextWrapping::truncate_at_width(rect.width() - 16.0);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let top = line(first, visuals.text_color());
    let bottom = line(second, ui.visuals().weak_text_color());
    let gap = 2.0;
    let y = rect.center().y - (top.size().y + gap + bottom.size().y) / 2.0;
    let bottom_y = y + top.size().y + gap;
    painter.galley(egui::pos2(rect.min.x + 10.0, y), top, visuals.text_color());
    painter.galley(
        egui::pos2(rect.min.x + 10.0, bottom_y),
        bottom,
        visuals.text_color(),
    );
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

fn find_bar(
    ui: &mut Ui,
    find: &mut super::find::Find,
    article: &crate::model::Article,
    commands: &mut Vec<Command>,
) {
    find.update(article.id, &article.text);
    ui.horizontal(|ui| {
        let l = ui.label("Find in article");
        let r = ui
            .add(
                TextEdit::singleline(&mut find.query)
                    .id_salt("find field")
                    .hint_text("words in this article")
                    .return_key(None)
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
        if find.focus {
            r.request_focus();
            find.focus = false;
        }
        if r.has_focus() {
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if enter {
                commands.push(if shift {
                    Command::FindPrevious
                } else {
                    Command::FindNext
                });
            }
            if escape {
                commands.push(Command::CloseFind);
            }
        } else if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            commands.push(Command::CloseFind);
        }
        let n = find.matches.len();
        let status = match (find.current, n) {
            (_, 0) if find.query.is_empty() => String::new(),
            (_, 0) => "no matches".to_owned(),
            (Some(c), n) => format!("{} of {n}", c + 1),
            (None, n) => format!("{n} matches"),
        };
        ui.label(status);
        if ui.button("Previous").on_hover_text("Shift+Enter").clicked() {
            commands.push(Command::FindPrevious);
        }
        if ui.button("Next").on_hover_text("Enter").clicked() {
            commands.push(Command::FindNext);
        }
        if ui.button("Close").on_hover_text("Escape").clicked() {
            commands.push(Command::CloseFind);
        }
    });
}
