//! Shared test helpers: a WHATWG URL parser standing in for the browser's.

use report_explorer::core::source::{ResolvedUrl, UrlResolver};

/// Resolves references against a page address, as the browser's `URL` does.
pub struct PageUrl(pub url::Url);

impl PageUrl {
    /// A page at `address`.
    pub fn at(address: &str) -> Self {
        PageUrl(url::Url::parse(address).expect("a valid page address"))
    }
}

impl UrlResolver for PageUrl {
    fn resolve(&self, reference: &str) -> Option<ResolvedUrl> {
        let url = self.0.join(reference).ok()?;
        Some(ResolvedUrl {
            href: url.to_string(),
            origin: url.origin().ascii_serialization(),
        })
    }

    fn page_origin(&self) -> String {
        self.0.origin().ascii_serialization()
    }
}
