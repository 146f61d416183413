//! Performance figures, one `name value unit` line each:
//! `cargo run --release --example perf_report`.
//!
//! Inputs are generated here (seeded, so every run measures the same text). Frame times are
//! the CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`) for one whole frame of the
//! real app (`BriefingApp::ui` through `egui::Context::run_ui`) plus tessellation, headless:
//! what the app's thread does each frame except hand the triangles to the GPU.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing_notes::app::command::CommandQueue;
use briefing_notes::app::dialogs::ScriptedDialogs;
use briefing_notes::app::reader::{Highlight, Reader};
use briefing_notes::app::settings::Settings;
use briefing_notes::app::{BriefingApp, Command, Startup};
use briefing_notes::attribution::{Engine, attribute_in};
use briefing_notes::export::to_markdown;
use briefing_notes::file;
use briefing_notes::model::{Article, ArticleMeta, Briefing, Status};
use briefing_notes::text::TextIndex;
use eframe::App as _;
use egui::{
    Event, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, RawInput, Rect,
    TouchPhase, vec2,
};

const SCREEN: egui::Vec2 = vec2(1280.0, 820.0);
/// Wheel movement per frame: about a third of the reader's height.
const SCROLL_STEP: f32 = 240.0;
const RUNS: usize = 3;
/// At least this many frames are timed per run.
const MIN_FRAMES: usize = 300;

// ---------------------------------------------------------------- inputs

#[path = "support/generate.rs"]
mod generate;
#[path = "support/v1_file.rs"]
mod v1_file;
#[path = "support/xwd.rs"]
mod xwd;
use generate::{article_with_claims, edited, news, prose};
use xwd::distinct_colours;

fn briefing_of(articles: Vec<Article>) -> Briefing {
    let mut b = Briefing::new("Performance report", "perf_report");
    b.articles = articles;
    b
}

// ---------------------------------------------------------------- measuring

#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn percentile(samples: &[f64], p: f64) -> f64 {
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    if s.is_empty() {
        return f64::NAN;
    }
    s[((s.len() - 1) as f64 * p).round() as usize]
}

fn median(samples: &[f64]) -> f64 {
    percentile(samples, 0.5)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// A headless window: feeds input, runs frames, times each.
struct Screen {
    ctx: egui::Context,
    time: f64,
}

impl Screen {
    fn new() -> Self {
        Self {
            ctx: egui::Context::default(),
            time: 0.0,
        }
    }

    fn frame(&mut self, events: Vec<Event>, mut ui: impl FnMut(&mut egui::Ui)) -> Duration {
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..RawInput::default()
        };
        self.time += 1.0 / 60.0;
        let start = thread_cpu();
        let out = self.ctx.run_ui(input, &mut ui);
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(primitives);
        thread_cpu() - start
    }
}

fn wheel(at: Pos2) -> Vec<Event> {
    vec![
        Event::PointerMoved(at),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, -SCROLL_STEP),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        },
    ]
}

fn button(at: Pos2, pressed: bool) -> Event {
    Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    }
}

/// What is being measured: the whole app, or the reader widget alone.
trait Shown {
    fn reader(&self) -> &Reader;
    fn ui(&mut self, ui: &mut egui::Ui);
}

struct WholeApp {
    app: BriefingApp,
    frame: eframe::Frame,
}

impl Shown for WholeApp {
    fn reader(&self) -> &Reader {
        self.app.reader()
    }
    fn ui(&mut self, ui: &mut egui::Ui) {
        self.app.logic(ui.ctx(), &mut self.frame);
        self.app.ui(ui, &mut self.frame);
    }
}

struct ReaderOnly {
    reader: Reader,
    article: Article,
    highlights: Vec<Highlight>,
}

impl Shown for ReaderOnly {
    fn reader(&self) -> &Reader {
        &self.reader
    }
    fn ui(&mut self, ui: &mut egui::Ui) {
        let mut commands = CommandQueue::default();
        egui::CentralPanel::default().show(ui, |ui| {
            self.reader.ui(
                ui,
                &self.article,
                &self.highlights,
                None,
                Settings::default().text_size,
                true,
                &mut commands,
            );
        });
    }
}

