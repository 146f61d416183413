//! Painting what is on screen: the selection under the text, the text, the selected claim's
//! outline, the flash of a claim just revealed, and a letter in the gutter where each claim
//! starts (a cue that needs no colour).

use std::ops::Range;
use std::sync::Arc;

use egui::text::CCursor;
use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, Stroke, Ui, pos2};

use super::layout::Paragraph;
use super::{Highlight, Reader};
use crate::app::theme::{status_color, status_letter};
use crate::model::ClaimId;

impl Reader {
    pub(super) fn paint(
        &self,
        ui: &Ui,
        visible: &[(usize, Pos2, Arc<Galley>)],
        highlights: &[Highlight],
        selected_claim: Option<ClaimId>,
        font: &FontId,
        visuals: &egui::Visuals,
    ) {
        let painter = ui.painter();
        let selection = self.selection.map(|s| s.range()).filter(|r| !r.is_empty());
        let now = ui.input(|i| i.time);
        let flash = self.flash.clone().filter(|(_, until)| *until > now);
        if flash.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        let marker_font = FontId::monospace(font.size * 0.6);
        // Only the claims that touch what is on screen, so a frame costs the same whatever
        // the number of claims elsewhere in the article.
        let shown = match (visible.first(), visible.last()) {
            (Some((a, ..)), Some((b, ..))) => {
                self.paragraphs[*a].chars.start..self.paragraphs[*b].chars.end + 1
            }
            _ => 0..0,
        };
        let highlights: Vec<&Highlight> = highlights
            .iter()
            .filter(|h| h.range.start < shown.end && h.range.end >= shown.start)
            .collect();
        for (p, pos, galley) in visible {
            let para = &self.paragraphs[*p];
            if let Some(sel) = &selection {
                for r in span_rects(galley, para, sel) {
                    painter.rect_filled(r.translate(pos.to_vec2()), 0.0, visuals.selection.bg_fill);
                }
            }
            painter.galley(*pos, Arc::clone(galley), visuals.text_color());
            // The caret, where the keyboard is working in the text.
            if self.focused
                && let Some(caret) = self.selection.filter(|s| s.anchor == s.head)
                && para.chars.contains(&caret.head) | (caret.head == para.chars.end)
            {
                let r = galley.pos_from_cursor(CCursor::new(caret.head - para.chars.start));
                let r = r.translate(pos.to_vec2());
                painter.line_segment(
                    [r.left_top(), r.left_bottom()],
                    Stroke::new(2.0, visuals.text_cursor.stroke.color),
                );
            }
            // Outline of the selected claim, and the flash of a revealed one.
            for h in &highlights {
                if Some(h.id) == selected_claim {
                    for r in span_rects(galley, para, &h.range) {
                        painter.rect_stroke(
                            r.translate(pos.to_vec2()).expand(1.0),
                            2.0,
                            Stroke::new(1.5, visuals.strong_text_color()),
                            egui::StrokeKind::Outside,
                        );
                    }
                }
            }
            if let Some((range, until)) = &flash {
                let alpha = ((until - now) / 1.2).clamp(0.0, 1.0) as f32;
                for r in span_rects(galley, para, range) {
                    painter.rect_filled(
                        r.translate(pos.to_vec2()),
                        2.0,
                        visuals.warn_fg_color.gamma_multiply(0.45 * alpha),
                    );
                }
            }
            // A letter in the gutter where each claim starts: a cue that needs no colour.
            let mut letters: Vec<(f32, String, Color32)> = Vec::new();
            for h in &highlights {
                if para.chars.contains(&h.range.start)
                    || (para.chars.is_empty() && h.range.start == para.chars.start)
                {
                    let local = h.range.start - para.chars.start;
                    let y = galley.pos_from_cursor(CCursor::new(local)).center().y;
                    match letters.iter_mut().find(|(ly, ..)| (*ly - y).abs() < 1.0) {
                        Some((_, s, _)) => s.push(status_letter(h.status)),
                        None => letters.push((
                            y,
                            status_letter(h.status).to_string(),
                            status_color(h.status, visuals.dark_mode),
                        )),
                    }
                }
            }
            for (y, s, color) in letters {
                painter.text(
                    pos2(pos.x - 6.0, pos.y + y),
                    Align2::RIGHT_CENTER,
                    s,
                    marker_font.clone(),
                    color,
                );
            }
        }
    }
}

/// Rectangles (galley-relative) covering `range` (article chars) within one paragraph.
pub(super) fn span_rects(galley: &Galley, para: &Paragraph, range: &Range<usize>) -> Vec<Rect> {
    let start = range.start.max(para.chars.start);
    let end = range.end.min(para.chars.end);
    let mut rects = Vec::new();
    if start > end
        || (start == end && !(range.start <= para.chars.start && range.end > para.chars.end))
    {
        return rects;
    }
    let (start, end) = (start - para.chars.start, end - para.chars.start);
    let mut row_start = 0;
    for row in &galley.rows {
        let n = row.char_count_excluding_newline().0;
        let row_end = row_start + n;
        let a = start.max(row_start);
        let b = end.min(row_end);
        if a < b || (a == b && n == 0 && start <= row_start && end >= row_end) {
            let x0 = row.pos.x + row.x_offset(egui::text::CharIndex(a - row_start));
            let x1 = row.pos.x + row.x_offset(egui::text::CharIndex(b - row_start));
            let x1 = if a == b { x0 + 4.0 } else { x1 };
            rects.push(Rect::from_min_max(
                pos2(x0, row.min_y()),
                pos2(x1, row.max_y()),
            ));
        }
        row_start = row_end + row.char_count_including_newline().0 - n;
    }
    rects
}
