//! The data format guide as a web page: `docs/data-format.md` rendered to
//! `docs/data-format.html` (with `style/guide.css` beside it as `docs/guide.css`) in every
//! build, so the error view's link opens a page on any static host, including those that
//! serve `.md` files as downloads. Trunk runs `cargo xtask guide` after each build
//! (`[[hooks]]` in Trunk.toml). The page has no script and no inline style, so it passes the
//! app's strict Content-Security-Policy.

use std::fs;
use std::path::{Path, PathBuf};

use pulldown_cmark::{html, Alignment, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::dist::html_problems;
use crate::run::Result;

/// The guide's source, relative to the repository root.
pub const SOURCE: &str = "docs/data-format.md";
/// Its stylesheet, relative to the repository root.
pub const STYLESHEET: &str = "style/guide.css";
/// The page's file name in the build's `docs/` folder.
pub const PAGE: &str = "data-format.html";
/// The stylesheet's file name in the build's `docs/` folder.
pub const STYLESHEET_NAME: &str = "guide.css";

/// `cargo xtask guide [DIR]`: writes the page and its stylesheet into `DIR`, by default the
/// `docs/` folder of the build Trunk is staging (`$TRUNK_STAGING_DIR`, set for its hooks).
pub fn run(args: &[String], root: &Path) -> Result<()> {
    let out = match args {
        [dir] => PathBuf::from(dir),
        [] => std::env::var_os("TRUNK_STAGING_DIR")
            .map(|dir| PathBuf::from(dir).join("docs"))
            .ok_or("guide: give a folder, or run it as a Trunk hook (TRUNK_STAGING_DIR unset)")?,
        _ => return Err(format!("guide: unexpected arguments: {}", args.join(" "))),
    };
    write(root, &out)
}

/// Renders the guide from `root` into the folder `out` (created when missing).
pub fn write(root: &Path, out: &Path) -> Result<()> {
    let read = |path: &str| {
        fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let page = render(&read(SOURCE)?)?;
    let css = read(STYLESHEET)?;
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for (name, text) in [(PAGE, &page), (STYLESHEET_NAME, &css)] {
        let path = out.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    println!("guide: {SOURCE} -> {}", out.join(PAGE).display());
    Ok(())
}

/// The whole page for a Markdown guide: its first heading as the title, every heading with
/// the id GitHub gives it (so `data-format.md#dates` links work as `data-format.html#dates`),
/// tables, and `guide.css`. Fails if the result would break under the CSP.
pub fn render(markdown: &str) -> Result<String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
    let mut title = None;
    let mut used = Vec::new();
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { .. }) => {
                let text = heading_text(&events[i + 1..]);
                title.get_or_insert_with(|| text.clone());
                let slug = unique(slug(&text), &mut used);
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                    id.get_or_insert(CowStr::from(slug));
                }
            }
            // Column alignment is written as a style attribute, which the CSP refuses:
            // columns are left-aligned by guide.css instead.
            Event::Start(Tag::Table(_)) => {
                if let Event::Start(Tag::Table(alignments)) = &mut events[i] {
                    alignments.iter_mut().for_each(|a| *a = Alignment::None);
                }
            }
            _ => {}
        }
    }
    let mut body = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut body, events.into_iter());
    let title = escape(&title.unwrap_or_else(|| "Report Explorer".to_owned()));
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{title}</title>\n\
         <link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"stylesheet\" href=\"{STYLESHEET_NAME}\">\n</head>\n<body>\n\
         <main class=\"guide\">\n\
         <p class=\"guide-nav\"><a href=\"../\">Report Explorer</a> · data format guide \
         (<a href=\"data-format.md\">Markdown</a>)</p>\n{body}</main>\n</body>\n</html>\n"
    );
    let problems = html_problems(&page);
    if problems.is_empty() {
        Ok(page)
    } else {
        Err(format!(
            "{SOURCE} would render to a page the Content-Security-Policy breaks:\n  - {}",
            problems.join("\n  - ")
        ))
    }
}

/// The text of the heading that starts just before `events`.
fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped,
/// spaces as `-`.
fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// `slug`, or `slug-1`, `slug-2`, ... when the page already has it (as GitHub numbers them).
fn unique(slug: String, used: &mut Vec<String>) -> String {
    let mut candidate = slug.clone();
    let mut n = 0;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{slug}-{n}");
    }
    used.push(candidate.clone());
    candidate
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repo_file(path: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        fs::read_to_string(root.join(path)).unwrap()
    }

    #[test]
    fn the_guide_renders_with_its_headings_tables_and_anchors() {
        let page = render(&repo_file(SOURCE)).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("<title>Report data format (report-explorer/2)</title>"));
        assert!(page.contains(
            "<h1 id=\"report-data-format-report-explorer2\">Report data format \
             (<code>report-explorer/2</code>)</h1>"
        ));
        // Every heading of the Markdown is a heading of the page, with GitHub's anchors
        // (docs/catalogue.md links `data-format.md#ids` and `#dates`).
        for id in [
            "top-level",
            "divisions",
            "ids",
            "dates",
            "figures",
            "the-default-dataset",
        ] {
            assert!(page.contains(&format!(" id=\"{id}\">")), "no heading #{id}");
        }
        let headings = repo_file(SOURCE)
            .lines()
            .filter(|l| l.starts_with('#'))
            .count();
        let rendered = ["<h1 ", "<h2 ", "<h3 "]
            .iter()
            .map(|h| page.matches(h).count())
            .sum::<usize>();
        assert_eq!(rendered, headings);
        // Tables are tables: the top-level one has its header and rows.
        assert!(page.contains("<table>"));
        assert!(page.contains("<th>field</th><th>type</th><th>required</th>"));
        assert!(page.contains("<td><code>subsidiaries</code></td>"));
        assert!(!page.contains("|---|"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"guide.css\">"));
        assert_eq!(html_problems(&page), Vec::<String>::new());
    }

    #[test]
    fn aligned_columns_and_raw_html_never_bring_inline_styles() {
        let page = render("# T\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n").unwrap();
        assert!(page.contains("<th>a</th>"), "{page}");
        assert!(!page.contains("style="), "{page}");
        let error = render("# T\n\n<p style=\"color: red\">x</p>\n").unwrap_err();
        assert!(error.contains("inline style attribute"), "{error}");
    }

    #[test]
    fn slugs_follow_github() {
        assert_eq!(slug("`divisions[]`"), "divisions");
        assert_eq!(
            slug("Text, empty strings and `null`"),
            "text-empty-strings-and-null"
        );
        assert_eq!(
            slug("Figures (error: only the figure is skipped, its entry loads)"),
            "figures-error-only-the-figure-is-skipped-its-entry-loads"
        );
        let mut used = Vec::new();
        assert_eq!(unique("a".into(), &mut used), "a");
        assert_eq!(unique("a".into(), &mut used), "a-1");
        assert_eq!(unique("a".into(), &mut used), "a-2");
    }

    #[test]
    fn writes_the_page_and_its_stylesheet() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let out = std::env::temp_dir().join(format!("guide-test-{}", std::process::id()));
        write(root, &out).unwrap();
        let page = fs::read_to_string(out.join(PAGE)).unwrap();
        assert!(page.contains("<h2 id=\"top-level\">Top level</h2>"));
        assert_eq!(
            fs::read_to_string(out.join(STYLESHEET_NAME)).unwrap(),
            repo_file(STYLESHEET)
        );
        fs::remove_dir_all(&out).unwrap();
    }
}
