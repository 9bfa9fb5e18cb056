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
    Url::revoke_object_url(&url).map_err(|e| format!("{e:?}"))?;
    Ok(())
}

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
    let callback = Closure::once(move |blob: Option<Blob>| {
        if let Some(blob) = blob {
            let _ = save(&blob, &filename);
        }
    });
    canvas
        .to_blob(callback.as_ref().unchecked_ref())
        .map_err(|e| format!("{e:?}"))?;
    callback.forget();
    Ok(())
}
