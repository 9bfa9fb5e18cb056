//! Where report data comes from: the data-file path rule and the ways loading it can fail.

use crate::core::config::origin_of_url;
use crate::core::format::{count_noun, format_number};
use crate::core::load::LoadError;
use crate::core::problem::Problem;
use std::fmt;

/// The data file loaded when the URL names none, relative to the page.
pub const DEFAULT_DATA_PATH: &str = "data/report.json";

/// Longest `?data=` value accepted, in characters: longer ones are refused, not cut.
pub const MAX_DATA_PATH_CHARS: usize = 2048;

/// A URL reference as the browser's URL parser resolved it against the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedUrl {
    /// The absolute URL.
    pub href: String,
    /// Its origin as the URL standard serialises it (`https://host:port`, or `null`).
    pub origin: String,
}

/// Resolves URL references against the page's address exactly as `fetch` will: the
/// browser's own URL parser in the app, a WHATWG parser in native tests.
pub trait UrlResolver {
    /// Resolves `reference` against the page's base URL; `None` when it is not a URL.
    fn resolve(&self, reference: &str) -> Option<ResolvedUrl>;
    /// The page's own origin.
    fn page_origin(&self) -> String;
}

/// Checks a `?data=` value by its text alone: a same-origin path (relative like
/// `data/x.json` or absolute like `/reports/x.json`), never another origin or scheme.
/// [`data_url`] adds the check that counts, against the browser's URL parser.
pub fn data_path(param: Option<&str>) -> Result<String, LoadFailure> {
    data_path_allowing(param, &[])
}

/// Like [`data_path`], but an `http(s)` URL is also accepted when its origin
/// is in `allowed_origins` (normalised origins from `allowed_data_origins` in config.json).
pub fn data_path_allowing(
    param: Option<&str>,
    allowed_origins: &[String],
) -> Result<String, LoadFailure> {
    let Some(raw) = param.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(DEFAULT_DATA_PATH.to_owned());
    };
    let refuse = |why: &str| LoadFailure::BadPath {
        path: shorten(raw),
        reason: why.to_owned(),
    };
    let length = raw.chars().count();
    if length > MAX_DATA_PATH_CHARS {
        return Err(refuse(&format!(
            "it is {length} characters long; addresses of up to {MAX_DATA_PATH_CHARS} are read"
        )));
    }
    // Browsers drop tabs and line breaks inside URLs (`java\nscript:` is `javascript:`),
    // so none is let through to the parser.
    if raw.chars().any(|c| c.is_control()) {
        return Err(refuse("it contains control characters"));
    }
    let lower = raw.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return match origin_of_url(raw) {
            Some(origin) if allowed_origins.contains(&origin) => Ok(raw.to_owned()),
            Some(origin) => Err(refuse(&format!(
                "it names another origin, `{origin}`, which is not in `allowed_data_origins` in config.json"
            ))),
            None => Err(refuse("it is not a valid URL")),
        };
    }
    if raw.starts_with("//") {
        return Err(refuse("it names another host"));
    }
    // Browsers read `\` as `/` in http(s) URLs, so `\/evil.example` is `//evil.example`.
    if raw.contains('\\') {
        return Err(refuse(
            "it contains a backslash, which browsers read as `/`; write paths with `/`",
        ));
    }
    if let Some(colon) = raw.find(':') {
        let before = &raw[..colon];
        if !before.contains('/') && !before.contains('?') && !before.contains('#') {
            return Err(refuse(
                "it names a scheme; only same-origin paths are loaded",
            ));
        }
    }
    Ok(raw.to_owned())
}

/// What `report.text` must be, for its messages.
const TEXT_PATH: &str =
    "a path relative to the report file, like `chapter.txt` or `text/chapter.txt`";

/// Checks `report.text`: [`data_path`]'s rules (no other origin or scheme, no `//`, no
/// backslash, no control characters), and also relative (no leading `/`) with no `..`
/// segment, so it stays beside or below the report file. A refused path is a warning at
/// `report.text`: the report loads without its text.
pub fn text_path(raw: &str) -> Result<String, Problem> {
    text_refusal(raw).map_or(Ok(raw.to_owned()), |why| {
        Err(Problem::warning(
            "report.text",
            format!("`{}` is ignored: {why}", shorten(raw)),
        )
        .expected(TEXT_PATH))
    })
}

