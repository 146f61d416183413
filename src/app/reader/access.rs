//! The reader as a screen reader gets it (AccessKit). The reader is a `Document` node; each
//! paragraph on screen (and one on each side, so moving off the screen's edge always has
//! somewhere to go) is a `Paragraph` node holding `TextRun`s with their characters and
//! positions, as egui's own text widgets expose theirs; the runs of a claim sit inside a
//! `Mark` node named with its status in a word ("Reported claim: potential land swaps"),
//! so moving through the text tells where claims begin and end. The caret and the selection
//! are the document's text selection; a screen reader moving the caret (a `SetTextSelection`
//! request) moves the reader's caret, and the reader scrolls to it.

use std::ops::Range;
use std::sync::Arc;

use egui::accesskit::{self, Role};
use egui::{Galley, Id, Pos2, Rect, Sense, Ui, UiBuilder, vec2};

use super::{Highlight, LazyIndex, Reader};
use crate::text::{Selection, snippet};

/// AccessKit keeps word starts as `u8`: a run holds at most this many characters.
const MAX_RUN_CHARS: usize = 255;

/// A text run exposed last frame: the article chars it holds and its node.
#[derive(Debug, Clone)]
pub(super) struct ExposedRun {
    chars: Range<usize>,
    node: accesskit::NodeId,
}

/// Where a run starts and ends in a paragraph's row: article chars, and the claims it is
/// in, outermost first.
struct Segment {
    chars: Range<usize>,
    covering: Vec<usize>,
}

impl Reader {
    /// Exposes `shown` (paragraph, origin, galley) under the document node `doc`, with the
    /// selection or caret. Costs nothing when no assistive technology is listening.
    pub(super) fn expose(
        &mut self,
        ui: &mut Ui,
        doc: Id,
        shown: &[(usize, Pos2, Arc<Galley>)],
        highlights: &[Highlight],
        index: &LazyIndex,
    ) {
        self.exposed.clear();
        let enabled = ui.ctx().accesskit_node_builder(doc, |_| ()).is_some();
        if !enabled {
            return;
        }
        for (p, origin, galley) in shown {
            let para = self.paragraphs[*p].clone();
            let ends_with_newline = para.chars.end < index.get().char_len();
            let para_id = doc.with(("paragraph", *p));
            let rect = Rect::from_min_size(*origin, galley.size());
            let mut para_ui = ui.new_child(
                UiBuilder::new()
                    .scope_id(para_id)
                    .max_rect(rect)
                    .accessibility_parent(doc)
                    .accessibility_role(Role::Paragraph),
            );
            let claims: Vec<&Highlight> = highlights
                .iter()
                .filter(|h| h.range.start < para.chars.end && h.range.end > para.chars.start)
                .collect();
            // The marks open where the text is: outer claims first, inner ones inside them.
            let mut marks: Vec<(usize, Ui)> = Vec::new();
            let mut opened = 0usize;
            let mut first_in_row = para.chars.start;
            for (r, row) in galley.rows.iter().enumerate() {
                let count = row.char_count_excluding_newline().0;
                let row_chars = first_in_row..first_in_row + count;
                let last_row = r + 1 == galley.rows.len();
                let newline = last_row && ends_with_newline;
                for (s, seg) in segments(&row_chars, &claims).into_iter().enumerate() {
                    // Keep the open marks that still cover this stretch, in order; open the
                    // rest. A claim that overlaps another without containing it gets a
                    // mark for each part, so the text always reads in order.
                    let keep = marks
                        .iter()
                        .zip(&seg.covering)
                        .take_while(|((open, _), c)| open == *c)
                        .count();
                    marks.truncate(keep);
                    for &c in &seg.covering[keep..] {
                        let h = claims[c];
                        let quote = index
                            .get()
                            .slice(h.range.clone())
                            .map(|q| snippet(q, 80))
                            .unwrap_or_default();
                        let label = format!("{} claim: {quote}", h.status.label());
                        opened += 1;
                        let parent = match marks.last_mut() {
                            Some((_, m)) => m,
                            None => &mut para_ui,
                        };
                        let mark_ui = parent.new_child(
                            UiBuilder::new()
                                .scope_id(para_id.with(("mark", opened)))
                                .max_rect(rect)
                                .accessibility_role(Role::Mark)
                                .accessibility_label(label),
                        );
                        marks.push((c, mark_ui));
                    }
                    let target: &mut Ui = match marks.last_mut() {
                        Some((_, m)) => m,
                        None => &mut para_ui,
                    };
                    let run_id = para_id.with(("run", r, s));
                    let at_end = newline && seg.chars.end == row_chars.end;
                    let starts_paragraph = seg.chars.start == para.chars.start;
                    let run = run_node(
                        target,
                        run_id,
                        *origin,
                        (row, &row_chars),
                        &seg,
                        (starts_paragraph, at_end),
                    );
                    let mut chars = seg.chars.clone();
                    if at_end {
                        chars.end += 1;
                    }
                    self.exposed.push(ExposedRun { chars, node: run });
                }
                first_in_row = row_chars.end;
            }
        }
        let selection = self.selection.map(|s| self.access_selection(s));
        ui.ctx().accesskit_node_builder(doc, |node| {
            node.set_role(Role::Document);
            if let Some(Some(sel)) = selection {
                node.set_text_selection(sel);
            }
        });
    }

