//! Interface languages: every string present in every language (with Han characters in the
//! Chinese ones and the same placeholders everywhere), the choice of language, placeholders
//! and plurals, Chinese dates, Chinese search, and no English interface text in the views.
#![cfg(not(target_arch = "wasm32"))]

use report_explorer::core::date::DateSpec;
use report_explorer::core::i18n::{choose, fill, placeholders, Lang, Texts, EN, ZH_HANS, ZH_HANT};
use report_explorer::core::load::load_report;
use report_explorer::core::query::{Index, Selection};
use std::collections::BTreeSet;

/// Keys whose Chinese text is legitimately without Han characters.
const LATIN_KEYS: &[&str] = &[
    // `1 2 3 4` are the English quarters; the Chinese ones are 一二三四.
    "dates.quarters",
    // `{shown} / {total}`: numbers only.
    "explorer.count",
    // Simplified Chinese closes a quotation with `”`.
    "entry.chapter_close",
    "entry.section_close",
];

/// A Han character, or Chinese punctuation (`，`, `、`, `：`, `。`, `「」`).
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x3000..=0x303F | 0xFF01..=0xFF1F)
}

fn languages() -> [(&'static str, &'static Texts); 3] {
    [("en", &EN), ("zh-Hans", &ZH_HANS), ("zh-Hant", &ZH_HANT)]
}

#[test]
fn every_string_is_present_in_every_language() {
    let keys = |t: &Texts| t.all().into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert!(EN.all().len() > 150, "the walk sees every area");
    for (tag, texts) in languages() {
        assert_eq!(keys(texts), keys(&EN), "{tag} has the same keys");
        for (key, text) in texts.all() {
            assert!(!text.trim().is_empty(), "{tag} {key} is empty");
        }
        assert_eq!(texts.lang.tag(), tag);
        assert!(std::ptr::eq(texts.lang.texts(), texts));
    }
}

#[test]
fn chinese_strings_are_written_in_chinese() {
    for (tag, texts) in [("zh-Hans", &ZH_HANS), ("zh-Hant", &ZH_HANT)] {
        let latin: Vec<String> = texts
            .all()
            .into_iter()
            .filter(|(key, text)| !LATIN_KEYS.contains(&key.as_str()) && !text.chars().any(is_han))
            .map(|(key, text)| format!("{key}: {text:?}"))
            .collect();
        assert!(
            latin.is_empty(),
            "{tag} strings without Chinese: {latin:#?}"
        );
    }
}

#[test]
fn simplified_and_traditional_differ_where_the_characters_do() {
    let pairs: Vec<_> = ZH_HANS.all().into_iter().zip(ZH_HANT.all()).collect();
    let differ = pairs.iter().filter(|((_, s), (_, t))| s != t).count();
    assert!(
        differ * 2 > pairs.len(),
        "only {differ} of {} differ",
        pairs.len()
    );
    // Characters that only Simplified writes never appear in Traditional, and the reverse.
    for ((key, hant), (_, hans)) in ZH_HANT.all().into_iter().zip(ZH_HANS.all()) {
        for c in "这个选数据导时间结类关闭显项图".chars() {
            assert!(
                !hant.contains(c),
                "zh-Hant {key} has the simplified {c}: {hant}"
            );
        }
        for c in "這個選數據導時間結類關閉顯項圖".chars() {
            assert!(
                !hans.contains(c),
                "zh-Hans {key} has the traditional {c}: {hans}"
            );
        }
    }
}

#[test]
fn placeholders_are_the_same_in_every_language() {
    let set = |s: &str| {
        placeholders(s)
            .into_iter()
            .map(str::to_owned)
            .collect::<BTreeSet<_>>()
    };
    for ((key, en), ((_, hans), (_, hant))) in EN
        .all()
        .into_iter()
        .zip(ZH_HANS.all().into_iter().zip(ZH_HANT.all()))
    {
        assert_eq!(set(hans), set(en), "zh-Hans {key}");
        assert_eq!(set(hant), set(en), "zh-Hant {key}");
    }
}

