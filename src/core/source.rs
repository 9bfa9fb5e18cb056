//! Where report data comes from: the data-file path rule and the ways loading it can fail.

use crate::core::config::origin_of_url;
use crate::core::load::LoadError;
use crate::core::problem::Problem;
use std::fmt;

/// The data file loaded when the URL names none, relative to the page.
pub const DEFAULT_DATA_PATH: &str = "data/report.json";

/// Checks a `?data=` value: a same-origin path (relative like `data/x.json`
/// or absolute like `/reports/x.json`), never another origin or scheme.
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
        path: raw.to_owned(),
        reason: why.to_owned(),
    };
    let lower = raw.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        if raw.chars().any(|c| c.is_control()) {
            return Err(refuse("it contains control characters"));
        }
        return match origin_of_url(raw) {
            Some(origin) if allowed_origins.contains(&origin) => Ok(raw.to_owned()),
            Some(origin) => Err(refuse(&format!(
                "it names another origin, `{origin}`, which is not in `allowed_data_origins` in config.json"
            ))),
            None => Err(refuse("it is not a valid URL")),
        };
    }
    // Browsers read `\` as `/` in http(s) URLs, so any two of them name a host.
    let slash = |c: char| c == '/' || c == '\\';
    let mut lead = raw.chars();
    if lead.next().is_some_and(slash) && lead.next().is_some_and(slash) {
        return Err(refuse("it names another host"));
    }
    if let Some(colon) = raw.find(':') {
        let before = &raw[..colon];
        if !before.contains('/') && !before.contains('?') && !before.contains('#') {
            return Err(refuse(
                "it names a scheme; only same-origin paths are loaded",
            ));
        }
    }
    if raw.chars().any(|c| c.is_control()) {
        return Err(refuse("it contains control characters"));
    }
    Ok(raw.to_owned())
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
    /// The file is larger than the configured limit (`max_data_mb`); nothing was parsed.
    TooLarge {
        /// What was requested.
        url: String,
        /// Its size as announced by the server, or the bytes read when the limit was passed.
        bytes: u64,
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
            LoadFailure::TooLarge { .. } => "The report file is too large".into(),
            LoadFailure::Load {
                error: LoadError::Syntax { .. },
                ..
            } => "The report file is not valid JSON".into(),
            LoadFailure::Load { .. } => "The file is not a report this app can read".into(),
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
}

impl fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadFailure::BadPath { path, reason } => {
                write!(f, "`{path}` cannot be loaded: {reason}.")
            }
            LoadFailure::Network { url, message } => write!(f, "{url}: {message}"),
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
                write!(f, "{url}: HTTP {status}{text}")
            }
            LoadFailure::TooLarge { url, bytes, limit } => write!(
                f,
                "{url} is {} or more; this page reads files up to {}. \
                 Ask the site's administrator to raise `max_data_mb` in config.json, \
                 or load a smaller report.",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            LoadFailure::Load {
                url,
                error: error @ LoadError::Syntax { .. },
            } => write!(f, "{url}: {error}"),
            LoadFailure::Load {
                url,
                error: LoadError::Invalid(problems),
            } => {
                let n = problems.len();
                write!(
                    f,
                    "{url}: {n} problem{} found",
                    if n == 1 { "" } else { "s" }
                )
            }
        }
    }
}

impl std::error::Error for LoadFailure {}

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
                format!("`{host}` cannot be loaded: it names another host.")
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
        assert_eq!(http.to_string(), "x.json: HTTP 404 Not Found");
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
            bytes: 250_400_000,
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
