//! Exports of a briefing for readers.

mod escape;
mod judgments;
pub mod markdown;

pub use markdown::to_markdown;
