//! Text measurement for charts: a backend wrapper that answers `estimate_text_size` with a chosen measurer.
//!
//! Every other `DrawingBackend` method is forwarded to the wrapped backend, so
//! drawing (including text) still happens there; only measuring changes.

use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};

/// Measures a line of horizontal text.
pub trait TextMeasure {
    /// Width and height in backend pixels of `text` in `font_family` at
    /// `size_px` (the size plotters holds in the text style, which the canvas
    /// backend draws as `{style} {size_px}px {font_family}`), with `style` one
    /// of `normal`, `italic`, `oblique`, `bold`.
    fn measure(&self, text: &str, font_family: &str, size_px: f64, style: &str) -> (u32, u32);
}

/// A deterministic estimate: 0.6 em per character, one em high.
///
/// Used for SVG output, where the real font is unknown; it errs on the wide
/// side for proportional fonts so that labels fitted with it still fit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NaiveMeasure;

impl TextMeasure for NaiveMeasure {
    fn measure(&self, text: &str, _font_family: &str, size_px: f64, _style: &str) -> (u32, u32) {
        let chars = text.chars().count() as f64;
        ((chars * 0.6 * size_px).ceil() as u32, size_px.ceil() as u32)
    }
}

impl<T: TextMeasure + ?Sized> TextMeasure for &T {
    fn measure(&self, text: &str, font_family: &str, size_px: f64, style: &str) -> (u32, u32) {
        (**self).measure(text, font_family, size_px, style)
    }
}

/// Any backend `B`, with text measured by `M` instead of by plotters' font code.
pub struct MeasuredBackend<B, M> {
    inner: B,
    measure: M,
    size: Option<(u32, u32)>,
}

impl<B, M> MeasuredBackend<B, M> {
    /// Wraps `inner`, measuring text with `measure`.
    pub fn new(inner: B, measure: M) -> Self {
        Self {
            inner,
            measure,
            size: None,
        }
    }

    /// Reports `size` as the drawing size instead of the inner backend's: for a
    /// high-DPI canvas whose context is scaled, charts lay out in CSS pixels.
    pub fn with_size(mut self, size: (u32, u32)) -> Self {
        self.size = Some(size);
        self
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &B {
        &self.inner
    }

    /// The wrapped backend, mutably.
    pub fn inner_mut(&mut self) -> &mut B {
        &mut self.inner
    }

    /// Unwraps the backend.
    pub fn into_inner(self) -> B {
        self.inner
    }
}

impl<B: DrawingBackend, M: TextMeasure> DrawingBackend for MeasuredBackend<B, M> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size.unwrap_or_else(|| self.inner.get_size())
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        let (w, h) = self.measure.measure(
            text,
            style.family().as_str(),
            style.size(),
            style.style().as_str(),
        );
        // Text turned a quarter takes the measured width upright.
        Ok(match style.transform() {
            FontTransform::Rotate90 | FontTransform::Rotate270 => (h, w),
            _ => (w, h),
        })
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