    /// The selection as AccessKit positions; an end off the exposed text goes to the nearest
    /// exposed edge.
    fn access_selection(&self, s: Selection) -> Option<accesskit::TextSelection> {
        Some(accesskit::TextSelection {
            anchor: self.access_position(s.anchor)?,
            focus: self.access_position(s.head)?,
        })
    }

    fn access_position(&self, c: usize) -> Option<accesskit::TextPosition> {
        let first = self.exposed.first()?;
        let last = self.exposed.last()?;
        let run = self
            .exposed
            .iter()
            .find(|r| r.chars.contains(&c))
            .or_else(|| (c >= last.chars.end).then_some(last))
            .unwrap_or(first);
        let index = c.clamp(run.chars.start, run.chars.end) - run.chars.start;
        Some(accesskit::TextPosition {
            node: run.node,
            character_index: index,
        })
    }

    /// An article char from an AccessKit position in a run exposed last frame.
    pub(super) fn char_of_access_position(&self, p: &accesskit::TextPosition) -> Option<usize> {
        let run = self.exposed.iter().find(|r| r.node == p.node)?;
        Some((run.chars.start + p.character_index).min(run.chars.end))
    }

    /// A screen reader asked to move the caret or select: the reader follows and scrolls.
    pub(super) fn access_requests(&mut self, ui: &Ui, doc: Id) {
        let requests: Vec<accesskit::ActionRequest> = ui.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::AccessKitActionRequest(r) => Some(r.clone()),
                    _ => None,
                })
                .collect()
        });
        for r in requests {
            if r.action == accesskit::Action::SetTextSelection
                && let Some(accesskit::ActionData::SetTextSelection(sel)) = &r.data
                && let (Some(anchor), Some(head)) = (
                    self.char_of_access_position(&sel.anchor),
                    self.char_of_access_position(&sel.focus),
                )
            {
                self.selection = Some(Selection { anchor, head });
                self.h_pos = None;
                self.scroll_to(head);
                ui.memory_mut(|m| m.request_focus(doc));
            }
        }
    }
}

