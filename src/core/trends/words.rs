//! The words of a change put together from an interface language's templates (`core::i18n`, `years.rs`).

use super::{ordinal, Direction};
use crate::core::format::printed_number;
use crate::core::i18n::{fill, Lang, Texts};

fn signed(value: f64) -> String {
    format!("{value:+.1}")
}

/// What a change is against: an edition label that is a plain year in the language's
/// words (`2018 年`), anything else as written (`FY2018`).
pub fn against(t: &Texts, against: &str) -> String {
    let year = against.len() == 4 && against.bytes().all(|b| b.is_ascii_digit());
    if year {
        fill(t.years.year, &[("year", against)])
    } else {
        against.to_owned()
    }
}

/// A place in a ranking: `54th` in English, `第54` in Chinese.
pub fn place(t: &Texts, n: u64) -> String {
    match t.lang {
        Lang::En => ordinal(n),
        _ => fill(t.years.place, &[("n", &n.to_string())]),
    }
}

/// `+12.4% vs 2018`.
pub fn relative(t: &Texts, about: &str, percent: f64, against: &str) -> String {
    fill(
        t.years.relative,
        &[
            ("about", about),
            ("change", &signed(percent)),
            ("against", against),
        ],
    )
}

/// `+2.1 pp vs 2018`.
pub fn points(t: &Texts, about: &str, points: f64, against: &str) -> String {
    fill(
        t.years.points,
        &[
            ("about", about),
            ("change", &signed(points)),
            ("against", against),
        ],
    )
}

/// `rank 54th → 41st, up 13 places vs 2018`.
pub fn rank(t: &Texts, from: u64, to: u64, direction: Direction, against: &str) -> String {
    let y = &t.years;
    let by = from.abs_diff(to);
    let places = fill(
        t.lang.plural(by as usize, y.places_one, y.places_other),
        &[("n", &by.to_string())],
    );
    let template = match direction {
        Direction::Up => y.rank_up,
        Direction::Down => y.rank_down,
        Direction::Same => y.rank_same,
    };
    fill(
        template,
        &[
            ("from", &place(t, from)),
            ("to", &place(t, to)),
            ("places", &places),
            ("against", against),
        ],
    )
}

/// `score 4.2 → 4.5 of 5 vs 2018`.
pub fn score(t: &Texts, about: &str, from: f64, to: f64, out_of: f64, against: &str) -> String {
    fill(
        t.years.score,
        &[
            ("about", about),
            ("from", &printed_number(from, None)),
            ("to", &printed_number(to, None)),
            ("max", &printed_number(out_of, None)),
            ("against", against),
        ],
    )
}

/// `rank of 500`.
pub fn rank_of(t: &Texts, n: f64) -> String {
    fill(t.years.rank_of, &[("n", &printed_number(n, None))])
}

/// `score out of 5`.
pub fn score_of(t: &Texts, n: f64) -> String {
    fill(t.years.score_of, &[("n", &printed_number(n, None))])
}
