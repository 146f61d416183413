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
                // The caret goes where the click was, for the keyboard to carry on from.
                self.selection = Some(Selection::caret(c));
                self.h_pos = None;
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
        let page = self.last_viewport.map_or(400.0, |v| v.height());
        for e in events {
            match e {
                egui::Event::Copy => commands.push(Action::Copy.command()),
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if modifiers.shift || self.focused => {
                    self.caret_key(index.get(), key, modifiers, page);
                }
                _ => {}
            }
        }
    }

    /// A caret key: Shift extends the selection; without it (the reader focused) the caret
    /// moves, and a selection collapses towards the key's side.
    fn caret_key(&mut self, index: &TextIndex, key: Key, modifiers: Modifiers, page: f32) {
        let len = index.char_len();
        let sel = self.selection.unwrap_or(Selection::caret(0));
        let range = sel.range();
        if !modifiers.shift && !range.is_empty() && !modifiers.command {
            let to = match key {
                Key::ArrowLeft => Some(range.start),
                Key::ArrowRight => Some(range.end),
                _ => None,
            };
            if let Some(c) = to {
                self.selection = Some(Selection::caret(c));
                self.h_pos = None;
                return;
            }
        }
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
            Key::End if modifiers.command => len,
            Key::Home if modifiers.command => 0,
            Key::End => self.row_edge(head, true).unwrap_or(len),
            Key::Home => self.row_edge(head, false).unwrap_or(0),
            Key::PageDown | Key::PageUp => self.page(head, key == Key::PageDown, page),
            _ => return,
        };
        if !matches!(key, Key::ArrowDown | Key::ArrowUp) {
            self.h_pos = None;
        }
        let new_head = new_head.min(len);
        self.selection = Some(if modifiers.shift {
            sel.extended_to(new_head)
        } else {
            Selection::caret(new_head)
        });
        self.scroll_to(new_head);
    }

    /// The start or end of the visual row holding `head`.
    fn row_edge(&self, head: usize, end: bool) -> Option<usize> {
        let p = self.paragraph_of(head);
        let para = self.paragraphs.get(p)?;
        let (_, galley) = self.galleys.get(&p)?;
        let local = CCursor::new(head - para.chars.start);
        let layout = galley.layout_from_cursor(local);
        let mut start = 0;
        for row in &galley.rows[..layout.row] {
            start += row.char_count_including_newline().0;
        }
        let row = galley.rows.get(layout.row)?;
        let edge = if end {
            start + row.char_count_excluding_newline().0
        } else {
            start
        };
        Some(para.chars.start + edge)
    }

    /// A screen's height down or up from `head`: the start of the paragraph found there.
    fn page(&self, head: usize, down: bool, height: f32) -> usize {
        let p = self.paragraph_of(head);
        let y = self.heights.top(p);
        let target = if down {
            y + height
        } else {
            (y - height).max(0.0)
        };
        let q = self
            .heights
            .at(target)
            .min(self.paragraphs.len().saturating_sub(1));
        let q = if down {
            q.max(p + 1)
        } else {
            q.min(p.saturating_sub(1))
        };
        self.paragraphs
            .get(q)
            .map_or(if down { usize::MAX } else { 0 }, |para| para.chars.start)
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