fn whole_app(path: &Path, screen: &Screen) -> WholeApp {
    WholeApp {
        app: BriefingApp::with_parts(
            &screen.ctx,
            Startup {
                files: vec![path.to_owned()],
                fresh: true,
                ..Default::default()
            },
            Box::new(ScriptedDialogs::default()),
            Settings::default(),
        ),
        frame: eframe::Frame::_new_kittest(),
    }
}

fn reader_only(article: &Article) -> ReaderOnly {
    ReaderOnly {
        reader: Reader::default(),
        article: article.clone(),
        highlights: article
            .claims
            .iter()
            .map(|c| Highlight {
                id: c.id,
                range: c.anchor.range(),
                status: c.status,
            })
            .collect(),
    }
}

/// Scrolls from top to bottom with the wheel, selecting a span with the mouse every 10
/// frames; each pass starts afresh (new window, nothing laid out), and passes repeat until at
/// least `MIN_FRAMES` frames were timed. Returns per-frame CPU times in ms.
fn scroll_frames<S: Shown>(total_chars: usize, make: impl Fn(&Screen) -> S) -> Vec<f64> {
    let mut times = Vec::new();
    while times.len() < MIN_FRAMES {
        let mut screen = Screen::new();
        let mut shown = make(&screen);
        // Warm up: fonts, the first screen.
        for _ in 0..10 {
            screen.frame(Vec::new(), |ui| shown.ui(ui));
        }
        let before = times.len();
        let mut pending_release: Option<Pos2> = None;
        for n in 0..200_000 {
            let Some(on_screen) = shown.reader().chars_on_screen() else {
                break;
            };
            if on_screen.end >= total_chars && n > 0 {
                break;
            }
            // The middle of what is shown is inside the reader's viewport.
            let middle = on_screen.start + (on_screen.end - on_screen.start) / 2;
            let Some(pointer) = shown.reader().screen_pos(middle) else {
                break;
            };
            let mut events = wheel(pointer);
            if let Some(end) = pending_release.take() {
                events.push(Event::PointerMoved(end));
                events.push(button(end, false));
            } else if n % 10 == 0 {
                let to = shown.reader().screen_pos(middle + 120);
                if let Some(to) = to {
                    events = vec![Event::PointerMoved(pointer), button(pointer, true)];
                    pending_release = Some(to);
                }
            }
            times.push(ms(screen.frame(events, |ui| shown.ui(ui))));
        }
        if times.len() == before {
            eprintln!("warning: a scroll pass timed no frames");
            break;
        }
    }
    times
}

/// The baseline: the whole article as one `LayoutJob` in one `Label` in a `ScrollArea`, with
/// the same highlights; a selection changes the job, as it would in such a design.
fn naive_frames(article: &Article, frames: usize) -> Vec<f64> {
    use egui::text::{LayoutJob, TextFormat};
    let font = egui::FontId::proportional(17.0);
    let text = &article.text;
    let idx = TextIndex::new(text);
    let job_with = |selection: Option<std::ops::Range<usize>>| {
        let mut job = LayoutJob::default();
        job.wrap.max_width = 680.0;
        let mut cuts: Vec<(usize, Option<egui::Color32>)> = Vec::new();
        for c in &article.claims {
            let colour = match c.status {
                Status::Confirmed => egui::Color32::from_rgb(40, 90, 140),
                Status::Reported => egui::Color32::from_rgb(130, 100, 30),
                Status::Disputed => egui::Color32::from_rgb(130, 40, 110),
            };
            cuts.push((c.anchor.start, Some(colour)));
            cuts.push((c.anchor.end, None));
        }
        if let Some(s) = &selection {
            cuts.push((s.start, Some(egui::Color32::from_rgb(60, 60, 160))));
            cuts.push((s.end, None));
        }
        cuts.sort_by_key(|c| c.0);
        let mut at = 0;
        let mut background = egui::Color32::TRANSPARENT;
        for (pos, colour) in cuts {
            let (Some(a), Some(b)) = (idx.byte_of(at), idx.byte_of(pos)) else {
                continue;
            };
            if b > a {
                job.append(
                    &text[a..b],
                    0.0,
                    TextFormat {
                        font_id: font.clone(),
                        background,
                        ..TextFormat::default()
                    },
                );
            }
            at = pos.max(at);
            background = colour.unwrap_or(egui::Color32::TRANSPARENT);
        }
        if let Some(a) = idx.byte_of(at) {
            job.append(
                &text[a..],
                0.0,
                TextFormat {
                    font_id: font.clone(),
                    ..TextFormat::default()
                },
            );
        }
        job
    };
    let mut screen = Screen::new();
    let mut job = job_with(None);
    let mut times = Vec::new();
    let pointer = Pos2::new(640.0, 400.0);
    for n in 0..frames + 5 {
        if n % 10 == 0 {
            let start = n * 997 % idx.char_len().saturating_sub(200).max(1);
            job = job_with(Some(start..start + 120));
        }
        let shown = job.clone();
        let t = screen.frame(wheel(pointer), |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    ui.add(egui::Label::new(shown.clone()));
                });
            });
        });
        if n >= 5 {
            times.push(ms(t));
        }
    }
    times
}

