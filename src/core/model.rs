//! The validated report model the rest of the app works with.

use crate::core::date::{DateContext, DateSpec};
use crate::core::ids::{CategoryId, DivisionId, EntryId, SubsidiaryId};
use std::collections::HashMap;
use std::ops::Range;

pub use crate::core::figure::{Baseline, Metric, Qualifier, Scale};

/// The format version this app writes (and reads, with format 1).
pub const FORMAT: &str = "report-explorer/2";

/// The first format version, still read: its entries are migrated on loading.
pub const FORMAT_1: &str = "report-explorer/1";

/// Which format version a file is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Version {
    /// `report-explorer/1`: one `subsidiary`, one `country`, `metrics`; migrated on loading.
    V1,
    /// `report-explorer/2`.
    #[default]
    V2,
}

impl Version {
    /// The version a format tag names, if the app reads it.
    pub fn parse(tag: &str) -> Option<Version> {
        match tag {
            FORMAT_1 => Some(Version::V1),
            FORMAT => Some(Version::V2),
            _ => None,
        }
    }

    /// The format tag as written in a file.
    pub fn tag(self) -> &'static str {
        match self {
            Version::V1 => FORMAT_1,
            Version::V2 => FORMAT,
        }
    }
}

/// A validated report: metadata, divisions, subsidiaries, categories and entries.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Who published it and where the data comes from.
    pub meta: ReportMeta,
    /// Divisions (groups of subsidiaries) in file order; often none.
    pub divisions: Vec<Division>,
    /// Subsidiaries in file order.
    pub subsidiaries: Vec<Subsidiary>,
    /// Categories in file order; parents are always valid ids here.
    pub categories: Vec<Category>,
    /// Entries in file order; every reference resolves.
    pub entries: Vec<Entry>,
    /// The reports merged into this one, oldest first, each with its entries' positions;
    /// empty when one report is shown alone (see `core::editions`).
    pub editions: Vec<Edition>,
}

/// One report among several shown together.
#[derive(Clone, Debug, PartialEq)]
pub struct Edition {
    /// The report's catalogue id (`acme-2019-en`).
    pub id: String,
    /// The report's own metadata (organisation, title, period, language, ...).
    pub meta: ReportMeta,
    /// How the report is named for people: its period as the catalogue writes it, with its
    /// language when another chosen report has the same period (`2019`, `2019 · zh-Hant`).
    pub label: String,
    /// The report's data file, as the catalogue gives it.
    pub path: String,
    /// The report's language, as the catalogue gives it.
    pub language: String,
    /// Positions of its entries in the merged report's `entries`.
    pub entries: Range<usize>,
}

/// Report metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportMeta {
    /// Publishing organisation.
    pub organisation: String,
    /// Report title.
    pub title: String,
    /// Reporting period.
    pub period: DateSpec,
    /// Source document name.
    pub document: String,
    /// Chapter of the document the data covers.
    pub chapter: Option<String>,
    /// Where the document can be read.
    pub url: Option<String>,
    /// BCP 47 language tag of the text.
    pub language: Option<String>,
    /// The month (1-12) the report's fiscal year ends with: 12 unless the file says.
    pub fiscal_year_end: u8,
    /// The chapter's plain text: a path relative to the report file (`report.text`).
    pub text: Option<String>,
}

impl ReportMeta {
    /// What the report's dates are read in: its fiscal year end, and its period for open ends.
    pub fn date_context(&self) -> DateContext {
        DateContext::for_report(self.fiscal_year_end, &self.period)
    }
}

/// A group of subsidiaries (a business line, a region).
#[derive(Clone, Debug, PartialEq)]
pub struct Division {
    /// Unique id.
    pub id: DivisionId,
    /// Display name.
    pub name: String,
}

/// An organisational unit entries belong to.
#[derive(Clone, Debug, PartialEq)]
pub struct Subsidiary {
    /// Unique id.
    pub id: SubsidiaryId,
    /// Display name.
    pub name: String,
    /// Business sector, when given.
    pub sector: Option<String>,
    /// The division it belongs to, when given (always a loaded division's id).
    pub division: Option<DivisionId>,
}

/// A section of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// Unique id.
    pub id: CategoryId,
    /// Section heading.
    pub name: String,
    /// Enclosing section.
    pub parent: Option<CategoryId>,
}

