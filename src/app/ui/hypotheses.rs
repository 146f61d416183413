//! Competing hypotheses (Ctrl+H): a window with the hypotheses and the ACH matrix, claims
//! down and hypotheses across. A cell is set by clicking it (each click steps through
//! CC, C, N, I, II and unrated), from its right-click menu, or from the keyboard: with a
//! cell focused, 1–5 set CC…II, 0 or Delete clears it, and the arrow keys move between cells.

use egui::{Key, RichText, Ui};

use super::widgets::heading;
use super::{Derived, Shared, Version};
use crate::analysis::{Ach, ach, hypothesis_label, in_label_order};
use crate::app::command::{AnalysisCommand, Command, CommandQueue};
use crate::model::{ClaimId, Consistency, Hypothesis};
use crate::text::snippet;

/// A claim's row of the matrix, its words made once while the briefing is unchanged.
#[derive(Debug)]
struct Row {
    id: ClaimId,
    /// Its label: "R2".
    name: String,
    /// The label and the start of the quote.
    text: String,
}

#[derive(Debug, Default)]
pub struct HypothesesWindow {
    pub open: bool,
    new_text: String,
    /// Move the keyboard to this cell (row, column) on the next frame.
    focus_cell: Option<(usize, usize)>,
    /// The scores, and the claims in row order, while the briefing is unchanged.
    derived: Derived<Version, (Ach, Vec<Row>)>,
    /// The rows drawn last frame (only those on screen are).
    drawn: std::ops::Range<usize>,
}

fn push(queue: &mut CommandQueue, command: AnalysisCommand) {
    queue.push(Command::Analysis(command));
}

/// The rating after `current` when a cell is clicked.
fn next(current: Option<Consistency>) -> Option<Consistency> {
    match current {
        None => Some(Consistency::VeryConsistent),
        Some(c) => {
            let at = Consistency::ALL.iter().position(|x| *x == c).unwrap_or(0);
            Consistency::ALL.get(at + 1).copied()
        }
    }
}

