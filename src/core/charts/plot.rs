//! The bar-plot engine every chart draws with: stacked bars in bands, a legend, a caption, and hit-testing.
//!
//! Text is measured only through [`DrawingArea::estimate_text_size`] (that is,
//! the backend); see the module documentation of `core::charts` for why.

use super::theme::ChartTheme;
use super::Mark;
use crate::core::text::isolate;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The coordinate system of a drawn chart: values and band positions as `f64`.
pub type Coords = Cartesian2d<RangedCoordf64, RangedCoordf64>;

/// What drawing returns on failure: the backend's error, wrapped by plotters.
pub type DrawError<DB> = DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>;

/// Padding around the plot, in pixels.
const PAD: i32 = 10;
/// Half the thickness of a bar, in band units (bands are 1 apart), at most.
const HALF_BAR: f64 = 0.35;
/// The thickest a bar gets, in pixels.
const MAX_BAR_PX: f64 = 36.0;
/// The smallest extent a bar gets for hit-testing, in pixels.
const MIN_HIT_PX: i32 = 4;
/// Font size of labels (plotters units; the canvas draws it as px).
const LABEL_SIZE: f64 = 14.0;
/// Font size of the caption line.
const CAPTION_SIZE: f64 = 12.0;
/// The least height left for the plot when a legend is drawn above it, in pixels.
const MIN_PLOT_H: i32 = 150;

/// A chart reduced to bars: what the drawing engine needs.
#[derive(Clone, Debug, Default)]
pub(crate) struct BarPlot {
    /// Bars run left to right (bands top to bottom) when true; bottom to top otherwise.
    pub horizontal: bool,
    /// Band labels in display order (first at the top, or at the left).
    pub bands: Vec<String>,
    /// A second, muted label line per band (horizontal bars only; empty for none).
    pub sublabels: Vec<String>,
    /// The coloured pieces of bars.
    pub segments: Vec<Segment>,
    /// A value label at the end of each band's bar (empty for none).
    pub totals: Vec<String>,
    /// The value axis description.
    pub value_label: String,
    /// The largest value the axis must show.
    pub value_max: f64,
    /// Whether values are counts (whole-number ticks only).
    pub integer: bool,
    /// Legend items: label and colour.
    pub legend: Vec<(String, RGBColor)>,
    /// A muted line above the legend (what the chart leaves out); empty for none.
    pub note: String,
}

/// One coloured piece of a bar.
#[derive(Clone, Debug)]
pub(crate) struct Segment {
    /// Which band.
    pub band: usize,
    /// Where it starts on the value axis.
    pub from: f64,
    /// Where it ends on the value axis.
    pub to: f64,
    /// Fill colour.
    pub colour: RGBColor,
    /// What a click on it means.
    pub mark: Mark,
    /// A description for people (tooltips, screen readers).
    pub text: String,
}

/// A drawn bar piece, in chart coordinates, for hit-testing.
#[derive(Clone, Debug, PartialEq)]
pub struct HitBar {
    /// Band index (in the chart data's display order).
    pub band: usize,
    /// Start on the value axis.
    pub from: f64,
    /// End on the value axis.
    pub to: f64,
    /// What it stands for.
    pub mark: Mark,
    /// A description for people, e.g. `CITIC Bank, Awards and Recognitions: 3 entries`.
    pub text: String,
}

/// A drawn chart's coordinate system and bars: everything needed to map a pointer back to a mark.
#[derive(Clone)]
pub struct ChartHits {
    /// The plot's coordinate spec as plotters built it (backend pixels both ways).
    pub spec: Coords,
    /// Whether bars run horizontally.
    pub horizontal: bool,
    /// Number of bands.
    pub bands: usize,
    /// Half a bar's thickness in band units.
    pub half: f64,
    /// Every bar piece drawn, in drawing order.
    pub bars: Vec<HitBar>,
}

