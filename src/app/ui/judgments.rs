//! The Key Judgments panel (the right panel's second tab): the ranked judgments, each with
//! how many independent sources stand behind it and what to warn about; the selected one's
//! text, likelihood, confidence, note and linked claims. Claims are linked from here or with
//! the link shortcuts.

use egui::{RichText, Ui};

use super::widgets::{choice_combo, claim_row, heading, labelled_field, list, list_item, warning};
use super::{Derived, Shared, Version};
use crate::analysis::{Corroboration, corroboration, judgment_label};
use crate::app::actions::Action;
use crate::app::command::{AnalysisCommand, Command, CommandQueue};
use crate::edit::JudgmentField;
use crate::model::{ClaimId, Confidence, Judgment, JudgmentId, Likelihood, Stance};
use crate::text::{capitalised, snippet};

/// The panel's own state.
#[derive(Debug, Default)]
pub struct JudgmentsPanel {
    /// The judgment the link shortcuts link to.
    pub selected: Option<JudgmentId>,
    /// Put the keyboard in the selected judgment's text on the next frame (just added).
    pub focus_text: bool,
    new_text: String,
    /// Each judgment's sources and warnings, while the briefing is unchanged.
    sources: Derived<Version, Vec<Corroboration>>,
}

fn push(queue: &mut CommandQueue, command: AnalysisCommand) {
    queue.push(Command::Analysis(command));
}

