//! The command line, end to end, on temp files.

mod common;

use std::fs;

use briefing_notes::model::Status;
use common::{fixture, run, run_unprivileged};

const ARTICLE: &str = "Trump and Putin speak by phone\n\n\
The meeting of nearly three hours took place in the Kremlin on Wednesday, both sides said.\n\n\
Putin would be open to peace talks in exchange for discussing potential land swaps, according to several people with knowledge of the call. \
“Great progress,” Trump wrote — but he declined to call it a breakthrough. The Kremlin said the call was long.";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("call.txt"), ARTICLE).unwrap();
    run(
        dir.path(),
        &[
            "new",
            "b.ron",
            "--title",
            "Kremlin call",
            "--analyst",
            "A. Analyst",
        ],
    )
    .ok();
    let out = run(
        dir.path(),
        &[
            "add",
            "b.ron",
            "call.txt",
            "--outlet",
            "Reuters",
            "--url",
            "https://example.com/call",
            "--published",
            "2025-08-13",
        ],
    )
    .ok();
    assert!(out.stdout.starts_with("Added article 1 "), "{}", out.stdout);
    dir
}

#[test]
fn new_add_tag_check_export() {
    let dir = setup();
    let d = dir.path();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "nearly three hours",
            "--status",
            "confirmed",
            "--speaker",
            "Yuri Ushakov",
            "--via",
            "Interfax",
            "--note",
            "Both readouts agree.",
        ],
    )
    .ok();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "open to peace talks",
            "--status",
            "reported",
        ],
    )
    .ok();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "“Great progress,”",
            "--status",
            "Disputed",
        ],
    )
    .ok();

    let (b, report) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    assert!(report.reanchored.is_empty() && report.orphaned.is_empty());
    let a = &b.articles[0];
    assert_eq!(a.outlet, "Reuters");
    assert_eq!(a.published.unwrap().to_string(), "2025-08-13");
    let statuses: Vec<Status> = a.claims.iter().map(|c| c.status).collect();
    assert_eq!(
        statuses,
        [Status::Confirmed, Status::Reported, Status::Disputed]
    );
    let c = &a.claims[0];
    assert_eq!(
        (c.speaker.as_str(), c.via.as_str()),
        ("Yuri Ushakov", "Interfax")
    );
    for c in &a.claims {
        let chars: Vec<char> = a.text.chars().collect();
        let span: String = chars[c.anchor.start..c.anchor.end].iter().collect();
        assert_eq!(span, c.anchor.quote);
    }

    let check = run(d, &["check", "b.ron"]).ok();
    assert!(
        check
            .stdout
            .contains("Claims: 3 (1 confirmed, 1 reported, 1 disputed)"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("Orphaned: 0"));

    let md = run(d, &["export", "b.ron"]).ok().stdout;
    assert!(md.starts_with("# Kremlin call\n"));
    assert!(
        md.contains(
            "> The meeting of **nearly three hours** took place in the Kremlin on Wednesday, \
             both sides said.\n"
        ),
        "the quote, bold, in its sentence:\n{md}"
    );
    assert!(md.find("## Confirmed") < md.find("## Reported"));
    assert!(md.find("## Reported") < md.find("## Disputed"));

    let out = run(d, &["export", "b.ron", "-o", "out.md"]).ok();
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains("out.md"));
    assert_eq!(fs::read_to_string(d.join("out.md")).unwrap(), md);
}

#[test]
fn tag_takes_credibility_and_tags() {
    let dir = setup();
    let d = dir.path();
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "land swaps",
            "--status",
            "reported",
            "--credibility",
            "3",
            "--tag",
            "territory",
            "--tag",
            "offer",
        ],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    let c = &b.articles[0].claims[0];
    assert_eq!(c.credibility.map(|c| c.value()), Some(3));
    assert_eq!(
        c.tags.iter().map(String::as_str).collect::<Vec<_>>(),
        ["offer", "territory"]
    );
    let out = run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "Kremlin",
            "--status",
            "reported",
            "--occurrence",
            "1",
            "--credibility",
            "9",
        ],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("use 1 to 6"), "{}", out.stderr);
}

#[test]
fn ambiguous_quote_lists_matches_and_occurrence_picks_one() {
    let dir = setup();
    let d = dir.path();
    let before = fs::read(d.join("b.ron")).unwrap();
    let err = run(
        d,
        &["tag", "b.ron", "--quote", "Kremlin", "--status", "reported"],
    )
    .fails();
    assert!(err.stderr.contains("occurs 2 times"), "{}", err.stderr);
    assert!(
        err.stderr.contains("[Kremlin] on Wednesday"),
        "{}",
        err.stderr
    );
    assert!(err.stderr.contains("--occurrence"));
    assert_eq!(
        fs::read(d.join("b.ron")).unwrap(),
        before,
        "a failed tag changes nothing"
    );

    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "Kremlin",
            "--status",
            "reported",
            "--occurrence",
            "2",
        ],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    let c = &b.articles[0].claims[0];
    assert!(
        c.anchor.prefix.ends_with("breakthrough. The "),
        "{:?}",
        c.anchor.prefix
    );

    let err = run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "Kremlin",
            "--status",
            "reported",
            "--occurrence",
            "3",
        ],
    )
    .fails();
    assert!(err.stderr.contains("out of range"), "{}", err.stderr);
}

