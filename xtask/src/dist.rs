//! Checks and reports on the release build in `dist/`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::run::{require_output, Result};
use crate::tools::Tools;

/// Fails unless `index.html` can run under a strict Content-Security-Policy
/// and under any path prefix: every `<script>` is external (`src`, no body),
/// there is no `<style>` element, no `style` or `on*` attribute, no
/// `javascript:` URL and no absolute (`/...`) asset URL.
pub fn check_index_html(path: &Path) -> Result<()> {
    let html =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let problems = html_problems(&html);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} would break under the Content-Security-Policy or a path prefix:\n  - {}",
            path.display(),
            problems.join("\n  - ")
        ))
    }
}

struct Tag<'a> {
    name: String,
    attrs: Vec<(String, Option<&'a str>)>,
    /// Byte offset just after the closing `>`.
    end: usize,
}

/// What in `html` would break under the Content-Security-Policy or a path prefix.
pub fn html_problems(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut pos = 0;
    while let Some(offset) = html[pos..].find('<') {
        let start = pos + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            pos = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            continue;
        }
        if rest.starts_with("</") || rest.starts_with("<!") {
            pos = rest.find('>').map_or(html.len(), |e| start + e + 1);
            continue;
        }
        let Some(tag) = parse_tag(html, start) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        let attr = |name: &str| tag.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v);

        for (name, value) in &tag.attrs {
            if name == "style" {
                problems.push(format!("<{}> has an inline style attribute", tag.name));
            }
            if name.starts_with("on") {
                problems.push(format!(
                    "<{}> has an inline event handler `{name}`",
                    tag.name
                ));
            }
            let value = value.unwrap_or("").trim();
            if value.to_ascii_lowercase().starts_with("javascript:") {
                problems.push(format!("<{}> has a javascript: URL", tag.name));
            }
            if (name == "src" || name == "href") && value.starts_with('/') {
                problems.push(format!(
                    "<{} {name}=\"{value}\"> is an absolute path; use a relative one",
                    tag.name
                ));
            }
        }
        match tag.name.as_str() {
            "style" => problems.push("inline <style> element".to_owned()),
            "script" => {
                let close = html[pos..]
                    .to_ascii_lowercase()
                    .find("</script")
                    .map_or(html.len(), |e| pos + e);
                let body = html[pos..close].trim();
                if attr("src").flatten().is_none_or(str::is_empty) {
                    problems.push("<script> without src (inline script)".to_owned());
                } else if !body.is_empty() {
                    problems.push("<script src> with inline code".to_owned());
                }
                pos = close;
            }
            _ => {}
        }
    }
    problems
}

/// Parses the start tag at `start` (which points at `<`).
fn parse_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let mut i = start + 1;
    let name_start = i;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = html[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        if bytes[i] == b'>' {
            return Some(Tag {
                name,
                attrs,
                end: i + 1,
            });
        }
        let attr_start = i;
        while i < bytes.len()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
            && !bytes[i].is_ascii_whitespace()
        {
            i += 1;
        }
        let attr_name = html[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let value_start = i + 1;
                let len = bytes[value_start..].iter().position(|b| *b == quote)?;
                value = Some(&html[value_start..value_start + len]);
                i = value_start + len + 1;
            } else {
                let value_start = i;
                while i < bytes.len() && bytes[i] != b'>' && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = Some(&html[value_start..i]);
            }
        }
        attrs.push((attr_name, value));
    }
}

