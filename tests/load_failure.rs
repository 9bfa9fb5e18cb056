//! The fault catalogue: every way fetching a report can fail, with its heading and exact
//! message (the same text the end-to-end tests in `tests/e2e/faults.test.mjs` find on the
//! page and `docs/embedding.md` lists), and the checks the fetch makes on a response.

use report_explorer::core::source::{is_blank, is_html, redirect_allowed, LoadFailure};

const URL: &str = "data/report.json";

fn shown(failure: &LoadFailure) -> (String, String) {
    (failure.heading(), failure.to_string())
}

#[test]
fn http_errors_name_the_status_and_what_to_do() {
    let http = |status, text: &str| LoadFailure::Http {
        url: URL.into(),
        status,
        status_text: text.into(),
    };
    assert_eq!(
        shown(&http(404, "Not Found")),
        (
            "The server answered HTTP 404".into(),
            "data/report.json: HTTP 404 Not Found. There is no file at this address; check the link."
                .into()
        )
    );
    assert_eq!(
        http(500, "Internal Server Error").to_string(),
        "data/report.json: HTTP 500 Internal Server Error. The server could not answer; try again in a moment."
    );
    assert_eq!(
        http(503, "").to_string(),
        "data/report.json: HTTP 503. The server could not answer; try again in a moment."
    );
    assert_eq!(
        http(403, "Forbidden").to_string(),
        "data/report.json: HTTP 403 Forbidden. The server refused access; you may need to sign in."
    );
    assert_eq!(
        http(418, "I'm a teapot").to_string(),
        "data/report.json: HTTP 418 I'm a teapot"
    );
}

#[test]
fn a_redirect_to_another_origin() {
    let blocked = LoadFailure::Redirected {
        url: URL.into(),
        to: None,
    };
    assert_eq!(
        shown(&blocked),
        (
            "The data address redirects to another origin".into(),
            "data/report.json: the server redirected the request to another origin; this page \
             loads data only from its own origin and those in `allowed_data_origins` in config.json."
                .into()
        )
    );
    let named = LoadFailure::Redirected {
        url: URL.into(),
        to: Some("https://login.example".into()),
    };
    assert_eq!(
        named.to_string(),
        "data/report.json: the server redirected the request to another origin, \
         `https://login.example`; this page loads data only from its own origin and those in \
         `allowed_data_origins` in config.json."
    );
}

#[test]
fn redirects_may_end_only_where_data_may_come_from() {
    let page = "http://127.0.0.1:8080";
    let allowed = vec!["https://data.example.com".to_owned()];
    assert!(redirect_allowed(
        "http://127.0.0.1:8080/data/v2.json",
        page,
        &allowed
    ));
    assert!(redirect_allowed(
        "https://data.example.com/x.json",
        page,
        &allowed
    ));
    assert!(!redirect_allowed(
        "http://127.0.0.1:8081/data/report.json",
        page,
        &allowed
    ));
    assert!(!redirect_allowed(
        "https://login.example/?next=x",
        page,
        &allowed
    ));
    assert!(!redirect_allowed("not a url", page, &allowed));
}

#[test]
fn a_stalled_download_says_how_long_and_how_far() {
    let stalled = |read, total| LoadFailure::Stalled {
        url: URL.into(),
        seconds: 30,
        read,
        total,
    };
    assert_eq!(
        shown(&stalled(65_536, Some(311_402))),
        (
            "The download stalled".into(),
            "data/report.json: no data arrived for 30 seconds after 65,536 of 311,402 bytes; the \
             server or the network stopped responding. Try again later."
                .into()
        )
    );
    assert_eq!(
        stalled(1_000, None).to_string(),
        "data/report.json: no data arrived for 30 seconds after 1,000 bytes; the server or the \
         network stopped responding. Try again later."
    );
    let before_headers = LoadFailure::Stalled {
        url: URL.into(),
        seconds: 1,
        read: 0,
        total: None,
    };
    assert_eq!(
        before_headers.to_string(),
        "data/report.json: no data arrived for 1 second; the server or the network stopped \
         responding. Try again later."
    );
}

