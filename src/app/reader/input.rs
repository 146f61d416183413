//! Pointer and keyboard in the reader: clicks, drags and double-clicks become selections in
//! article chars (egui positions become chars here and nowhere else), Shift+keys extend the
//! selection with the text core's motions, and a click on a claim selects it.

use std::ops::Range;
use std::sync::Arc;

use egui::text::CCursor;
use egui::{Galley, Key, Modifiers, Pos2, Ui, vec2};

use super::{Highlight, LazyIndex, Reader};
use crate::app::actions::Action;
use crate::app::command::{Command, CommandQueue};
use crate::text::motion::{next_grapheme, next_word_end, prev_grapheme, prev_word_start, word_at};
use crate::text::{Selection, TextIndex};

impl Reader {
    pub(super) fn pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        visible: &[(usize, Pos2, Arc<Galley>)],
        index: &LazyIndex,
        highlights: &[Highlight],
        commands: &mut CommandQueue,
    ) {
        let spans: Vec<Range<usize>> = visible
            .iter()
            .map(|(p, ..)| self.paragraphs[*p].chars.clone())
            .collect();
        let char_at = |pos: Pos2| -> Option<usize> {
            let i = visible
                .iter()
                .position(|(_, o, g)| pos.y < o.y + g.size().y.max(1.0))
                .unwrap_or(visible.len().checked_sub(1)?);
            let (_, origin, galley) = &visible[i];
            let local = galley.cursor_from_pos(pos - *origin).index.0;
            Some(spans[i].start + local.min(spans[i].len()))
        };
        let shift = ui.input(|i| i.modifiers.shift);
        if response.double_clicked() {
            if let Some(c) = response.interact_pointer_pos().and_then(char_at) {
                let word = word_at(index.get(), c);
                self.select(word);
            }
            return;
        }
        if response.drag_started() {
            // Where the button went down, not where the drag was recognised.
            let origin = ui.input(|i| i.pointer.press_origin());
            if let Some(c) = origin.or(response.interact_pointer_pos()).and_then(char_at) {
                match (shift, self.selection) {
                    (true, Some(sel)) => self.selection = Some(sel.extended_to(c)),
                    _ => self.selection = Some(Selection::caret(c)),
                }
                self.dragging = true;
            }
        } else if self.dragging
            && response.dragged()
            && let (Some(pos), Some(sel)) = (response.interact_pointer_pos(), self.selection)
            && let Some(c) = char_at(pos)
        {
            self.selection = Some(sel.extended_to(c));
        }
        if self.dragging
            && let Some(pos) = ui.input(|i| i.pointer.latest_pos())
        {
            // Dragging past the top or bottom edge scrolls, so a selection can run on.
            let clip = ui.clip_rect();
            let dy = if pos.y < clip.top() {
                clip.top() - pos.y
            } else if pos.y > clip.bottom() {
                clip.bottom() - pos.y
            } else {
                0.0
            };
            if dy != 0.0 {
                ui.scroll_with_delta(vec2(0.0, dy.clamp(-30.0, 30.0)));
                ui.ctx().request_repaint();
            }
        }
        if response.drag_stopped() {
            self.dragging = false;
            self.snap_selection(index);
        }
        if response.clicked()
            && let Some(c) = response.interact_pointer_pos().and_then(char_at)
        {
            if shift && let Some(sel) = self.selection {
                self.selection = Some(sel.extended_to(c));
                self.snap_selection(index);
            } else {
                self.selection = None;
                // The innermost claim under the pointer.
                if let Some(h) = highlights
                    .iter()
                    .filter(|h| h.range.contains(&c))
                    .min_by_key(|h| h.range.len())
                {
                    commands.push(Command::SelectClaim(h.id));
                }
            }
        }
        if response.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
        }
    }

    /// Selections always cover whole grapheme clusters.
    fn snap_selection(&mut self, index: &LazyIndex) {
        self.selection = self.selection.map(|s| s.snapped(index.get()));
    }

    pub(super) fn keyboard(&mut self, ui: &Ui, index: &LazyIndex, commands: &mut CommandQueue) {
        let events = ui.input(|i| i.events.clone());
        for e in events {
            match e {
                egui::Event::Copy => commands.push(Action::Copy.command()),
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.shift => self.extend_by_key(index.get(), key, modifiers),
                _ => {}
            }
        }
    }

    fn extend_by_key(&mut self, index: &TextIndex, key: Key, modifiers: Modifiers) {
        let len = index.char_len();
        let sel = self.selection.unwrap_or(Selection::caret(0));
        let head = sel.head;
        let new_head = match key {
            Key::ArrowRight if modifiers.command => next_word_end(index, head),
            Key::ArrowLeft if modifiers.command => prev_word_start(index, head),
            Key::ArrowRight => next_grapheme(index, head),
            Key::ArrowLeft => prev_grapheme(index, head),
            Key::ArrowDown | Key::ArrowUp => {
                let Some(h) = self.vertical(head, key == Key::ArrowDown) else {
                    return;
                };
                h
            }
            Key::End => len,
            Key::Home => 0,
            _ => return,
        };
        if !matches!(key, Key::ArrowDown | Key::ArrowUp) {
            self.h_pos = None;
        }
        self.selection = Some(sel.extended_to(new_head.min(len)));
        self.scroll_to(new_head);
    }

    /// The char one visual row up or down from `head`, using the laid-out galleys.
    fn vertical(&mut self, head: usize, down: bool) -> Option<usize> {
        let p = self.paragraph_of(head);
        let para = self.paragraphs.get(p)?.clone();
        let (_, galley) = self.galleys.get(&p)?.clone();
        let local = CCursor::new(head - para.chars.start);
        let rows = galley.rows.len();
        let row_of = galley.layout_from_cursor(local).row;
        if down && row_of + 1 >= rows {
            let next = self.paragraphs.get(p + 1)?;
            let x = self
                .h_pos
                .unwrap_or_else(|| galley.pos_from_cursor(local).center().x);
            self.h_pos = Some(x);
            let (_, ng) = self.galleys.get(&(p + 1))?.clone();
            let c = ng.cursor_from_pos(vec2(x, ng.rows.first()?.rect().center().y));
            return Some(next.chars.start + c.index.0);
        }
        if !down && row_of == 0 {
            let prev = self.paragraphs.get(p.checked_sub(1)?)?;
            let x = self
                .h_pos
                .unwrap_or_else(|| galley.pos_from_cursor(local).center().x);
            self.h_pos = Some(x);
            let (_, pg) = self.galleys.get(&(p - 1))?.clone();
            let c = pg.cursor_from_pos(vec2(x, pg.rows.last()?.rect().center().y));
            return Some(prev.chars.start + c.index.0);
        }
        let (c, h) = if down {
            galley.cursor_down_one_row(&local, self.h_pos)
        } else {
            galley.cursor_up_one_row(&local, self.h_pos)
        };
        self.h_pos = h;
        Some(para.chars.start + c.index.0)
    }
}
