//! Chart colours: light and dark themes with a colour-blind-safe (Okabe-Ito) categorical palette.

use plotters::style::RGBColor;

/// The Okabe-Ito palette, for light backgrounds.
pub const OKABE_ITO: [RGBColor; 9] = [
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xF0, 0xE4, 0x42),
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x99, 0x99, 0x99),
    RGBColor(0x00, 0x00, 0x00),
];

/// Okabe-Ito lightened for dark backgrounds (each hue mixed a third of the
/// way to white; black becomes a light grey so it stays visible).
pub const OKABE_ITO_DARK: [RGBColor; 9] = [
    RGBColor(0xEE, 0xBF, 0x55),
    RGBColor(0x8E, 0xCD, 0xF0),
    RGBColor(0x55, 0xBE, 0xA2),
    RGBColor(0xF5, 0xED, 0x81),
    RGBColor(0x55, 0xA1, 0xCC),
    RGBColor(0xE3, 0x94, 0x55),
    RGBColor(0xDD, 0xA6, 0xC4),
    RGBColor(0xBB, 0xBB, 0xBB),
    RGBColor(0xE6, 0xE6, 0xE6),
];

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
    /// Categorical colours for series, used in order and repeated when exhausted.
    pub palette: Vec<RGBColor>,
    /// Single-series bars (the metrics chart).
    pub accent: RGBColor,
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
            accent: OKABE_ITO[4],
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
            accent: OKABE_ITO_DARK[1],
        }
    }

    /// The `i`th categorical colour (wrapping around).
    pub fn series(&self, i: usize) -> RGBColor {
        if self.palette.is_empty() {
            self.text
        } else {
            self.palette[i % self.palette.len()]
        }
    }
}
