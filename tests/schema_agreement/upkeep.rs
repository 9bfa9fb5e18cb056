//! The schema's own upkeep: every property documented, the loader-only rules listed in the
//! docs, and the path-to-item mapping (part of `tests/schema_agreement.rs`).

use super::*;

/// Every property of every object the schema defines (the top level and each `$defs` object;
/// properties inside `if`, `then` and `not` only constrain) has a `description` and `examples`.
#[test]
fn every_schema_property_has_a_description_and_an_example() {
    let schema = schema();
    let mut objects = vec![("#".to_owned(), &schema)];
    for (name, def) in schema["$defs"].as_object().unwrap() {
        objects.push((format!("#/$defs/{name}"), def));
    }
    let mut missing = Vec::new();
    let mut count = 0;
    for (at, node) in objects {
        for (name, p) in node
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            count += 1;
            let examples = p.get("examples").and_then(Value::as_array);
            if p.get("description").is_none() || examples.is_none_or(Vec::is_empty) {
                missing.push(format!("{at}/properties/{name}"));
            }
        }
    }
    assert!(count >= 60, "only {count} properties");
    assert!(missing.is_empty(), "{missing:#?}");
}

/// The loader-only rules are the ones the data format page lists.
#[test]
fn the_docs_list_the_loader_only_rules() {
    let doc = fs::read_to_string(Path::new(ROOT).join("docs/data-format.md")).unwrap();
    let section = doc
        .split("## Rules only the app checks")
        .nth(1)
        .expect("docs/data-format.md has a section `## Rules only the app checks`");
    let section = section.split("\n## ").next().unwrap();
    let listed: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("- **"))
        .filter_map(|l| l.split("**").next())
        .collect();
    let ours: Vec<&str> = LOADER_ONLY.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        listed, ours,
        "docs/data-format.md and LOADER_ONLY list different rules"
    );
}

#[test]
fn paths_map_to_items() {
    let cases = [
        ("$", Item::Fatal),
        ("format", Item::Fatal),
        ("report.source.url", Item::Fatal),
        ("subsidiaries", Item::Fatal),
        ("subsidiaries[2].name", Item::Subsidiary(2)),
        ("divisions[0]", Item::Division(0)),
        ("categories[1].parent", Item::Category(1)),
        ("entries[3]", Item::Entry(3)),
        ("entries[3].figures", Item::Entry(3)),
        ("entries[3].subsidiaries[1]", Item::Entry(3)),
        ("entries[3].figures[1].baseline.value", Item::Figure(3, 1)),
        ("entries[3].metrics[0].unit", Item::Figure(3, 0)),
    ];
    for (path, item) in cases {
        assert_eq!(item_of(&parse_path(path)), item, "{path}");
    }
    assert!(calendar_day("`2019-02-30` has day 30, outside 1-28"));
    assert!(!calendar_day("`2019-02-32` has day 32, outside 1-28"));
    assert!(!calendar_day("`2019-02-00` has day 0, outside 1-28"));
}
