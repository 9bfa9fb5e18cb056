//! The spreadsheet template of format 2: its sheets (or CSV files), their columns, and how a
//! column's cells become JSON values. One table per sheet, a header row on top.

/// How a column's cells are read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text (an id, a name, a date such as `2019-Q3`): a JSON string.
    Text,
    /// A number: a JSON number.
    Number,
    /// Items separated by `;` (spaces around ignored): a JSON array of strings.
    List,
}

/// One column of a table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The header, also the field's JSON name (`source.section` is `source` → `section`).
    pub name: &'static str,
    /// How its cells read.
    pub kind: Kind,
    /// Width in the exported sheet, in characters.
    pub width: f64,
    /// Long text, wrapped in the exported sheet.
    pub wrap: bool,
}

const fn col(name: &'static str, kind: Kind, width: f64) -> Column {
    Column {
        name,
        kind,
        width,
        wrap: false,
    }
}

const fn long(name: &'static str, width: f64) -> Column {
    Column {
        name,
        kind: Kind::Text,
        width,
        wrap: true,
    }
}

use Kind::{List, Number, Text};

/// A table of the template: a sheet of the workbook, or a CSV file of the folder.
#[derive(Debug)]
pub struct Table {
    /// Sheet name, and the CSV file's name without `.csv`.
    pub name: &'static str,
    /// Its columns, in order.
    pub columns: &'static [Column],
    /// May be left out of the workbook or folder.
    pub optional: bool,
}

impl Table {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// The header names, quoted and joined for a message.
    pub fn header_list(&self) -> String {
        let names: Vec<String> = self
            .columns
            .iter()
            .map(|c| format!("`{}`", c.name))
            .collect();
        names.join(", ")
    }
}

/// The `report` table: two columns, one row per field.
pub const REPORT: Table = Table {
    name: "report",
    columns: &[col("field", Text, 18.0), long("value", 70.0)],
    optional: false,
};

/// The rows of the `report` table, in order, with how their values read.
pub const REPORT_FIELDS: &[(&str, Kind)] = &[
    ("format", Text),
    ("organisation", Text),
    ("title", Text),
    ("period", Text),
    ("fiscal_year_end", Number),
    ("language", Text),
    ("text", Text),
    ("source.document", Text),
    ("source.chapter", Text),
    ("source.url", Text),
];

/// `divisions`: groups of subsidiaries.
pub const DIVISIONS: Table = Table {
    name: "divisions",
    columns: &[col("id", Text, 20.0), col("name", Text, 36.0)],
    optional: true,
};

/// `subsidiaries`.
pub const SUBSIDIARIES: Table = Table {
    name: "subsidiaries",
    columns: &[
        col("id", Text, 24.0),
        col("name", Text, 40.0),
        col("sector", Text, 20.0),
        col("division", Text, 20.0),
    ],
    optional: false,
};

/// `categories`.
pub const CATEGORIES: Table = Table {
    name: "categories",
    columns: &[
        col("id", Text, 28.0),
        col("name", Text, 40.0),
        col("parent", Text, 28.0),
    ],
    optional: false,
};

/// `entries`, one row each; their figures are in `figures`.
pub const ENTRIES: Table = Table {
    name: "entries",
    columns: &[
        col("id", Text, 28.0),
        col("kind", Text, 12.0),
        long("title", 40.0),
        long("summary", 60.0),
        col("subsidiaries", List, 24.0),
        col("categories", List, 28.0),
        col("date", Text, 14.0),
        long("awarding_body", 28.0),
        col("location", Text, 20.0),
        col("countries", List, 20.0),
        long("source.section", 28.0),
        long("source.passage", 60.0),
        col("source.page", Text, 10.0),
        col("source.url", Text, 30.0),
    ],
    optional: false,
};

/// `figures`, in order; `entry` names the entry each belongs to.
pub const FIGURES: Table = Table {
    name: "figures",
    columns: &[
        col("entry", Text, 28.0),
        long("label", 36.0),
        col("value", Number, 12.0),
        col("to", Number, 10.0),
        col("unit", Text, 16.0),
        col("currency", Text, 10.0),
        col("scale", Text, 10.0),
        col("qualifier", Text, 14.0),
        col("out_of", Number, 10.0),
        col("decimals", Number, 10.0),
        col("period", Text, 14.0),
        col("baseline.value", Number, 14.0),
        col("baseline.period", Text, 15.0),
        col("family", Text, 20.0),
    ],
    optional: false,
};

/// Every table, in the workbook's order.
pub const TABLES: [&Table; 6] = [
    &REPORT,
    &DIVISIONS,
    &SUBSIDIARIES,
    &CATEGORIES,
    &ENTRIES,
    &FIGURES,
];

/// The table named `name`.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.into_iter().find(|t| t.name == name)
}
