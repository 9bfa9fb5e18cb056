//! Browser listeners and observers owned by the reactive scope that made them: each is
//! removed, and its closure freed, when that scope is cleaned up.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, ResizeObserver};

thread_local! {
    static LIVE: Cell<usize> = const { Cell::new(0) };
}

/// How many listeners and observers made here are still attached (for tests: mounting
/// and disposing a view must bring it back to where it was).
pub fn live() -> usize {
    LIVE.with(Cell::get)
}

/// Counts itself live from creation to drop.
struct Counted;

impl Counted {
    fn new() -> Self {
        LIVE.with(|n| n.set(n.get() + 1));
        Counted
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        LIVE.with(|n| n.set(n.get() - 1));
    }
}

/// Calls `handler` for each `event` on `target` until the current scope is cleaned up.
pub fn listen<E>(target: &EventTarget, event: &'static str, handler: impl FnMut(E) + 'static)
where
    E: FromWasmAbi + 'static,
{
    let closure = Closure::<dyn FnMut(E)>::new(handler);
    if target
        .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    let held = SendWrapper::new((target.clone(), closure, Counted::new()));
    on_cleanup(move || {
        let (target, closure, counted) = held.take();
        let _ = target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        drop((closure, counted));
    });
}

/// Calls `handler` with the entries of a `ResizeObserver` watching `element`, until the
/// current scope is cleaned up.
pub fn observe_resize(element: &Element, handler: impl FnMut(web_sys::js_sys::Array) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::js_sys::Array)>::new(handler);
    let Ok(observer) = ResizeObserver::new(closure.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    let held = SendWrapper::new((observer, closure, Counted::new()));
    on_cleanup(move || {
        let (observer, closure, counted) = held.take();
        observer.disconnect();
        drop((closure, counted));
    });
}