#[test]
fn whole_words_are_preferred_over_parts_of_words() {
    let dir = setup();
    // "he" is inside "the" several times and a word on its own once ("but he declined").
    run(
        dir.path(),
        &["tag", "b.ron", "--quote", "he", "--status", "reported"],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&dir.path().join("b.ron")).unwrap();
    assert_eq!(
        b.articles[0].claims[0].anchor.suffix,
        " declined to call it a breakthro"
    );
}

#[test]
fn absent_quote_and_bad_status_are_errors() {
    let dir = setup();
    let d = dir.path();
    let err = run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "no such words",
            "--status",
            "reported",
        ],
    )
    .fails();
    assert!(err.stderr.contains("is not in article"), "{}", err.stderr);
    let err = run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "great progress",
            "--status",
            "reported",
        ],
    )
    .fails();
    assert!(err.stderr.contains("different capitals"), "{}", err.stderr);

    let out = run(
        d,
        &["tag", "b.ron", "--quote", "Kremlin", "--status", "maybe"],
    );
    assert_eq!(out.code, 2, "clap usage errors exit 2");
    assert!(
        out.stderr.contains("confirmed, reported or disputed"),
        "{}",
        out.stderr
    );
}

#[test]
fn several_articles_need_article_choice() {
    let dir = setup();
    let d = dir.path();
    fs::write(
        d.join("second.md"),
        "# Second piece\n\nThe Kremlin said nothing.",
    )
    .unwrap();
    let out = run(d, &["add", "b.ron", "second.md"]).ok();
    assert!(
        out.stdout.contains("Added article 2 ") && out.stdout.contains("“Second piece”"),
        "{}",
        out.stdout
    );
    let err = run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "said nothing",
            "--status",
            "reported",
        ],
    )
    .fails();
    assert!(err.stderr.contains("--article"), "{}", err.stderr);
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "said nothing",
            "--status",
            "reported",
            "--article",
            "2",
        ],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    let prefix = &b.articles[1].id.to_string()[..18];
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "Second piece",
            "--status",
            "confirmed",
            "--article",
            prefix,
        ],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    assert_eq!(b.articles[1].claims.len(), 2);
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--quote",
            "x",
            "--status",
            "reported",
            "--article",
            "9",
        ],
    )
    .fails();
}

#[test]
fn unreadable_and_missing_files_are_errors() {
    let dir = setup();
    let d = dir.path();
    let err = run(d, &["check", "missing.ron"]).fails();
    assert!(err.stderr.contains("missing.ron"), "{}", err.stderr);
    run(d, &["add", "b.ron", "missing.txt"]).fails();
    fs::write(d.join("cut.pdf"), "%PDF-1.7").unwrap();
    let err = run(d, &["add", "b.ron", "cut.pdf"]).fails();
    assert!(
        err.stderr
            .contains("this PDF is damaged: it has no document catalog"),
        "{}",
        err.stderr
    );
    fs::write(d.join("book.epub"), "PK\x03\x04").unwrap();
    let err = run(d, &["add", "b.ron", "book.epub"]).fails();
    assert!(
        err.stderr.contains(".epub files cannot be imported"),
        "{}",
        err.stderr
    );
    fs::write(d.join("empty.txt"), "  \n").unwrap();
    assert!(
        run(d, &["add", "b.ron", "empty.txt"])
            .fails()
            .stderr
            .contains("no text")
    );
    fs::write(d.join("bin.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    assert!(
        run(d, &["add", "b.ron", "bin.txt"])
            .fails()
            .stderr
            .contains("binary")
    );

    let err = run(d, &["new", "b.ron", "--title", "again"]).fails();
    assert!(err.stderr.contains("already exists"), "{}", err.stderr);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(d.join("b.ron"), fs::Permissions::from_mode(0o000)).unwrap();
        let err = run_unprivileged(d, &["check", "b.ron"]).fails();
        assert!(err.stderr.contains("Permission denied"), "{}", err.stderr);
    }
}

