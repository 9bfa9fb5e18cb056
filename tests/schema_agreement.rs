//! One truth for validity: `docs/report.schema.json` and the loader agree on every file we have.
//!
//! **Which files.** Every fixture (`tests/fixtures/bad/*.json`, `tests/fixtures/format1/*`,
//! `tests/fixtures/format2/*`, `tests/e2e/fixtures/*.json`, the JSON files under
//! `tests/fixtures/fuzz/`), `public/data/report.json` and reports from
//! `report_explorer::core::synth::generate`. A file is *in scope* when it is JSON: the loader's
//! `decode` accepts its bytes and `serde_json` reads the text (a leading byte order mark
//! removed) into a `Value`. Files that are not JSON (HTML, UTF-16, `NaN`, `1e400`, lone
//! surrogates, raw control characters, nesting past 128 levels, syntax errors) are out of scope:
//! JSON Schema cannot see them, and `tests/bad_data.rs` pins the loader's messages for them.
//!
//! **Items.** A problem's place is mapped to the *item* it spoils: `subsidiaries[i]…`,
//! `categories[i]…`, `divisions[i]…` and `entries[i]…` to that item, `entries[i].figures[j]…`
//! (format 1: `metrics[j]`) to that figure (the loader skips only the figure), and anything
//! else (`$`, `format`, `report…`, a top-level list itself) to *fatal*. For the schema the place
//! is each error's instance path; for the loader, each error's JSON path (`LoadError::Invalid`
//! is fatal). Warnings spoil nothing.
//!
//! **Agreement.** Let S be the items the schema rejects and L the items the loader rejects
//! for a rule JSON Schema can express: an item the loader reports an error on, unless every
//! error on it is one of [`LOADER_ONLY`] (duplicate ids, references to other items, calendar
//! validity, category cycles, range order, rank beyond `out_of`, value beyond `out_of`, whole
//! numbers written with a point, `to` below `value`; `docs/data-format.md` lists the same rules). When either side is fatal,
//! both must be fatal (a loader that stopped for a loader-only rule only requires the schema
//! not to be fatal: the loader checked no items). Otherwise S must equal L.
//!
//! **Fields.** Every "unknown field" warning names a property that the schema's object at that
//! place does not list; every property the schema lists, set to its first `examples` value in a
//! valid file, loads with no problem at all (so the loader knows it, and the example is valid).
#![cfg(not(target_arch = "wasm32"))]

use jsonschema::paths::LocationSegment;
use jsonschema::Validator;
use report_explorer::core::load::{decode, load_report, LoadError};
use report_explorer::core::problem::{Problem, Severity};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "schema_agreement/changes.rs"]
mod changes;
#[path = "schema_agreement/upkeep.rs"]
mod upkeep;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Whether an error's message is of one rule.
type MessageTest = fn(&str) -> bool;

/// The loader's rules JSON Schema cannot express, each with a test on an error's message.
/// An error of these kinds is not a disagreement. `docs/data-format.md` ("Rules only the app
/// checks") names the same rules, in the same words.
const LOADER_ONLY: &[(&str, MessageTest)] = &[
    ("duplicate ids", |m| m.starts_with("duplicate id `")),
    ("references to other items", |m| {
        let reference = m.starts_with("unknown subsidiary id")
            || m.starts_with("unknown category id")
            || m.starts_with("unknown division id")
            || m.contains("was skipped");
        // A reference that is not even an id (` acme`, `Acme`) breaks the id pattern.
        reference && first_quoted(m).is_some_and(is_id)
    }),
    ("calendar validity", calendar_day),
    ("category cycles", |m| {
        m.contains("leads back to") || m.contains("is its own parent")
    }),
    ("range order", |m| {
        m.contains("runs backwards") || m.contains("ends before it starts")
    }),
    ("rank beyond out_of", |m| m.contains("beyond the list size")),
    ("value beyond out_of", |m| {
        m.contains("is more than out_of") || score_above(m)
    }),
    ("whole numbers written with a point", |m| {
        // JSON Schema's `integer` takes `3.0`; the loader asks for `3`.
        first_quoted(m).is_some_and(|n| {
            n.contains(['.', 'e', 'E']) && n.parse::<f64>().is_ok_and(|x| x.fract() == 0.0)
        })
    }),
    ("`to` below `value`", |m| m.contains("is less than value")),
];

/// The first `backquoted` text in a message.
fn first_quoted(m: &str) -> Option<&str> {
    m.split('`').nth(1)
}

/// Whether `s` matches the id pattern `^[a-z0-9][a-z0-9-]{0,63}$`.
fn is_id(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'))
}