/// From article text in memory to the first frame that shows it, in the real app.
fn open_article_ms(text: &str) -> f64 {
    let mut screen = Screen::new();
    let mut app = BriefingApp::with_parts(
        &screen.ctx,
        Startup {
            files: Vec::new(),
            fresh: true,
            ..Default::default()
        },
        Box::new(ScriptedDialogs::default()),
        Settings::default(),
    );
    let mut frame = eframe::Frame::_new_kittest();
    for _ in 0..5 {
        screen.frame(Vec::new(), |ui| {
            app.logic(ui.ctx(), &mut frame);
            app.ui(ui, &mut frame);
        });
    }
    let started = Instant::now();
    app.push(Command::AddPastedArticle {
        meta: ArticleMeta {
            title: "Pasted".into(),
            ..ArticleMeta::default()
        },
        text: text.to_owned(),
    });
    for _ in 0..10 {
        screen.frame(Vec::new(), |ui| {
            app.logic(ui.ctx(), &mut frame);
            app.ui(ui, &mut frame);
        });
        let shown = app.current_article().is_some_and(|a| a.title == "Pasted")
            && app.reader().paragraphs_on_screen() > 0;
        if shown {
            return ms(started.elapsed());
        }
    }
    f64::NAN
}

/// From starting the app on a briefing file to the first frame that shows its article.
fn open_briefing_ms(path: &Path) -> f64 {
    let started = Instant::now();
    let mut screen = Screen::new();
    let mut shown = whole_app(path, &screen);
    for _ in 0..10 {
        screen.frame(Vec::new(), |ui| shown.ui(ui));
        if shown.reader().paragraphs_on_screen() > 0 {
            return ms(started.elapsed());
        }
    }
    f64::NAN
}

/// After the app has settled on a briefing, how often it asks to be repainted with no input.
fn idle_repaints_per_second(path: &Path) -> f64 {
    let mut screen = Screen::new();
    let mut shown = whole_app(path, &screen);
    for _ in 0..30 {
        screen.frame(Vec::new(), |ui| shown.ui(ui));
    }
    let mut delay = Duration::ZERO;
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        time: Some(screen.time),
        ..RawInput::default()
    };
    let out = screen.ctx.run_ui(input, |ui| shown.ui(ui));
    if let Some(v) = out.viewport_output.get(&egui::ViewportId::ROOT) {
        delay = v.repaint_delay;
    }
    if delay == Duration::MAX {
        0.0
    } else {
        1.0 / delay.as_secs_f64().max(1.0 / 1000.0)
    }
}

