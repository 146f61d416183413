//! Find in the whole briefing (Ctrl+Shift+F): a window listing every match in every article
//! with the words around it. Enter goes to the next match — its article opens with the
//! match selected, so Ctrl+1/2/3 tags it — Shift+Enter to the previous, Escape closes.

use egui::text::LayoutJob;
use egui::{Align, FontId, TextEdit, TextFormat, Ui};

use super::Shared;
use super::widgets::select_all_text;
use crate::app::actions::{self, Action, Scope};
use crate::app::command::{Command, CommandQueue};
use crate::text::find::{BriefingFolds, Hit};

/// Results listed at most; beyond, the count says there are more.
const MAX_HITS: usize = 1000;

#[derive(Default)]
pub struct BriefingFind {
    pub open: bool,
    pub query: String,
    /// Take keyboard focus on the next frame, with the query selected so typing replaces it.
    pub focus: bool,
    folds: BriefingFolds,
    hits: Vec<Hit>,
    more: bool,
    /// The query and briefing revision the hits are for.
    searched: Option<(String, u64)>,
    /// The hit shown last.
    pub current: Option<usize>,
    /// Scroll the list to the current hit on the next frame.
    scroll_to_current: bool,
}

impl BriefingFind {
    fn update(&mut self, shared: &Shared) {
        let key = (self.query.clone(), shared.doc.history.revision());
        if self.searched.as_ref() == Some(&key) {
            return;
        }
        (self.hits, self.more) = self.folds.find(&shared.doc.briefing, &self.query, MAX_HITS);
        self.searched = Some(key);
        self.current = None;
    }

    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// Moves `by` hits (wrapping) and shows that one.
    fn step(&mut self, by: isize, queue: &mut CommandQueue) {
        let n = self.hits.len() as isize;
        if n == 0 {
            return;
        }
        let i = match self.current {
            Some(c) => (c as isize + by).rem_euclid(n),
            None if by >= 0 => 0,
            None => n - 1,
        } as usize;
        self.go(i, queue);
    }

    fn go(&mut self, i: usize, queue: &mut CommandQueue) {
        self.current = Some(i);
        self.scroll_to_current = true;
        let h = &self.hits[i];
        let said = format!(
            "{} of {} matches: …{}{}{}…",
            i + 1,
            self.hits.len(),
            tail(&h.before, 28),
            h.matched,
            h.after
        );
        queue.push(Command::ShowMatch {
            article: h.article,
            range: h.range.clone(),
            said,
        });
    }

    fn status(&self, shared: &Shared) -> String {
        let n = self.hits.len();
        if self.query.trim().is_empty() {
            return "Type to search every article".to_owned();
        }
        if n == 0 {
            return "No matches".to_owned();
        }
        let mut articles: Vec<_> = self.hits.iter().map(|h| h.article).collect();
        articles.dedup();
        let more = if self.more { "+" } else { "" };
        let of = shared.doc.briefing.articles.len();
        let at = self
            .current
            .map(|c| format!("{} of ", c + 1))
            .unwrap_or_default();
        let matches = if n == 1 && !self.more {
            "match"
        } else {
            "matches"
        };
        format!(
            "{at}{n}{more} {matches} in {} of {of} articles",
            articles.len()
        )
    }

    pub fn show(&mut self, ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
        self.update(shared);
        let mut open = true;
        egui::Window::new("Find in briefing")
            .open(&mut open)
            .default_width(440.0)
            .default_height(360.0)
            .anchor(egui::Align2::RIGHT_TOP, [-12.0, 80.0])
            .collapsible(false)
            .show(ui.ctx(), |ui| self.contents(ui, shared, queue));
        if !open {
            queue.push(Command::CloseBriefingFind);
        }
    }