/// `score 6 is outside 0 to 5`: above the maximum (below 0 breaks the schema's `minimum`).
fn score_above(m: &str) -> bool {
    let Some(rest) = m.strip_prefix("score ") else {
        return false;
    };
    let Some((v, n)) = rest.split_once(" is outside 0 to ") else {
        return false;
    };
    matches!((v.parse::<f64>(), n.parse::<f64>()), (Ok(v), Ok(n)) if v > n)
}

/// `… has day 30, outside 1-28`: a day of 1–31 that its month does not have (a pattern can
/// rule out day 0 and day 32, not 30 February).
fn calendar_day(m: &str) -> bool {
    let Some((_, rest)) = m.split_once("has day ") else {
        return false;
    };
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) && rest.contains(", outside 1-")
}

/// The loader-only rule an error falls under, if any.
fn loader_only(p: &Problem) -> Option<&'static str> {
    LOADER_ONLY
        .iter()
        .find(|(_, test)| test(&p.message))
        .map(|(name, _)| *name)
}

/// What a problem spoils.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Item {
    Fatal,
    Division(usize),
    Subsidiary(usize),
    Category(usize),
    Entry(usize),
    Figure(usize, usize),
}

/// One step of a path: an object key or an array index.
#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Fatal => write!(f, "fatal"),
            Item::Division(i) => write!(f, "divisions[{i}]"),
            Item::Subsidiary(i) => write!(f, "subsidiaries[{i}]"),
            Item::Category(i) => write!(f, "categories[{i}]"),
            Item::Entry(i) => write!(f, "entries[{i}]"),
            Item::Figure(i, j) => write!(f, "entries[{i}].figures[{j}]"),
        }
    }
}

fn item_of(segs: &[Seg]) -> Item {
    use Seg::{Index, Key};
    match segs {
        [Key(list), Index(i), ..] if list == "divisions" => Item::Division(*i),
        [Key(list), Index(i), ..] if list == "subsidiaries" => Item::Subsidiary(*i),
        [Key(list), Index(i), ..] if list == "categories" => Item::Category(*i),
        [Key(list), Index(i), Key(figures), Index(j), ..]
            if list == "entries" && (figures == "figures" || figures == "metrics") =>
        {
            Item::Figure(*i, *j)
        }
        [Key(list), Index(i), ..] if list == "entries" => Item::Entry(*i),
        _ => Item::Fatal,
    }
}

/// A loader path (`entries[3].figures[0].value`, `format`, `$`) as steps.
fn parse_path(path: &str) -> Vec<Seg> {
    let mut segs = Vec::new();
    if path == "$" {
        return segs;
    }
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segs.push(Seg::Key(key.to_owned()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else { break };
            match inner[..end].parse() {
                Ok(i) => segs.push(Seg::Index(i)),
                Err(_) => segs.push(Seg::Key(inner[..end].to_owned())),
            }
            rest = &inner[end + 1..];
        }
    }
    segs
}

/// The schema, checked against the draft 2020-12 meta-schema.
fn schema() -> Value {
    let text = fs::read_to_string(Path::new(ROOT).join("docs/report.schema.json"))
        .expect("docs/report.schema.json");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("the schema is a valid draft 2020-12 schema");
    schema
}

fn validator(schema: &Value) -> Validator {
    jsonschema::draft202012::new(schema).expect("the schema compiles")
}

/// The items the schema rejects, each with the reasons.
fn schema_verdict(validator: &Validator, value: &Value) -> Vec<(Item, String)> {
    validator
        .iter_errors(value)
        .map(|e| {
            let segs: Vec<Seg> = e
                .instance_path()
                .segments()
                .map(|s| match s {
                    LocationSegment::Property(k) => Seg::Key(k.into_owned()),
                    LocationSegment::Index(i) => Seg::Index(i),
                })
                .collect();
            (item_of(&segs), format!("{}: {e}", e.instance_path()))
        })
        .collect()
}