#[test]
fn a_dropped_connection_says_how_far_it_got() {
    let cut = |total| LoadFailure::Interrupted {
        url: URL.into(),
        read: 65_536,
        total,
    };
    assert_eq!(
        shown(&cut(Some(311_402))),
        (
            "The download was cut off".into(),
            "data/report.json: the connection was closed after 65,536 of 311,402 bytes. Try \
             again; if it keeps happening, the server or a proxy is cutting the transfer short."
                .into()
        )
    );
    assert_eq!(
        cut(None).to_string(),
        "data/report.json: the connection was closed after 65,536 bytes. Try again; if it keeps \
         happening, the server or a proxy is cutting the transfer short."
    );
}

#[test]
fn an_html_page_and_an_empty_file() {
    assert_eq!(
        shown(&LoadFailure::HtmlPage { url: URL.into() }),
        (
            "The server sent a web page, not the report".into(),
            "data/report.json: the server returned an HTML page, not the report. It may be a \
             sign-in or error page: check the address, or sign in and try again."
                .into()
        )
    );
    assert_eq!(
        shown(&LoadFailure::Empty { url: URL.into() }),
        (
            "The report file is empty".into(),
            "data/report.json: the file is empty (the server sent no content).".into()
        )
    );
    assert!(is_html("text/html"));
    assert!(is_html("Text/HTML; charset=utf-8"));
    assert!(is_html("application/xhtml+xml"));
    assert!(!is_html("application/json"));
    assert!(!is_html("text/plain; charset=utf-8"));
    assert!(!is_html(""));
    assert!(is_blank(b""));
    assert!(is_blank(b" \r\n\t"));
    assert!(is_blank(b"\xEF\xBB\xBF\n"));
    assert!(!is_blank(b"{}"));
    assert!(!is_blank(b"\xEF\xBB\xBF{"));
}

#[test]
fn too_large_with_and_without_an_announced_size() {
    let announced = LoadFailure::TooLarge {
        url: URL.into(),
        bytes: Some(3_456_789),
        limit: 1_000_000,
    };
    assert_eq!(
        shown(&announced),
        (
            "The report file is too large".into(),
            "data/report.json is 3.5 MB or more; this page reads files up to 1 MB. Ask the \
             site's administrator to raise `max_data_mb` in config.json, or load a smaller report."
                .into()
        )
    );
    let streamed = LoadFailure::TooLarge {
        url: URL.into(),
        bytes: None,
        limit: 1_000_000,
    };
    assert_eq!(
        streamed.to_string(),
        "data/report.json is larger than 1 MB, the most this page reads. Ask the site's \
         administrator to raise `max_data_mb` in config.json, or load a smaller report."
    );
}

#[test]
fn a_failed_request_keeps_the_browser_s_words() {
    let offline = LoadFailure::Network {
        url: URL.into(),
        message: "Failed to fetch".into(),
    };
    assert_eq!(
        shown(&offline),
        (
            "The report could not be fetched".into(),
            "data/report.json: the request failed (Failed to fetch). Check the network \
             connection and try again."
                .into()
        )
    );
}

#[test]
fn details_leave_out_the_address() {
    assert_eq!(
        LoadFailure::Interrupted {
            url: "config.json".into(),
            read: 10,
            total: Some(40),
        }
        .detail(),
        "the connection was closed after 10 of 40 bytes. Try again; if it keeps happening, \
         the server or a proxy is cutting the transfer short."
    );
    assert_eq!(
        LoadFailure::Http {
            url: "config.json".into(),
            status: 500,
            status_text: "Internal Server Error".into(),
        }
        .detail(),
        "HTTP 500 Internal Server Error. The server could not answer; try again in a moment."
    );
}
