//! The reader: our own text widget, so that it lays out and paints only what is visible.
//!
//! The article is split into paragraphs (lines). Each paragraph gets its own galley, cached
//! by paragraph + wrap width + text size + theme + the article's highlights; paragraph heights are
//! kept (estimated until first laid out) so scrolling never lays out the rest of the article.
//! The selection is kept here in article char offsets and painted by the reader, so it can
//! cross paragraphs. This is the one place where egui's positions become char offsets.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::text::{ByteIndex, CCursor, LayoutJob, TextFormat};
use egui::{
    Align2, Color32, FontId, Galley, Key, Modifiers, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2,
};
use unicode_segmentation::UnicodeSegmentation;

use super::command::Command;
use super::heights::Heights;
use super::theme::{status_color, status_letter};
use crate::model::{Article, ArticleId, ClaimId, Status};
use crate::text::TextIndex;

/// Widest comfortable line, in multiples of the text size.
const MAX_LINE_EMS: f32 = 38.0;
/// Room on the left for the claim markers.
const GUTTER: f32 = 28.0;
/// Laid-out paragraphs kept; beyond this, those far from the view are dropped.
const MAX_CACHED_GALLEYS: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started (stays put while extending).
    pub anchor: usize,
    /// The moving end.
    pub head: usize,
}