/// What the loader says about a file.
struct LoaderVerdict {
    /// Fatal: the problems, and whether any is a rule the schema can express.
    fatal: Option<(Vec<Problem>, bool)>,
    /// Errors per item, each with the loader-only rule it falls under.
    errors: Vec<(Item, Problem, Option<&'static str>)>,
    /// Warnings.
    warnings: Vec<Problem>,
    /// Entries of the file (by index, those with an id no other entry has) the loader did not
    /// keep: an error on one of its figures then spoils the whole entry.
    dropped: BTreeSet<usize>,
}

fn loader_verdict(value: &Value, text: &str) -> LoaderVerdict {
    match load_report(text) {
        Ok(loaded) => {
            let kept: BTreeSet<&str> = loaded
                .report
                .entries
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            let ids: Vec<Option<&str>> = value["entries"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| e["id"].as_str())
                .collect();
            let dropped = ids
                .iter()
                .enumerate()
                .filter_map(|(i, id)| {
                    let id = (*id)?;
                    let unique = ids.iter().filter(|other| **other == Some(id)).count() == 1;
                    (unique && !kept.contains(id)).then_some(i)
                })
                .collect();
            let (errors, warnings): (Vec<Problem>, Vec<Problem>) = loaded
                .problems
                .into_iter()
                .partition(|p| p.severity == Severity::Error);
            LoaderVerdict {
                fatal: None,
                errors: errors
                    .into_iter()
                    .map(|p| (item_of(&parse_path(&p.path)), loader_only(&p), p))
                    .map(|(item, rule, p)| (item, p, rule))
                    .collect(),
                warnings,
                dropped,
            }
        }
        Err(e) => {
            let problems = match e {
                LoadError::Invalid(problems) => problems,
                other => vec![Problem::error("$", other.to_string())],
            };
            let expressible = problems.iter().any(|p| loader_only(p).is_none());
            LoaderVerdict {
                fatal: Some((problems, expressible)),
                errors: Vec::new(),
                warnings: Vec::new(),
                dropped: BTreeSet::new(),
            }
        }
    }
}

/// How the two disagree on one file, or `None` when they agree.
fn disagreement(validator: &Validator, value: &Value, text: &str) -> Option<String> {
    let schema = schema_verdict(validator, value);
    let loader = loader_verdict(value, text);
    let schema_fatal = schema.iter().any(|(item, _)| *item == Item::Fatal);
    let reasons = |item: &Item| -> String {
        let from_schema: Vec<&str> = schema
            .iter()
            .filter(|(i, _)| i == item)
            .map(|(_, r)| r.as_str())
            .collect();
        let from_loader: Vec<String> = loader
            .errors
            .iter()
            .filter(|(i, _, _)| match (i, item) {
                (Item::Figure(e, _), Item::Entry(d)) => e == d && loader.dropped.contains(d),
                _ => i == item,
            })
            .map(|(_, p, rule)| match rule {
                Some(rule) => format!("{p} [loader-only: {rule}]"),
                None => p.to_string(),
            })
            .collect();
        format!("  schema: {from_schema:?}\n  loader: {from_loader:?}")
    };
    if let Some((problems, expressible)) = &loader.fatal {
        let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return match (expressible, schema_fatal) {
            (true, true) | (false, false) => None,
            (true, false) => Some(format!(
                "the loader stops ({words:?}) but the schema finds nothing fatal:\n{}",
                reasons(&Item::Fatal)
            )),
            (false, true) => Some(format!(
                "the schema finds the file fatal, the loader only for a loader-only rule ({words:?}):\n{}",
                reasons(&Item::Fatal)
            )),
        };
    }
    if schema_fatal {
        return Some(format!(
            "the schema finds the file fatal, the loader loads it:\n{}",
            reasons(&Item::Fatal)
        ));
    }
    let s: BTreeSet<Item> = schema.iter().map(|(i, _)| i.clone()).collect();
    let all: BTreeSet<Item> = loader.errors.iter().map(|(i, _, _)| i.clone()).collect();
    let mut l: BTreeSet<Item> = all
        .into_iter()
        .filter(|item| {
            loader
                .errors
                .iter()
                .any(|(i, _, rule)| i == item && rule.is_none())
        })
        .collect();
    // An entry the loader dropped for an error on one of its figures is rejected as a whole.
    for &i in &loader.dropped {
        let spoiled = loader
            .errors
            .iter()
            .any(|(item, _, rule)| rule.is_none() && matches!(item, Item::Figure(e, _) if *e == i));
        if spoiled {
            l.insert(Item::Entry(i));
        }
    }
    let differ: Vec<String> = s
        .symmetric_difference(&l)
        .map(|item| {
            let who = if s.contains(item) {
                "only the schema rejects"
            } else {
                "only the loader rejects"
            };
            format!("{who} {item}:\n{}", reasons(item))
        })
        .collect();
    (!differ.is_empty()).then(|| differ.join("\n"))
}

/// The schema node for the object or list at `segs` in a file of `format`.
fn schema_at<'a>(schema: &'a Value, format: &str, segs: &[Seg]) -> Option<&'a Value> {
    let file = if format == "report-explorer/1" {
        "file_1"
    } else {
        "file_2"
    };
    let mut node = &schema["$defs"][file];
    for seg in segs {
        node = match seg {
            Seg::Key(k) => resolve(schema, node, "properties")?
                .get("properties")?
                .get(k)?,
            Seg::Index(_) => resolve(schema, node, "items")?.get("items")?,
        };
    }
    resolve(schema, node, "properties")
}

