//! The reader: our own text widget, so that it lays out and paints only what is visible.
//!
//! The article is split into paragraphs (lines). Each paragraph gets its own galley, cached
//! by paragraph + wrap width + text size + theme + the article's highlights; paragraph
//! heights are kept (estimated until first laid out) so scrolling never lays out the rest of
//! the article. The selection is kept here in article char offsets and painted by the
//! reader, so it can cross paragraphs. This is the one place where egui's positions become
//! char offsets.
//!
//! - [`layout`]: paragraphs, their layout jobs and the galley cache.
//! - [`paint`]: selection, claims, the flash of a revealed claim, the gutter letters.
//! - [`input`]: pointer and keyboard, turned into selections and commands.
//! - [`heights`]: paragraph heights and the scroll position ↔ paragraph lookups.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::text::CCursor;
use egui::{FontId, Galley, Pos2, Rect, Sense, Ui, pos2, vec2};

use super::command::CommandQueue;
use crate::model::{Article, ArticleId, ClaimId, Status};
use crate::text::{Selection, TextIndex};
use heights::Heights;
use layout::{LayoutKey, Paragraph, highlights_hash, split_paragraphs};

mod access;
mod heights;
mod input;
mod layout;
mod paint;

/// Widest comfortable line, in multiples of the text size.
const MAX_LINE_EMS: f32 = 38.0;
/// Room on the left for the claim markers.
const GUTTER: f32 = 28.0;
/// Room the reader needs beside its lines: the wrap margin, the scroll bar, the panel's
/// margins.
const BESIDE_LINES: f32 = 16.0 + 14.0 + 16.0;
/// Space after a paragraph followed directly by another, in rows.
const PARAGRAPH_GAP: f32 = 0.6;
/// Text to measure the mean width of a character of prose with.
const SAMPLE: &str = "The Kremlin said the call lasted nearly three hours, according to officials.";

/// The mean width of a character of prose at `text_size`, measured with the reader's font.
pub fn mean_char_width(ui: &Ui, text_size: f32) -> f32 {
    let font = FontId::proportional(text_size);
    let width = ui.fonts_mut(|f| {
        f.layout_no_wrap(SAMPLE.to_owned(), font, egui::Color32::WHITE)
            .size()
            .x
    });
    width / SAMPLE.chars().count() as f32
}

/// The narrowest the reader may be: room for lines of
/// [`crate::app::layout::LINE_ROOM_CHARS`] characters at `text_size`, and its margins.
pub fn min_width(ui: &Ui, text_size: f32) -> f32 {
    crate::app::layout::LINE_ROOM_CHARS * mean_char_width(ui, text_size) + GUTTER + BESIDE_LINES
}
/// Laid-out paragraphs kept; beyond this, those far from the view are dropped.
const MAX_CACHED_GALLEYS: usize = 512;

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
    pub(crate) selection: Option<Selection>,
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
    pub(crate) last_layouts: usize,
    /// The width lines were wrapped at last frame, in mean characters of prose.
    line_chars: f32,
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
    /// The text runs exposed to assistive technology last frame.
    exposed: Vec<access::ExposedRun>,
    /// The reader had keyboard focus this frame (the caret and the focus ring are drawn).
    focused: bool,
}