impl Selection {
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

#[derive(Debug, Clone)]
struct Paragraph {
    chars: Range<usize>,
    bytes: Range<usize>,
}

/// What a cached galley was laid out for; any change means a new layout.
#[derive(Debug, Clone, Copy, PartialEq)]
struct LayoutKey {
    wrap_width: f32,
    text_size: f32,
    dark: bool,
    highlights: u64,
}

/// A claim as the reader paints it.
#[derive(Debug, Clone)]
pub struct Highlight {
    pub id: ClaimId,
    pub range: Range<usize>,
    pub status: Status,
}

#[derive(Default)]
pub struct Reader {
    article: Option<ArticleId>,
    paragraphs: Vec<Paragraph>,
    heights: Heights,
    galleys: HashMap<usize, (LayoutKey, Arc<Galley>)>,
    pub selection: Option<Selection>,
    /// Scroll this char offset into view on the next frame.
    scroll_to: Option<usize>,
    /// Scroll there even when it is already on screen (a revealed claim goes near the top).
    scroll_always: bool,
    /// Briefly emphasise this span (a claim just revealed) until the given time.
    flash: Option<(Range<usize>, f64)>,
    /// Remembered x position for Shift+Up/Down.
    h_pos: Option<f32>,
    dragging: bool,
    /// Paragraphs laid out in the last frame (for tests and the performance report).
    pub last_layouts: usize,
    /// What was on screen last frame: paragraph, where its galley was painted, the galley.
    on_screen: Vec<(usize, Pos2, Arc<Galley>)>,
    /// The visible part of the reader last frame, in screen coordinates.
    last_viewport: Option<Rect>,
    /// How far each article was scrolled when the reader left it, so going back returns
    /// there (and a newly shown article starts at its top, not at the last one's offset).
    /// Kept as the first visible paragraph and how far into it, since the pixel offset of a
    /// paragraph changes as heights are measured.
    offsets: HashMap<ArticleId, (usize, f32)>,
    last_offset: (usize, f32),
    restore_offset: Option<(usize, f32)>,
}

impl Reader {
    /// Switches to `article` (a no-op when it is already shown).
    pub fn show_article(&mut self, article: &Article) {
        if self.article == Some(article.id) && !self.paragraphs.is_empty() {
            return;
        }
        if let Some(old) = self.article {
            self.offsets.insert(old, self.last_offset);
        }
        self.restore_offset = Some(self.offsets.get(&article.id).copied().unwrap_or((0, 0.0)));
        self.article = Some(article.id);
        self.paragraphs = split_paragraphs(&article.text);
        self.heights = Heights::new(self.paragraphs.len());
        self.galleys.clear();
        self.selection = None;
        self.scroll_to = None;
        self.flash = None;
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    pub fn select(&mut self, range: Range<usize>) {
        self.selection = Some(Selection {
            anchor: range.start,
            head: range.end,
        });
        self.h_pos = None;
    }

    pub fn reveal(&mut self, range: Range<usize>, now: f64) {
        self.scroll_to = Some(range.start);
        self.scroll_always = true;
        self.flash = Some((range, now + 1.2));
    }

    /// Brings a char offset into view on the next frame, if it is not in view already.
    pub fn scroll_to(&mut self, offset: usize) {
        self.scroll_to = Some(offset);
        self.scroll_always = false;
    }

    /// Shows the article. Returns the commands the user's clicks asked for.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        highlights: &[Highlight],
        selected_claim: Option<ClaimId>,
        text_size: f32,
        keyboard: bool,
        commands: &mut Vec<Command>,
    ) {
        self.show_article(article);
        // Built only when an event needs char ↔ byte conversion: it is O(article) to build.
        let index = LazyIndex::new(&article.text);
        let font = FontId::proportional(text_size);
        let row_height = ui.fonts_mut(|f| f.row_height(&font));
        let avail = ui.available_width();
        let wrap_width = (avail - GUTTER - 16.0)
            .min(text_size * MAX_LINE_EMS)
            .max(80.0);
        let key = LayoutKey {
            wrap_width,
            text_size,
            dark: ui.visuals().dark_mode,
            // Only a change to this article's highlights lays text out again; typing a note
            // or editing another article does not.
            highlights: highlights_hash(highlights),
        };
        let char_width = text_size * 0.5;
        let paragraphs = &self.paragraphs;
        self.heights
            .estimate([wrap_width, row_height, char_width], |i| {
                let chars = paragraphs[i].chars.len().max(1) as f32;
                ((chars * char_width / wrap_width).ceil().max(1.0)) * row_height
            });
        if keyboard {
            self.keyboard(ui, &index, commands);
        }
        self.last_layouts = 0;

        let always = std::mem::take(&mut self.scroll_always);
        let scroll_target = self
            .scroll_to
            .take()
            .filter(|&o| always || !self.fully_on_screen(o));
        let mut area = egui::ScrollArea::vertical()
            .id_salt("reader")
            .auto_shrink([false, false]);
        let restore = self.restore_offset.take();
        if let Some((p, into)) = restore.filter(|_| scroll_target.is_none()) {
            area = area.vertical_scroll_offset(self.heights.top(p) + into);
        }
        if let Some(offset) = scroll_target {
            // Position the target paragraph directly: its y is known from the kept heights.
            let p = self.paragraph_of(offset);
            let y = self.heights.top(p);
            area = area.vertical_scroll_offset((y - 3.0 * row_height).max(0.0));
        }
        let visuals = ui.visuals().clone();
        area.show_viewport(ui, |ui, viewport| {
            let total = self.heights.total();
            let width = ui.available_width();
            let (content, response) = ui.allocate_exact_size(
                vec2(width, total.max(viewport.height())),
                Sense::click_and_drag(),
            );
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
            });
            let left = content.min.x + ((width - wrap_width - GUTTER) / 2.0).max(0.0) + GUTTER;
            let first = self.heights.at(viewport.min.y);
            let mut y = self.heights.top(first);
            self.last_offset = (first, viewport.min.y - y);
            let mut visible: Vec<(usize, Pos2, Arc<Galley>)> = Vec::new();
            let mut p = first;
            while p < self.paragraphs.len() && y <= viewport.max.y {
                let galley = self.galley(ui, p, key, &font, article, highlights, &visuals);
                let h = galley.size().y.max(row_height);
                self.heights.set(p, h);
                visible.push((p, pos2(left, content.min.y + y), galley));
                y += h;
                p += 1;
            }
            self.paint(ui, &visible, highlights, selected_claim, &font, &visuals);
            self.pointer(ui, &response, &visible, &index, highlights, commands);
            // Keep the galleys near the view; drop the rest so memory stays flat on long reads.
            if self.galleys.len() > MAX_CACHED_GALLEYS {
                let keep = first.saturating_sub(MAX_CACHED_GALLEYS / 4)..p + MAX_CACHED_GALLEYS / 4;
                self.galleys.retain(|k, _| keep.contains(k));
            }
            self.on_screen = visible;
            self.last_viewport = Some(ui.clip_rect());
        });
    }

    /// Where char offset `offset` was drawn in the last frame (the middle of its row, at its
    /// left edge), if it was visible.
    pub fn screen_pos(&self, offset: usize) -> Option<Pos2> {
        self.on_screen.iter().find_map(|(p, origin, galley)| {
            let para = &self.paragraphs[*p];
            if !(para.chars.start..=para.chars.end).contains(&offset) {
                return None;
            }
            let r = galley.pos_from_cursor(CCursor::new(offset - para.chars.start));
            Some(*origin + vec2(r.min.x + 1.0, r.center().y))
        })
    }

    /// Whether the row holding `offset` was drawn whole inside the viewport last frame.
    fn fully_on_screen(&self, offset: usize) -> bool {
        let (Some(pos), Some(view)) = (self.screen_pos(offset), self.last_viewport) else {
            return false;
        };
        view.shrink2(vec2(0.0, 24.0)).contains(pos)
    }

    /// The article chars drawn in the last frame.
    pub fn chars_on_screen(&self) -> Option<Range<usize>> {
        let first = self.on_screen.first()?.0;
        let last = self.on_screen.last()?.0;
        Some(self.paragraphs[first].chars.start..self.paragraphs[last].chars.end)
    }

    /// Paragraphs drawn in the last frame.
    pub fn paragraphs_on_screen(&self) -> usize {
        self.on_screen.len()
    }

    fn paragraph_of(&self, offset: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.chars.end < offset)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    #[allow(clippy::too_many_arguments)]
    fn galley(
        &mut self,
        ui: &Ui,
        p: usize,
        key: LayoutKey,
        font: &FontId,
        article: &Article,
        highlights: &[Highlight],
        visuals: &egui::Visuals,
    ) -> Arc<Galley> {
        if let Some((k, g)) = self.galleys.get(&p)
            && *k == key
        {
            return Arc::clone(g);
        }
        let para = &self.paragraphs[p];
        let job = paragraph_job(article, para, highlights, font, key.wrap_width, visuals);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        self.last_layouts += 1;
        self.galleys.insert(p, (key, Arc::clone(&galley)));
        galley
    }

    fn paint(
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

    fn pointer(
        &mut self,
        ui: &Ui,
        response: &egui::Response,
        visible: &[(usize, Pos2, Arc<Galley>)],
        index: &LazyIndex,
        highlights: &[Highlight],
        commands: &mut Vec<Command>,
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
                    (true, Some(sel)) => self.selection = Some(Selection { head: c, ..sel }),
                    _ => self.selection = Some(Selection { anchor: c, head: c }),
                }
                self.dragging = true;
            }
        } else if self.dragging
            && response.dragged()
            && let (Some(pos), Some(sel)) = (response.interact_pointer_pos(), self.selection)
            && let Some(c) = char_at(pos)
        {
            self.selection = Some(Selection { head: c, ..sel });
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
                self.selection = Some(Selection { head: c, ..sel });
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
        if let Some(sel) = self.selection {
            let r = index.get().snap_to_graphemes(sel.range());
            let forward = sel.head >= sel.anchor;
            self.selection = Some(if forward {
                Selection {
                    anchor: r.start,
                    head: r.end,
                }
            } else {
                Selection {
                    anchor: r.end,
                    head: r.start,
                }
            });
        }
    }

    fn keyboard(&mut self, ui: &Ui, index: &LazyIndex, commands: &mut Vec<Command>) {
        let events = ui.input(|i| i.events.clone());
        for e in events {
            match e {
                egui::Event::Copy => commands.push(Command::CopySelection),
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
        let sel = self.selection.unwrap_or(Selection { anchor: 0, head: 0 });
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
        self.selection = Some(Selection {
            anchor: sel.anchor,
            head: new_head.min(len),
        });
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

/// A [`TextIndex`] made on first use.
/// A fingerprint of the highlights, cheap enough for every frame with thousands of claims
/// (SipHash over them showed in profiles); collisions only cost a stale colour until the
/// next change.
fn highlights_hash(highlights: &[Highlight]) -> u64 {
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(0x517C_C1B7_2722_0A95);
    highlights.iter().fold(highlights.len() as u64, |h, hl| {
        let h = mix(h, hl.id.0.as_u64_pair().1);
        let h = mix(h, hl.range.start as u64);
        let h = mix(h, hl.range.end as u64);
        mix(h, hl.status as u64)
    })
}

struct LazyIndex<'a> {
    text: &'a str,
    cell: std::cell::OnceCell<TextIndex<'a>>,
}

impl<'a> LazyIndex<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            cell: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> &TextIndex<'a> {
        self.cell.get_or_init(|| TextIndex::new(self.text))
    }
}

fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let (mut char_pos, mut byte_pos) = (0, 0);
    for line in text.split('\n') {
        let chars = line.chars().count();
        out.push(Paragraph {
            chars: char_pos..char_pos + chars,
            bytes: byte_pos..byte_pos + line.len(),
        });
        char_pos += chars + 1;
        byte_pos += line.len() + 1;
    }
    out
}

