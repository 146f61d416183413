//! Exports of a briefing for readers.

mod escape;
pub mod markdown;

pub use markdown::to_markdown;
