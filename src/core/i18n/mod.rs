//! Interface languages: English, Simplified and Traditional Chinese; which one a page uses,
//! and the interface's words in each ([`Texts`]), with placeholders and plurals.
//!
//! Every interface string is a `&'static str` field of one struct per area of the interface
//! (`facets.rs`, `charts.rs`, ...), and each area file holds one `const` value per language,
//! so a string missing in any language is a compile error. Parameterised strings use named
//! `{placeholders}` filled by [`fill`]; a count's words come as a pair (`_one`, `_other`)
//! chosen by [`Lang::plural`]. Report text (titles, passages, names) is never translated:
//! it stays in the report's own language. See ARCHITECTURE.md, "Interface languages".

mod app;
mod charts;
mod dates;
mod entry;
mod errors;
mod explorer;
mod facets;
mod print;
mod reading;
mod timeline;
mod years;

pub use app::AppTexts;
pub use charts::ChartTexts;
pub use dates::DateTexts;
pub use entry::EntryTexts;
pub use errors::ErrorTexts;
pub use explorer::ExplorerTexts;
pub use facets::FacetTexts;
pub use print::PrintTexts;
pub use reading::ReadingTexts;
pub use timeline::TimelineTexts;
pub use years::YearsTexts;

/// Declares an area's struct of `&'static str` fields and its `all()` listing.
macro_rules! texts {
    ($(#[doc = $doc:literal])* pub struct $name:ident { $($(#[doc = $fdoc:literal])* $field:ident,)* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, PartialEq, Eq)]
        pub struct $name {
            $($(#[doc = $fdoc])* pub $field: &'static str,)*
        }

        impl $name {
            /// Every string with its key (the field's name), in declaration order.
            pub fn all(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field)),*]
            }
        }
    };
}
pub(crate) use texts;

/// An interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    ZhHans,
    /// Traditional Chinese (Hong Kong conventions).
    ZhHant,
}

/// A choice of language and, when a requested one is not supported, a notice saying so.
pub type Choice = (Lang, Option<String>);

impl Lang {
    /// Every language, in the picker's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

    /// Its BCP 47 tag: `en`, `zh-Hans`, `zh-Hant` (for `<html lang>` and `?lang=`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::ZhHant => "zh-Hant",
        }
    }

    /// Its name in itself, for the picker: `English`, `简体中文`, `繁體中文`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhHans => "简体中文",
            Lang::ZhHant => "繁體中文",
        }
    }

    /// Reads a BCP 47 tag, case-insensitively: `en*` is English; `zh`, `zh-CN`, `zh-SG` and
    /// `zh-Hans*` Simplified; `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant*` Traditional.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        match parts.next()? {
            "en" => Some(Lang::En),
            "zh" => {
                let rest: Vec<&str> = parts.collect();
                if rest.contains(&"hant") {
                    Some(Lang::ZhHant)
                } else if rest.contains(&"hans") {
                    Some(Lang::ZhHans)
                } else if rest.iter().any(|p| matches!(*p, "tw" | "hk" | "mo")) {
                    Some(Lang::ZhHant)
                } else {
                    Some(Lang::ZhHans)
                }
            }
            _ => None,
        }
    }

    /// Which of a count's two forms applies: English has one and other; Chinese has no
    /// plural forms (always the other).
    pub fn plural(self, n: usize, one: &'static str, other: &'static str) -> &'static str {
        match self {
            Lang::En if n == 1 => one,
            _ => other,
        }
    }

    /// The interface's words in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::ZhHans => &ZH_HANS,
            Lang::ZhHant => &ZH_HANT,
        }
    }
}

/// The language a page uses: `?lang=` first, then `config.json`'s `language`, then the
/// browser's languages in order, then English. An unsupported `?lang=` or configured value
/// gives a notice naming the supported tags, and the choice falls through to the next.
/// The notice is in the language chosen.
pub fn choose(url: Option<&str>, config: Option<&str>, browser: &[String]) -> Choice {
    let mut ignored = Vec::new();
    let mut chosen = None;
    for (value, origin) in [(url, "?lang="), (config, "config.json: language")] {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        match Lang::parse(value) {
            Some(lang) => {
                chosen = Some(lang);
                break;
            }
            None => ignored.push((origin, value)),
        }
    }
    let lang = chosen
        .or_else(|| browser.iter().find_map(|tag| Lang::parse(tag)))
        .unwrap_or_default();
    let tags = Lang::ALL.map(Lang::tag).join(", ");
    let notices: Vec<String> = ignored
        .into_iter()
        .map(|(origin, value)| {
            fill(
                lang.texts().app.lang_notice,
                &[("origin", origin), ("value", value), ("tags", &tags)],
            )
        })
        .collect();
    (lang, (!notices.is_empty()).then(|| notices.join(" ")))
}

