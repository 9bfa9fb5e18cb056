//! Reads one file over the network with the checks every load makes (HTTP status, a redirect
//! to another origin, an HTML page, an empty body, the size limit, a stall, a dropped
//! connection), each ending in its own `LoadFailure`; the body is read in chunks with progress.
//! Requests and responses are gloo-net's; the browser's `fetch` sends them.

use crate::core::config::origin_of_url;
use crate::core::source::{is_blank, is_html, redirect_allowed, LoadFailure};
use gloo_net::http::{Request, Response};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Array, Object, Promise, Reflect, Uint8Array};

/// One file to read and the limits on reading it.
pub struct Transfer<'a> {
    /// The address, relative to the page or on an allowed data origin.
    pub url: &'a str,
    /// The most bytes read; a larger file is refused.
    pub limit: u64,
    /// Seconds the transfer may go without receiving anything (headers or body bytes).
    pub stall_seconds: u32,
    /// Other origins a redirect may lead to (the page's own origin always may).
    pub allowed_origins: &'a [String],
    /// Bypass the browser's cache (`cache: "no-store"`): for a retry, which must neither get
    /// a stored answer nor wait behind an earlier request for the same file that never ended.
    pub fresh: bool,
}

/// The message of a load given up because a newer one replaced it (never shown).
const REPLACED: &str = "the load was replaced by another one";

/// How a wait with a time limit ended.
enum Waited {
    /// The promise resolved with this value.
    Done(JsValue),
    /// The promise rejected with this error.
    Failed(JsValue),
    /// The time ran out first.
    TimedOut,
}

/// Waits for `promise`, at most `ms` milliseconds.
async fn within(promise: Promise, ms: i32) -> Waited {
    let Some(window) = web_sys::window() else {
        return match JsFuture::from(promise).await {
            Ok(value) => Waited::Done(value),
            Err(error) => Waited::Failed(error),
        };
    };
    let marker = Object::new();
    let mut handle = None;
    let timer = Promise::new(&mut |resolve, _| {
        handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_1(&resolve, ms, &marker)
            .ok();
    });
    let outcome = JsFuture::from(Promise::race(&Array::of2(&promise, &timer))).await;
    if let Some(handle) = handle {
        window.clear_timeout_with_handle(handle);
    }
    match outcome {
        Ok(value) if Object::is(&value, &marker) => Waited::TimedOut,
        Ok(value) => Waited::Done(value),
        Err(error) => Waited::Failed(error),
    }
}