/// What sort of thing an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// An award, prize, rating, ranking or certificate.
    Award,
    /// A programme, mechanism, policy or campaign.
    Initiative,
    /// A product or product line.
    Product,
    /// A customer-facing service or channel.
    Service,
    /// A named construction, investment or engineering project.
    Project,
    /// A dated one-off happening.
    Event,
    /// A target or commitment.
    Target,
    /// An incident, breach, fine or penalty.
    Incident,
    /// A partnership, membership or agreement with another organisation.
    Partnership,
    /// A performance figure reported on its own, with no programme around it.
    Kpi,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 10] = [
        Kind::Award,
        Kind::Initiative,
        Kind::Product,
        Kind::Service,
        Kind::Project,
        Kind::Event,
        Kind::Target,
        Kind::Incident,
        Kind::Partnership,
        Kind::Kpi,
    ];

    /// The kind as written in the data file.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Award => "award",
            Kind::Initiative => "initiative",
            Kind::Product => "product",
            Kind::Service => "service",
            Kind::Project => "project",
            Kind::Event => "event",
            Kind::Target => "target",
            Kind::Incident => "incident",
            Kind::Partnership => "partnership",
            Kind::Kpi => "kpi",
        }
    }

    /// A count for people, in lower case but for acronyms: `1 award`, `25 initiatives`, `3 KPIs`.
    pub fn count(self, n: usize) -> String {
        let (one, many) = match self {
            Kind::Award => ("award", "awards"),
            Kind::Initiative => ("initiative", "initiatives"),
            Kind::Product => ("product", "products"),
            Kind::Service => ("service", "services"),
            Kind::Project => ("project", "projects"),
            Kind::Event => ("event", "events"),
            Kind::Target => ("target", "targets"),
            Kind::Incident => ("incident", "incidents"),
            Kind::Partnership => ("partnership", "partnerships"),
            Kind::Kpi => ("KPI", "KPIs"),
        };
        crate::core::format::count_noun(n, one, many)
    }

    /// A count for people in the language of `t`: `3 KPIs`, `3 项关键绩效指标`.
    pub fn count_in(self, n: usize, t: &crate::core::i18n::Texts) -> String {
        let (one, other) = self.words(t);
        t.count(n, one, other)
    }

    /// The two forms of a count's words in the language of `t`.
    pub fn words(self, t: &crate::core::i18n::Texts) -> (&'static str, &'static str) {
        let e = &t.entry;
        match self {
            Kind::Award => (e.award_one, e.award_other),
            Kind::Initiative => (e.initiative_one, e.initiative_other),
            Kind::Product => (e.product_one, e.product_other),
            Kind::Service => (e.service_one, e.service_other),
            Kind::Project => (e.project_one, e.project_other),
            Kind::Event => (e.event_one, e.event_other),
            Kind::Target => (e.target_one, e.target_other),
            Kind::Incident => (e.incident_one, e.incident_other),
            Kind::Partnership => (e.partnership_one, e.partnership_other),
            Kind::Kpi => (e.kpi_one, e.kpi_other),
        }
    }

    /// A capitalised label for people in the language of `t`.
    pub fn label_in(self, t: &crate::core::i18n::Texts) -> &'static str {
        let e = &t.entry;
        match self {
            Kind::Award => e.award,
            Kind::Initiative => e.initiative,
            Kind::Product => e.product,
            Kind::Service => e.service,
            Kind::Project => e.project,
            Kind::Event => e.event,
            Kind::Target => e.target,
            Kind::Incident => e.incident,
            Kind::Partnership => e.partnership,
            Kind::Kpi => e.kpi,
        }
    }

    /// Parses a kind as written in the data file.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A capitalised label for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Award => "Award",
            Kind::Initiative => "Initiative",
            Kind::Product => "Product",
            Kind::Service => "Service",
            Kind::Project => "Project",
            Kind::Event => "Event",
            Kind::Target => "Target",
            Kind::Incident => "Incident",
            Kind::Partnership => "Partnership",
            Kind::Kpi => "KPI",
        }
    }
}

/// Where an entry comes from in the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The heading the passage sits under.
    pub section: String,
    /// The passage, quoted verbatim.
    pub passage: String,
    /// The page as printed (`45`, `45–46`, `iv`), when given.
    pub page: Option<String>,
    /// The absolute `http`/`https` address of the passage, when given.
    pub url: Option<String>,
}

impl Source {
    /// The page reference for people: `p. 45`, `pp. 45–46`, `p. iv`; `None` without a page.
    pub fn page_label(&self) -> Option<String> {
        let page = self.page.as_deref()?;
        let range = page.contains(['–', '-', '—']) || page.contains(',');
        Some(format!("{} {page}", if range { "pp." } else { "p." }))
    }

    /// Where the page reference links: the passage's own address, else the report
    /// document's `#page=N` when the page is a number and the document has an address.
    pub fn link(&self, document: Option<&str>) -> Option<String> {
        if let Some(url) = &self.url {
            return Some(url.clone());
        }
        let page = self.page.as_deref()?;
        if page.is_empty() || !page.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // Only a web address is linked: the report's own `source.url` is free text.
        let document = document.filter(|d| is_web_address(d))?;
        let base = document.split('#').next().unwrap_or(document);
        Some(format!("{base}#page={page}"))
    }
}