/// Follows `$ref`s and `anyOf` branches to the node that has `keyword`.
fn resolve<'a>(schema: &'a Value, node: &'a Value, keyword: &str) -> Option<&'a Value> {
    if node.get(keyword).is_some() {
        return Some(node);
    }
    if let Some(Value::String(r)) = node.get("$ref") {
        let name = r.strip_prefix("#/$defs/")?;
        return resolve(schema, &schema["$defs"][name], keyword);
    }
    node.get("anyOf")?
        .as_array()?
        .iter()
        .find_map(|branch| resolve(schema, branch, keyword))
}

/// The object properties the schema defines at `segs`.
fn schema_properties(schema: &Value, format: &str, segs: &[Seg]) -> Option<BTreeSet<String>> {
    let node = schema_at(schema, format, segs)?;
    Some(
        node.get("properties")?
            .as_object()?
            .keys()
            .cloned()
            .collect(),
    )
}

/// Each unknown-field warning names a property the schema does not list at that place.
fn unknown_field_mismatches(schema: &Value, value: &Value, text: &str) -> Vec<String> {
    let format = value.get("format").and_then(Value::as_str).unwrap_or("");
    loader_verdict(value, text)
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("unknown field `"))
        .filter_map(|w| {
            let mut segs = parse_path(&w.path);
            let Some(Seg::Key(field)) = segs.pop() else {
                return Some(format!("{w}: the path does not end in a field"));
            };
            match schema_properties(schema, format, &segs) {
                None => Some(format!("{w}: the schema has no object at this place")),
                Some(props) if props.contains(&field) => Some(format!(
                    "{w}: the schema lists `{field}` as a property here"
                )),
                Some(_) => None,
            }
        })
        .collect()
}

/// A file under test: where it comes from, and its text.
struct Input {
    name: String,
    bytes: Vec<u8>,
}

fn files_in(dir: &Path, recursive: bool, json_only: bool) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in read.map(|e| e.expect("dir entry").path()) {
        if path.is_dir() {
            if recursive {
                out.extend(files_in(&path, true, json_only));
            }
        } else if !json_only || path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn inputs() -> Vec<Input> {
    let root = Path::new(ROOT);
    let mut paths = files_in(&root.join("tests/fixtures/bad"), false, true);
    paths.extend(files_in(&root.join("tests/fixtures/format1"), false, false));
    paths.extend(files_in(&root.join("tests/fixtures/format2"), false, false));
    paths.extend(files_in(&root.join("tests/e2e/fixtures"), false, true));
    paths.extend(files_in(&root.join("tests/fixtures/fuzz"), true, true));
    paths.push(root.join("public/data/report.json"));
    let mut out: Vec<Input> = paths
        .into_iter()
        .map(|p| Input {
            name: p.strip_prefix(root).unwrap_or(&p).display().to_string(),
            bytes: fs::read(&p).expect("readable"),
        })
        .collect();
    for (entries, seed) in [(0, 1), (1, 2), (40, 3), (500, 4)] {
        out.push(Input {
            name: format!("synth::generate({entries}, {seed})"),
            bytes: report_explorer::core::synth::generate(entries, seed).into_bytes(),
        });
    }
    out
}

/// The text and value of a file in scope (JSON), or `None`.
fn in_scope(bytes: &[u8]) -> Option<(&str, Value)> {
    let text = decode(bytes).ok()?;
    let value = serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()?;
    Some((text, value))
}

#[test]
fn the_schema_and_the_loader_agree_on_every_file() {
    let schema = schema();
    let validator = validator(&schema);
    let mut checked = 0;
    let mut failures = Vec::new();
    let all = inputs();
    for input in &all {
        let Some((text, value)) = in_scope(&input.bytes) else {
            continue;
        };
        checked += 1;
        if let Some(d) = disagreement(&validator, &value, text) {
            failures.push(format!("{}: {d}", input.name));
        }
        for m in unknown_field_mismatches(&schema, &value, text) {
            failures.push(format!("{}: {m}", input.name));
        }
    }
    assert!(
        checked >= 50,
        "only {checked} of {} files are JSON; the corpus lost files",
        all.len()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements over {checked} files:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
