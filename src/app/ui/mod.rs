//! The window's views, one file per panel or modal. Each reads the state it is given and
//! pushes commands; the panels that keep state of their own (the find bar, the claims list's
//! filter, fields being typed in) own it as a struct in their file.

pub mod article_details;
mod article_view;
pub mod briefing_find;
pub mod claim_editor;
pub mod claims_list;
pub mod find_bar;
pub mod hypotheses;
pub mod judgments;
mod menu_bar;
pub mod messages;
pub mod modals;
mod outline;
pub mod shortcuts;
mod status_bar;
pub mod suggestions;
mod toolbar;
mod widgets;

use egui::Ui;

use super::command::{Command, CommandQueue, PanelTab, Side};
use super::settings::Settings;
use super::state::{Message, ViewState};
use super::{layout, reader};
use crate::document::Document;

/// Whether the keyboard belongs to a widget other than the reader: a text field (which keeps
/// its own undo, Delete and arrows) or a widget that takes keys of its own (a matrix cell).
/// The reader takes focus too, but it is not typed in: the window's keys still work.
pub fn typing(ctx: &egui::Context) -> bool {
    ctx.memory(|m| m.focused().is_some_and(|f| f != reader::document_id()))
        && ctx.egui_wants_keyboard_input()
}

/// Which state of which briefing: the document opened in the window, and its history's
/// revision.
pub type Version = (u64, u64);

/// Something worked out from the briefing (similar claims, sources, scores), kept between
/// frames while `at` (the briefing's [`Shared::version`], and what else it depends on) is
/// unchanged: frame cost does not grow with the number of claims.
#[derive(Debug, Default)]
pub struct Derived<K, V> {
    at: Option<K>,
    value: V,
}

impl<K: PartialEq, V> Derived<K, V> {
    /// The value kept for `at`, without working it out if there is none.
    pub fn peek(&self, at: &K) -> Option<&V> {
        (self.at.as_ref() == Some(at)).then_some(&self.value)
    }

    pub fn get(&mut self, at: K, work: impl FnOnce() -> V) -> &V {
        if self.at.as_ref() != Some(&at) {
            self.value = work();
            self.at = Some(at);
        }
        &self.value
    }
}

/// What every view may read this frame.
pub struct Shared<'a> {
    pub doc: &'a Document,
    pub settings: &'a Settings,
    pub messages: &'a [Message],
    /// A file dialog is open: actions that would open another are disabled.
    pub dialog_open: bool,
    /// The files being imported in the background.
    pub importing: Option<String>,
    pub autosave_on: bool,
    pub modal_open: bool,
    /// Side panels were hidden last frame for want of room.
    pub squeezed: bool,
    /// The live region's text.
    pub announcement: &'a str,
    /// Every claim's label (C1, R2…), as the export and the command line give them.
    pub labels: &'a std::collections::BTreeMap<crate::model::ClaimId, String>,
    /// Changes whenever the briefing may have: the document opened and its history's revision.
    pub version: Version,
}