impl HypothesesWindow {
    pub fn show(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let mut open = self.open;
        egui::Window::new("Competing hypotheses")
            .open(&mut open)
            .default_width(560.0)
            // Most of the window's height: the matrix's rows scroll inside it.
            .default_height(ui.ctx().content_rect().height() * 0.75)
            .show(ui.ctx(), |ui| self.contents(ui, shared, selected, queue));
        if !open {
            queue.push(Command::CloseHypotheses);
        }
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let b = &shared.doc.briefing;
        if shared.doc.read_only {
            ui.disable();
        }
        heading(ui, "Hypotheses");
        for (i, h) in b.hypotheses.iter().enumerate() {
            ui.horizontal(|ui| {
                let label = hypothesis_label(i);
                let l = ui.strong(&label);
                let mut text = h.text.clone();
                let width = (ui.available_width() - 40.0).clamp(80.0, 480.0);
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .desired_width(width)
                            .id_salt(h.id),
                    )
                    .labelled_by(l.id);
                if r.changed() {
                    push(queue, AnalysisCommand::SetHypothesisText { id: h.id, text });
                }
                let delete = ui
                    .small_button("×")
                    .on_hover_text(format!("Delete {label}"));
                ui.ctx().accesskit_node_builder(delete.id, |node| {
                    node.set_label(format!("Delete {label}"))
                });
                if delete.clicked() {
                    push(queue, AnalysisCommand::DeleteHypothesis(h.id));
                }
            });
        }
        // Wrapped: the button goes below the field rather than widening the window.
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("New hypothesis");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.new_text)
                        .hint_text("e.g. Talks are a stalling tactic")
                        .desired_width(320.0_f32.min(ui.available_width())),
                )
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let add = ui.button("Add hypothesis");
            if (add.clicked() || enter) && !self.new_text.trim().is_empty() {
                push(
                    queue,
                    AnalysisCommand::AddHypothesis(std::mem::take(&mut self.new_text)),
                );
                r.request_focus();
            }
        });
        if b.hypotheses.is_empty() {
            ui.label(
                RichText::new(
                    "Add two or more explanations that compete, then rate each claim against \
                     each: the hypothesis with the least evidence against it is the most likely.",
                )
                .weak(),
            );
            return;
        }
        ui.separator();
        heading(ui, "Matrix");
        self.matrix(ui, shared, selected, queue);
    }

    fn matrix(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        selected: Option<ClaimId>,
        queue: &mut CommandQueue,
    ) {
        let b = &shared.doc.briefing;
        let labels = shared.labels;
        let (scores, rows) = self.derived.get(shared.version, || {
            let rows = in_label_order(b)
                .map(|(_, c)| {
                    let name = labels.get(&c.id).cloned().unwrap_or_default();
                    let text = format!("{name} {}", snippet(&c.anchor.quote, 40));
                    Row {
                        id: c.id,
                        name,
                        text,
                    }
                })
                .collect();
            (ach(b), rows)
        });
        if rows.is_empty() {
            ui.label(RichText::new("Tag claims in the articles to rate them here.").weak());
            return;
        }
        let cell = egui::vec2(40.0, ui.spacing().interact_size.y);
        let claim_width =
            (ui.available_width() - (cell.x + 8.0) * b.hypotheses.len() as f32).clamp(120.0, 320.0);
        let row_height = cell.y + ui.spacing().item_spacing.y;
        ui.horizontal(|ui| {
            left(
                ui,
                [claim_width, cell.y],
                egui::Label::new(RichText::new("Claim").strong()),
            );
            for (i, h) in b.hypotheses.iter().enumerate() {
                ui.add_sized(
                    cell,
                    egui::Label::new(RichText::new(hypothesis_label(i)).strong()),
                )
                .on_hover_text(&h.text);
            }
        });
        let focus = self.focus_cell.take();
        let mut area = egui::ScrollArea::vertical()
            .id_salt("ach rows")
            .max_height(ui.available_height().max(row_height * 4.0) - row_height * 3.0)
            .auto_shrink([false, true]);
        // Only the rows on screen are drawn: the keyboard moving past them scrolls first.
        if let Some((row, _)) = focus
            && !self.drawn.contains(&row)
        {
            let offset = (row as f32 * row_height - row_height * 2.0).max(0.0);
            area = area.vertical_scroll_offset(offset);
        }
        let columns = b.hypotheses.len();
        let dims = (rows.len(), columns);
        let mut drawn = 0..0;
        let mut moved = None;
        area.show_rows(ui, cell.y, rows.len(), |ui, range| {
            drawn = range.clone();
            for row in range {
                let Row { id, name, text } = &rows[row];
                let (id, name) = (*id, name.as_str());
                ui.horizontal(|ui| {
                    let mut text = RichText::new(text);
                    if selected == Some(id) {
                        text = text.strong();
                    }
                    let diagnostic = !scores.non_diagnostic.contains(&id);
                    if !diagnostic {
                        text = text.weak();
                    }
                    let link = egui::Button::new(text).frame(false).truncate();
                    let r = left(ui, [claim_width, cell.y], link).on_hover_text(if diagnostic {
                        "Show this claim in its article"
                    } else {
                        "Rated alike for every hypothesis: it does not help choose between them"
                    });
                    if r.clicked() {
                        queue.push(Command::RevealClaim(id));
                    }
                    for (column, h) in b.hypotheses.iter().enumerate() {
                        let at = (row, column);
                        let focus_here = focus == Some(at);
                        moved = moved.or(rating_cell(
                            ui, cell, at, dims, name, h, id, focus_here, queue,
                        ));
                    }
                });
            }
        });
        self.drawn = drawn;
        if moved.is_some() {
            self.focus_cell = moved;
            ui.ctx().request_repaint();
        }
        if let Some((row, column)) = focus
            && row < rows.len()
            && column < columns
            && !self.drawn.contains(&row)
        {
            // Not drawn yet: try again once the list has scrolled to it.
            self.focus_cell = Some((row, column));
            ui.ctx().request_repaint();
        }
        ui.horizontal(|ui| {
            left(
                ui,
                [claim_width, cell.y],
                egui::Label::new(RichText::new("Inconsistency").strong()),
            );
            for (i, score) in scores.scores.iter().enumerate() {
                let mut text = RichText::new(score.to_string()).strong();
                if scores.most_consistent.contains(&i) {
                    text = text.color(ui.visuals().selection.stroke.color);
                }
                ui.add_sized(cell, egui::Label::new(text));
            }
        });
        let verdict = match scores.most_consistent.as_slice() {
            [] => "Rate claims against the hypotheses to score them.".to_owned(),
            [one] => format!(
                "Most consistent: {} ({}), with the least evidence against it.",
                hypothesis_label(*one),
                snippet(&b.hypotheses[*one].text, 60)
            ),
            many => format!(
                "Tied as most consistent: {}.",
                many.iter()
                    .map(|i| hypothesis_label(*i))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        ui.label(verdict);
        ui.label(
            RichText::new(
                "Inconsistency counts I as 1 and II as 2 (Heuer). Click a cell to step through \
                 CC, C, N, I, II; right-click to choose; with a cell focused, 1–5 set CC–II, 0 \
                 clears, arrows move.",
            )
            .small()
            .weak(),
        );
    }
}

/// One cell: the rating, set by click, menu or keys. Returns the cell the arrow keys move the
/// keyboard to.
#[allow(clippy::too_many_arguments)]
fn rating_cell(
    ui: &mut Ui,
    size: egui::Vec2,
    (row, column): (usize, usize),
    (rows, columns): (usize, usize),
    name: &str,
    h: &Hypothesis,
    claim: ClaimId,
    focus: bool,
    queue: &mut CommandQueue,
) -> Option<(usize, usize)> {
    let rating = h.rating(claim);
    let said = format!(
        "{name} against {}: {}",
        hypothesis_label(column),
        rating.map_or("not rated", |r| r.words())
    );
    let button = egui::Button::new(rating.map_or("·", |r| r.code()));
    let salt = egui::IdSalt::new(("ach cell", row, column));
    let r = ui.push_id(salt, |ui| ui.add_sized(size, button)).inner;
    ui.ctx()
        .accesskit_node_builder(r.id, |node| node.set_label(said.clone()));
    if focus {
        r.request_focus();
    }
    let set = |value| AnalysisCommand::SetRating {
        hypothesis: h.id,
        claim,
        value,
    };
    // The keys then work on the cell clicked (focus taken next frame, as the arrows do).
    let clicked = r.clicked().then_some((row, column));
    if clicked.is_some() {
        push(queue, set(next(rating)));
    }
    r.context_menu(|ui| {
        for value in Consistency::ALL.map(Some).into_iter().chain([None]) {
            let words = value.map_or("not rated", |v| v.words());
            if ui.selectable_label(rating == value, words).clicked() {
                push(queue, set(value));
                ui.close();
            }
        }
    });
    if !r.has_focus() {
        return clicked;
    }
    if let Some(value) = typed_rating(ui) {
        push(queue, set(value));
    }
    arrows(ui, row, column, rows, columns)
}

/// Arrow keys move the keyboard between cells.
fn arrows(
    ui: &Ui,
    row: usize,
    column: usize,
    rows: usize,
    columns: usize,
) -> Option<(usize, usize)> {
    ui.input_mut(|i| {
        let mut press = |k| i.consume_key(egui::Modifiers::NONE, k);
        if press(Key::ArrowDown) && row + 1 < rows {
            Some((row + 1, column))
        } else if press(Key::ArrowUp) && row > 0 {
            Some((row - 1, column))
        } else if press(Key::ArrowRight) && column + 1 < columns {
            Some((row, column + 1))
        } else if press(Key::ArrowLeft) && column > 0 {
            Some((row, column - 1))
        } else {
            None
        }
    })
}

/// 1–5 for CC…II, 0 or Delete to clear, typed on a focused cell.
fn typed_rating(ui: &Ui) -> Option<Option<Consistency>> {
    ui.input_mut(|i| {
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (k, value) in keys.into_iter().zip(Consistency::ALL) {
            if i.consume_key(egui::Modifiers::NONE, k) {
                return Some(Some(value));
            }
        }
        let clear = i.consume_key(egui::Modifiers::NONE, Key::Num0)
            || i.consume_key(egui::Modifiers::NONE, Key::Delete)
            || i.consume_key(egui::Modifiers::NONE, Key::Backspace);
        clear.then_some(None)
    })
}

/// A widget in a box of `size`, left-aligned (`add_sized` centres it): the claim column.
fn left(ui: &mut Ui, size: [f32; 2], widget: impl egui::Widget) -> egui::Response {
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(size.into(), layout, |ui| {
        ui.set_min_size(size.into());
        ui.add(widget)
    })
    .inner
}