#[test]
fn the_language_comes_from_the_url_then_the_configuration_then_the_browser() {
    let browser = |tags: &[&str]| tags.iter().map(|t| t.to_string()).collect::<Vec<_>>();
    // Tags as browsers and people write them.
    for (tag, lang) in [
        ("en", Lang::En),
        ("en-GB", Lang::En),
        ("EN-us", Lang::En),
        ("zh", Lang::ZhHans),
        ("zh-CN", Lang::ZhHans),
        ("zh-SG", Lang::ZhHans),
        ("zh-Hans", Lang::ZhHans),
        ("zh-hans-CN", Lang::ZhHans),
        ("zh-TW", Lang::ZhHant),
        ("zh-HK", Lang::ZhHant),
        ("zh-mo", Lang::ZhHant),
        ("zh-Hant", Lang::ZhHant),
        ("zh-Hant-HK", Lang::ZhHant),
        ("zh_TW", Lang::ZhHant),
    ] {
        assert_eq!(Lang::parse(tag), Some(lang), "{tag}");
    }
    for tag in ["fr", "", "ja-JP", "english"] {
        assert_eq!(Lang::parse(tag), None, "{tag}");
    }
    // The URL wins, then the configuration, then the browser's languages in order, then English.
    let zh_tw = browser(&["zh-TW", "en"]);
    assert_eq!(
        choose(Some("zh-Hans"), Some("en"), &zh_tw),
        (Lang::ZhHans, None)
    );
    assert_eq!(choose(None, Some("en"), &zh_tw), (Lang::En, None));
    assert_eq!(choose(None, None, &zh_tw), (Lang::ZhHant, None));
    assert_eq!(
        choose(None, None, &browser(&["fr", "de", "zh-CN"])),
        (Lang::ZhHans, None)
    );
    assert_eq!(choose(None, None, &browser(&["fr"])), (Lang::En, None));
    assert_eq!(choose(None, None, &[]), (Lang::En, None));
    // An unsupported value says so, naming the supported tags, and the choice falls through.
    let (lang, notice) = choose(Some("fr"), Some("zh-HK"), &[]);
    assert_eq!(lang, Lang::ZhHant);
    let notice = notice.expect("a notice");
    assert!(
        notice.contains("fr") && notice.contains("en, zh-Hans, zh-Hant"),
        "{notice}"
    );
    assert!(
        notice.contains("已略過"),
        "the notice speaks the language chosen: {notice}"
    );
    let (lang, notice) = choose(Some("xx"), None, &browser(&["en-US"]));
    assert_eq!(lang, Lang::En);
    assert_eq!(
        notice.as_deref(),
        Some("Ignored ?lang= `xx`: the interface speaks en, zh-Hans, zh-Hant.")
    );
}

#[test]
fn placeholders_are_filled_and_counts_take_their_language_s_form() {
    assert_eq!(
        fill("{shown} of {total}", &[("shown", "3"), ("total", "9")]),
        "3 of 9"
    );
    assert_eq!(
        fill("{a}{a} {b}", &[("a", "x")]),
        "xx {b}",
        "an unknown name stays"
    );
    assert_eq!(fill("{unclosed", &[]), "{unclosed");
    let e = |t: &Texts| (t.explorer.entries_one, t.explorer.entries_other);
    let count = |t: &Texts, n| t.count(n, e(t).0, e(t).1);
    assert_eq!(count(&EN, 1), "1 entry");
    assert_eq!(count(&EN, 0), "0 entries");
    assert_eq!(count(&EN, 12_345), "12,345 entries");
    assert_eq!(count(&ZH_HANS, 1), "1 个条目");
    assert_eq!(count(&ZH_HANT, 2), "2 個條目");
    assert_eq!(
        Lang::ZhHans.plural(1, "one", "other"),
        "other",
        "Chinese has no plural forms"
    );
    assert_eq!(Lang::En.plural(1, "one", "other"), "one");
    // Kinds: English keeps `KPI`; Chinese counts with its own words.
    use report_explorer::core::model::Kind;
    assert_eq!(Kind::Kpi.count_in(3, &EN), Kind::Kpi.count(3));
    assert_eq!(Kind::Award.count_in(1, &EN), "1 award");
    assert_eq!(Kind::Award.count_in(2, &ZH_HANT), "2 個獎項");
    assert_eq!(Kind::Award.label_in(&ZH_HANS), "奖项");
}

