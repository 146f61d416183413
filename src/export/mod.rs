//! Exports of a briefing: Markdown for readers, W3C Web Annotations for other annotation
//! tools, CSV for spreadsheets.

pub mod csv;
mod escape;
mod judgments;
pub mod markdown;
pub mod w3c;

pub use csv::to_csv;
pub use markdown::to_markdown;
pub use w3c::to_w3c;

/// The kinds of export, with what the user picks them by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Markdown,
    W3c,
    Csv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 3] = [Self::Markdown, Self::W3c, Self::Csv];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::W3c => "json",
            Self::Csv => "csv",
        }
    }

    /// As a file dialog's filter names it.
    pub fn filter_name(self) -> &'static str {
        match self {
            Self::Markdown => "Markdown (.md)",
            Self::W3c => "W3C Web Annotations (.json)",
            Self::Csv => "CSV spreadsheet (.csv)",
        }
    }

    pub fn export(self, b: &crate::model::Briefing) -> String {
        match self {
            Self::Markdown => to_markdown(b),
            Self::W3c => to_w3c(b),
            Self::Csv => to_csv(b),
        }
    }
}