/// Lays out the window: menu and toolbar, status bar, outline, claims, and the article.
/// The side panels get what the reader can spare (see [`crate::app::layout`]).
pub fn panels(ui: &mut Ui, shared: &Shared, view: &mut ViewState, queue: &mut CommandQueue) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| menu_bar::show(ui, shared, view, queue));
        toolbar::show(ui, shared, queue);
    });
    egui::Panel::bottom("status").show(ui, |ui| status_bar::show(ui, shared, queue));
    let settings = shared.settings;
    let reader_min = reader::min_width(ui, settings.text_size);
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let panel_char = reader::mean_char_width(ui, body * 0.8);
    let fit = layout::fit(
        ui.available_width(),
        reader_min,
        layout::MIN_PANEL_CHARS * panel_char,
        settings.show_outline,
        settings.show_claims,
    );
    view.squeezed = fit.squeezed;
    let mut outline_open = fit.outline.is_some();
    let outline = fit
        .outline
        .unwrap_or(egui::Rangef::point(layout::MIN_PANEL));
    // Before the handles register this frame, so that focus passes on from them in it.
    let resize_handles = [
        panel_resize_id(ui, "outline"),
        panel_resize_id(ui, "claims"),
    ];
    skip_resize_handles(ui.ctx(), &resize_handles);
    egui::Panel::left("outline")
        .resizable(true)
        .default_size(260.0)
        .size_range(outline)
        .show_collapsible(ui, &mut outline_open, |ui| {
            outline::show(ui, shared, view, queue)
        });
    if fit.outline.is_some() && !outline_open {
        // Dragged shut, or its edge double-clicked.
        queue.push(Command::ShowPanel(Side::Outline, false));
    }
    let mut claims_open = fit.claims.is_some();
    let claims = fit.claims.unwrap_or(egui::Rangef::point(layout::MIN_PANEL));
    // The claims panel takes its place now but is filled after the reader, so that Tab goes
    // outline → reader → claims, as the window reads.
    let claims_area = egui::Panel::right("claims")
        .resizable(true)
        .default_size(340.0)
        .size_range(claims)
        .show_collapsible(ui, &mut claims_open, |ui| ui.max_rect())
        .map(|r| r.inner);
    if fit.claims.is_some() && !claims_open {
        queue.push(Command::ShowPanel(Side::Claims, false));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        widgets::region(ui, "Reader");
        article_view::show(ui, shared, view, queue)
    });
    if let Some(rect) = claims_area {
        let mut panel = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min))
                .accessibility_role(egui::accesskit::Role::Region)
                .accessibility_label("Claims panel"),
        );
        panel.shrink_clip_rect(rect);
        let selected = view.selected_claim;
        let article = view.current_article(shared.doc);
        // Read only while the tab is shown: an analyst who never opens it pays nothing.
        let on_suggestions = view.tab == PanelTab::Suggestions;
        let suggested = view
            .suggestions
            .refresh(shared.version, article, on_suggestions);
        tabs(&mut panel, shared, view.tab, suggested, queue);
        match view.tab {
            PanelTab::Claims => {
                view.claims_list.show(&mut panel, shared, selected, queue);
                let judgment = view.judgments.selected;
                view.claim_editor
                    .show(&mut panel, shared, selected, judgment, queue);
            }
            PanelTab::Judgments => view.judgments.show(&mut panel, shared, selected, queue),
            PanelTab::Suggestions => view.suggestions.show(&mut panel, shared, article, queue),
        }
    }
    if view.briefing_find.open {
        view.briefing_find.show(ui, shared, queue);
    }
    if view.hypotheses.open {
        view.hypotheses.show(ui, shared, view.selected_claim, queue);
    }
}

/// The right panel's tabs: the claims, the key judgments, or the suggested claims
/// (`suggested`: how many the open article has, if the engine reads its language).
fn tabs(
    ui: &mut Ui,
    shared: &Shared,
    tab: PanelTab,
    suggested: Option<usize>,
    queue: &mut CommandQueue,
) {
    use crate::app::actions::Action;
    let b = &shared.doc.briefing;
    ui.horizontal_wrapped(|ui| {
        // Every claim has a label: their count is the claims' count, kept between frames.
        let claims = format!("Claims ({})", shared.labels.len());
        let judgments = format!("Key judgments ({})", b.judgments.len());
        let suggestions = match suggested {
            Some(n) => format!("Suggestions ({n})"),
            None => "Suggestions".to_owned(),
        };
        for (which, text, action) in [
            (PanelTab::Claims, claims, Action::ToggleJudgments),
            (PanelTab::Judgments, judgments, Action::ToggleJudgments),
            (
                PanelTab::Suggestions,
                suggestions,
                Action::ToggleSuggestions,
            ),
        ] {
            let r = ui.selectable_label(tab == which, text);
            let r = r.on_hover_text(action.hint(ui.ctx()));
            ui.ctx().accesskit_node_builder(r.id, |node| {
                node.set_role(egui::accesskit::Role::Tab);
                node.set_selected(tab == which);
            });
            if r.clicked() && tab != which {
                queue.push(Command::ShowTab(which));
            }
        }
    });
}

/// The id egui gives a side panel's resize handle.
fn panel_resize_id(ui: &Ui, panel: &str) -> egui::Id {
    ui.scope_id()
        .with_salt(egui::IdSalt::new(panel))
        .with("__resize")
}

/// A panel's resize handle is for the mouse (and AccessKit's resize actions): Tab passes
/// over it rather than stopping on an invisible separator.
fn skip_resize_handles(ctx: &egui::Context, handles: &[egui::Id]) {
    // Which way the last Tab went: the handle is passed over in the same direction.
    let key = egui::Id::unique("briefing-notes last tab went back");
    let tab = ctx.input(|i| {
        i.events.iter().rev().find_map(|e| match e {
            egui::Event::Key {
                key: egui::Key::Tab,
                pressed: true,
                modifiers,
                ..
            } => Some(modifiers.shift),
            _ => None,
        })
    });
    if let Some(back) = tab {
        ctx.data_mut(|d| d.insert_temp(key, back));
    }
    let on_handle = ctx.memory(|m| m.focused().is_some_and(|f| handles.contains(&f)));
    if on_handle {
        let back = ctx.data(|d| d.get_temp::<bool>(key)).unwrap_or(false);
        let direction = if back {
            egui::FocusDirection::Previous
        } else {
            egui::FocusDirection::Next
        };
        ctx.memory_mut(|m| m.move_focus(direction));
        ctx.request_repaint();
    }
}