impl Transfer<'_> {
    /// Reads the whole body. `on_progress` gets the bytes read and the announced size (none
    /// when the server did not say, or compressed the body); `current` says whether the
    /// transfer is still wanted (when it turns false the request is aborted).
    pub async fn read(
        &self,
        on_progress: &dyn Fn(u64, Option<u64>),
        current: &dyn Fn() -> bool,
    ) -> Result<Vec<u8>, LoadFailure> {
        let url = self.url.to_owned();
        let network = |message: String| LoadFailure::Network {
            url: url.clone(),
            message,
        };
        let Some(window) = web_sys::window() else {
            return Err(network("there is no browser window".to_owned()));
        };
        let stall_ms = i32::try_from(u64::from(self.stall_seconds) * 1000).unwrap_or(i32::MAX);
        let stalled = |read: u64, total: Option<u64>| LoadFailure::Stalled {
            url: url.clone(),
            seconds: self.stall_seconds,
            read,
            total,
        };
        let controller = web_sys::AbortController::new().ok();
        let abort = || {
            if let Some(c) = &controller {
                c.abort();
            }
        };
        let signal = controller.as_ref().map(|c| c.signal());
        let mut request = Request::get(self.url).abort_signal(signal.as_ref());
        if self.fresh {
            request = request.cache(web_sys::RequestCache::NoStore);
        }
        let request: web_sys::Request = match request.build() {
            Ok(request) => request.into(),
            Err(error) => return Err(network(error.to_string())),
        };
        // Sent through the window's `fetch` rather than gloo's `send`, so that waiting for
        // the answer can be raced against the stall timer.
        let response: Response = match within(window.fetch_with_request(&request), stall_ms).await {
            Waited::Done(response) => {
                Response::from(response.unchecked_into::<web_sys::Response>())
            }
            Waited::TimedOut => {
                abort();
                return Err(stalled(0, None));
            }
            Waited::Failed(_) if !current() => return Err(network(REPLACED.to_owned())),
            Waited::Failed(error) => {
                // A redirect the browser refused (another origin under the page's CSP, or
                // without CORS) fails like an offline network; ask again without following.
                return Err(if redirects(self.url).await {
                    LoadFailure::Redirected {
                        url: url.clone(),
                        to: None,
                    }
                } else {
                    network(js_message(&error))
                });
            }
        };
        let refuse = |failure: LoadFailure| {
            abort();
            Err(failure)
        };
        if !current() {
            return refuse(network(REPLACED.to_owned()));
        }
        let page_origin = window.location().origin().unwrap_or_default();
        if response.redirected()
            && !redirect_allowed(&response.url(), &page_origin, self.allowed_origins)
        {
            return refuse(LoadFailure::Redirected {
                url: url.clone(),
                to: origin_of_url(&response.url()),
            });
        }
        if !response.ok() {
            return refuse(LoadFailure::Http {
                url: url.clone(),
                status: response.status(),
                status_text: response.status_text(),
            });
        }
        let headers = response.headers();
        let header = |name: &str| headers.get(name);
        if header("content-type").is_some_and(|t| is_html(&t)) {
            return refuse(LoadFailure::HtmlPage { url: url.clone() });
        }
        let length = header("content-length").and_then(|v| v.trim().parse::<u64>().ok());
        // A compressed length is smaller than the text, so it may only be used for the limit.
        let encoded =
            header("content-encoding").is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        if let Some(length) = length.filter(|l| *l > self.limit) {
            return refuse(LoadFailure::TooLarge {
                url: url.clone(),
                bytes: Some(length),
                limit: self.limit,
            });
        }
        let total = length.filter(|_| !encoded);
        on_progress(0, total);

        let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0) as usize);
        if let Some(body) = response.body() {
            let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
            let stop = |failure: LoadFailure| {
                // On a stream that already failed this rejects: handled, so not an uncaught error.
                let cancelled = reader.cancel();
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(cancelled).await;
                });
                abort();
                Err(failure)
            };
            loop {
                let read = bytes.len() as u64;
                let chunk = match within(reader.read(), stall_ms).await {
                    Waited::Done(chunk) => chunk,
                    Waited::TimedOut => return stop(stalled(read, total)),
                    Waited::Failed(_) if !current() => return stop(network(REPLACED.to_owned())),
                    Waited::Failed(_) => {
                        return stop(LoadFailure::Interrupted {
                            url: url.clone(),
                            read,
                            total,
                        })
                    }
                };
                if !current() {
                    return stop(network(REPLACED.to_owned()));
                }
                let done = Reflect::get(&chunk, &JsValue::from_str("done"))
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true);
                if done {
                    break;
                }
                let value = Reflect::get(&chunk, &JsValue::from_str("value"))
                    .map_err(|e| network(js_message(&e)))?;
                let array = Uint8Array::new(&value);
                let start = bytes.len();
                let read = start as u64 + u64::from(array.length());
                if read > self.limit {
                    return stop(LoadFailure::TooLarge {
                        url: url.clone(),
                        bytes: None,
                        limit: self.limit,
                    });
                }
                bytes.resize(read as usize, 0);
                array.copy_to(&mut bytes[start..]);
                on_progress(read, total);
            }
        }
        let read = bytes.len() as u64;
        if total.is_some_and(|t| read < t) {
            return Err(LoadFailure::Interrupted { url, read, total });
        }
        if is_blank(&bytes) {
            return Err(LoadFailure::Empty { url });
        }
        Ok(bytes)
    }
}

/// Whether `url` answers with a redirect, asked without following it (so nothing is
/// requested from wherever it leads).
async fn redirects(url: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(request) = Request::get(url)
        .redirect(web_sys::RequestRedirect::Manual)
        .cache(web_sys::RequestCache::NoStore)
        .build()
    else {
        return false;
    };
    let request: web_sys::Request = request.into();
    match within(window.fetch_with_request(&request), 5_000).await {
        Waited::Done(response) => {
            let response: web_sys::Response = response.unchecked_into();
            response.type_() == web_sys::ResponseType::Opaqueredirect
        }
        _ => false,
    }
}

/// A JavaScript error's message.
pub fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<web_sys::js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the connection failed".to_owned())
}