/// The reader's node: one id for the document whatever else is on screen.
pub fn document_id() -> egui::Id {
    egui::Id::unique("briefing-notes reader document")
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

    /// How far each article was scrolled: its first paragraph on screen and how far into
    /// it (the article shown now included).
    pub fn scroll_positions(&self) -> Vec<(ArticleId, usize, f32)> {
        let mut out: Vec<_> = self
            .offsets
            .iter()
            .filter(|(id, _)| Some(**id) != self.article)
            .map(|(id, (p, into))| (*id, *p, *into))
            .collect();
        if let Some(id) = self.article {
            out.push((id, self.last_offset.0, self.last_offset.1));
        }
        out.sort_by_key(|(id, ..)| *id);
        out
    }

    /// Scroll positions to return to when each article is shown (a briefing reopened).
    pub fn set_scroll_positions(
        &mut self,
        positions: impl IntoIterator<Item = (ArticleId, usize, f32)>,
    ) {
        self.offsets = positions
            .into_iter()
            .map(|(id, p, into)| (id, (p, into.max(0.0))))
            .collect();
    }

    /// The selection, in article chars.
    pub fn selection(&self) -> Option<Selection> {
        self.selection
    }

    /// Paragraphs laid out in the last frame (a frame that only scrolls lays out none).
    pub fn last_layouts(&self) -> usize {
        self.last_layouts
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    pub fn select(&mut self, range: Range<usize>) {
        self.selection = Some(Selection::over(range));
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

    /// Shows the article; what the user's clicks and keys ask for is pushed onto `commands`.
    #[allow(clippy::too_many_arguments)]
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        highlights: &[Highlight],
        selected_claim: Option<ClaimId>,
        text_size: f32,
        keyboard: bool,
        commands: &mut CommandQueue,
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
        let char_width = mean_char_width(ui, text_size);
        self.line_chars = wrap_width / char_width;
        let gap = PARAGRAPH_GAP * row_height;
        let paragraphs = &self.paragraphs;
        self.heights
            .estimate([wrap_width, row_height, char_width], |i| {
                let p = &paragraphs[i];
                let chars = p.chars.len().max(1) as f32;
                let rows = (chars * char_width / wrap_width).ceil().max(1.0);
                rows * row_height + if p.gap_after { gap } else { 0.0 }
            });
        let doc = document_id();
        self.access_requests(ui, doc);
        self.focused = ui.memory(|m| m.has_focus(doc));
        if self.focused {
            // The arrows move the caret, as in a text field, rather than the focus.
            let filter = egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(doc, filter));
        }
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
            let (content, _) =
                ui.allocate_exact_size(vec2(width, total.max(viewport.height())), Sense::hover());
            let response = ui.interact(content, doc, Sense::click_and_drag());
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
                let gap_after = if self.paragraphs[p].gap_after {
                    gap
                } else {
                    0.0
                };
                let h = galley.size().y.max(row_height) + gap_after;
                self.heights.set(p, h);
                visible.push((p, pos2(left, content.min.y + y), galley));
                y += h;
                p += 1;
            }
            self.paint(ui, &visible, highlights, selected_claim, &font, &visuals);
            self.pointer(ui, &response, &visible, &index, highlights, commands);
            if response.clicked() || response.drag_started() {
                response.request_focus();
            }
            if self.focused {
                let ring = ui.clip_rect().shrink(1.0);
                ui.painter().rect_stroke(
                    ring,
                    2.0,
                    visuals.selection.stroke,
                    egui::StrokeKind::Inside,
                );
            }
            // One paragraph past each edge is exposed too, so a screen reader moving off the
            // screen always has text to move into (and the reader scrolls after it).
            let mut exposed = Vec::with_capacity(visible.len() + 2);
            if ui.ctx().accesskit_node_builder(doc, |_| ()).is_some() {
                if first > 0 {
                    let g = self.galley(ui, first - 1, key, &font, article, highlights, &visuals);
                    let top = self.heights.top(first - 1);
                    exposed.push((first - 1, pos2(left, content.min.y + top), g));
                }
                exposed.extend(visible.iter().cloned());
                if p < self.paragraphs.len() {
                    let g = self.galley(ui, p, key, &font, article, highlights, &visuals);
                    exposed.push((p, pos2(left, content.min.y + y), g));
                }
            }
            self.expose(ui, doc, &exposed, highlights, &index);
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

    /// How many characters of prose a line holds at the reader's current width.
    pub fn line_chars(&self) -> f32 {
        self.line_chars
    }

    /// The most characters on one wrapped row among the paragraphs on screen: what the
    /// reader really fits on a line (rows that end a paragraph are not full, so not counted).
    pub fn widest_row_chars(&self) -> usize {
        self.on_screen
            .iter()
            .flat_map(|(_, _, g)| {
                let n = g.rows.len().saturating_sub(1);
                g.rows[..n]
                    .iter()
                    .map(|r| r.char_count_excluding_newline().0)
            })
            .max()
            .unwrap_or(0)
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
}

/// A [`TextIndex`] made on first use: it is O(article) to build, and most frames need
/// none.
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