/// One paragraph as a layout job: a section per run of text under the same claims.
fn paragraph_job(
    article: &Article,
    para: &Paragraph,
    highlights: &[Highlight],
    font: &FontId,
    wrap_width: f32,
    visuals: &egui::Visuals,
) -> LayoutJob {
    let text = &article.text[para.bytes.clone()];
    let mut job = LayoutJob {
        text: text.to_owned(),
        ..Default::default()
    };
    job.wrap.max_width = wrap_width;
    let here: Vec<&Highlight> = highlights
        .iter()
        .filter(|h| h.range.start < para.chars.end && h.range.end > para.chars.start)
        .collect();
    // Section boundaries in paragraph-local chars, converted to bytes in one forward pass.
    let mut cuts: Vec<usize> = vec![0, para.chars.len()];
    for h in &here {
        cuts.push(
            h.range
                .start
                .saturating_sub(para.chars.start)
                .min(para.chars.len()),
        );
        cuts.push(
            h.range
                .end
                .saturating_sub(para.chars.start)
                .min(para.chars.len()),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut byte_of = Vec::with_capacity(cuts.len());
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut next_char = 0;
    let mut current = chars.next().unwrap_or(0);
    for &c in &cuts {
        while next_char < c {
            current = chars.next().unwrap_or(text.len());
            next_char += 1;
        }
        byte_of.push(current);
    }
    for w in 0..cuts.len().saturating_sub(1) {
        let (a, b) = (cuts[w], cuts[w + 1]);
        if a == b {
            continue;
        }
        let abs = para.chars.start + a;
        let covering: Vec<&&Highlight> = here.iter().filter(|h| h.range.contains(&abs)).collect();
        let mut format = TextFormat::simple(font.clone(), visuals.text_color());
        if let Some(top) = covering.iter().min_by_key(|h| h.range.len()) {
            let color = status_color(top.status, visuals.dark_mode);
            let alpha = if covering.len() > 1 { 0.45 } else { 0.25 };
            format.background = color.gamma_multiply(alpha);
            format.underline = Stroke::new(if covering.len() > 1 { 3.0 } else { 1.5 }, color);
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(byte_of[w])..ByteIndex(byte_of[w + 1]),
            format,
        });
    }
    if job.sections.is_empty() {
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(0)..ByteIndex(text.len()),
            format: TextFormat::simple(font.clone(), visuals.text_color()),
        });
    }
    job
}