/// Why `report.text` is refused, if it is.
fn text_refusal(raw: &str) -> Option<String> {
    if let Err(LoadFailure::BadPath { reason, .. }) = data_path(Some(raw)) {
        return Some(reason);
    }
    if raw.starts_with('/') {
        return Some("it is an absolute path".to_owned());
    }
    if raw.starts_with(['?', '#']) {
        return Some("it names no file".to_owned());
    }
    let path = raw.split(['?', '#']).next().unwrap_or("");
    let climbs = path
        .split('/')
        .any(|segment| segment.to_ascii_lowercase().replace("%2e", ".") == "..");
    climbs.then(|| "it leaves the report's folder with `..`".to_owned())
}

/// The address to fetch `report.text` from: [`text_path`]'s rules, then the path joined to
/// the folder of the report file's address `report_url` (as the URL standard does for a
/// relative path without `..`), resolved by `resolver` (the browser's URL parser) and held to
/// the page's origin or an allowed one, as [`check_origin`] holds the report itself.
pub fn text_url(
    text: &str,
    report_url: &str,
    allowed_origins: &[String],
    resolver: &dyn UrlResolver,
) -> Result<String, LoadFailure> {
    let refuse = |why: String| LoadFailure::BadPath {
        path: shorten(text),
        reason: why,
    };
    if let Some(why) = text_refusal(text) {
        return Err(refuse(why));
    }
    let path = text;
    let report = resolver
        .resolve(report_url)
        .ok_or_else(|| refuse("the report's own address is not a valid URL".to_owned()))?;
    let base = report.href.split(['?', '#']).next().unwrap_or("");
    let folder = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let joined = format!("{folder}{path}");
    let resolved = resolver
        .resolve(&joined)
        .ok_or_else(|| refuse("it is not a valid URL".to_owned()))?;
    check_origin(&resolved.href, allowed_origins, resolver)?;
    Ok(resolved.href)
}

/// The data file to fetch for a `?data=` value: [`data_path_allowing`]'s text rules, then
/// the value resolved by `resolver` (the browser's URL parser) must land on the page's own
/// origin or an allowed one. What is checked is what `fetch` will request.
pub fn data_url(
    param: Option<&str>,
    allowed_origins: &[String],
    resolver: &dyn UrlResolver,
) -> Result<String, LoadFailure> {
    let path = data_path_allowing(param, allowed_origins)?;
    check_origin(&path, allowed_origins, resolver)?;
    Ok(path)
}

/// Refuses `path` unless the browser resolves it to the page's origin or an allowed one.
pub fn check_origin(
    path: &str,
    allowed_origins: &[String],
    resolver: &dyn UrlResolver,
) -> Result<(), LoadFailure> {
    let refuse = |why: String| LoadFailure::BadPath {
        path: shorten(path),
        reason: why,
    };
    let Some(resolved) = resolver.resolve(path) else {
        return Err(refuse("it is not a valid URL".to_owned()));
    };
    let page = resolver.page_origin();
    if resolved.origin != "null"
        && (resolved.origin == page || allowed_origins.contains(&resolved.origin))
    {
        Ok(())
    } else {
        Err(refuse(format!(
            "it resolves to `{}` on another origin, `{}`; only `{page}` and the origins in `allowed_data_origins` in config.json are loaded",
            shorten(&resolved.href),
            resolved.origin
        )))
    }
}

/// A value cut to 200 characters for messages, marked with `…` when cut.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Why a report could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFailure {
    /// The `?data=` value was refused.
    BadPath {
        /// The value as given.
        path: String,
        /// Why it was refused.
        reason: String,
    },
    /// The request did not complete (offline, blocked, aborted).
    Network {
        /// What was requested.
        url: String,
        /// The browser's message.
        message: String,
    },
    /// The server answered with an error status.
    Http {
        /// What was requested.
        url: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text, possibly empty.
        status_text: String,
    },
    /// The server redirected the request to an origin data may not come from; nothing was read.
    Redirected {
        /// What was requested.
        url: String,
        /// The origin it was sent to, when the browser said (it does not when it blocked the redirect).
        to: Option<String>,
    },
    /// Nothing arrived for `seconds` (`fetch_timeout_s`): the server or the network stalled.
    Stalled {
        /// What was requested.
        url: String,
        /// The wait that passed with no data.
        seconds: u32,
        /// Bytes read before the stall.
        read: u64,
        /// The size the server announced, if it did.
        total: Option<u64>,
    },
    /// The connection was closed before the whole file arrived.
    Interrupted {
        /// What was requested.
        url: String,
        /// Bytes read before the connection closed.
        read: u64,
        /// The size the server announced, if it did.
        total: Option<u64>,
    },
    /// The server answered with an HTML page (a sign-in or error page) instead of the report.
    HtmlPage {
        /// What was requested.
        url: String,
    },
    /// The server answered with no content (or only white space).
    Empty {
        /// What was requested.
        url: String,
    },
    /// The file is larger than the configured limit (`max_data_mb`); nothing was parsed.
    TooLarge {
        /// What was requested.
        url: String,
        /// Its size as announced by the server (`Content-Length`), or `None` when the limit was
        /// passed while reading a file of unannounced size.
        bytes: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file arrived but is not a valid report.
    Load {
        /// What was requested.
        url: String,
        /// What is wrong with it.
        error: LoadError,
    },
}

