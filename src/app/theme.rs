//! Status colours and the non-colour cues that go with them.

use egui::Color32;

use crate::model::Status;

/// Colours chosen to stay apart for the common colour-vision deficiencies (blue / orange /
/// magenta rather than green / red), and always paired with a letter and an underline.
pub fn status_color(status: Status, dark: bool) -> Color32 {
    match (status, dark) {
        (Status::Confirmed, false) => Color32::from_rgb(0x1f, 0x6f, 0xc5),
        (Status::Confirmed, true) => Color32::from_rgb(0x5a, 0xa9, 0xf0),
        (Status::Reported, false) => Color32::from_rgb(0xc2, 0x6a, 0x00),
        (Status::Reported, true) => Color32::from_rgb(0xf0, 0xa0, 0x40),
        (Status::Disputed, false) => Color32::from_rgb(0xb0, 0x27, 0x8f),
        (Status::Disputed, true) => Color32::from_rgb(0xe8, 0x6c, 0xcc),
    }
}

/// The letter shown in the reader's margin where a claim starts.
pub fn status_letter(status: Status) -> char {
    match status {
        Status::Confirmed => 'C',
        Status::Reported => 'R',
        Status::Disputed => 'D',
    }
}

/// egui's themes with what an analyst needs to see: text fields with a visible edge (in
/// egui's light theme a white field sits borderless on a near-white panel), and hint text
/// dark enough to read. Contrast follows WCAG: 4.5:1 for text, 3:1 for a field's edge.
pub fn tune(visuals: &mut egui::Visuals) {
    let (edge, weak) = if visuals.dark_mode {
        (Color32::from_gray(110), Color32::from_gray(140))
    } else {
        (Color32::from_gray(118), Color32::from_gray(100))
    };
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, edge);
    visuals.weak_text_color = Some(weak);
}

/// Applies [`tune`] to both themes of the context.
pub fn tune_themes(ctx: &egui::Context) {
    for theme in [egui::Theme::Light, egui::Theme::Dark] {
        ctx.style_mut_of(theme, |style| tune(&mut style.visuals));
    }
}

/// WCAG 2 contrast ratio of `a` drawn over the opaque `b` (1 to 21). A translucent `a`
/// is blended with what it is drawn on first, so a transparent edge has no contrast.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    // Colours are premultiplied: what shows is `a` plus what `a` lets through of `b`.
    let through = 1.0 - f32::from(a.a()) / 255.0;
    let blend = |x: u8, y: u8| (f32::from(x) + f32::from(y) * through).round().min(255.0) as u8;
    let a = Color32::from_rgb(
        blend(a.r(), b.r()),
        blend(a.g(), b.g()),
        blend(a.b(), b.b()),
    );
    fn luminance(c: Color32) -> f32 {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_text_are_readable_in_both_themes() {
        for mut v in [egui::Visuals::light(), egui::Visuals::dark()] {
            tune(&mut v);
            let field = v.text_edit_bg_color();
            let panel = v.panel_fill;
            let edge = v.widgets.inactive.bg_stroke.color;
            let theme = if v.dark_mode { "dark" } else { "light" };
            for (what, fg, bg, min) in [
                ("text in a field", v.text_color(), field, 4.5),
                ("text on a panel", v.text_color(), panel, 4.5),
                ("hint text in a field", v.weak_text_color(), field, 4.5),
                ("hint text on a panel", v.weak_text_color(), panel, 4.5),
                ("field edge on the panel", edge, panel, 3.0),
                ("field edge on the field", edge, field, 3.0),
            ] {
                let c = contrast(fg, bg);
                assert!(c >= min, "{theme}: {what}: {c:.2} < {min}");
            }
        }
        // egui's own light theme is what this fixes.
        let v = egui::Visuals::light();
        assert!(contrast(v.widgets.inactive.bg_stroke.color, v.panel_fill) < 3.0);
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(118), Color32::WHITE) - 4.54).abs() < 0.05);
    }
}