/// A row's chars cut where claims begin and end, and at [`MAX_RUN_CHARS`].
fn segments(row: &Range<usize>, claims: &[&Highlight]) -> Vec<Segment> {
    let mut cuts = vec![row.start, row.end];
    for h in claims {
        for b in [h.range.start, h.range.end] {
            if row.start < b && b < row.end {
                cuts.push(b);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (mut a, b) = (w[0], w[1]);
        // The claims a stretch is in, outermost first (earlier start, then longer).
        let mut covering: Vec<usize> = claims
            .iter()
            .enumerate()
            .filter(|(_, h)| h.range.start <= a && b <= h.range.end)
            .map(|(i, _)| i)
            .collect();
        covering.sort_by_key(|&i| {
            (
                claims[i].range.start,
                std::cmp::Reverse(claims[i].range.end),
            )
        });
        while a < b {
            let end = b.min(a + MAX_RUN_CHARS - 1);
            out.push(Segment {
                chars: a..end,
                covering: covering.clone(),
            });
            a = end;
        }
    }
    if out.is_empty() {
        out.push(Segment {
            chars: row.clone(),
            covering: Vec::new(),
        });
    }
    out
}

/// One `TextRun` node: its text, each character's length, position and width, word starts,
/// and its place on screen.
/// `starts_paragraph`: AccessKit takes a paragraph's first character as a word start by
/// itself; `newline`: the run ends its paragraph, and holds the line break after it.
fn run_node(
    ui: &mut Ui,
    id: Id,
    origin: Pos2,
    (row, row_chars): (&egui::epaint::text::PlacedRow, &Range<usize>),
    seg: &Segment,
    (starts_paragraph, newline): (bool, bool),
) -> accesskit::NodeId {
    let from = seg.chars.start - row_chars.start;
    let glyphs = &row.glyphs[from..seg.chars.end - row_chars.start];
    let x0 = glyphs
        .first()
        .map_or(row.pos.x + row.size.x, |g| row.pos.x + g.pos.x);
    let mut value = String::with_capacity(glyphs.len() + 1);
    let mut lengths = Vec::with_capacity(glyphs.len() + 1);
    let mut positions = Vec::with_capacity(glyphs.len() + 1);
    let mut widths = Vec::with_capacity(glyphs.len() + 1);
    let mut word_starts = Vec::new();
    // A run that starts after a space (or at a wrapped row's start) starts a word.
    let mut after_word =
        !starts_paragraph && (from == 0 || !row.glyphs[from - 1].chr.is_alphanumeric());
    for g in glyphs {
        let wordy = g.chr.is_alphanumeric();
        if wordy && after_word {
            word_starts.push(lengths.len() as u8);
        }
        after_word = !wordy;
        let before = value.len();
        value.push(g.chr);
        lengths.push((value.len() - before) as u8);
        positions.push(row.pos.x + g.pos.x - x0);
        widths.push(g.advance_width);
    }
    let x1 = glyphs
        .last()
        .map_or(x0, |g| row.pos.x + g.pos.x + g.advance_width);
    if newline {
        value.push('\n');
        lengths.push(1);
        positions.push(x1 - x0);
        widths.push(0.0);
    }
    let rect = Rect::from_min_max(
        origin + vec2(x0, row.pos.y),
        origin + vec2(x1.max(x0 + 1.0), row.pos.y + row.size.y),
    );
    ui.interact(rect, id, Sense::hover());
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(Role::TextRun);
        node.set_text_direction(accesskit::TextDirection::LeftToRight);
        node.set_bounds(accesskit::Rect {
            x0: rect.min.x.into(),
            y0: rect.min.y.into(),
            x1: rect.max.x.into(),
            y1: rect.max.y.into(),
        });
        node.set_value(value);
        node.set_character_lengths(lengths);
        node.set_character_positions(positions);
        node.set_character_widths(widths);
        node.set_word_starts(word_starts);
    });
    id.accesskit_id()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimId, Status};

    fn claim(range: Range<usize>) -> Highlight {
        Highlight {
            id: ClaimId::new(),
            range,
            status: Status::Reported,
        }
    }

    #[test]
    fn rows_are_cut_at_claim_edges_and_long_runs_split() {
        let a = claim(10..20);
        let b = claim(15..18);
        let segs = segments(&(0..30), &[&a, &b]);
        let cut: Vec<_> = segs
            .iter()
            .map(|s| (s.chars.clone(), s.covering.clone()))
            .collect();
        assert_eq!(
            cut,
            [
                (0..10, vec![]),
                (10..15, vec![0]),
                (15..18, vec![0, 1]),
                (18..20, vec![0]),
                (20..30, vec![])
            ]
        );
        let long = segments(&(0..600), &[]);
        assert!(long.iter().all(|s| s.chars.len() < MAX_RUN_CHARS));
        assert_eq!(long.last().unwrap().chars.end, 600);
    }
}