impl BarPlot {
    /// Adds one band's stacked bar: its non-zero pieces (count, colour, mark,
    /// tooltip text) end to end, and the total label shown at its end.
    pub(crate) fn push_stack(
        &mut self,
        band: usize,
        pieces: impl IntoIterator<Item = (usize, RGBColor, Mark, String)>,
        total_label: String,
    ) {
        let mut at = 0.0;
        for (n, colour, mark, text) in pieces.into_iter().filter(|p| p.0 > 0) {
            self.segments.push(Segment {
                band,
                from: at,
                to: at + n as f64,
                colour,
                mark,
                text,
            });
            at += n as f64;
        }
        self.totals.push(total_label);
        self.value_max = self.value_max.max(at);
    }
}

impl std::fmt::Debug for ChartHits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChartHits")
            .field("horizontal", &self.horizontal)
            .field("bands", &self.bands)
            .field("half", &self.half)
            .field("bars", &self.bars)
            .finish_non_exhaustive()
    }
}

impl ChartHits {
    /// The band's position on the band axis.
    fn band_pos(&self, band: usize) -> f64 {
        band_pos(self.horizontal, self.bands, band)
    }

    /// A bar piece's rectangle in backend pixels, `(left, top, right, bottom)`,
    /// at least a few pixels long so that zero-length bars can still be pointed at.
    pub fn bar_rect(&self, bar: &HitBar) -> (i32, i32, i32, i32) {
        let p = self.band_pos(bar.band);
        let (a, b) = if self.horizontal {
            (
                self.spec.translate(&(bar.from, p + self.half)),
                self.spec.translate(&(bar.to, p - self.half)),
            )
        } else {
            (
                self.spec.translate(&(p - self.half, bar.to)),
                self.spec.translate(&(p + self.half, bar.from)),
            )
        };
        let (mut l, mut t, mut r, mut btm) =
            (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
        if self.horizontal && r - l < MIN_HIT_PX {
            r = l + MIN_HIT_PX;
        }
        if !self.horizontal && btm - t < MIN_HIT_PX {
            t = btm - MIN_HIT_PX;
        }
        if l > r {
            std::mem::swap(&mut l, &mut r);
        }
        if t > btm {
            std::mem::swap(&mut t, &mut btm);
        }
        (l, t, r, btm)
    }

    /// The bar piece under a pointer, in backend pixels.
    pub fn hit(&self, px: i32, py: i32) -> Option<&HitBar> {
        self.bars.iter().rev().find(|bar| {
            let (l, t, r, b) = self.bar_rect(bar);
            (l..=r).contains(&px) && (t..=b).contains(&py)
        })
    }

    /// The centre of a bar piece in backend pixels (for tests and keyboard focus rings).
    pub fn centre(&self, bar: &HitBar) -> (i32, i32) {
        let (l, t, r, b) = self.bar_rect(bar);
        ((l + r) / 2, (t + b) / 2)
    }
}

/// Maps a pointer position (backend pixels) to the mark drawn there, if any.
pub fn hit_test(hits: &ChartHits, px: i32, py: i32) -> Option<Mark> {
    hits.hit(px, py).map(|bar| bar.mark.clone())
}

fn band_pos(horizontal: bool, bands: usize, band: usize) -> f64 {
    if horizontal {
        (bands - 1 - band.min(bands.saturating_sub(1))) as f64
    } else {
        band as f64
    }
}

fn style<'a>(size: f64, colour: &'a RGBColor, family: &'a str) -> TextStyle<'a> {
    TextStyle::from((family, size).into_font()).color(colour)
}

/// `text` shortened with an ellipsis until it measures at most `max_w` pixels on this area's backend.
pub(crate) fn fit<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    style: &TextStyle,
    max_w: i32,
) -> Result<String, DrawError<DB>> {
    let width = |t: &str| area.estimate_text_size(t, style).map(|(w, _)| w as i32);
    if width(text)? <= max_w {
        return Ok(text.to_owned());
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| {
        let head: String = chars[..n].iter().collect();
        format!("{}…", head.trim_end())
    };
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if width(&cut(mid))? <= max_w {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(if lo == 0 { String::new() } else { cut(lo) })
}

fn tick_label(v: f64, integer: bool) -> String {
    if integer {
        if (v - v.round()).abs() < 1e-9 {
            format!("{:.0}", v.round())
        } else {
            String::new()
        }
    } else {
        crate::core::format::format_number(v)
    }
}

/// Draws `plot` into `area` and returns what was drawn where.
pub(crate) fn draw_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &BarPlot,
    theme: &ChartTheme,
    caption: Option<&str>,
) -> Result<ChartHits, DrawError<DB>> {
    area.fill(&theme.background)?;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let base = area.get_base_pixel();
    let text = style(LABEL_SIZE, &theme.text, theme.font_family());
    let line_h = area.estimate_text_size("Mg", &text)?.1.max(1) as i32;

    // Caption line at the bottom.
    let mut body = area.clone();
    if let Some(caption) = caption.map(str::trim).filter(|c| !c.is_empty()) {
        let small = style(CAPTION_SIZE, &theme.muted, theme.font_family());
        let ch = area.estimate_text_size("Mg", &small)?.1.max(1) as i32;
        let foot_h = ch + 8;
        if h > foot_h * 3 {
            let (top, foot) = area.split_vertically(h - foot_h);
            let fitted = fit(area, caption, &small, w - 2 * PAD)?;
            foot.draw_text(
                &fitted,
                &small.pos(Pos::new(HPos::Left, VPos::Center)),
                (PAD, foot_h / 2),
            )?;
            body = top;
        }
    }

    // Note line at the top.
    if !plot.note.is_empty() {
        let small = style(CAPTION_SIZE, &theme.muted, theme.font_family());
        let nh = area.estimate_text_size("Mg", &small)?.1.max(1) as i32 + 8;
        let (_, bh) = body.dim_in_pixel();
        if (bh as i32) > nh * 4 {
            let (top, rest) = body.split_vertically(nh);
            let fitted = fit(area, &plot.note, &small, w - 2 * PAD)?;
            top.draw_text(
                &fitted,
                &small.pos(Pos::new(HPos::Left, VPos::Center)),
                (PAD, nh / 2 + 2),
            )?;
            body = rest;
        }
    }

    // Legend rows at the top.
    if !plot.legend.is_empty() {
        let swatch = line_h.min(12);
        let mut rows: Vec<Vec<(i32, String, RGBColor)>> = vec![Vec::new()];
        let mut x = PAD;
        for (label, colour) in &plot.legend {
            let label = fit(area, label, &text, w / 2)?;
            let lw = area.estimate_text_size(&label, &text)?.0 as i32;
            let item_w = swatch + 4 + lw + 16;
            if x + item_w > w - PAD && x > PAD {
                rows.push(Vec::new());
                x = PAD;
            }
            rows.last_mut().expect("a row").push((x, label, *colour));
            x += item_w;
        }
        let row_h = line_h + 6;
        let legend_h = row_h * rows.len() as i32 + 6;
        let (_, bh) = body.dim_in_pixel();
        // Drawn when the plot keeps a usable height: unexplained colours are worse than a short plot.
        if (bh as i32) - legend_h >= MIN_PLOT_H.max(legend_h) {
            let (legend, rest) = body.split_vertically(legend_h);
            for (r, row) in rows.iter().enumerate() {
                let cy = 6 + r as i32 * row_h + row_h / 2;
                for (x, label, colour) in row {
                    legend.draw(&Rectangle::new(
                        [(*x, cy - swatch / 2), (*x + swatch, cy + swatch / 2)],
                        colour.filled(),
                    ))?;
                    legend.draw_text(
                        label,
                        &text.pos(Pos::new(HPos::Left, VPos::Center)),
                        (*x + swatch + 4, cy),
                    )?;
                }
            }
            body = rest;
        }
    }

    let n = plot.bands.len();
    let (bw, bh) = body.dim_in_pixel();
    let (bw, bh) = (bw as i32, bh as i32);
    if n == 0 || plot.segments.is_empty() {
        let (cx, cy) = (bw / 2, bh / 2);
        let message = fit(area, theme.texts.charts.empty, &text, w - 2 * PAD)?;
        body.draw_text(
            &message,
            &text.pos(Pos::new(HPos::Center, VPos::Center)),
            (cx, cy),
        )?;
        let b = body.get_base_pixel();
        return Ok(ChartHits {
            spec: Cartesian2d::new(0.0..1.0, 0.0..1.0, (b.0..b.0 + bw, b.1 + bh..b.1)),
            horizontal: plot.horizontal,
            bands: n,
            half: HALF_BAR,
            bars: Vec::new(),
        });
    }

    let value_max = if plot.value_max > 0.0 {
        plot.value_max
    } else {
        1.0
    };
    let mut total_w = 0;
    for t in &plot.totals {
        total_w = total_w.max(area.estimate_text_size(t, &text)?.0 as i32);
    }
    let tick_hint = if plot.integer {
        (value_max.ceil() as usize).clamp(1, 8)
    } else {
        6
    };
    let integer = plot.integer;
    let band_lo = -0.5;
    let band_hi = n as f64 - 0.5;

    let mut builder = ChartBuilder::on(&body);
    builder.margin(PAD);
    let chart_result;
    if plot.horizontal {
        let mut label_w = 0;
        for b in plot.bands.iter().chain(&plot.sublabels) {
            label_w = label_w.max(area.estimate_text_size(b, &text)?.0 as i32);
        }
        let label_area = label_w.min(bw * 2 / 5) + 10;
        let pw = (bw - 2 * PAD - label_area).max(1);
        let room = total_w + 8;
        let vmax = if pw > room + 40 {
            value_max * f64::from(pw) / f64::from(pw - room)
        } else {
            value_max * 1.5
        };
        let mut chart = builder
            .y_label_area_size(label_area)
            .x_label_area_size(line_h * 2 + 14)
            .build_cartesian_2d(0.0..vmax, band_lo..band_hi)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(tick_hint)
            .max_light_lines(0)
            .bold_line_style(theme.grid)
            .axis_style(theme.axis)
            .label_style(text.clone())
            .axis_desc_style(text.clone())
            .x_desc(plot.value_label.as_str())
            .x_label_formatter(&|v| tick_label(*v, integer))
            .draw()?;
        let band_px = {
            let (_, a) = chart.backend_coord(&(0.0, 0.0));
            let (_, b) = chart.backend_coord(&(0.0, 1.0));
            (a - b).abs().max(1)
        };
        let two_lines = band_px >= 2 * line_h + 6;
        let muted = style(LABEL_SIZE, &theme.muted, theme.font_family());
        for (i, label) in plot.bands.iter().enumerate() {
            let (x, y) = chart.backend_coord(&(0.0, band_pos(true, n, i)));
            let sub = plot.sublabels.get(i).filter(|s| !s.is_empty());
            let right = Pos::new(HPos::Right, VPos::Center);
            match sub {
                Some(sub) if two_lines => {
                    let fitted = fit(area, label, &text, label_area - 10)?;
                    let dy = line_h / 2 + 1;
                    area.draw_text(&fitted, &text.pos(right), (x - 6 - base.0, y - dy - base.1))?;
                    let fitted = fit(area, sub, &muted, label_area - 10)?;
                    area.draw_text(
                        &fitted,
                        &muted.pos(right),
                        (x - 6 - base.0, y + dy - base.1),
                    )?;
                }
                Some(sub) => {
                    let both = format!("{} · {}", isolate(label), isolate(sub));
                    let fitted = fit(area, &both, &text, label_area - 10)?;
                    area.draw_text(&fitted, &text.pos(right), (x - 6 - base.0, y - base.1))?;
                }
                None => {
                    let fitted = fit(area, label, &text, label_area - 10)?;
                    area.draw_text(&fitted, &text.pos(right), (x - 6 - base.0, y - base.1))?;
                }
            }
        }
        chart_result = chart;
    } else {
        let widest_tick = area
            .estimate_text_size(&tick_label(value_max.ceil(), false), &text)?
            .0 as i32;
        let label_area = widest_tick + line_h + 18;
        let ph = (bh - 2 * PAD - (line_h + 12)).max(1);
        let room = line_h + 8;
        let vmax = if ph > room + 40 {
            value_max * f64::from(ph) / f64::from(ph - room)
        } else {
            value_max * 1.5
        };
        let mut chart = builder
            .y_label_area_size(label_area)
            .x_label_area_size(line_h + 12)
            .build_cartesian_2d(band_lo..band_hi, 0.0..vmax)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(tick_hint)
            .max_light_lines(0)
            .bold_line_style(theme.grid)
            .axis_style(theme.axis)
            .label_style(text.clone())
            .axis_desc_style(text.clone())
            .y_desc(plot.value_label.as_str())
            .y_label_formatter(&|v| tick_label(*v, integer))
            .draw()?;
        let band_px = {
            let (a, _) = chart.backend_coord(&(0.0, 0.0));
            let (b, _) = chart.backend_coord(&(1.0, 0.0));
            (b - a).abs().max(1)
        };
        let mut widest = 0;
        for b in &plot.bands {
            widest = widest.max(area.estimate_text_size(b, &text)?.0 as i32);
        }
        let every = ((widest + 8) / band_px + 1).max(1) as usize;
        for (i, label) in plot.bands.iter().enumerate() {
            if i % every != 0 {
                continue;
            }
            let (x, y) = chart.backend_coord(&(band_pos(false, n, i), 0.0));
            let fitted = fit(area, label, &text, band_px * every as i32 - 4)?;
            area.draw_text(
                &fitted,
                &text.pos(Pos::new(HPos::Center, VPos::Top)),
                (x - base.0, y + 6 - base.1),
            )?;
        }
        chart_result = chart;
    }
    let chart = chart_result;
    let half = {
        let a = chart.backend_coord(&(0.0, 0.0));
        let b = chart.backend_coord(&(1.0, 1.0));
        let band_px = if plot.horizontal {
            (a.1 - b.1).abs()
        } else {
            (b.0 - a.0).abs()
        };
        HALF_BAR.min(MAX_BAR_PX / 2.0 / f64::from(band_px.max(1)))
    };

    // Bars, with a thin background-coloured outline so adjacent pieces stay apart.
    let rect = |s: &Segment| {
        let p = band_pos(plot.horizontal, n, s.band);
        if plot.horizontal {
            [(s.from, p - half), (s.to, p + half)]
        } else {
            [(p - half, s.from), (p + half, s.to)]
        }
    };
    let pa = chart.plotting_area();
    for s in &plot.segments {
        pa.draw(&Rectangle::new(rect(s), s.colour.filled()))?;
        if s.to > s.from {
            pa.draw(&Rectangle::new(rect(s), theme.background.stroke_width(1)))?;
        }
    }

    // Value labels at the bar ends.
    for (i, t) in plot.totals.iter().enumerate() {
        if t.is_empty() {
            continue;
        }
        let end = plot
            .segments
            .iter()
            .filter(|s| s.band == i)
            .map(|s| s.to)
            .fold(0.0, f64::max);
        let p = band_pos(plot.horizontal, n, i);
        if plot.horizontal {
            let (x, y) = chart.backend_coord(&(end, p));
            area.draw_text(
                t,
                &text.pos(Pos::new(HPos::Left, VPos::Center)),
                (x + 6 - base.0, y - base.1),
            )?;
        } else {
            let (x, y) = chart.backend_coord(&(p, end));
            area.draw_text(
                t,
                &text.pos(Pos::new(HPos::Center, VPos::Bottom)),
                (x - base.0, y - 4 - base.1),
            )?;
        }
    }

    Ok(ChartHits {
        spec: chart.as_coord_spec().clone(),
        horizontal: plot.horizontal,
        bands: n,
        half,
        bars: plot
            .segments
            .iter()
            .map(|s| HitBar {
                band: s.band,
                from: s.from,
                to: s.to,
                mark: s.mark.clone(),
                text: s.text.clone(),
            })
            .collect(),
    })
}
