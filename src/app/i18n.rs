//! The interface language in the page: which one (`core::i18n::choose` on `?lang=`,
//! `config.json` and the browser's languages), `<html lang>`, numbers and dates written with
//! the browser's `Intl`, and the language picker.
//!
//! Views read their words with [`texts`] when they are built; a change of language rebuilds
//! the views below the explorer from the data already loaded (the selection is in the URL).

use crate::app::embed::use_update_query;
use crate::core::i18n::{Lang, Texts};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::js_sys::{self, Array, Reflect};

/// The interface language of the components below.
#[derive(Clone, Copy)]
pub struct UiLang(pub Signal<Lang>);

/// Makes `lang` the interface language of the components below, and keeps `<html lang>` on it.
pub fn provide_ui_lang(lang: Signal<Lang>) {
    provide_context(UiLang(lang));
    Effect::new(move |_| {
        let tag = lang.get().tag();
        if let Some(root) = document().document_element() {
            if root.get_attribute("lang").as_deref() != Some(tag) {
                let _ = root.set_attribute("lang", tag);
            }
        }
    });
}

/// The interface language (English outside the explorer).
pub fn ui_lang() -> Lang {
    use_context::<UiLang>()
        .map(|l| l.0.get_untracked())
        .unwrap_or_default()
}

/// The interface's words in the current language.
pub fn texts() -> &'static Texts {
    ui_lang().texts()
}

/// The browser's preferred languages (`navigator.languages`, else `navigator.language`).
pub fn browser_languages() -> Vec<String> {
    let Ok(navigator) = Reflect::get(&window(), &JsValue::from_str("navigator")) else {
        return Vec::new();
    };
    let list = Reflect::get(&navigator, &JsValue::from_str("languages"))
        .ok()
        .filter(|v| v.is_object())
        .map(|v| {
            Array::from(&v)
                .iter()
                .filter_map(|t| t.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if !list.is_empty() {
        return list;
    }
    Reflect::get(&navigator, &JsValue::from_str("language"))
        .ok()
        .and_then(|v| v.as_string())
        .into_iter()
        .collect()
}

/// The page address's `lang` parameter, read before the router runs.
pub fn url_lang() -> Option<String> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .map(str::to_owned)
}

/// `n` as the interface language writes it, by the browser's `Intl.NumberFormat`.
pub fn number(n: usize) -> String {
    let locales = Array::of1(&JsValue::from_str(ui_lang().tag()));
    let format = js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format();
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| crate::core::format::format_number(n as f64))
}

/// A count with its words in the interface language: `1 entry`, `12 个条目`.
pub fn count(n: usize, one: &'static str, other: &'static str) -> String {
    texts().count_with(n, one, other, &number(n))
}

/// Now, as `lang` writes a date and time, by `Intl.DateTimeFormat` (for printed and exported
/// dates people read; files keep ISO 8601).
pub fn now_for_people(lang: Lang) -> String {
    let locales = Array::of1(&JsValue::from_str(lang.tag()));
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::NULL, &js_sys::Date::new_0())
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// The language picker: English / 简体中文 / 繁體中文. A choice goes into the URL (`?lang=`),
/// which rebuilds the interface's words without reloading the report.
#[component]
pub fn LanguagePicker(
    /// A notice about an unsupported `?lang=`, if any.
    notice: Signal<Option<String>>,
) -> impl IntoView {
    let update = use_update_query();
    let current = ui_lang();
    let t = texts();
    view! {
        <div class="language-bar">
            <label class="language-picker">
                {t.app.language}" "
                <select
                    data-testid="language"
                    on:change=move |ev| {
                        let tag = event_target_value(&ev);
                        update.run((vec![("lang", Some(tag))], false));
                    }
                >
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.tag() lang=l.tag() selected=l == current>
                                    {l.name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            {move || {
                notice
                    .get()
                    .map(|n| view! { <p class="notice" role="status" data-testid="lang-notice">{n}</p> })
            }}
        </div>
    }
}

/// A facet value's label in the interface language: kinds and "undated" are the interface's
/// words; subsidiaries, categories and years stay as the core gives them.
pub fn value_label(facet: crate::core::query::Facet, token: &str, label: &str) -> String {
    use crate::core::query::Facet;
    let t = texts();
    match facet {
        Facet::Kind => crate::core::model::Kind::parse(token)
            .map_or_else(|| label.to_owned(), |k| k.label_in(t).to_owned()),
        Facet::Year if token == "undated" => t.facets.undated.to_owned(),
        _ => label.to_owned(),
    }
}