impl JudgmentsPanel {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected_claim: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let b = &shared.doc.briefing;
        heading(ui, "Key judgments");
        if shared.doc.read_only {
            ui.disable();
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("New judgment");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_text)
                        .hint_text("We assess that…")
                        .desired_width((ui.available_width() - 60.0).max(80.0)),
                )
                .labelled_by(l.id);
            // Enter adds what was typed; the button also adds a blank one to write below.
            let enter = r.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && !self.new_text.trim().is_empty();
            if ui
                .button("Add")
                .on_hover_text("Add this key judgment at the end")
                .clicked()
                || enter
            {
                push(
                    queue,
                    AnalysisCommand::AddJudgment(std::mem::take(&mut self.new_text)),
                );
            }
        });
        ui.separator();
        let sources = self.sources.get(shared.version, || {
            b.judgments.iter().map(|j| corroboration(b, j)).collect()
        });
        let row_height = ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 8.0;
        let list_height = if self.selected.is_some() {
            (ui.available_height() * 0.35).max(row_height * 2.0)
        } else {
            ui.available_height() - 20.0
        };
        list(ui, "Key judgments", b.judgments.len(), |ui| {
            egui::ScrollArea::vertical()
                .id_salt("judgments list")
                .max_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, (j, c)) in b.judgments.iter().zip(sources).enumerate() {
                        let is_selected = self.selected == Some(j.id);
                        let text = format!(
                            "{}  {}\n{}",
                            judgment_label(i),
                            snippet(&j.text, 80),
                            badge(c)
                        );
                        let color = if c.warnings.is_empty() {
                            ui.visuals().selection.bg_fill
                        } else {
                            ui.visuals().warn_fg_color
                        };
                        let r = claim_row(ui, &text, is_selected, color, row_height - 4.0);
                        list_item(ui, &r, &spoken(i, j, c), is_selected, i + 1);
                        if r.clicked() {
                            push(queue, AnalysisCommand::SelectJudgment(j.id));
                        }
                    }
                });
        });
        if b.judgments.is_empty() {
            ui.label(
                RichText::new(
                    "No key judgments yet. Write one above: what you assess, resting on the \
                     claims you tagged.",
                )
                .weak(),
            );
        }
        let Some((index, j)) = self
            .selected
            .and_then(|id| b.judgment_index(id))
            .map(|i| (i, &b.judgments[i]))
        else {
            return;
        };
        let Some(c) = sources.get(index).cloned() else {
            return;
        };
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("judgment editor")
            .show(ui, |ui| {
                self.editor(ui, shared, (index, j, &c), selected_claim, queue)
            });
    }

    fn editor(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        (index, j, c): (usize, &Judgment, &Corroboration),
        selected_claim: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let b = &shared.doc.briefing;
        let label = judgment_label(index);
        ui.strong(format!(
            "{label} · ranked {} of {}",
            index + 1,
            b.judgments.len()
        ));
        let mut edited = j.clone();
        let text_label = format!("{label} text");
        let r = labelled_field(ui, &text_label, &mut edited.text, 2);
        if self.focus_text {
            r.request_focus();
            self.focus_text = false;
        }
        if r.changed() {
            update(queue, edited.clone(), Some(JudgmentField::Text));
        }
        let describe_l = |l: Likelihood| format!("{} ({})", l.words(), l.band());
        let (likelihood, all) = (j.likelihood, Likelihood::ALL);
        let none = "not stated";
        if let Some(choice) = choice_combo(
            ui,
            "Likelihood",
            "likelihood",
            likelihood,
            all,
            describe_l,
            none,
        ) {
            let mut e = j.clone();
            e.likelihood = choice;
            update(queue, e, None);
        }
        let describe_c = |c: Confidence| c.words().to_owned();
        let (confidence, all) = (j.confidence, Confidence::ALL);
        if let Some(choice) = choice_combo(
            ui,
            "Confidence",
            "confidence",
            confidence,
            all,
            describe_c,
            none,
        ) {
            let mut e = j.clone();
            e.confidence = choice;
            update(queue, e, None);
        }
        ui.label(RichText::new(capitalised(&c.line())).strong());
        for w in &c.warnings {
            warning(ui, format!("Warning: {}", w.words()));
        }
        self.evidence(ui, shared, j, selected_claim, queue);
        let mut noted = j.clone();
        if labelled_field(ui, &format!("{label} note"), &mut noted.note, 3).changed() {
            update(queue, noted, Some(JudgmentField::Note));
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(index > 0, egui::Button::new("Move up"))
                .clicked()
            {
                push(queue, AnalysisCommand::MoveJudgment(j.id, -1));
            }
            let last = index + 1 < b.judgments.len();
            if ui
                .add_enabled(last, egui::Button::new("Move down"))
                .clicked()
            {
                push(queue, AnalysisCommand::MoveJudgment(j.id, 1));
            }
            let undo = Action::Undo.shortcut_text(ui.ctx()).unwrap_or_default();
            if ui
                .button("Delete judgment")
                .on_hover_text(format!("Delete (undo with {undo})"))
                .clicked()
            {
                push(queue, AnalysisCommand::DeleteJudgment(j.id));
            }
        });
    }

    /// The claims linked to the judgment, and the buttons that link the selected claim.
    fn evidence(
        &self,
        ui: &mut Ui,
        shared: &Shared,
        j: &Judgment,
        selected_claim: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let b = &shared.doc.briefing;
        for stance in [Stance::Supports, Stance::Contradicts] {
            let ids: Vec<ClaimId> = j.claims_with(stance).collect();
            if ids.is_empty() {
                continue;
            }
            ui.label(match stance {
                Stance::Supports => "Supported by",
                Stance::Contradicts => "Contradicted by",
            });
            for id in ids {
                let Some((article, claim)) = b.find_claim(id) else {
                    continue;
                };
                let name = shared.labels.get(&id).map_or("?", String::as_str);
                // Wrapped, so that a long quote does not widen the panel past the window.
                ui.horizontal_wrapped(|ui| {
                    let text = format!(
                        "{name} “{}” · {}",
                        snippet(&claim.anchor.quote, 50),
                        snippet(&article.title, 24)
                    );
                    let r = ui
                        .link(text)
                        .on_hover_text("Show this claim in its article");
                    if r.clicked() {
                        queue.push(Command::RevealClaim(id));
                    }
                    let unlink = ui
                        .small_button("×")
                        .on_hover_text(format!("Unlink {name} from this judgment"));
                    ui.ctx().accesskit_node_builder(unlink.id, |node| {
                        node.set_label(format!("Unlink {name}"));
                    });
                    if unlink.clicked() {
                        push(
                            queue,
                            AnalysisCommand::SetStance {
                                judgment: j.id,
                                claim: id,
                                stance: None,
                            },
                        );
                    }
                });
            }
        }
        let claim = selected_claim.filter(|id| b.find_claim(*id).is_some());
        let name = claim.and_then(|id| shared.labels.get(&id)).cloned();
        ui.horizontal_wrapped(|ui| {
            for (action, stance) in [
                (Action::LinkSupports, Stance::Supports),
                (Action::LinkContradicts, Stance::Contradicts),
            ] {
                let linked = claim.is_some_and(|c| j.stance_of(c) == Some(stance));
                let text = match (&name, linked) {
                    (Some(n), true) => format!("{n} {} (linked)", stance.words()),
                    (Some(n), false) => format!("Link {n}: {}", stance.words()),
                    (None, _) => format!("Link selected claim: {}", stance.words()),
                };
                let r = ui
                    .add_enabled(claim.is_some(), egui::Button::new(text).selected(linked))
                    .on_hover_text(action.hint(ui.ctx()))
                    .on_disabled_hover_text(
                        "Select a claim in the article or the claims list first",
                    );
                if r.clicked() {
                    queue.push(action.command());
                }
            }
        });
    }
}

fn update(queue: &mut CommandQueue, judgment: Judgment, field: Option<JudgmentField>) {
    push(
        queue,
        AnalysisCommand::UpdateJudgment {
            judgment: Box::new(judgment),
            field,
        },
    );
}

/// The list row's second line: sources and the first warning.
fn badge(c: &Corroboration) -> String {
    match c.warnings.first() {
        Some(w) => format!("{} · warning: {}", c.line(), w.words()),
        None => c.line(),
    }
}

/// A judgment as a screen reader says it.
fn spoken(i: usize, j: &Judgment, c: &Corroboration) -> String {
    let mut s = format!(
        "{}: {}. {}",
        judgment_label(i),
        snippet(&j.text, 150),
        c.line()
    );
    for w in &c.warnings {
        s.push_str(&format!("; warning: {}", w.words()));
    }
    s
}