/// Time from process start until the real window shows a painted frame, under X.
fn startup_ms(briefing: &Path) -> Result<f64, String> {
    let display = std::env::var("DISPLAY").map_err(|_| "no DISPLAY".to_owned())?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("briefing-notes"))
        .filter(|b| b.exists())
        .ok_or("build the app first: cargo build --release")?;
    let blank = distinct_colours(&xwd_root(&display)?);
    let started = Instant::now();
    // Its own app folders: no recovery offer or lock from the user's own runs.
    let home = std::env::temp_dir().join(format!("briefing-notes-perf-{}", std::process::id()));
    let mut child = std::process::Command::new(bin)
        .arg(briefing)
        .env("DISPLAY", &display)
        .env(briefing_notes::places::HOME_VAR, &home)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut result = Err("the window never painted within 10 s".to_owned());
    while started.elapsed() < Duration::from_secs(10) {
        if distinct_colours(&xwd_root(&display)?) > blank + 50 {
            result = Ok(ms(started.elapsed()));
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    result
}

fn xwd_root(display: &str) -> Result<Vec<u8>, String> {
    std::process::Command::new("xwd")
        .args(["-root", "-silent"])
        .env("DISPLAY", display)
        .output()
        .map(|o| o.stdout)
        .map_err(|e| format!("xwd: {e}"))
}

fn print(name: &str, value: f64, unit: &str) {
    if value.is_nan() {
        println!("{name} n/a {unit}");
    } else if value >= 100.0 {
        println!("{name} {value:.0} {unit}");
    } else {
        println!("{name} {value:.3} {unit}");
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let save = |name: &str, b: &Briefing| -> PathBuf {
        let p = dir.path().join(name);
        file::save(&p, b).expect("saving a generated briefing");
        p
    };

    let text_10kb = prose(10 * 1024, 7);
    let text_1mb = prose(1024 * 1024, 11);
    let small_article = article_with_claims(&text_10kb, 10, 1);
    let small = save("small.ron", &briefing_of(vec![small_article.clone()]));
    let big_article = article_with_claims(&text_1mb, 1000, 2);
    let paragraphs = big_article.text.split("\n\n").count();
    let words = big_article.text.split_whitespace().count();
    eprintln!(
        "1 MB article: {} bytes, {words} words, {paragraphs} paragraphs, {} claims",
        big_article.text.len(),
        big_article.claims.len()
    );
    let big = save("big.ron", &briefing_of(vec![big_article.clone()]));

    // Reader, several runs each; the figure is the median run's percentile.
    let chars_10kb = small_article.text.chars().count();
    let chars_1mb = big_article.text.chars().count();
    let (mut p95_10kb, mut p95_1mb, mut p50_1mb, mut frames_1mb) = (vec![], vec![], vec![], 0);
    let (mut widget_p95_1mb, mut widget_p95_10kb) = (vec![], vec![]);
    for _ in 0..RUNS {
        p95_10kb.push(percentile(
            &scroll_frames(chars_10kb, |s| whole_app(&small, s)),
            0.95,
        ));
        let big_times = scroll_frames(chars_1mb, |s| whole_app(&big, s));
        frames_1mb = big_times.len();
        p95_1mb.push(percentile(&big_times, 0.95));
        p50_1mb.push(percentile(&big_times, 0.5));
        widget_p95_1mb.push(percentile(
            &scroll_frames(chars_1mb, |_| reader_only(&big_article)),
            0.95,
        ));
        widget_p95_10kb.push(percentile(
            &scroll_frames(chars_10kb, |_| reader_only(&small_article)),
            0.95,
        ));
    }
    let rss = peak_rss_mb().unwrap_or(f64::NAN);
    eprintln!("reader: {frames_1mb} frames to scroll the 1 MB article top to bottom");
    let naive: Vec<f64> = (0..RUNS)
        .map(|_| percentile(&naive_frames(&big_article, 60), 0.95))
        .collect();
    print("reader_frame_p95_ms_1mb", median(&p95_1mb), "ms");
    print("reader_frame_p50_ms_1mb", median(&p50_1mb), "ms");
    print("reader_frame_p95_ms_10kb", median(&p95_10kb), "ms");
    print("naive_frame_p95_ms_1mb", median(&naive), "ms");
    print(
        "reader_widget_frame_p95_ms_1mb",
        median(&widget_p95_1mb),
        "ms",
    );
    print(
        "reader_widget_frame_p95_ms_10kb",
        median(&widget_p95_10kb),
        "ms",
    );
    let opens: Vec<f64> = (0..RUNS).map(|_| open_article_ms(&text_1mb)).collect();
    print("open_article_ms_1mb", median(&opens), "ms");
    let text_10mb = prose(10 * 1024 * 1024, 13);
    print("open_article_ms_10mb", open_article_ms(&text_10mb), "ms");
    let huge = save(
        "huge.ron",
        &briefing_of(vec![article_with_claims(&text_10mb, 1000, 4)]),
    );
    drop(text_10mb);
    print("open_briefing_ms_10mb", open_briefing_ms(&huge), "ms");
    print("idle_repaints_per_s", idle_repaints_per_second(&big), "1/s");

    // Files: 50 articles of 20 KB with 10,000 claims.
    let articles: Vec<Article> = (0..50)
        .map(|i| article_with_claims(&prose(20 * 1024, 100 + i), 200, 200 + i))
        .collect();
    let b10k = briefing_of(articles);
    let path_10k = dir.path().join("10k.ron");
    // The same briefing as format 1 wrote it, loaded in turn with today's file so that
    // both see the same machine load.
    let path_10k_v1 = dir.path().join("10k-v1.ron");
    std::fs::write(&path_10k_v1, v1_file::to_v1_string(&b10k)).expect("writing the v1 file");
    let mut loads_v1 = Vec::new();
    let mut loads = Vec::new();
    let mut saves = Vec::new();
    let mut exports = Vec::new();
    for _ in 0..RUNS.max(5) {
        let t = Instant::now();
        file::save(&path_10k, &b10k).expect("save");
        saves.push(ms(t.elapsed()));
        let t = Instant::now();
        let (loaded, _) = file::load(&path_10k).expect("load");
        loads.push(ms(t.elapsed()));
        let t = Instant::now();
        let (loaded_v1, report) = file::load(&path_10k_v1).expect("load v1");
        loads_v1.push(ms(t.elapsed()));
        assert_eq!(report.migrated_from, Some(1));
        assert_eq!(
            loaded_v1.articles, loaded.articles,
            "v1 and today's file differ"
        );
        let t = Instant::now();
        std::hint::black_box(to_markdown(&loaded));
        exports.push(ms(t.elapsed()));
    }
    print("load_ms_10k", median(&loads), "ms");
    print("load_ms_10k_v1", median(&loads_v1), "ms");
    print("save_ms_10k", median(&saves), "ms");
    print("export_ms_10k", median(&exports), "ms");
    let bytes = std::fs::metadata(&path_10k).map(|m| m.len()).unwrap_or(0);
    print("file_bytes_10k", bytes as f64, "bytes");
    let bytes_v1 = std::fs::metadata(&path_10k_v1).map_or(0, |m| m.len());
    print("file_bytes_10k_v1", bytes_v1 as f64, "bytes");

    // Re-anchoring 1,000 claims after 100 random edits to the 1 MB text.
    let changed = edited(&big_article.text, 100, 3);
    let mut reanchors = Vec::new();
    let mut lost = 0;
    for _ in 0..RUNS.max(5) {
        let mut claims = big_article.claims.clone();
        let t = Instant::now();
        let index = TextIndex::new(&changed);
        for c in &mut claims {
            c.anchor.reanchor(&index);
        }
        reanchors.push(ms(t.elapsed()));
        lost = claims.iter().filter(|c| c.anchor.orphaned).count();
    }
    eprintln!("re-anchoring: {lost} of 1000 claims orphaned by the edits");
    print("reanchor_ms_1k", median(&reanchors), "ms");

    // Attribution in a 1 MB news article: tagging a span (read around it), and every
    // suggestion (the article read whole, once, as the Suggestions tab does).
    let news_article = Article::new(
        ArticleMeta::default(),
        &news(1024 * 1024, 21),
        briefing_notes::model::now(),
    );
    let middle = news_article.text.chars().count() / 2;
    let (mut tag_ms, mut suggest_ms, mut suggested) = (vec![], vec![], 0);
    for _ in 0..RUNS.max(5) {
        let t = Instant::now();
        std::hint::black_box(attribute_in(&news_article, middle..middle + 40));
        tag_ms.push(ms(t.elapsed()));
        let t = Instant::now();
        if let Some(engine) = Engine::new(&news_article.text, "en", "") {
            suggested = engine.suggestions().len();
        }
        suggest_ms.push(ms(t.elapsed()));
    }
    eprintln!("attribution: {suggested} suggestions in the 1 MB news article");
    print("attribute_ms_1mb", median(&tag_ms), "ms");
    print("suggest_ms_1mb", median(&suggest_ms), "ms");
    print("peak_rss_mb_1mb", rss, "MB");

    let startups: Result<Vec<f64>, String> = (0..5).map(|_| startup_ms(&big)).collect();
    match startups {
        Ok(v) => print("startup_to_painted_ms_1mb", median(&v), "ms"),
        Err(why) => eprintln!("startup_to_painted_ms_1mb not measured: {why}"),
    }
}
