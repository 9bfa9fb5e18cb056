//! Element size tracking with ResizeObserver, for views that lay out or draw to their width.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};

/// Returns a signal with the element's content width in CSS pixels, kept up to date.
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
        let callback = Closure::<dyn Fn(web_sys::js_sys::Array)>::new(
            move |entries: web_sys::js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                    let w = entry.content_rect().width().floor();
                    if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                        width.set(w);
                    }
                }
            },
        );
        if let Ok(observer) = ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(&el);
            on_cleanup(move || observer.disconnect());
        }
        callback.forget();
    });
    width
}
