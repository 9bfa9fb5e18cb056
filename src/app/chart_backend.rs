//! The canvas drawing backend for charts: plotters-canvas at CSS size × devicePixelRatio, with text measured by the canvas.
//!
//! plotters measures label text through `DrawingBackend::estimate_text_size`;
//! its default on wasm appends a styled `<span>` to the page for every label
//! (a forced layout, and an inline style that a strict CSP blocks). The core's
//! `MeasuredBackend` answers with the 2D context's `measureText` instead, and
//! reports the CSS size so charts lay out in CSS pixels on a scaled context.

use crate::core::charts::{MeasuredBackend, TextMeasure};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Measures text with a canvas 2D context, in the font the canvas backend draws with.
pub struct CanvasMeasure(CanvasRenderingContext2d);

impl TextMeasure for CanvasMeasure {
    fn measure(&self, text: &str, font_family: &str, size_px: f64, style: &str) -> (u32, u32) {
        self.0
            .set_font(&format!("{style} {size_px}px {font_family}"));
        let width = self
            .0
            .measure_text(text)
            .map(|m| m.width())
            .unwrap_or_else(|_| text.chars().count() as f64 * size_px * 0.6);
        (width.ceil() as u32, size_px.ceil() as u32)
    }
}

/// The backend charts draw on in the browser.
pub type CanvasChartBackend = MeasuredBackend<CanvasBackend, CanvasMeasure>;

/// Sizes `canvas` for its CSS box and the screen's pixel ratio, scales its
/// context, and wraps it. `None` when the canvas has no 2D context or no size.
pub fn canvas_backend(
    canvas: &HtmlCanvasElement,
    css_width: u32,
    css_height: u32,
) -> Option<CanvasChartBackend> {
    if css_width == 0 || css_height == 0 {
        return None;
    }
    let ratio = web_sys::window()?.device_pixel_ratio().max(1.0);
    canvas.set_width((f64::from(css_width) * ratio).round() as u32);
    canvas.set_height((f64::from(css_height) * ratio).round() as u32);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)
        .ok()?;
    let inner = CanvasBackend::with_canvas_object(canvas.clone())?;
    Some(MeasuredBackend::new(inner, CanvasMeasure(context)).with_size((css_width, css_height)))
}
