//! Network I/O: fetches a report file with gloo-net and hands its text to the core loader.

use crate::core::load::{load_report, Loaded};
use crate::core::source::LoadFailure;
use gloo_net::http::Request;

/// Fetches `url` (relative to the page) and loads it as a report.
pub async fn fetch_report(url: &str) -> Result<Loaded, LoadFailure> {
    let response = Request::get(url)
        .send()
        .await
        .map_err(|e| LoadFailure::Network {
            url: url.to_owned(),
            message: e.to_string(),
        })?;
    if !response.ok() {
        return Err(LoadFailure::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(|e| LoadFailure::Network {
        url: url.to_owned(),
        message: e.to_string(),
    })?;
    load_report(&text).map_err(|error| LoadFailure::Load {
        url: url.to_owned(),
        error,
    })
}