impl LoadFailure {
    /// A one-line heading for the error view.
    pub fn heading(&self) -> String {
        match self {
            LoadFailure::BadPath { .. } => "The data address was refused".into(),
            LoadFailure::Network { .. } => "The report could not be fetched".into(),
            LoadFailure::Http { status, .. } => format!("The server answered HTTP {status}"),
            LoadFailure::Redirected { .. } => "The data address redirects to another origin".into(),
            LoadFailure::Stalled { .. } => "The download stalled".into(),
            LoadFailure::Interrupted { .. } => "The download was cut off".into(),
            LoadFailure::HtmlPage { .. } => "The server sent a web page, not the report".into(),
            LoadFailure::Empty { .. } => "The report file is empty".into(),
            LoadFailure::TooLarge { .. } => "The report file is too large".into(),
            LoadFailure::Load {
                error: LoadError::Syntax { .. },
                ..
            } => "The report file is not valid JSON".into(),
            LoadFailure::Load {
                error: LoadError::NotJson(_),
                ..
            } => "The report file is not JSON text".into(),
            LoadFailure::Load { .. } => "The file is not a report this app can read".into(),
        }
    }

    /// [`LoadFailure::heading`] in the language of `t`.
    pub fn heading_in(&self, t: &crate::core::i18n::Texts) -> String {
        let e = &t.errors;
        match self {
            LoadFailure::BadPath { .. } => e.bad_path.into(),
            LoadFailure::Network { .. } => e.network.into(),
            LoadFailure::Http { status, .. } => {
                crate::core::i18n::fill(e.http, &[("status", &status.to_string())])
            }
            LoadFailure::Redirected { .. } => e.redirected.into(),
            LoadFailure::Stalled { .. } => e.stalled.into(),
            LoadFailure::Interrupted { .. } => e.interrupted.into(),
            LoadFailure::HtmlPage { .. } => e.html_page.into(),
            LoadFailure::Empty { .. } => e.empty.into(),
            LoadFailure::TooLarge { .. } => e.too_large.into(),
            LoadFailure::Load {
                error: LoadError::Syntax { .. },
                ..
            } => e.syntax.into(),
            LoadFailure::Load {
                error: LoadError::NotJson(_),
                ..
            } => e.not_json.into(),
            LoadFailure::Load { .. } => e.invalid.into(),
        }
    }

    /// The problems to list under the message, if any.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadFailure::Load {
                error: LoadError::Invalid(problems),
                ..
            } => problems,
            _ => &[],
        }
    }

    /// What went wrong, without the address: the message that follows `url: ` in the
    /// `Display` form (for `config.json`'s problems, which name the file already).
    pub fn detail(&self) -> String {
        match self {
            LoadFailure::BadPath { reason, .. } => format!("it cannot be loaded: {reason}."),
            LoadFailure::TooLarge {
                bytes: Some(bytes),
                limit,
                ..
            } => format!(
                "the file is {} or more; this page reads files up to {}.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            LoadFailure::TooLarge {
                bytes: None, limit, ..
            } => format!(
                "the file is larger than {}, the most this page reads.",
                megabytes(*limit)
            ),
            LoadFailure::Load {
                error: error @ (LoadError::Syntax { .. } | LoadError::NotJson(_)),
                ..
            } => error.to_string(),
            LoadFailure::Load {
                error: LoadError::Invalid(problems),
                ..
            } => format!(
                "{} found",
                count_noun(problems.len(), "problem", "problems")
            ),
            // Network and server failures: the English message, without its address.
            LoadFailure::Network { url, .. }
            | LoadFailure::Http { url, .. }
            | LoadFailure::Redirected { url, .. }
            | LoadFailure::Stalled { url, .. }
            | LoadFailure::Interrupted { url, .. }
            | LoadFailure::HtmlPage { url }
            | LoadFailure::Empty { url } => {
                let message = self.message_in(&crate::core::i18n::EN).unwrap_or_default();
                match message.strip_prefix(&format!("{url}: ")) {
                    Some(rest) => rest.to_owned(),
                    None => message,
                }
            }
        }
    }
}

