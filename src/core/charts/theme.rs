//! Chart colours: light and dark themes with a colour-blind-safe (Okabe-Ito) categorical palette.

use crate::core::i18n::{Lang, Texts, EN};
use plotters::style::RGBColor;

/// Distinct hues a chart has for series: a chart never shows more named
/// series than this plus one (the neutral grey), see `core::charts::group`.
pub const HUES: usize = 7;

/// The Okabe-Ito hues (without black), for light backgrounds.
pub const OKABE_ITO: [RGBColor; HUES] = [
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
];

/// The neutral grey of "Other" (or of an eighth series when nothing is grouped), light backgrounds.
pub const NEUTRAL: RGBColor = RGBColor(0x99, 0x99, 0x99);

/// Okabe-Ito lightened for dark backgrounds (each hue mixed a third of the way to white).
pub const OKABE_ITO_DARK: [RGBColor; HUES] = [
    RGBColor(0xEE, 0xBF, 0x55),
    RGBColor(0x8E, 0xCD, 0xF0),
    RGBColor(0x55, 0xBE, 0xA2),
    RGBColor(0xF5, 0xED, 0x81),
    RGBColor(0x55, 0xA1, 0xCC),
    RGBColor(0xE3, 0x94, 0x55),
    RGBColor(0xDD, 0xA6, 0xC4),
];

/// The neutral grey for dark backgrounds.
pub const NEUTRAL_DARK: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);

/// Colours a chart is drawn with.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartTheme {
    /// Fills the whole drawing area.
    pub background: RGBColor,
    /// Labels, values and legend text.
    pub text: RGBColor,
    /// Secondary text: the caption line.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and ticks.
    pub axis: RGBColor,
    /// Categorical hues for series (slot `i` is `palette[i]`); never repeated.
    pub palette: Vec<RGBColor>,
    /// The neutral grey: "Other", and the slot after the last hue.
    pub neutral: RGBColor,
    /// Single-series bars (the metrics chart).
    pub accent: RGBColor,
    /// The interface words drawn in the chart (axes, legends' "Other", tooltips, notes).
    pub texts: &'static Texts,
}

impl ChartTheme {
    /// Dark text on white.
    pub fn light() -> Self {
        Self {
            background: RGBColor(0xFF, 0xFF, 0xFF),
            text: RGBColor(0x1F, 0x23, 0x28),
            muted: RGBColor(0x59, 0x60, 0x69),
            grid: RGBColor(0xE3, 0xE6, 0xEA),
            axis: RGBColor(0x6E, 0x76, 0x81),
            palette: OKABE_ITO.to_vec(),
            neutral: NEUTRAL,
            accent: OKABE_ITO[4],
            texts: &EN,
        }
    }

    /// Light text on a near-black background.
    pub fn dark() -> Self {
        Self {
            background: RGBColor(0x16, 0x1B, 0x22),
            text: RGBColor(0xE6, 0xED, 0xF3),
            muted: RGBColor(0x9D, 0xA7, 0xB3),
            grid: RGBColor(0x30, 0x36, 0x3D),
            axis: RGBColor(0x8B, 0x94, 0x9E),
            palette: OKABE_ITO_DARK.to_vec(),
            neutral: NEUTRAL_DARK,
            accent: OKABE_ITO_DARK[1],
            texts: &EN,
        }
    }

    /// The font family charts draw text in: plain `sans-serif` for English; for Chinese a
    /// list of system CJK fonts first (unquoted, so it fits an SVG attribute and a canvas font).
    pub fn font_family(&self) -> &'static str {
        match self.texts.lang {
            Lang::En => "sans-serif",
            Lang::ZhHans => "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, sans-serif",
            Lang::ZhHant => "PingFang HK, PingFang TC, Microsoft JhengHei, Noto Sans CJK HK, Noto Sans CJK TC, Source Han Sans HK, sans-serif",
        }
    }

    /// The same colours with the interface words of `texts`.
    pub fn with_texts(self, texts: &'static Texts) -> Self {
        Self { texts, ..self }
    }

    /// The colour of palette slot `i`: a hue, or the neutral grey for any slot past the hues.
    /// Charts give out slots with `group::colour_slots`, so no two series share one.
    pub fn series(&self, i: usize) -> RGBColor {
        self.palette.get(i).copied().unwrap_or(self.neutral)
    }
}