#[test]
fn failed_save_keeps_the_old_file() {
    let dir = setup();
    let d = dir.path();
    let before = fs::read(d.join("b.ron")).unwrap();
    // A read-only folder: the briefing loads and the edit applies, but the save fails.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(d.join("b.ron"), fs::Permissions::from_mode(0o644)).unwrap();
        fs::set_permissions(d, fs::Permissions::from_mode(0o555)).unwrap();
        let err = run_unprivileged(
            d,
            &[
                "tag",
                "b.ron",
                "--quote",
                "nearly three hours",
                "--status",
                "confirmed",
            ],
        )
        .fails();
        fs::set_permissions(d, fs::Permissions::from_mode(0o755)).unwrap();
        assert!(err.stderr.contains("cannot save"), "{}", err.stderr);
        assert_eq!(fs::read(d.join("b.ron")).unwrap(), before);
        let temp_files: Vec<_> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(temp_files.is_empty(), "{temp_files:?}");
    }
}

#[test]
fn help_is_everywhere() {
    let d = tempfile::tempdir().unwrap();
    for sub in [
        &[][..],
        &["new"],
        &["add"],
        &["tag"],
        &["export"],
        &["check"],
    ] {
        let mut args = sub.to_vec();
        args.push("--help");
        let out = run(d.path(), &args).ok();
        assert!(
            out.stdout.contains("Usage: briefing-notes"),
            "{}",
            out.stdout
        );
    }
}

#[test]
fn fixture_checks_clean_except_its_orphan() {
    let d = tempfile::tempdir().unwrap();
    let path = fixture("fixtures/v1-briefing.ron");
    let out = run(d.path(), &["check", path.to_str().unwrap()]).ok();
    assert!(
        out.stdout
            .contains("Claims: 9 (2 confirmed, 4 reported, 3 disputed)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("Re-anchored: 0"));
    assert!(out.stdout.contains("Orphaned: 1"));
    // Why, in words: the fixture's orphan lost its quote from the text.
    assert!(out.stdout.contains("(words gone)"), "{}", out.stdout);
}

#[test]
fn extract_prints_metadata_then_text_or_the_text_alone() {
    let page = fixture("fixtures/html/jsonld.html");
    let page = page.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["extract", page]).ok().stdout;
    let (meta, text) = out.split_once("\n\n").unwrap();
    assert_eq!(
        meta,
        "title: Harbour strike enters second week\n\
         author: Amara Okafor\n\
         outlet: Coastline Daily\n\
         published: 2025-03-04T08:15:00+01:00\n\
         url: https://coastline.example.org/news/harbour-strike\n\
         language:\n\
         format: html\n\
         encoding: UTF-8"
    );
    assert!(
        text.starts_with("Dock workers at the port of Halden"),
        "{text}"
    );
    let alone = run(dir.path(), &["extract", "--text", page]).ok().stdout;
    assert_eq!(alone, text);
}

#[test]
fn add_a_web_page_with_flags_overriding_what_was_extracted() {
    let dir = setup();
    let d = dir.path();
    let page = fixture("fixtures/html/opengraph.html");
    run(
        d,
        &[
            "add",
            "b.ron",
            page.to_str().unwrap(),
            "--author",
            "C. Dubois",
            "--language",
            "fr-FR",
        ],
    )
    .ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    let a = &b.articles[1];
    assert_eq!(a.title, "L’inflation ralentit & les taux baissent");
    assert_eq!(a.author, "C. Dubois");
    assert_eq!(a.outlet, "Le Quotidien & Co");
    assert_eq!(a.language, "fr-FR");
    assert_eq!(a.url, "https://quotidien.example.fr/eco/inflation-ralentit");
    run(
        d,
        &[
            "tag",
            "b.ron",
            "--article",
            "2",
            "--quote",
            "de 1,8 % sur un an",
            "--status",
            "confirmed",
        ],
    )
    .ok();
}

#[test]
fn a_page_without_an_article_is_refused_unless_the_whole_page_is_asked_for() {
    let dir = setup();
    let d = dir.path();
    let before = fs::read(d.join("b.ron")).unwrap();
    let page = fixture("fixtures/html/front-page.html");
    let page = page.to_str().unwrap();
    let err = run(d, &["add", "b.ron", page]).fails();
    assert!(
        err.stderr.contains("no article was found"),
        "{}",
        err.stderr
    );
    assert!(err.stderr.contains("--whole-page"), "{}", err.stderr);
    assert_eq!(
        fs::read(d.join("b.ron")).unwrap(),
        before,
        "nothing changed"
    );
    run(d, &["add", "b.ron", page, "--whole-page"]).ok();
    let (b, _) = briefing_notes::file::load(&d.join("b.ron")).unwrap();
    assert!(b.articles[1].text.contains("Council approves new bridge"));
}

#[test]
fn a_word_that_is_neither_a_command_nor_a_file_is_a_usage_error() {
    let dir = setup();
    let d = dir.path();
    let out = run(d, &["exprot", "b.ron"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("no such command or file: 'exprot'"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("'export'"), "{}", out.stderr);
    let out = run(d, &["zzqqy"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!out.stderr.contains("similar"), "{}", out.stderr);
    // Nothing opened and nothing written.
    assert!(!d.join("zzqqy").exists());
}