/// A byte count with thousands separators: `65,536`.
fn bytes(n: u64) -> String {
    format_number(n as f64)
}

impl LoadFailure {
    /// The message in the language of `t`, for failures of the network and the server; `None`
    /// for a refused address and a file that does not load, whose messages (like a data
    /// file's problems) are English, as `report-data check` prints them.
    pub fn message_in(&self, t: &crate::core::i18n::Texts) -> Option<String> {
        use crate::core::i18n::fill;
        let e = &t.errors;
        Some(match self {
            LoadFailure::BadPath { .. } | LoadFailure::Load { .. } => return None,
            LoadFailure::Network { url, message } => {
                fill(e.network_detail, &[("url", url), ("message", message)])
            }
            LoadFailure::Http {
                url,
                status,
                status_text,
            } => {
                let text = if status_text.is_empty() {
                    String::new()
                } else {
                    format!(" {status_text}")
                };
                let advice = match *status {
                    404 | 410 => Some(e.advice_missing),
                    401 | 403 => Some(e.advice_refused),
                    408 | 429 | 500..=599 => Some(e.advice_busy),
                    _ => None,
                };
                let status = status.to_string();
                let parts = [("url", url.as_str()), ("status", &status), ("text", &text)];
                match advice {
                    Some(advice) => fill(
                        e.http_advised,
                        &[parts[0], parts[1], parts[2], ("advice", advice)],
                    ),
                    None => fill(e.http_detail, &parts),
                }
            }
            LoadFailure::Redirected { url, to } => {
                let to = to
                    .as_ref()
                    .map_or(String::new(), |o| fill(e.redirected_to, &[("origin", o)]));
                fill(e.redirected_detail, &[("url", url), ("to", &to)])
            }
            LoadFailure::Stalled {
                url,
                seconds,
                read,
                total,
            } => {
                let after = match (read, total) {
                    (_, Some(total)) => fill(
                        e.stalled_after_of,
                        &[("read", &bytes(*read)), ("total", &bytes(*total))],
                    ),
                    (0, None) => String::new(),
                    (read, None) => fill(e.stalled_after, &[("read", &bytes(*read))]),
                };
                let seconds = t.count(*seconds as usize, e.seconds_one, e.seconds_other);
                fill(
                    e.stalled_detail,
                    &[("url", url), ("seconds", &seconds), ("after", &after)],
                )
            }
            LoadFailure::Interrupted { url, read, total } => {
                let of = total.map_or(String::new(), |n| {
                    fill(e.interrupted_of, &[("total", &bytes(n))])
                });
                fill(
                    e.interrupted_detail,
                    &[("url", url), ("read", &bytes(*read)), ("of", &of)],
                )
            }
            LoadFailure::HtmlPage { url } => fill(e.html_detail, &[("url", url)]),
            LoadFailure::Empty { url } => fill(e.empty_detail, &[("url", url)]),
            LoadFailure::TooLarge {
                url,
                bytes: Some(size),
                limit,
            } => fill(
                e.too_large_of,
                &[
                    ("url", url),
                    ("size", &megabytes(*size)),
                    ("limit", &megabytes(*limit)),
                ],
            ),
            LoadFailure::TooLarge {
                url,
                bytes: None,
                limit,
            } => fill(
                e.too_large_over,
                &[("url", url), ("limit", &megabytes(*limit))],
            ),
        })
    }
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadFailure::BadPath { path, reason } => {
                write!(f, "`{path}` cannot be loaded: {reason}.")
            }
            LoadFailure::Load { url, .. } => write!(f, "{url}: {}", self.detail()),
            // Network and server failures, and a file too large: the English message.
            other => f.write_str(&other.message_in(&crate::core::i18n::EN).unwrap_or_default()),
        }
    }
}

impl std::error::Error for LoadFailure {}

/// Whether a `Content-Type` names an HTML page (`text/html`, `application/xhtml+xml`).
pub fn is_html(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "text/html" || essence == "application/xhtml+xml"
}

/// Whether a body holds nothing but white space (and perhaps a byte order mark).
pub fn is_blank(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    body.iter().all(u8::is_ascii_whitespace)
}