    fn contents(&mut self, ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
        ui.horizontal(|ui| {
            let l = ui.label("Find in briefing");
            let r = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .id_salt("briefing find field")
                        .hint_text("words in any article")
                        .return_key(None)
                        .desired_width(ui.available_width()),
                )
                .labelled_by(l.id);
            if self.focus {
                r.request_focus();
                select_all_text(ui, r.id, &self.query);
                self.focus = false;
            }
            // What was typed this frame is searched before Enter acts on it.
            self.update(shared);
            if r.has_focus() || r.lost_focus() {
                for action in actions::pressed(ui.ctx(), &[Scope::FindField]) {
                    match action {
                        Action::FindNext => self.step(1, queue),
                        Action::FindPrevious => self.step(-1, queue),
                        Action::CloseFind => queue.push(Command::CloseBriefingFind),
                        _ => {}
                    }
                }
            }
        });
        ui.label(self.status(shared));
        ui.separator();
        self.results(ui, shared, queue);
    }

    fn results(&mut self, ui: &mut Ui, shared: &Shared, queue: &mut CommandQueue) {
        let body = ui.text_style_height(&egui::TextStyle::Body);
        let row_height = body * 2.0 + 8.0;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("briefing find results")
            .auto_shrink([false, true]);
        if let Some(c) = self.current.filter(|_| self.scroll_to_current) {
            let spacing = ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset(
                ((c as f32) * (row_height + spacing) - 2.0 * row_height).max(0.0),
            );
            self.scroll_to_current = false;
        }
        let mut clicked = None;
        area.show_rows(ui, row_height, self.hits.len(), |ui, range| {
            for i in range {
                let h = &self.hits[i];
                let title = shared
                    .doc
                    .briefing
                    .article(h.article)
                    .map_or("", |a| a.title.as_str());
                if hit_row(ui, h, title, self.current == Some(i), row_height).clicked() {
                    clicked = Some(i);
                }
            }
        });
        if let Some(i) = clicked {
            self.go(i, queue);
        }
    }
}

/// One result: the article's title, then the match in its words, each on one line cut to
/// the window's width (the words before the match shortened so the match stays in view).
fn hit_row(ui: &mut Ui, h: &Hit, title: &str, selected: bool, height: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), height),
        egui::Sense::click(),
    );
    let before = tail(&h.before, 28);
    let spoken = format!("{title}: …{before}{}{}…", h.matched, h.after);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, spoken.clone())
    });
    let visuals = ui.style().interact_selectable(&response, selected);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, visuals.weak_bg_fill);
    let font = FontId::proportional(ui.text_style_height(&egui::TextStyle::Body) * 0.9);
    let width = rect.width() - 12.0;
    let line = |job: LayoutJob| ui.fonts_mut(|f| f.layout_job(job));
    let v = ui.visuals();
    let mut top = LayoutJob::simple_singleline(title.to_owned(), font.clone(), v.weak_text_color());
    top.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let mut bottom = hit_job(h, &before, v, &font);
    bottom.wrap = egui::text::TextWrapping::truncate_at_width(width);
    let (top, bottom) = (line(top), line(bottom));
    let y = rect.center().y - (top.size().y + bottom.size().y + 2.0) / 2.0;
    painter.galley(egui::pos2(rect.min.x + 6.0, y), top.clone(), v.text_color());
    painter.galley(
        egui::pos2(rect.min.x + 6.0, y + top.size().y + 2.0),
        bottom,
        v.text_color(),
    );
    response
}

/// The last `n` chars of `s`, from a word start where there is one.
fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_owned();
    }
    let cut: String = s.chars().skip(count - n).collect();
    match cut.find(' ') {
        Some(i) if i + 1 < cut.len() => cut[i + 1..].to_owned(),
        _ => cut,
    }
}

/// The match in its words, the match marked.
fn hit_job(h: &Hit, before: &str, visuals: &egui::Visuals, font: &FontId) -> LayoutJob {
    let plain = TextFormat {
        font_id: font.clone(),
        color: visuals.text_color(),
        valign: Align::Center,
        ..Default::default()
    };
    let strong = TextFormat {
        color: visuals.strong_text_color(),
        background: visuals.selection.bg_fill.gamma_multiply(0.6),
        ..plain.clone()
    };
    let mut job = LayoutJob::default();
    job.append("…", 0.0, plain.clone());
    job.append(before, 0.0, plain.clone());
    job.append(&h.matched, 0.0, strong);
    job.append(&h.after, 0.0, plain.clone());
    job.append("…", 0.0, plain);
    job
}
