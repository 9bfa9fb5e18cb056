//! Browser downloads: text as a file, and a canvas as PNG, through blob URLs.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// Saves `blob` as `filename` by clicking a temporary link to a blob URL.
fn save(blob: &Blob, filename: &str) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    a.remove();
    // The browser may start reading the blob after `click()` returns; revoking at once
    // can lose the download, so the URL is released a minute later.
    let window = web_sys::window().ok_or("no window")?;
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            revoke.unchecked_ref(),
            REVOKE_AFTER_MS,
        )
        .map_err(|e| format!("{e:?}"))?;
    Ok(())
}

/// How long a download's blob URL stays valid, in milliseconds.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Offers `text` as a download named `filename` with the given MIME type.
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys_array(text);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    save(&blob, filename)
}

fn js_sys_array(text: &str) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(text));
    array.into()
}

/// Offers the canvas's current picture as a PNG download.
pub fn download_canvas_png(canvas: &HtmlCanvasElement, filename: &str) -> Result<(), String> {
    let filename = filename.to_owned();
    // Freed by the browser once called.
    let callback = Closure::once_into_js(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            let _ = save(&blob, &filename);
        }
    });
    canvas
        .to_blob(callback.unchecked_ref())
        .map_err(|e| format!("{e:?}"))?;
    Ok(())
}
