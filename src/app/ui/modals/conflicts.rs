//! "Merge conflicts": what a git merge of two analysts' work left to decide. Each shows
//! both values; picking one is an edit, undone like any other.

use egui::{RichText, Ui};

use crate::app::command::{Command, CommandQueue};
use crate::merge::ConflictView;
use crate::model::ConflictOn;

/// `conflicts`: the briefing's conflicts in words, in its order.
pub fn show(ui: &mut Ui, conflicts: &[ConflictView], queue: &mut CommandQueue) {
    ui.heading("Merge conflicts");
    ui.label(
        "Both analysts changed these, differently. The briefing keeps one value and holds \
         the other here until you pick; nothing either of you wrote is lost.",
    );
    if conflicts.is_empty() {
        ui.label(RichText::new("All settled.").strong());
    }
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .show(ui, |ui| {
            for (index, v) in conflicts.iter().enumerate() {
                ui.separator();
                ui.label(RichText::new(crate::text::capitalised(&v.what)).strong());
                if v.deletion {
                    ui.label(format!(
                        "Deleted on {} side, changed on the other: kept, with the changes.",
                        v.other_side.words()
                    ));
                    choices(ui, queue, index, ["Keep it", "Delete it"], v.on);
                } else {
                    let kept_side = v.other_side.other();
                    ui.label(format!("Both changed its {}:", v.field));
                    value(ui, &format!("Kept ({})", kept_side.words()), &v.kept);
                    value(ui, &format!("Other ({})", v.other_side.words()), &v.other);
                    let keep = format!("Keep {}", kept_side.words());
                    let other = format!("Use {}", v.other_side.words());
                    choices(ui, queue, index, [&keep, &other], v.on);
                }
            }
        });
    ui.separator();
    if ui.button("Close").clicked() {
        queue.push(Command::CloseModal);
    }
}

/// One value, labelled, wrapped (a long one comes already cut to its start).
fn value(ui: &mut Ui, label: &str, text: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{label}:")).weak());
        ui.label(if text.is_empty() { "(empty)" } else { text });
    });
}

/// The two answers (keep what was kept, or take the other), and a way to the claim.
fn choices(
    ui: &mut Ui,
    queue: &mut CommandQueue,
    index: usize,
    [keep, other]: [&str; 2],
    on: ConflictOn,
) {
    ui.horizontal(|ui| {
        if ui.button(keep).clicked() {
            queue.push(Command::ResolveConflict {
                index,
                take_other: false,
            });
        }
        if ui.button(other).clicked() {
            queue.push(Command::ResolveConflict {
                index,
                take_other: true,
            });
        }
        if let ConflictOn::Claim(id) = on
            && ui.small_button("Show claim").clicked()
        {
            super::close_then(queue, Command::RevealClaim(id));
        }
    });
}
