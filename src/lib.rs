//! briefing-notes core: the model, anchoring, the file format, import, export and the command
//! line. Nothing here depends on the GUI.

pub mod analysis;
pub mod anchor;
#[cfg(feature = "gui")]
pub mod app;
pub mod atomic;
pub mod attribution;
pub mod cli;
pub mod disk;
pub mod document;
pub mod edit;
pub mod export;
pub mod file;
pub mod import;
pub mod journal;
pub mod lock;
pub mod merge;
pub mod model;
pub mod places;
pub mod text;
