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