/// Rectangles (galley-relative) covering `range` (article chars) within one paragraph.
fn span_rects(galley: &Galley, para: &Paragraph, range: &Range<usize>) -> Vec<Rect> {
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

fn next_grapheme(index: &TextIndex, c: usize) -> usize {
    let len = index.char_len();
    let mut n = (c + 1).min(len);
    while n < len && !index.is_grapheme_boundary(n) {
        n += 1;
    }
    n
}

fn prev_grapheme(index: &TextIndex, c: usize) -> usize {
    let mut n = c.saturating_sub(1);
    while n > 0 && !index.is_grapheme_boundary(n) {
        n -= 1;
    }
    n
}

/// The word (by Unicode word boundaries) around char offset `c`.
fn word_at(index: &TextIndex, c: usize) -> Range<usize> {
    let text = index.text();
    let Some(b) = index.byte_of(c) else {
        return c..c;
    };
    // The line holding `b` bounds the search: words never cross a line break.
    let lo = text[..b].rfind('\n').map_or(0, |i| i + 1);
    let hi = text[b..].find('\n').map_or(text.len(), |i| b + i);
    for (start, word) in text[lo..hi].split_word_bound_indices() {
        let (start, end) = (lo + start, lo + start + word.len());
        if b >= start && b < end {
            let s = index.char_of(start).unwrap_or(c);
            let e = index.char_of(end).unwrap_or(c);
            return s..e;
        }
    }
    c..c
}

/// How far a word jump looks: words are short, and the article may be megabytes long.
const WORD_SEARCH_BYTES: usize = 4096;

fn next_word_end(index: &TextIndex, c: usize) -> usize {
    let text = index.text();
    let b = index.byte_of(c).unwrap_or(text.len());
    let hi = ceil_char_boundary(text, b + WORD_SEARCH_BYTES);
    text[b..hi]
        .split_word_bound_indices()
        .find(|(_, w)| w.chars().any(char::is_alphanumeric))
        .and_then(|(s, w)| index.char_of(b + s + w.len()))
        .unwrap_or(index.char_len())
}

fn prev_word_start(index: &TextIndex, c: usize) -> usize {
    let text = index.text();
    let b = index.byte_of(c).unwrap_or(text.len());
    let lo = floor_char_boundary(text, b.saturating_sub(WORD_SEARCH_BYTES));
    text[lo..b]
        .split_word_bound_indices()
        .rev()
        .find(|(_, w)| w.chars().any(char::is_alphanumeric))
        .and_then(|(s, _)| index.char_of(lo + s))
        .unwrap_or(0)
}

fn floor_char_boundary(text: &str, mut b: usize) -> usize {
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

fn ceil_char_boundary(text: &str, b: usize) -> usize {
    let mut b = b.min(text.len());
    while b < text.len() && !text.is_char_boundary(b) {
        b += 1;
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cover_the_text_in_chars_and_bytes() {
        let text = "Привет\n\nworld 👩‍👩‍👧\nend";
        let paras = split_paragraphs(text);
        assert_eq!(paras.len(), 4);
        for p in &paras {
            let idx = TextIndex::new(text);
            assert_eq!(idx.slice(p.chars.clone()), Some(&text[p.bytes.clone()]));
        }
        assert_eq!(paras[1].chars.len(), 0);
    }

    #[test]
    fn word_selection_uses_unicode_words() {
        let text = "Ушаков said “great progress”.";
        let idx = TextIndex::new(text);
        assert_eq!(idx.slice(word_at(&idx, 2)), Some("Ушаков"));
        assert_eq!(idx.slice(word_at(&idx, 15)), Some("great"));
        assert_eq!(next_word_end(&idx, 6), 11);
        assert_eq!(prev_word_start(&idx, 11), 7);
    }

    #[test]
    fn grapheme_steps_skip_whole_clusters() {
        let idx = TextIndex::new("a👩‍👩‍👧b");
        assert_eq!(next_grapheme(&idx, 1), 6);
        assert_eq!(prev_grapheme(&idx, 6), 1);
    }
}
