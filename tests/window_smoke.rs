//! The real app in a real window: it starts on the sample briefing, stays up, paints
//! something that is not blank, and closes.
//!
//! Uses `$DISPLAY` when set, else starts its own Xvfb. With neither it says so and does not
//! run — except under CI (`CI` set), where a missing Xvfb is a failure, not a skip.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_briefing-notes");

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn on_path(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A display to use, and the Xvfb we started for it (if any).
fn display() -> Option<(String, Option<Killed>)> {
    if let Ok(d) = std::env::var("DISPLAY")
        && !d.is_empty()
    {
        return Some((d, None));
    }
    if !on_path("Xvfb") {
        return None;
    }
    let mut xvfb = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x860x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb starts");
    let stdout = xvfb.stdout.take().expect("piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("Xvfb prints its display");
    let n = line.trim().to_owned();
    assert!(!n.is_empty(), "Xvfb chose no display");
    Some((format!(":{n}"), Some(Killed(xvfb))))
}

fn x_tool(display: &str, tool: &str, args: &[&str]) -> Vec<u8> {
    Command::new(tool)
        .args(args)
        .env("DISPLAY", display)
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default()
}

#[path = "../examples/support/xwd.rs"]
mod xwd;
use xwd::distinct_colours;

#[test]
fn the_app_opens_a_window_paints_and_closes() {
    let skip = |why: &str| {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the real-window test (.ci/run installs its tools): {why}"
        );
        println!("SKIPPED the real-window test: {why} (apt-get install xvfb x11-apps x11-utils)");
    };
    let missing: Vec<&str> = ["xwininfo", "xwd"]
        .into_iter()
        .filter(|t| !on_path(t))
        .collect();
    if !missing.is_empty() {
        return skip(&format!("{} not installed", missing.join(" and ")));
    }
    let Some((display, _xvfb)) = display() else {
        return skip("no $DISPLAY and no Xvfb on this machine");
    };
    let data = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-briefing.ron");
    let started = Instant::now();
    let app = Command::new(BIN)
        .arg(&sample)
        .env("DISPLAY", &display)
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the app starts");
    let mut app = Killed(app);

    let mut mapped = None;
    while started.elapsed() < Duration::from_secs(60) {
        let tree = String::from_utf8_lossy(&x_tool(&display, "xwininfo", &["-root", "-tree"]))
            .into_owned();
        if tree.contains("sample-briefing.ron") || tree.contains("briefing-notes") {
            mapped = Some(started.elapsed());
            break;
        }
        if let Ok(Some(status)) = app.0.try_wait() {
            let mut err = String::new();
            if let Some(mut e) = app.0.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            panic!("the app exited early with {status}: {err}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mapped = mapped.expect("a briefing-notes window appears within 60 s");
    println!("window mapped after {mapped:?}");

    // Give it time to paint, then look at the screen.
    let mut colours = 0;
    while started.elapsed() < mapped + Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(500));
        colours = distinct_colours(&x_tool(&display, "xwd", &["-root", "-silent"]));
        if colours > 50 {
            break;
        }
    }
    assert!(
        colours > 50,
        "the window looks blank ({colours} colours on screen)"
    );
    assert!(app.0.try_wait().unwrap().is_none(), "the app stayed up");

    let _ = Command::new("kill").arg(app.0.id().to_string()).status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if app.0.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let mut stderr = String::new();
    if let Some(mut e) = app.0.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    println!("real window ok: {colours} colours on screen");
}