/// Fills named `{placeholders}` in `template` with `values`; an unknown placeholder stays
/// as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholder}` names in a template, in order of appearance.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

/// Every interface string of one language, by area.
#[derive(Debug, PartialEq, Eq)]
pub struct Texts {
    /// Which language these are.
    pub lang: Lang,
    /// The page around the report: loading, language picker, configuration, dataset picker.
    pub app: AppTexts,
    /// Search, order, filters, chips, counts, views, exports and the result list.
    pub explorer: ExplorerTexts,
    /// The facet panel.
    pub facets: FacetTexts,
    /// The entry card and detail, the report header, kinds.
    pub entry: EntryTexts,
    /// The timeline view.
    pub timeline: TimelineTexts,
    /// The charts, their tables and exports.
    pub charts: ChartTexts,
    /// Dates written for people.
    pub dates: DateTexts,
    /// Load failures, the error view and the author hint.
    pub errors: ErrorTexts,
    /// The printed document.
    pub print: PrintTexts,
    /// The reading view.
    pub reading: ReadingTexts,
    /// Year over year: trends and the comparison of two reports.
    pub years: YearsTexts,
}

impl Texts {
    /// Every string with its key (`area.field`).
    pub fn all(&self) -> Vec<(String, &'static str)> {
        let areas: [(&str, Vec<(&'static str, &'static str)>); 11] = [
            ("app", self.app.all()),
            ("explorer", self.explorer.all()),
            ("facets", self.facets.all()),
            ("entry", self.entry.all()),
            ("timeline", self.timeline.all()),
            ("charts", self.charts.all()),
            ("dates", self.dates.all()),
            ("errors", self.errors.all()),
            ("print", self.print.all()),
            ("reading", self.reading.all()),
            ("years", self.years.all()),
        ];
        areas
            .into_iter()
            .flat_map(|(area, list)| {
                list.into_iter()
                    .map(move |(k, v)| (format!("{area}.{k}"), v))
            })
            .collect()
    }

    /// `n` with the words of a count (`{n} entries`), `n` written by the core's fallback
    /// number format (the app writes numbers with the browser's `Intl` and uses
    /// [`Texts::count_with`]).
    pub fn count(&self, n: usize, one: &'static str, other: &'static str) -> String {
        self.count_with(n, one, other, &crate::core::format::format_number(n as f64))
    }

    /// `number` (n as written by the caller) in the right form of a count's words.
    pub fn count_with(
        &self,
        n: usize,
        one: &'static str,
        other: &'static str,
        number: &str,
    ) -> String {
        fill(self.lang.plural(n, one, other), &[("n", number)])
    }
}

/// English.
pub static EN: Texts = Texts {
    lang: Lang::En,
    app: app::EN,
    explorer: explorer::EN,
    facets: facets::EN,
    entry: entry::EN,
    timeline: timeline::EN,
    charts: charts::EN,
    dates: dates::EN,
    errors: errors::EN,
    print: print::EN,
    reading: reading::EN,
    years: years::EN,
};

/// Simplified Chinese.
pub static ZH_HANS: Texts = Texts {
    lang: Lang::ZhHans,
    app: app::ZH_HANS,
    explorer: explorer::ZH_HANS,
    facets: facets::ZH_HANS,
    entry: entry::ZH_HANS,
    timeline: timeline::ZH_HANS,
    charts: charts::ZH_HANS,
    dates: dates::ZH_HANS,
    errors: errors::ZH_HANS,
    print: print::ZH_HANS,
    reading: reading::ZH_HANS,
    years: years::ZH_HANS,
};

/// Traditional Chinese.
pub static ZH_HANT: Texts = Texts {
    lang: Lang::ZhHant,
    app: app::ZH_HANT,
    explorer: explorer::ZH_HANT,
    facets: facets::ZH_HANT,
    entry: entry::ZH_HANT,
    timeline: timeline::ZH_HANT,
    charts: charts::ZH_HANT,
    dates: dates::ZH_HANT,
    errors: errors::ZH_HANT,
    print: print::ZH_HANT,
    reading: reading::ZH_HANT,
    years: years::ZH_HANT,
};