/// Prints raw, gzip (level 9) and brotli (quality 11) sizes of every file in
/// `dist`, grouped by kind, and returns each file's kind with its sizes.
/// Compression runs in Node's zlib.
pub fn print_sizes(tools: &Tools, dist: &Path) -> Result<Vec<(&'static str, [u64; 3])>> {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    let kind = |path: &Path| kind(path.strip_prefix(dist).unwrap_or(path));
    files.sort_by_key(|path| (kind_rank(kind(path)), path.clone()));

    const SCRIPT: &str = r#"
const fs = require('node:fs');
const zlib = require('node:zlib');
for (const file of process.argv.slice(1)) {
  const data = fs.readFileSync(file);
  const gzip = zlib.gzipSync(data, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length;
  console.log(`${data.length}\t${gzip}\t${brotli}`);
}
"#;
    let out = require_output(tools.command("node").args(["-e", SCRIPT]).args(&files))?;
    let sizes: Vec<[u64; 3]> = out
        .lines()
        .map(|line| {
            let mut fields = line.split('\t').map(|f| f.parse::<u64>().unwrap_or(0));
            [(); 3].map(|()| fields.next().unwrap_or(0))
        })
        .collect();
    if sizes.len() != files.len() {
        return Err(format!(
            "expected sizes of {} files from node, got {}",
            files.len(),
            sizes.len()
        ));
    }

    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(dist)
                .unwrap_or(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let width = names.iter().map(String::len).max().unwrap_or(0).max(5);
    println!(
        "{:<6} {:<width$} {:>12} {:>12} {:>12}",
        "kind", "file", "raw", "gzip", "brotli"
    );
    let mut total = [0u64; 3];
    for ((name, size), path) in names.iter().zip(&sizes).zip(&files) {
        println!(
            "{:<6} {:<width$} {:>12} {:>12} {:>12}",
            kind(path),
            name,
            thousands(size[0]),
            thousands(size[1]),
            thousands(size[2])
        );
        for (t, s) in total.iter_mut().zip(size) {
            *t += s;
        }
    }
    println!(
        "{:<6} {:<width$} {:>12} {:>12} {:>12}",
        "",
        "total",
        thousands(total[0]),
        thousands(total[1]),
        thousands(total[2])
    );
    println!("(bytes; gzip level 9 and brotli quality 11, as a server would precompress them)");
    Ok(files.iter().map(|f| kind(f)).zip(sizes).collect())
}

/// Brotli-compressed size budgets of the app's own files, in bytes, by kind:
/// `cargo xtask test` and `bench` fail above them. The wasm's is its size plus
/// about 3%: raise it only for a feature worth the download (the wasm is most
/// of what a first visit fetches). The html is the page with its first-paint
/// snapshot of the default view. History of the wasm's: 360,000 at 350 KB; 385,000
/// at 378 KB, for specific messages for bad files and network faults, the fault-aware
/// transfer, exact chart bars and bounded year values; 420,000 at 408.5 KB, for format 2
/// (divisions, shared entries, countries, pages, quarters, fiscal years and open ranges,
/// figures with periods, baselines, ranges, scales and currencies, format 1 migration),
/// problem positions and the full Latin search fold; 500,000 at 492.6 KB (+84.1 KB over 408.5 KB) for several reports and years, measured after
/// each part: the catalogue, its loading of several files, merging and the report facet
/// (+19.8 KB), the three interface languages (+16.1 KB: about 5 KB of compressed words, the
/// rest placeholders, plurals, dates, the picker and `Intl`), print (+10.6 KB), the reading view
/// (+18.4 KB), and year over year with its trend chart, comparison and translations (+19.2 KB).
/// `docs` is the authors' documentation in `docs/` (the format guide as Markdown and as a page
/// with its stylesheet, the JSON Schema), fetched only from the error view's links: 24.9 KB
/// brotli when the guide page came (the page 10.4 KB, its stylesheet 0.8 KB).
pub const BROTLI_BUDGETS: [(&str, u64); 5] = [
    ("wasm", 500_000),
    ("js", 16_000),
    ("css", 8_000),
    ("html", 6_000),
    ("docs", 27_000),
];

/// Compares brotli totals per kind with [`BROTLI_BUDGETS`]; returns what is over.
pub fn over_budget(sizes: &[(&str, [u64; 3])]) -> Vec<String> {
    BROTLI_BUDGETS
        .iter()
        .filter_map(|&(kind, budget)| {
            let total: u64 = sizes
                .iter()
                .filter(|(k, _)| *k == kind)
                .map(|(_, s)| s[2])
                .sum();
            println!("budget: {kind} {total} bytes brotli (budget {budget})");
            (total > budget).then(|| format!("{kind}: {total} bytes brotli > {budget}"))
        })
        .collect()
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

const KINDS: [&str; 6] = ["wasm", "js", "css", "json", "html", "docs"];

/// A file's kind from its path in `dist/`: `docs` for the authors' documentation in `docs/`
/// (fetched only when a reader follows its link), else its extension.
fn kind(path: &Path) -> &'static str {
    if path.starts_with("docs") {
        return "docs";
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    KINDS
        .iter()
        .find(|k| **k == ext)
        .copied()
        .unwrap_or("other")
}

fn kind_rank(kind: &str) -> usize {
    KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len())
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_a_page_with_only_external_resources() {
        let html = r#"<!DOCTYPE html><html><head>
<!-- <script>not code</script> -->
<link rel="icon" href="data:,">
<link rel="stylesheet" href="./main-0a1b.css" integrity="sha384-x" crossorigin="anonymous">
<link rel="modulepreload" href="./app-0a1b.js" crossorigin=anonymous integrity="sha384-y">
<script type="module" src="./boot.js" data-js="./app-0a1b.js" data-wasm="./app-0a1b_bg.wasm"></script>
</head><body><noscript>needs JavaScript</noscript></body></html>"#;
        assert_eq!(html_problems(html), Vec::<String>::new());
    }

    #[test]
    fn finds_inline_code_styles_and_absolute_paths() {
        let html = r#"<html><head>
<script type="module">import init from '/app.js'; init();</script>
<script src="./boot.js">alert(1)</script>
<style>body { color: red }</style>
<link rel="stylesheet" href="/main.css">
</head><body style="margin:0" onload="go()"><a href="javascript:void(0)">x</a></body></html>"#;
        let problems = html_problems(html);
        assert_eq!(problems.len(), 7, "{problems:#?}");
        assert!(problems[0].contains("without src"));
        assert!(problems[1].contains("inline code"));
        assert!(problems[2].contains("<style>"));
        assert!(problems[3].contains("absolute path"));
        assert!(problems[4].contains("style attribute"));
        assert!(problems[5].contains("onload"));
        assert!(problems[6].contains("javascript:"));
    }

    #[test]
    fn budgets_flag_only_what_is_over() {
        let wasm = BROTLI_BUDGETS[0].1;
        let sizes = [
            ("wasm", [0, 0, wasm + 1]),
            ("js", [0, 0, 5_000]),
            ("js", [0, 0, 5_000]),
        ];
        assert_eq!(
            over_budget(&sizes),
            [format!("wasm: {} bytes brotli > {wasm}", wasm + 1)]
        );
        assert!(over_budget(&[("wasm", [0, 0, 1])]).is_empty());
    }

    #[test]
    fn formats_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn groups_files_by_kind() {
        assert_eq!(kind(Path::new("a_bg.wasm")), "wasm");
        assert_eq!(kind(Path::new("data/report.json")), "json");
        assert_eq!(kind(Path::new("favicon.ico")), "other");
        assert_eq!(kind(Path::new("docs/data-format.html")), "docs");
        assert_eq!(kind(Path::new("docs/guide.css")), "docs");
        assert_eq!(kind(Path::new("index.html")), "html");
        assert!(kind_rank("wasm") < kind_rank("json"));
    }
}
