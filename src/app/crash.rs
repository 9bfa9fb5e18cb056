//! Crashes: a panic or a trap (including running out of memory) anywhere ends in an error
//! view with a reload button, drawn by `public/boot.js` because the wasm cannot run after it.
//!
//! The panic hook only records the panic's message for that view and logs it to the console.

use wasm_bindgen::JsValue;
use web_sys::js_sys::Reflect;

/// The global that carries a panic's message to `boot.js`.
const CRASH_MESSAGE: &str = "reportExplorerCrash";
/// A global a test page may set (never the URL) to make the app fail on purpose after a
/// report is shown: `"panic"` or `"trap"`.
const FAULT: &str = "reportExplorerFault";

/// Installs the panic hook: console message, then the message for the crash view.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(window) = web_sys::window() {
            let _ = Reflect::set(
                &window,
                &JsValue::from_str(CRASH_MESSAGE),
                &JsValue::from_str(&info.to_string()),
            );
        }
    }));
}

/// Fails on purpose when a test page asked for it (see [`FAULT`]).
pub fn injected_fault() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fault = Reflect::get(&window, &JsValue::from_str(FAULT))
        .ok()
        .and_then(|v| v.as_string());
    match fault.as_deref() {
        Some("panic") => panic!("fault injected by the page: panic"),
        #[cfg(target_arch = "wasm32")]
        Some("trap") => core::arch::wasm32::unreachable(),
        _ => {}
    }
}
