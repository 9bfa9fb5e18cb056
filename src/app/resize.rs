//! Element size tracking with ResizeObserver, for views that lay out or draw to their width.

use crate::app::listen::observe_resize;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserverEntry};

/// Returns a signal with the element's content width in CSS pixels, kept up to date
/// while the calling scope lives (the observer is removed on cleanup).
pub fn use_width<E>(node: NodeRef<E>, initial: f64) -> RwSignal<f64>
where
    E: leptos::html::ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let width = RwSignal::new(initial);
    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        let el: Element = el.unchecked_into();
        let rect = el.get_bounding_client_rect();
        if rect.width() > 0.0 {
            width.set(rect.width().floor());
        }
        observe_resize(&el, move |entries: web_sys::js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                let w = entry.content_rect().width().floor();
                if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                    width.set(w);
                }
            }
        });
    });
    width
}
