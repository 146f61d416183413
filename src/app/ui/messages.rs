//! The message strip above the reader: one line, whatever happened. The most pressing
//! message shows (errors before warnings before notices, newest first) with a count of the
//! others, which open on demand; notices fade by themselves, so the reader is pushed down
//! by one line at most unless the user asks for more.

use std::time::Instant;

use egui::{Color32, RichText, Ui};

use super::Shared;
use crate::app::command::{Command, CommandQueue};
use crate::app::state::{Level, Message};

/// The strip's own state: whether all messages are listed, and which show their details.
#[derive(Default)]
pub struct MessageStrip {
    pub show_all: bool,
    details_open: Vec<String>,
}

impl MessageStrip {
    pub fn show(&mut self, ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
        let messages = shared.messages;
        if messages.len() < 2 {
            self.show_all = false;
        }
        self.details_open
            .retain(|t| messages.iter().any(|m| &m.text == t));
        let mut order: Vec<usize> = (0..messages.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&messages[a], &messages[b]);
            b.level.cmp(&a.level).then(b.shown.cmp(&a.shown))
        });
        let shown = if self.show_all { order.len() } else { 1 };
        let now = Instant::now();
        for (n, &i) in order.iter().take(shown).enumerate() {
            let others = if n == 0 { order.len() - 1 } else { 0 };
            self.line(ui, shared, i, others, now, queue);
        }
    }

    fn line(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        i: usize,
        others: usize,
        now: Instant,
        queue: &mut CommandQueue,
    ) {
        let m = &shared.messages[i];
        let visuals = ui.visuals().clone();
        let (color, fill) = match m.level {
            Level::Error => (visuals.error_fg_color, tint(visuals.error_fg_color)),
            Level::Warning => (visuals.warn_fg_color, tint(visuals.warn_fg_color)),
            Level::Notice => (visuals.text_color(), visuals.faint_bg_color),
        };
        let details_open = self.details_open.contains(&m.text);
        ui.scope(|ui| {
            ui.multiply_opacity(m.opacity(now));
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .corner_radius(3)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    egui::Sides::new().shrink_left().truncate().show(
                        ui,
                        |ui| {
                            let mut text = m.text.clone();
                            if m.repeats > 0 {
                                text.push_str(&format!(" (×{})", m.repeats + 1));
                            }
                            ui.label(RichText::new(text).color(color))
                                .on_hover_text(&m.text);
                        },
                        |ui| {
                            self.buttons(ui, shared, m, i, others, details_open, queue);
                        },
                    );
                    if details_open && let Some(d) = &m.details {
                        ui.add(egui::Label::new(RichText::new(d).monospace().small()).wrap());
                    }
                });
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn buttons(
        &mut self,
        ui: &mut Ui,
        shared: &Shared,
        m: &Message,
        i: usize,
        others: usize,
        details_open: bool,
        queue: &mut CommandQueue,
    ) {
        if ui
            .small_button("Dismiss")
            .on_hover_text("Hide this message")
            .clicked()
        {
            queue.push(Command::DismissMessage(i));
        }
        if m.undo_at == Some(shared.doc.history.revision())
            && ui
                .small_button("Undo")
                .on_hover_text("Undo this change")
                .clicked()
        {
            queue.push(Command::Undo);
        }
        if m.details.is_some() {
            let label = if details_open {
                "Hide details"
            } else {
                "Details"
            };
            if ui.small_button(label).clicked() {
                if details_open {
                    self.details_open.retain(|t| t != &m.text);
                } else {
                    self.details_open.push(m.text.clone());
                }
            }
        }
        if others > 0 || self.show_all {
            let label = if self.show_all {
                "Show fewer".to_owned()
            } else {
                format!("{others} more")
            };
            if ui
                .small_button(label)
                .on_hover_text("Show every message")
                .clicked()
            {
                self.show_all = !self.show_all;
            }
        }
    }
}

/// A faint background in a message's colour.
fn tint(c: Color32) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 28)
}