/// One award, initiative, product, service, project, event, target, incident, partnership or KPI.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique id.
    pub id: EntryId,
    /// What sort of thing it is.
    pub kind: Kind,
    /// Short title.
    pub title: String,
    /// Plain-language summary.
    pub summary: String,
    /// Who did it or received it: at least one, the lead first, no id twice.
    pub subsidiaries: Vec<SubsidiaryId>,
    /// Sections it belongs to (at least one).
    pub categories: Vec<CategoryId>,
    /// When, if the report says.
    pub date: Option<DateSpec>,
    /// Who gave an award or rating.
    pub awarding_body: Option<String>,
    /// Place named by the report.
    pub location: Option<String>,
    /// Country names (none when not given).
    pub countries: Vec<String>,
    /// Figures the report gives.
    pub metrics: Vec<Metric>,
    /// The quoted passage.
    pub source: Source,
}

impl Entry {
    /// The lead subsidiary (the first listed; every loaded entry has one).
    pub fn lead(&self) -> Option<&SubsidiaryId> {
        self.subsidiaries.first()
    }
}

impl Report {
    /// Looks up a subsidiary by id.
    pub fn subsidiary(&self, id: &SubsidiaryId) -> Option<&Subsidiary> {
        self.subsidiaries.iter().find(|s| &s.id == id)
    }

    /// Looks up a category by id.
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// Looks up a division by id.
    pub fn division(&self, id: &DivisionId) -> Option<&Division> {
        self.divisions.iter().find(|d| &d.id == id)
    }

    /// The name of a subsidiary's division, when it has one.
    pub fn division_of(&self, id: &SubsidiaryId) -> Option<&str> {
        let division = self.subsidiary(id)?.division.as_ref()?;
        self.division(division).map(|d| d.name.as_str())
    }

    /// Display name of a subsidiary id (the id itself if unknown).
    pub fn subsidiary_name<'a>(&'a self, id: &'a SubsidiaryId) -> &'a str {
        self.subsidiary(id).map_or(id.as_str(), |s| s.name.as_str())
    }

    /// Display name of a category id (the id itself if unknown).
    pub fn category_name<'a>(&'a self, id: &'a CategoryId) -> &'a str {
        self.category(id).map_or(id.as_str(), |c| c.name.as_str())
    }

    /// A subsidiary's name with its division's, when it has one: `North Terminal (Ports)`.
    pub fn subsidiary_label(&self, id: &SubsidiaryId) -> String {
        let name = self.subsidiary_name(id);
        match self.division_of(id) {
            Some(division) => format!("{name} ({division})"),
            None => name.to_owned(),
        }
    }

    /// Who an entry belongs to, the lead first: `North Terminal`, `North Terminal, with South
    /// Terminal`, `A, with B and C`.
    pub fn lead_with(&self, entry: &Entry) -> String {
        let Some((lead, others)) = entry.subsidiaries.split_first() else {
            return String::new();
        };
        let lead = self.subsidiary_name(lead);
        match self.with_others(entry) {
            Some(with) if !others.is_empty() => format!("{lead}, {with}"),
            _ => lead.to_owned(),
        }
    }

    /// `with South Terminal`, `with B and C`, `with B, C and D` for an entry shared with other
    /// subsidiaries than its lead; `None` when it has only one.
    pub fn with_others(&self, entry: &Entry) -> Option<String> {
        let others: Vec<&str> = entry
            .subsidiaries
            .iter()
            .skip(1)
            .map(|s| self.subsidiary_name(s))
            .collect();
        let (last, rest) = others.split_last()?;
        Some(if rest.is_empty() {
            format!("with {last}")
        } else {
            format!("with {} and {last}", rest.join(", "))
        })
    }

    /// An entry's subsidiaries' names, the lead first, joined with `, `.
    pub fn subsidiary_names(&self, entry: &Entry) -> String {
        let names: Vec<&str> = entry
            .subsidiaries
            .iter()
            .map(|s| self.subsidiary_name(s))
            .collect();
        names.join(", ")
    }

    /// Number of entries of each kind, in `Kind::ALL` order.
    pub fn kind_counts(&self) -> Vec<(Kind, usize)> {
        let mut counts: HashMap<Kind, usize> = HashMap::new();
        for e in &self.entries {
            *counts.entry(e.kind).or_default() += 1;
        }
        Kind::ALL
            .into_iter()
            .map(|k| (k, counts.get(&k).copied().unwrap_or(0)))
            .collect()
    }

    /// Total number of metrics over all entries.
    pub fn metric_count(&self) -> usize {
        self.entries.iter().map(|e| e.metrics.len()).sum()
    }
}

/// Whether `url` is an absolute `http://` or `https://` address with a host, and so safe to
/// link: never `javascript:`, `data:` or a relative path.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}