/// Whether a response that was redirected to `final_url` may be read: only when it ended on
/// the page's own origin or an allowed data origin, where `?data=` could have pointed directly.
pub fn redirect_allowed(final_url: &str, page_origin: &str, allowed_origins: &[String]) -> bool {
    match origin_of_url(final_url) {
        Some(origin) => {
            origin_of_url(page_origin).as_deref() == Some(origin.as_str())
                || allowed_origins.contains(&origin)
        }
        None => false,
    }
}

/// A byte count in megabytes for people: `70.3 MB`, `200 MB`.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    if tenths.is_multiple_of(10) {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_and_same_origin_paths() {
        assert_eq!(data_path(None).unwrap(), DEFAULT_DATA_PATH);
        assert_eq!(data_path(Some("  ")).unwrap(), DEFAULT_DATA_PATH);
        assert_eq!(
            data_path(Some("data/other.json")).unwrap(),
            "data/other.json"
        );
        assert_eq!(data_path(Some("/r/x.json")).unwrap(), "/r/x.json");
        assert_eq!(data_path(Some("x.json?v=1:2")).unwrap(), "x.json?v=1:2");
    }

    #[test]
    fn refuses_other_origins() {
        let msg = |p: &str| data_path(Some(p)).unwrap_err().to_string();
        assert_eq!(
            msg("https://evil.example/x.json"),
            "`https://evil.example/x.json` cannot be loaded: it names another origin, `https://evil.example`, which is not in `allowed_data_origins` in config.json."
        );
        assert_eq!(
            msg("ftp://evil.example/x.json"),
            "`ftp://evil.example/x.json` cannot be loaded: it names a scheme; only same-origin paths are loaded."
        );
        assert_eq!(
            msg("//evil.example/x.json"),
            "`//evil.example/x.json` cannot be loaded: it names another host."
        );
        for host in [
            "\\/evil.example/x.json",
            "\\\\evil.example",
            "/\\evil.example",
        ] {
            assert_eq!(
                data_path(Some(host)).unwrap_err().to_string(),
                format!("`{host}` cannot be loaded: it contains a backslash, which browsers read as `/`; write paths with `/`.")
            );
        }
        assert!(data_path(Some("javascript:alert(1)")).is_err());
        assert!(data_path(Some("data:application/json,{}")).is_err());
    }

    #[test]
    fn allowed_data_origins() {
        let allowed = vec!["https://data.example.com".to_owned()];
        let url = "https://data.example.com/esg/2021.json";
        assert_eq!(data_path_allowing(Some(url), &allowed).unwrap(), url);
        assert_eq!(
            data_path_allowing(Some("HTTPS://Data.Example.com:443/x.json"), &allowed).unwrap(),
            "HTTPS://Data.Example.com:443/x.json"
        );
        assert!(data_path_allowing(
            Some("https://data.example.com.evil.example/x.json"),
            &allowed
        )
        .is_err());
        assert!(data_path_allowing(Some("http://data.example.com/x.json"), &allowed).is_err());
        assert!(
            data_path_allowing(Some("https://user@data.example.com/x.json"), &allowed).is_err()
        );
        assert!(data_path_allowing(Some("//data.example.com/x.json"), &allowed).is_err());
        assert_eq!(
            data_path_allowing(Some("data/x.json"), &allowed).unwrap(),
            "data/x.json"
        );
    }

    #[test]
    fn messages() {
        let http = LoadFailure::Http {
            url: "x.json".into(),
            status: 404,
            status_text: "Not Found".into(),
        };
        assert_eq!(
            http.to_string(),
            "x.json: HTTP 404 Not Found. There is no file at this address; check the link."
        );
        assert_eq!(http.heading(), "The server answered HTTP 404");
        let syntax = LoadFailure::Load {
            url: "x.json".into(),
            error: LoadError::Syntax {
                line: 3,
                column: 5,
                message: "expected `:`".into(),
            },
        };
        assert_eq!(
            syntax.to_string(),
            "x.json: JSON syntax error at line 3, column 5: expected `:`"
        );
        let large = LoadFailure::TooLarge {
            url: "big.json".into(),
            bytes: Some(250_400_000),
            limit: 200_000_000,
        };
        assert_eq!(large.heading(), "The report file is too large");
        assert_eq!(
            large.to_string(),
            "big.json is 250.4 MB or more; this page reads files up to 200 MB. Ask the site's \
             administrator to raise `max_data_mb` in config.json, or load a smaller report."
        );
        assert_eq!(megabytes(0), "0 MB");
        assert_eq!(megabytes(70_349_999), "70.3 MB");
    }
}
