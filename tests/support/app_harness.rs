//! The app as the integration tests start it: headless, in a window of the default size, with
//! scripted file dialogs.
#![allow(dead_code)]

use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Startup};
use egui_kittest::{Harness, HarnessBuilder};

/// The default window; adjust it before [`launch`].
pub fn window() -> HarnessBuilder<BriefingApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .with_step_dt(0.05)
        .with_max_steps(60)
}

/// Starts the app in `window` and runs it until it settles.
pub fn launch(
    window: HarnessBuilder<BriefingApp>,
    startup: Startup,
    dialogs: ScriptedDialogs,
) -> Harness<'static, BriefingApp> {
    let mut h = window.build_eframe(move |cc| {
        BriefingApp::with_parts(
            &cc.egui_ctx,
            startup,
            Box::new(dialogs),
            Settings::default(),
        )
    });
    h.run();
    h
}

/// A file as the windowing layer hands it over when dropped on the window.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
