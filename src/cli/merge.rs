//! `merge` (git's merge driver for briefings) and `git-setup`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use super::args::{GitSetupArgs, MergeArgs};
use crate::file;
use crate::model::Briefing;

/// A merge that left conflicts for the analyst: the file was written and opens, but git
/// must hear that it is not settled (exit status 1).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unsettled(pub String);

/// The driver's name in git's config and in .gitattributes.
const DRIVER: &str = "briefing-notes";

fn read(path: &Path) -> Result<Vec<u8>> {
    fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The briefing in `bytes`, or why it is not one.
fn briefing(bytes: &[u8], path: &Path) -> Result<Briefing, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    file::from_ron_str(text, path)
        .map(|(b, _)| b)
        .map_err(|e| e.to_string())
}

pub fn merge(a: MergeArgs, out: &mut dyn Write) -> Result<()> {
    let name = a
        .path
        .clone()
        .unwrap_or_else(|| a.ours.display().to_string());
    let (base, ours, theirs) = (read(&a.base)?, read(&a.ours)?, read(&a.theirs)?);
    // One side as it was: the other side is the result, byte for byte.
    if theirs == base || ours == theirs {
        return Ok(());
    }
    if ours == base {
        fs::write(&a.ours, &theirs)
            .with_context(|| format!("cannot write {}", a.ours.display()))?;
        return Ok(());
    }
    let empty_base = base.iter().all(u8::is_ascii_whitespace);
    let sides = (
        (!empty_base).then(|| briefing(&base, &a.base)).transpose(),
        briefing(&ours, &a.ours),
        briefing(&theirs, &a.theirs),
    );
    let (base_b, ours_b, theirs_b) = match sides {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (b, o, t) => {
            let why = [b.err(), o.err(), t.err()].into_iter().flatten().next();
            eprintln!(
                "briefing-notes merge: {name} is not a briefing on every side ({}); merging it as text",
                why.unwrap_or_default()
            );
            return text_merge(&a);
        }
    };
    let merged = crate::merge::merge(base_b.as_ref(), &ours_b, &theirs_b)?;
    let mut result = merged.briefing;
    // Checked as a file is when loaded: claims against their texts (a side's text may have
    // won), links to claims that went.
    file::check_briefing(&mut result, &a.ours)?;
    fs::write(&a.ours, file::to_ron_string(&result))
        .with_context(|| format!("cannot write {}", a.ours.display()))?;
    let open = result.conflicts.len();
    if open == 0 {
        writeln!(out, "Merged {name}: no conflicts")?;
        return Ok(());
    }
    Err(Unsettled(format!(
        "Merged {name}: {open} conflict{} left for review ({} from this merge); \
         the file opens as usual; `briefing-notes check {name}` lists them and the app lets you pick",
        if open == 1 { "" } else { "s" },
        merged.new_conflicts
    ))
    .into())
}

/// git's own three-way text merge, for a `.ron` file that is not a briefing.
fn text_merge(a: &MergeArgs) -> Result<()> {
    let status = Command::new("git")
        .arg("merge-file")
        .args(["-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(&a.ours)
        .arg(&a.base)
        .arg(&a.theirs)
        .status()
        .context("cannot run git merge-file")?;
    match status.code() {
        Some(0) => Ok(()),
        Some(n) if n > 0 => Err(Unsettled(format!(
            "{n} conflict{} marked in the text",
            if n == 1 { "" } else { "s" }
        ))
        .into()),
        _ => bail!("git merge-file failed"),
    }
}

fn git(args: &[&str]) -> Result<String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .context("cannot run git (is it installed?)")?;
    if !output.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// `s` quoted for the shell git runs drivers with.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

pub fn git_setup(a: GitSetupArgs, out: &mut dyn Write) -> Result<()> {
    let top = git(&["rev-parse", "--show-toplevel"])
        .context("git-setup must be run inside a git repository")?;
    let exe = std::env::current_exe().context("cannot tell where briefing-notes is")?;
    let driver = format!(
        "{} merge %O %A %B --path %P",
        shell_quote(&exe.to_string_lossy())
    );
    git(&[
        "config",
        &format!("merge.{DRIVER}.name"),
        "briefing-notes: merges briefings by claim",
    ])?;
    git(&["config", &format!("merge.{DRIVER}.driver"), &driver])?;
    writeln!(out, "git config merge.{DRIVER}.driver \"{driver}\"")?;
    let attributes = Path::new(&top).join(".gitattributes");
    let line = format!("{} merge={DRIVER}", a.pattern);
    let existing = match fs::read_to_string(&attributes) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", attributes.display())),
    };
    if existing.lines().any(|l| l.trim() == line) {
        writeln!(out, "{} already has: {line}", attributes.display())?;
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        fs::write(&attributes, text)
            .with_context(|| format!("cannot write {}", attributes.display()))?;
        writeln!(out, "{}: added {line}", attributes.display())?;
    }
    writeln!(
        out,
        "Briefings in this repository now merge by claim. Commit .gitattributes so that \
         others get it too; each clone runs `briefing-notes git-setup` once for the driver."
    )?;
    Ok(())
}