#[test]
fn dates_are_written_in_the_interface_language() {
    let text = |s: &str, t: &Texts| DateSpec::parse(s).expect(s).text(&t.dates);
    for (date, en, hans, hant) in [
        ("2019", "2019", "2019年", "2019年"),
        ("2019-05", "May 2019", "2019年5月", "2019年5月"),
        (
            "2019-05-21",
            "21 May 2019",
            "2019年5月21日",
            "2019年5月21日",
        ),
        ("2019-Q3", "Q3 2019", "2019年第三季度", "2019年第三季"),
        ("FY2019", "FY2019", "2019财年", "2019財年"),
        (
            "FY2019-Q1",
            "Q1 FY2019",
            "2019财年第一季度",
            "2019財年第一季",
        ),
        ("2018/2019", "2018–2019", "2018年至2019年", "2018年至2019年"),
        ("2017/..", "since 2017", "2017年起", "2017年起"),
        ("../2025", "until 2025", "截至2025年", "截至2025年"),
    ] {
        assert_eq!(text(date, &EN), en, "{date}");
        // English is exactly what the dates wrote before there were languages.
        assert_eq!(DateSpec::parse(date).unwrap().to_string(), en, "{date}");
        assert_eq!(text(date, &ZH_HANS), hans, "{date}");
        assert_eq!(text(date, &ZH_HANT), hant, "{date}");
    }
}

#[test]
fn timeline_ticks_are_written_in_the_interface_language() {
    use report_explorer::core::timeline::tick_in;
    for (tick, hans) in [
        ("2019", "2019"),
        ("Jan 2019", "2019年1月"),
        ("Feb", "2月"),
        ("Dec", "12月"),
    ] {
        assert_eq!(tick_in(tick, &EN.dates), tick, "English is unchanged");
        assert_eq!(tick_in(tick, &ZH_HANS.dates), hans);
    }
    use report_explorer::core::timeline::{span_label, span_label_in};
    // Days since 1970-01-01: 2015-03-01 is 16495, 2015-07-01 is 16617.
    assert_eq!(
        span_label_in(16495.0, 16617.0, &EN),
        span_label(16495.0, 16617.0)
    );
    assert_eq!(span_label(16495.0, 16617.0), "Mar–Jun 2015");
    assert_eq!(
        span_label_in(16495.0, 16617.0, &ZH_HANT),
        "2015年3月至2015年6月"
    );
    assert_eq!(span_label_in(16495.0, 16496.0, &ZH_HANS), "2015年3月1日");
}

#[test]
fn interface_words_in_the_core_follow_the_language() {
    use report_explorer::core::progress::Progress;
    use report_explorer::core::query::{Facet, Sort, View};
    assert_eq!(
        Progress::Validating(2500, 10_000).label_in(&EN),
        Progress::Validating(2500, 10_000).label()
    );
    assert_eq!(
        Progress::Validating(2500, 10_000).label_in(&ZH_HANS),
        "正在检查条目：2,500 / 10,000"
    );
    assert_eq!(Progress::Requesting.label_in(&ZH_HANT), "正在載入報告…");
    for s in Sort::ALL {
        assert_eq!(s.label_in(&EN), s.label());
    }
    for v in View::ALL {
        assert_eq!(v.label_in(&EN), v.label());
    }
    for f in Facet::ALL {
        assert_eq!(f.label_in(&EN), f.label());
    }
    assert_eq!(View::Timeline.label_in(&ZH_HANT), "時間軸");
    assert_eq!(Facet::Subsidiary.label_in(&ZH_HANT), "附屬公司");
    assert_eq!(Facet::Category.label_in(&ZH_HANT), "類別");
    let page = report_explorer::core::paging::Page::of(2, 120, 50);
    assert_eq!(page.describe_in(120, &EN), page.describe(120));
    assert_eq!(
        page.describe_in(120, &ZH_HANS),
        "显示第 51–100 个，共 120 个"
    );
}

