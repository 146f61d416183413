//! How the window's width is shared: the reader keeps a readable line, and the side panels
//! give way first — narrower, then hidden — never the reader. Pure arithmetic, so the
//! rules are tested apart from egui.

use egui::Rangef;

/// The fewest characters a reader line should hold.
pub const MIN_LINE_CHARS: f32 = 45.0;
/// The room kept for a line, in mean characters: lines wrap at word ends, so a line
/// holds a few less than its room.
pub const LINE_ROOM_CHARS: f32 = 50.0;
/// A side panel never takes more than this share of the window...
const OUTLINE_SHARE: f32 = 0.30;
const CLAIMS_SHARE: f32 = 0.36;
/// ...and of the room left beside the reader, the outline gets at most this part.
const OUTLINE_PART: f32 = 0.42;
/// Narrower than this a panel is more frustrating than useful: it is hidden instead...
pub const MIN_PANEL: f32 = 140.0;
/// ...or narrower than this many characters of the panels' text.
pub const MIN_PANEL_CHARS: f32 = 20.0;
/// Preferred smallest widths when there is room.
const OUTLINE_MIN: f32 = 170.0;
const CLAIMS_MIN: f32 = 230.0;

/// The widths each shown side panel may take; `None` for a hidden one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub outline: Option<Rangef>,
    pub claims: Option<Rangef>,
    /// A panel the user wants is hidden because the window is too narrow for it.
    pub squeezed: bool,
}

/// Shares `window` between the side panels the user wants and a reader at least
/// `reader_min` wide; a panel narrower than `min_panel` is hidden.
pub fn fit(
    window: f32,
    reader_min: f32,
    min_panel: f32,
    want_outline: bool,
    want_claims: bool,
) -> Fit {
    let room = (window - reader_min).max(0.0);
    let min_panel = min_panel.max(MIN_PANEL);
    let range = |max: f32, min: f32| {
        (max >= min_panel).then(|| Rangef::new(min.clamp(min_panel, max), max))
    };
    let claims_max = |room: f32| (window * CLAIMS_SHARE).min(room);
    let (outline, claims) = match (want_outline, want_claims) {
        (true, true) => {
            let o_max = (window * OUTLINE_SHARE).min(room * OUTLINE_PART);
            let outline = range(o_max, OUTLINE_MIN);
            // What the outline could not use (hidden) goes to the claims.
            let used = outline.map_or(0.0, |r| r.max);
            (outline, range(claims_max(room - used), CLAIMS_MIN))
        }
        (true, false) => (range((window * OUTLINE_SHARE).min(room), OUTLINE_MIN), None),
        (false, true) => (None, range(claims_max(room), CLAIMS_MIN)),
        (false, false) => (None, None),
    };
    Fit {
        squeezed: (want_outline && outline.is_none()) || (want_claims && claims.is_none()),
        outline,
        claims,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widest(f: &Fit) -> f32 {
        f.outline.map_or(0.0, |r| r.max) + f.claims.map_or(0.0, |r| r.max)
    }

    #[test]
    fn the_reader_always_keeps_its_width() {
        for window in [640.0, 800.0, 1024.0, 1280.0, 1920.0, 3840.0] {
            for reader_min in [300.0, 430.0, 700.0, 1200.0] {
                for (o, c) in [(true, true), (true, false), (false, true)] {
                    let f = fit(window, reader_min, 0.0, o, c);
                    assert!(
                        window - widest(&f) >= reader_min.min(window) - 0.5,
                        "{window} {reader_min} {f:?}"
                    );
                    for r in [f.outline, f.claims].into_iter().flatten() {
                        assert!(r.min <= r.max && r.max >= MIN_PANEL, "{f:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_laptop_window_keeps_both_panels_a_wide_one_caps_them() {
        let f = fit(800.0, 430.0, 0.0, true, true);
        assert!(
            f.outline.is_some() && f.claims.is_some() && !f.squeezed,
            "{f:?}"
        );
        let f = fit(1920.0, 430.0, 0.0, true, true);
        assert!(f.outline.unwrap().max <= 1920.0 * OUTLINE_SHARE);
        assert!(f.claims.unwrap().max <= 1920.0 * CLAIMS_SHARE);
    }

    #[test]
    fn panels_give_way_before_the_reader() {
        // Big text in a small window: the outline goes first, then the claims.
        let f = fit(800.0, 560.0, 0.0, true, true);
        assert!(
            f.outline.is_none() && f.claims.is_some() && f.squeezed,
            "{f:?}"
        );
        let f = fit(800.0, 700.0, 0.0, true, true);
        assert!(f.outline.is_none() && f.claims.is_none(), "{f:?}");
        let f = fit(800.0, 700.0, 0.0, false, false);
        assert!(!f.squeezed);
        // Panels with big text need more room to be of use.
        assert!(fit(800.0, 430.0, 0.0, false, true).claims.is_some());
        assert!(fit(800.0, 430.0, 400.0, false, true).claims.is_none());
    }
}
