//! Laying out the article: paragraphs with their char and byte ranges, one layout job per
//! paragraph (a section per run of text under the same claims), and the galley cache.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{ByteIndex, LayoutJob, TextFormat};
use egui::{FontId, Galley, Stroke, Ui};

use super::{Highlight, Reader};
use crate::app::theme::status_color;
use crate::model::Article;

#[derive(Debug, Clone)]
pub(super) struct Paragraph {
    pub chars: Range<usize>,
    pub bytes: Range<usize>,
    /// Text follows on the very next line (paragraphs separated by single newlines, as in
    /// many plain-text articles): space is left after it as if a blank line were there.
    pub gap_after: bool,
}

/// What a cached galley was laid out for; any change means a new layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LayoutKey {
    pub wrap_width: f32,
    pub text_size: f32,
    pub dark: bool,
    pub highlights: u64,
}

impl Reader {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn galley(
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
}

/// A fingerprint of the highlights, cheap enough for every frame with thousands of claims
/// (SipHash over them showed in profiles); collisions only cost a stale colour until the
/// next change.
pub(super) fn highlights_hash(highlights: &[Highlight]) -> u64 {
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(0x517C_C1B7_2722_0A95);
    highlights.iter().fold(highlights.len() as u64, |h, hl| {
        let h = mix(h, hl.id.0.as_u64_pair().1);
        let h = mix(h, hl.range.start as u64);
        let h = mix(h, hl.range.end as u64);
        mix(h, hl.status as u64)
    })
}

pub(super) fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let (mut char_pos, mut byte_pos) = (0, 0);
    for line in text.split('\n') {
        let chars = line.chars().count();
        out.push(Paragraph {
            chars: char_pos..char_pos + chars,
            bytes: byte_pos..byte_pos + line.len(),
            gap_after: false,
        });
        char_pos += chars + 1;
        byte_pos += line.len() + 1;
    }
    for i in 1..out.len() {
        if !out[i - 1].chars.is_empty() && !out[i].chars.is_empty() {
            out[i - 1].gap_after = true;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextIndex;

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
}