#[test]
fn export_provenance_and_chart_tables_speak_the_language() {
    use report_explorer::core::charts::{coverage_data, table, table_in, Chart, Scope};
    use report_explorer::core::export::Provenance;
    let report = load_report(include_str!("e2e/fixtures/zh.json"))
        .unwrap()
        .report;
    let sel = Selection::default();
    let p = Provenance::new(&report, "data/zh.json", &sel, "2026-01-01T00:00:00Z", "1.0");
    let english = p.lines();
    assert!(english[0].starts_with("Dataset: "), "{english:?}");
    let zh = p.clone().with_texts(&ZH_HANT).lines();
    assert_eq!(zh[0], "數據集：示例控股2021年可持續發展報告");
    assert_eq!(zh[4], "篩選條件：無");
    assert!(p.with_texts(&ZH_HANS).caption().starts_with("来源："));

    let index = Index::new(&report);
    let hits = index.search("");
    let data = coverage_data(&Scope::new(&report, &index, &sel, &hits));
    let en = table(Chart::Coverage(&data));
    assert_eq!(en.headers.first().map(String::as_str), Some("Subsidiary"));
    assert_eq!(en.headers.last().map(String::as_str), Some("Total"));
    let hant = table_in(Chart::Coverage(&data), &ZH_HANT);
    assert_eq!(hant.headers.first().map(String::as_str), Some("附屬公司"));
    assert_eq!(hant.headers.last().map(String::as_str), Some("合計"));
    assert_eq!(hant.rows, en.rows, "only the words change");
}

#[test]
fn search_finds_chinese_text_without_spaces() {
    let report = load_report(include_str!("e2e/fixtures/zh.json"))
        .unwrap()
        .report;
    let index = Index::new(&report);
    for (query, ids) in [
        ("綠色", vec!["green-loan"]),
        ("太陽能", vec!["solar-award"]),
        // Words inside a longer run of characters, and two words at once.
        ("信貸", vec!["green-loan"]),
        ("社區 清潔", vec!["volunteers"]),
        ("示例能源", vec!["solar-award"]),
        ("月球", vec![]),
    ] {
        let sel = Selection {
            query: query.into(),
            ..Selection::default()
        };
        let res = index.query(&sel, &index.search(query));
        let got: Vec<&str> = res
            .entries
            .iter()
            .map(|&i| report.entries[i].id.as_str())
            .collect();
        assert_eq!(got, ids, "{query}");
    }
}

/// View code must take its words from `core::i18n`: no English text node, `aria-label`,
/// `title`, `placeholder` or `label=` literal in `src/app/*.rs`.
#[test]
fn views_hold_no_english_interface_text() {
    // Literals that are not interface words (code, names, symbols), by file.
    const ALLOWED: &[(&str, &str)] = &[
        ("error_view.rs", "\"report-data check FILE\""),
        (
            "error_view.rs",
            "\"cargo run -p report-data -- check FILE\"",
        ),
        (
            "error_view.rs",
            "\"cargo install --path tools/report-data\"",
        ),
        ("error_view.rs", "\"JSON Schema\""),
        ("explorer.rs", "\"CSV\""),
        ("explorer.rs", "\"JSON\""),
        ("trends.rs", "\"CSV\""),
        // The reason of a load a newer one replaced: never shown, the newer load is.
        ("transfer.rs", "\"the load was replaced by another one\""),
        ("charts.rs", "\"PNG\""),
        ("charts.rs", "\"SVG\""),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "i18n.rs" || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for literal in interface_literals(code) {
                if !ALLOWED.contains(&(name.as_str(), literal.as_str())) {
                    found.push(format!("{name}:{}: {literal}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "English interface text in views: {found:#?}"
    );
}

/// String literals on a line that read as interface words: on a `view!` line a text node (a
/// literal standing alone between tags or braces) or the value of `aria-label`, `title`,
/// `placeholder` or `label`; anywhere the value of a `&str` constant (`pub const X: &str =
/// "…"`, the English a `text` module would hold); each with a run of three or more letters.
fn interface_literals(line: &str) -> Vec<String> {
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3)
    };
    let mut out = Vec::new();
    let bytes: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != '"' {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] != '"' {
            if bytes[j] == '\\' {
                j += 1;
            }
            j += 1;
        }
        if j >= bytes.len() {
            break;
        }
        let literal: String = bytes[start..=j].iter().collect();
        let before: String = bytes[..start].iter().collect();
        let before = before.trim_end();
        let after: String = bytes[j + 1..].iter().collect();
        let after = after.trim_start();
        let attribute = ["aria-label=", "title=", "placeholder=", "label="]
            .iter()
            .any(|a| before.ends_with(a));
        // A string constant: `const NAME: &str = "…"`, `pub` or not.
        let constant = before.ends_with('=')
            && before
                .split_whitespace()
                .any(|w| w == "const" || w == "static")
            && (before.contains("&str") || before.contains("&'static str"));
        // A text node: the whole line is the literal, or it sits between `>` and `<`.
        let text_node = (before.is_empty() && (after.is_empty() || after.starts_with('<')))
            || (before.ends_with('>') && after.starts_with('<'));
        let value = &literal[1..literal.len() - 1];
        // A constant holding a name (`catalogue.json`, `print-document`, `reportExplorerCrash`)
        // rather than words.
        let name = !value.contains(' ')
            && (value.contains(['.', '-', '_', '/', ':'])
                || value
                    .chars()
                    .zip(value.chars().skip(1))
                    .any(|(a, b)| a.is_lowercase() && b.is_uppercase()));
        if (attribute || text_node || (constant && !name)) && words(&literal[1..literal.len() - 1])
        {
            out.push(literal);
        }
        i = j + 1;
    }
    out
}

#[test]
fn the_scan_finds_english_in_views() {
    assert_eq!(
        interface_literals(r#"<h2 class="x">"Filters"</h2>"#),
        ["\"Filters\""]
    );
    assert_eq!(
        interface_literals(r#"                "Clear all""#),
        ["\"Clear all\""]
    );
    assert_eq!(
        interface_literals(r#"<nav aria-label="Result pages">"#),
        ["\"Result pages\""]
    );
    assert_eq!(
        interface_literals(r#"title="Select every subsidiary""#),
        ["\"Select every subsidiary\""]
    );
    assert!(interface_literals(r#"<p class="loading" data-testid="loading">"#).is_empty());
    assert!(interface_literals(r#"<span aria-hidden="true">" ×"</span>"#).is_empty());
    assert!(interface_literals(r#"                ", ""#).is_empty());
    // A `text` module's constants hold English too.
    assert_eq!(
        interface_literals(r#"    pub const HEADING: &str = "Compare two reports";"#),
        ["\"Compare two reports\""]
    );
    assert_eq!(
        interface_literals(r#"const NONE: &'static str = "No series matches.";"#),
        ["\"No series matches.\""]
    );
    assert!(interface_literals(r#"pub const PARAMS: [&str; 2] = ["a", "b"];"#).is_empty());
    assert!(interface_literals(r#"const FAULT: &str = "reportExplorerFault";"#).is_empty());
    assert!(interface_literals(r#"pub const PATH: &str = "catalogue.json";"#).is_empty());
    assert_eq!(
        interface_literals(r#"    pub const SECTION: &str = "Trends";"#),
        ["\"Trends\""]
    );
}

#[test]
fn network_and_server_failures_are_told_in_the_interface_language() {
    use report_explorer::core::source::LoadFailure;
    let url = || "data/report.json".to_owned();
    let failures = [
        LoadFailure::Network {
            url: url(),
            message: "TypeError: Failed to fetch".into(),
        },
        LoadFailure::Http {
            url: url(),
            status: 404,
            status_text: "Not Found".into(),
        },
        LoadFailure::Http {
            url: url(),
            status: 503,
            status_text: String::new(),
        },
        LoadFailure::Http {
            url: url(),
            status: 418,
            status_text: String::new(),
        },
        LoadFailure::Redirected {
            url: url(),
            to: Some("https://elsewhere.example".into()),
        },
        LoadFailure::Redirected {
            url: url(),
            to: None,
        },
        LoadFailure::Stalled {
            url: url(),
            seconds: 1,
            read: 0,
            total: None,
        },
        LoadFailure::Stalled {
            url: url(),
            seconds: 30,
            read: 1200,
            total: Some(5000),
        },
        LoadFailure::Stalled {
            url: url(),
            seconds: 30,
            read: 1200,
            total: None,
        },
        LoadFailure::Interrupted {
            url: url(),
            read: 1200,
            total: Some(5000),
        },
        LoadFailure::Interrupted {
            url: url(),
            read: 1200,
            total: None,
        },
        LoadFailure::HtmlPage { url: url() },
        LoadFailure::Empty { url: url() },
        LoadFailure::TooLarge {
            url: url(),
            bytes: Some(250_000_000),
            limit: 200_000_000,
        },
        LoadFailure::TooLarge {
            url: url(),
            bytes: None,
            limit: 200_000_000,
        },
    ];
    for failure in &failures {
        // English is exactly the message as it was.
        assert_eq!(
            failure.message_in(&EN).as_deref(),
            Some(failure.to_string().as_str())
        );
        for t in [&ZH_HANS, &ZH_HANT] {
            let zh = failure.message_in(t).expect("translated");
            assert!(zh.starts_with("data/report.json"), "{zh}");
            assert!(zh.chars().any(is_han), "{zh}");
        }
    }
    assert_eq!(
        failures[7].message_in(&ZH_HANT).unwrap(),
        "data/report.json：30 秒內沒有收到數據（已收到 5,000 位元組中的 1,200 位元組）；伺服器或網絡已停止回應。請稍後重試。"
    );
    let refused = LoadFailure::BadPath {
        path: "x".into(),
        reason: "no".into(),
    };
    assert_eq!(
        refused.message_in(&ZH_HANS),
        None,
        "a refused address stays English"
    );
}

#[test]
fn url_notices_speak_the_interface_language() {
    use report_explorer::core::i18n::Lang;
    use report_explorer::core::load::load_report;
    use report_explorer::core::query::Index;
    use report_explorer::core::url_state::{decode, decode_in};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/public/data/report.json"
    ))
    .unwrap();
    let index = Index::new(&load_report(&text).unwrap().report);
    let get = |k: &str| match k {
        "sort" => Some("sideways".to_owned()),
        "sub" => Some("nobody".to_owned()),
        "page" => Some("0".to_owned()),
        "entry" => Some("nothing-here".to_owned()),
        _ => None,
    };
    let (_, english) = decode(get, &index);
    assert_eq!(
        english,
        [
            "Ignored sub `nobody`: no such subsidiary in this report.",
            "Ignored sort `sideways`: expected one of relevance, newest, oldest, title.",
            "Ignored entry `nothing-here`: no such entry in this report.",
            "Ignored page `0`: expected a page number from 1.",
        ]
    );
    let (_, hant) = decode_in(get, &index, Lang::ZhHant.texts());
    assert_eq!(
        hant,
        [
            "已忽略 sub「nobody」：此報告中沒有這個附屬公司。",
            "已忽略 sort「sideways」：應為以下之一：relevance, newest, oldest, title。",
            "已忽略 entry「nothing-here」：此報告中沒有這個條目。",
            "已忽略 page「0」：應為從 1 起的頁碼。",
        ]
    );
    let (_, hans) = decode_in(get, &index, Lang::ZhHans.texts());
    assert_eq!(hans[0], "已忽略 sub「nobody」：此报告中没有这个子公司。");
}
