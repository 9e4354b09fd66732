//! The geometry of the dashboard's and the milestone comparison's SVG charts: a line of one
//! measure over the dashboard's points, and paired bars "then / now" per category. Plain
//! data in whole viewBox units (no float formatting in the component), with every text the
//! chart shows and a summary sentence for screen readers; a component only writes it out.
//!
//! # Rules
//!
//! - Every chart has the viewBox `0 0 WIDTH HEIGHT`; every coordinate here is inside it.
//! - The y axis starts at 0. Its top is the series' bound when it has one (a tier's
//!   services, 100 % for a density, the top level for the mean level), else the data's
//!   highest value, at least 1, rounded up to a round value: steps of 1, 2 or 5 times a
//!   power of ten, so that there are 3 to 6 ticks (a count whose top is 1 has 2: 0 and 1;
//!   counts have no half ticks).
//! - A value above the axis top is drawn at the top and flagged (`clamped`), a negative one
//!   at 0 and flagged; its words say the real value. A missing value (or one that is not
//!   a finite number) breaks the line and has no marker; as a bar, it has no height and is
//!   said "—".
//! - Labels are shortened with "…" to what their room holds — a line's to 12 characters
//!   when points are close, up to 20 when they are few (the last always to 12), a bar
//!   pair's to its slot (the whole label is kept for a `<title>`); when points are too close for their labels, every k-th label is shown and
//!   always the last ("Maintenant"). Widths are estimated at 0.6 em a character of
//!   [`FONT`] units, the size the component must write them in. A marker's direct label
//!   is written where its point's label is.
//! - Limits: the tick labels' margin holds 6 characters ("100000", "5000 %"); the bars'
//!   value labels are not thinned (a few categories, as a range's tiers, are expected).

use super::i18n::percent_text;
use super::milestone::{Basis, Dashboard, Measure, MilestoneChanges};
use super::model::Config;
use super::plan_text::plan_text;
use super::text::Lang;

/// The viewBox: `0 0 WIDTH HEIGHT`.
pub const WIDTH: i32 = 640;
pub const HEIGHT: i32 = 280;
/// The text size every width here assumes (viewBox units).
pub const FONT: i32 = 14;
/// The plot area: the y axis at `PLOT_LEFT`, the zero line at `PLOT_BOTTOM`, the axis top
/// at `PLOT_TOP`.
pub const PLOT_LEFT: i32 = 64;
pub const PLOT_RIGHT: i32 = WIDTH - 16;
pub const PLOT_TOP: i32 = 28;
pub const PLOT_BOTTOM: i32 = 236;
/// Where the y ticks' labels end (`text-anchor="end"`).
pub const TICK_LABEL_X: i32 = PLOT_LEFT - 8;
/// The baseline of the labels under the plot (points, categories; `text-anchor="middle"`).
pub const X_LABEL_Y: i32 = PLOT_BOTTOM + 22;
/// The longest short label, "…" included.
pub const SHORT_CHARS: usize = 12;
/// The longest a line's label gets when there is room for it (few points): what the first
/// point's margin holds.
pub const LONG_CHARS: usize = 20;
/// The longest a bar pair's label gets (each is centred in its own slot).
const BAR_CHARS: usize = 28;

/// The first and last points' x: room for half a label of [`SHORT_CHARS`] on each side.
const FIRST_X: i32 = PLOT_LEFT + 24;
const LAST_X: i32 = WIDTH - 56;
/// The space between two labels, and between two bars of a pair.
const GAP: i32 = 8;
const BAR_GAP: i32 = 4;
const BAR_MAX: i32 = 56;
/// A text's baseline above the point or bar it labels; a tick label's below its line.
const ABOVE: i32 = 8;
const TICK_DY: i32 = 5;
/// The highest axis top, in units (larger values are clamped): no overflow.
const MAX_UNITS: u64 = 1_000_000_000_000_000;

/// How a series' values are counted and said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Whole numbers (services, gaps, actions): "3".
    Count,
    /// A share from 0 to 1, said as a percentage: "35 %".
    Share,
    /// A mean level, said with one decimal: "2,3".
    Level,
}

impl Scale {
    /// The scale of a dashboard's measure.
    pub fn of(measure: Measure) -> Scale {
        match measure {
            Measure::Density => Scale::Share,
            Measure::MeanLevel => Scale::Level,
            _ => Scale::Count,
        }
    }

    /// The axis' units in one value: whole numbers, percents, tenths.
    fn units(self) -> u64 {
        match self {
            Scale::Count => 1,
            Scale::Share => 100,
            Scale::Level => 10,
        }
    }
}

/// A tick of the y axis: its line's y, its label's baseline and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    pub y: i32,
    pub text_y: i32,
    pub text: String,
}

/// The y axis: 0 to a round top, with its ticks from 0 up.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub scale: Scale,
    /// The axis top, as a value (1.0 for 100 %).
    pub top: f64,
    pub ticks: Vec<Tick>,
    /// The top in units (whole numbers, percents, tenths).
    top_units: u64,
}

impl Axis {
    /// The axis of a scale up to at least `highest` (a bound or the data's highest value;
    /// at least 1).
    pub fn new(scale: Scale, highest: f64, lang: Lang) -> Axis {
        let per = scale.units();
        let wanted = if highest.is_nan() {
            per
        } else {
            ((highest * per as f64).ceil().min(MAX_UNITS as f64) as u64).max(per)
        };
        let mut base = 1;
        let (step, intervals) = 'found: loop {
            for m in [1, 2, 5] {
                let step = m * base;
                let n = wanted.div_ceil(step);
                if n <= 5 {
                    break 'found (step, n);
                }
            }
            base *= 10;
        };
        let top_units = step * intervals;
        let decimals = scale == Scale::Level && step % 10 != 0;
        let ticks = (0..=intervals)
            .map(|i| {
                let y = y_of_units((i * step) as f64, top_units);
                Tick {
                    y,
                    text_y: y + TICK_DY,
                    text: units_text(scale, (i * step) as i64, decimals, lang),
                }
            })
            .collect();
        Axis {
            scale,
            top: top_units as f64 / per as f64,
            ticks,
            top_units,
        }
    }

    /// A value's y, clamped into the axis (true when it was).
    pub fn y(&self, value: f64) -> (i32, bool) {
        let units = value * self.scale.units() as f64;
        let clamped = units.clamp(0.0, self.top_units as f64);
        (y_of_units(clamped, self.top_units), clamped != units)
    }
}

fn y_of_units(units: f64, top: u64) -> i32 {
    let h = (PLOT_BOTTOM - PLOT_TOP) as f64;
    PLOT_BOTTOM - (units * h / top as f64).round() as i32
}

/// A number of units in words: "3", "35 %", "2,3" (a level's decimal only when asked).
fn units_text(scale: Scale, units: i64, decimals: bool, lang: Lang) -> String {
    match scale {
        Scale::Count => units.to_string(),
        Scale::Share => percent_text(lang, units.clamp(0, u32::MAX as i64) as u32),
        Scale::Level => {
            let sign = if units < 0 { "-" } else { "" };
            let (whole, tenth) = (units.unsigned_abs() / 10, units.unsigned_abs() % 10);
            if decimals || tenth != 0 {
                let comma = if lang == Lang::Fr { "," } else { "." };
                format!("{sign}{whole}{comma}{tenth}")
            } else {
                format!("{sign}{whole}")
            }
        }
    }
}

fn units_of(scale: Scale, value: f64) -> i64 {
    (value * scale.units() as f64).round() as i64
}

/// A value in short words, as a direct label: "3", "35 %", "2,3".
pub fn value_text(scale: Scale, value: f64, lang: Lang) -> String {
    units_text(scale, units_of(scale, value), true, lang)
}

/// A value in words, out of its bound when it has one: "3/7", "35 %", "2,3 sur 4" (as the
/// dashboard's table says them).
pub fn value_words(scale: Scale, value: f64, bound: Option<f64>, lang: Lang) -> String {
    let short = value_text(scale, value, lang);
    match (scale, bound) {
        (Scale::Count, Some(b)) => format!("{short}/{}", units_of(scale, b)),
        (Scale::Level, Some(b)) => {
            let top = units_text(scale, units_of(scale, b), false, lang);
            (plan_text(lang).level_of)(&short, &top)
        }
        _ => short,
    }
}

/// An estimate of a text's width at [`FONT`]: 0.6 em a character.
pub fn text_width(text: &str) -> i32 {
    text.chars().count() as i32 * FONT * 3 / 5
}

/// A label of at most `max` characters: cut with "…", at a space when one is in the kept
/// text's second half.
pub fn short_label(label: &str, max: usize) -> String {
    let max = max.max(2);
    if label.chars().count() <= max {
        return label.to_string();
    }
    let cut: String = label.chars().take(max - 1).collect();
    let whole_word = label.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let kept = match cut.rfind(' ') {
        _ if whole_word => &cut,
        Some(i) if cut[..i].chars().count() >= max / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", kept.trim_end())
}

/// Which of the labels at `xs` (increasing) to show so that none of `width` overlaps
/// another: every k-th from the first, and the last always (the one shown before it hidden
/// when too close).
fn shown_labels(xs: &[i32], width: i32) -> Vec<bool> {
    let n = xs.len();
    let room = width + GAP;
    let clear = |i: usize, j: usize| xs[j] - xs[i] >= room;
    let mut shown = vec![false; n];
    if n == 0 {
        return shown;
    }
    if let Some(k) = (1..n).find(|&k| (0..n - k).all(|i| clear(i, i + k))) {
        for i in (0..n).step_by(k) {
            shown[i] = true;
        }
        if let Some(p) = (0..n - 1).rev().find(|&p| shown[p]) {
            shown[p] = clear(p, n - 1);
        }
    }
    shown[n - 1] = true;
    shown
}

// ---- The line.

/// A value's marker on the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marker {
    pub y: i32,
    /// Drawn at the axis top or at 0, the value being beyond.
    pub clamped: bool,
    /// The value, short, as a direct label ("35 %"); its baseline at `text_y`, above the
    /// marker (at `LinePoint::x`, `text-anchor="middle"`).
    pub text: String,
    pub text_y: i32,
    /// The point and the value in words, for a `<title>`: "T0 — atelier du 12 mars : 3/7".
    pub title: String,
}

/// One point of the line: a milestone or now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePoint {
    pub x: i32,
    /// The whole label, for a `<title>`.
    pub label: String,
    /// The label under the axis (at [`X_LABEL_Y`]), at most [`SHORT_CHARS`].
    pub short: String,
    /// The short label and the marker's direct label are written (others would overlap).
    pub shown: bool,
    /// None: no value at this point.
    pub marker: Option<Marker>,
}

/// A line chart of one series.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub axis: Axis,
    /// The series' bound when the axis goes past it (a tier's 7 services on an axis to 8):
    /// a line across the plot at this y.
    pub limit_y: Option<i32>,
    pub points: Vec<LinePoint>,
    /// The line, one polyline per run of two values or more without a missing one.
    pub lines: Vec<Vec<(i32, i32)>>,
    /// The chart in one sentence, for screen readers.
    pub summary: String,
}

/// A line of `values` (one per label, in order) with its axis up to `bound` (none: the
/// data's highest value).
pub fn line_chart(
    title: &str,
    scale: Scale,
    bound: Option<f64>,
    labels: &[&str],
    values: &[Option<f64>],
    lang: Lang,
) -> LineChart {
    let n = labels.len().min(values.len());
    let values: Vec<Option<f64>> = values[..n]
        .iter()
        .map(|v| v.filter(|v| v.is_finite()))
        .collect();
    let highest = values.iter().flatten().copied().fold(0.0, f64::max);
    let axis = Axis::new(scale, bound.unwrap_or(highest), lang);
    let limit_y = bound
        .map(|b| axis.y(b))
        .filter(|&(y, clamped)| !clamped && y != PLOT_TOP && y != PLOT_BOTTOM)
        .map(|(y, _)| y);
    let xs: Vec<i32> = (0..n)
        .map(|i| match n {
            1 => (FIRST_X + LAST_X) / 2,
            _ => FIRST_X + ((LAST_X - FIRST_X) as usize * i / (n - 1)) as i32,
        })
        .collect();
    // Few points leave room for longer labels (up to LONG_CHARS, what the first point's
    // margin holds); the last keeps SHORT_CHARS, the room at the right edge.
    let spacing = match n {
        0 | 1 => LAST_X - FIRST_X,
        _ => (LAST_X - FIRST_X) / (n as i32 - 1),
    };
    let room = (((spacing - GAP) * 5 / (FONT * 3)).max(0) as usize).clamp(SHORT_CHARS, LONG_CHARS);
    let shorts: Vec<String> = labels[..n]
        .iter()
        .enumerate()
        .map(|(i, l)| short_label(l, if i + 1 == n { SHORT_CHARS } else { room }))
        .collect();
    let widest = shorts.iter().map(|s| text_width(s)).max().unwrap_or(0);
    let shown = shown_labels(&xs, widest);
    let text = plan_text(lang);
    let mut lines = Vec::new();
    let mut run: Vec<(i32, i32)> = Vec::new();
    let mut points = Vec::with_capacity(n);
    for i in 0..n {
        let marker = values[i].map(|v| {
            let (y, clamped) = axis.y(v);
            Marker {
                y,
                clamped,
                text: value_text(scale, v, lang),
                text_y: y - ABOVE,
                title: (text.chart_point)(labels[i], &value_words(scale, v, bound, lang)),
            }
        });
        match &marker {
            Some(m) => run.push((xs[i], m.y)),
            None => end_run(&mut run, &mut lines),
        }
        points.push(LinePoint {
            x: xs[i],
            label: labels[i].to_string(),
            short: shorts[i].clone(),
            shown: shown[i],
            marker,
        });
    }
    end_run(&mut run, &mut lines);
    let summary = line_summary(title, scale, bound, labels, &values, lang);
    LineChart {
        title: title.to_string(),
        axis,
        limit_y,
        points,
        lines,
        summary,
    }
}

fn end_run(run: &mut Vec<(i32, i32)>, lines: &mut Vec<Vec<(i32, i32)>>) {
    if run.len() > 1 {
        lines.push(std::mem::take(run));
    } else {
        run.clear();
    }
}

/// "Densité des relations : de 12 % (T0) à 35 % (Maintenant), au plus haut 40 % (T2)."
fn line_summary(
    title: &str,
    scale: Scale,
    bound: Option<f64>,
    labels: &[&str],
    values: &[Option<f64>],
    lang: Lang,
) -> String {
    let text = plan_text(lang);
    let present: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| Some((i, (*v)?)))
        .collect();
    let words = |v: f64| value_words(scale, v, bound, lang);
    let (first, last) = match (present.first(), present.last()) {
        (Some(&f), Some(&l)) if f.0 != l.0 => (f, l),
        (Some(&(i, v)), _) => return format!("{}.", (text.line_one)(title, &words(v), labels[i])),
        _ => return format!("{}.", (text.line_none)(title)),
    };
    let mut out = (text.line_from_to)(
        title,
        &words(first.1),
        labels[first.0],
        &words(last.1),
        labels[last.0],
    );
    let pick = |better: fn(f64, f64) -> bool| {
        present
            .iter()
            .copied()
            .reduce(|a, b| if better(b.1, a.1) { b } else { a })
            .filter(|&(_, v)| better(v, first.1) && better(v, last.1))
    };
    if let Some((i, v)) = pick(|a, b| a > b) {
        out.push_str(&(text.line_highest)(&words(v), labels[i]));
    }
    if let Some((i, v)) = pick(|a, b| a < b) {
        out.push_str(&(text.line_lowest)(&words(v), labels[i]));
    }
    out.push('.');
    out
}

/// A dashboard's measure over its points, the axis up to the measure's bound.
pub fn dashboard_line(
    config: &Config,
    dashboard: &Dashboard,
    measure: Measure,
    lang: Lang,
) -> LineChart {
    let labels: Vec<&str> = dashboard.points.iter().map(|p| p.label.as_str()).collect();
    let bound = dashboard
        .points
        .iter()
        .filter_map(|p| measure.max(dashboard, p))
        .reduce(f64::max);
    line_chart(
        &measure.label(config, dashboard, lang),
        Scale::of(measure),
        bound,
        &labels,
        &dashboard.series(measure),
        lang,
    )
}

/// A polyline's `points` attribute: "88,236 112,200".
pub fn points_attr(line: &[(i32, i32)]) -> String {
    let mut out = String::new();
    for (i, (x, y)) in line.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&x.to_string());
        out.push(',');
        out.push_str(&y.to_string());
    }
    out
}

// ---- Paired bars.

/// The two moments of paired bars. Told apart by more than colour: the component gives one
/// a hatching pattern (see [`Series::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    Then,
    Now,
}

impl Series {
    pub const ALL: [Series; 2] = [Series::Then, Series::Now];

    /// A stable name, used as a CSS class and in tests.
    pub fn key(self) -> &'static str {
        match self {
            Series::Then => "then",
            Series::Now => "now",
        }
    }
}

/// One category's two values.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub label: String,
    pub then: f64,
    pub now: f64,
    /// The category's bound, said with the values ("3/7").
    pub total: Option<f64>,
}

/// One bar: its rectangle (`height` 0 for 0), its value above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    pub series: Series,
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
    /// Drawn to the axis top or to 0, the value being beyond.
    pub clamped: bool,
    /// The value, short ("3"), its baseline at (`text_x`, `text_y`), `text-anchor="middle"`.
    pub text: String,
    pub text_x: i32,
    pub text_y: i32,
    /// The category, the moment and the value in words, for a `<title>`.
    pub title: String,
}

/// One category: its label under its two bars.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarGroup {
    /// The centre of the pair, where the label is written (at [`X_LABEL_Y`]).
    pub x: i32,
    pub label: String,
    pub short: String,
    /// The short label is written (others would overlap).
    pub shown: bool,
    /// Then, now.
    pub bars: [Bar; 2],
}

/// Paired bars "then / now".
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub axis: Axis,
    pub groups: Vec<BarGroup>,
    /// Then's and now's names, in [`Series::ALL`] order.
    pub legend: [String; 2],
    /// The chart in one sentence, for screen readers.
    pub summary: String,
}

/// Paired bars of `pairs` at two moments named by `legend` (then, now), the axis up to
/// `bound` (none: the highest value or total).
pub fn pair_bars(
    title: &str,
    scale: Scale,
    bound: Option<f64>,
    legend: [&str; 2],
    pairs: &[Pair],
    lang: Lang,
) -> BarChart {
    let highest = pairs
        .iter()
        .flat_map(|p| [p.then, p.now, p.total.unwrap_or(0.0)])
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let axis = Axis::new(scale, bound.unwrap_or(highest), lang);
    let text = plan_text(lang);
    let n = pairs.len().max(1) as i32;
    let span = PLOT_RIGHT - PLOT_LEFT;
    let slot = span / n;
    let width = ((slot - 3 * BAR_GAP) / 2).clamp(1, BAR_MAX);
    let xs: Vec<i32> = (0..pairs.len() as i32)
        .map(|i| PLOT_LEFT + (2 * i + 1) * span / (2 * n))
        .collect();
    let chars = ((slot - GAP) * 5 / (FONT * 3)).max(2) as usize;
    let shorts: Vec<String> = pairs
        .iter()
        .map(|p| short_label(&p.label, chars.min(BAR_CHARS)))
        .collect();
    let widest = shorts.iter().map(|s| text_width(s)).max().unwrap_or(0);
    let shown = shown_labels(&xs, widest);
    let groups = pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let cx = xs[i];
            let bar = |series: Series, value: f64, x: i32| {
                let (y, clamped) = axis.y(if value.is_finite() { value } else { 0.0 });
                let name = format!("{} — {}", p.label, legend[series as usize]);
                Bar {
                    series,
                    x,
                    y,
                    width,
                    height: PLOT_BOTTOM - y,
                    clamped,
                    text: bar_text(scale, value, None, lang),
                    text_x: x + width / 2,
                    text_y: y - ABOVE,
                    title: (text.chart_point)(&name, &bar_text(scale, value, p.total, lang)),
                }
            };
            BarGroup {
                x: cx,
                label: p.label.clone(),
                short: shorts[i].clone(),
                shown: shown[i],
                bars: [
                    bar(Series::Then, p.then, cx - BAR_GAP / 2 - width),
                    bar(Series::Now, p.now, cx + BAR_GAP / 2),
                ],
            }
        })
        .collect();
    let items: Vec<String> = pairs
        .iter()
        .map(|p| {
            let (then, now) = (
                bar_text(scale, p.then, p.total, lang),
                bar_text(scale, p.now, p.total, lang),
            );
            if then == now {
                (text.bar_same)(&p.label, &then)
            } else {
                (text.bar_moved)(&p.label, &then, &now)
            }
        })
        .collect();
    let items = if items.is_empty() {
        "—".to_string()
    } else {
        items.join("; ")
    };
    BarChart {
        title: title.to_string(),
        axis,
        groups,
        legend: legend.map(str::to_string),
        summary: (text.bars_then_now)(title, legend[0], legend[1], &items),
    }
}

/// A bar's value in words, "—" when it is not a number (no bar drawn).
fn bar_text(scale: Scale, value: f64, total: Option<f64>, lang: Lang) -> String {
    match value.is_finite() {
        true => value_words(scale, value, total, lang),
        false => "—".into(),
    }
}

/// The comparison's services covered per tier, then and now (out of each tier's services).
pub fn coverage_bars(
    config: &Config,
    basis: &Basis,
    changes: &MilestoneChanges,
    legend: [&str; 2],
    lang: Lang,
) -> BarChart {
    let pairs: Vec<Pair> = changes
        .coverage
        .iter()
        .map(|t| Pair {
            label: config.tiers[basis.range[t.position].tier]
                .label
                .get(lang)
                .to_string(),
            then: t.before.covered as f64,
            now: t.after.covered as f64,
            total: Some(t.after.total.max(t.before.total) as f64),
        })
        .collect();
    let bound = pairs.iter().filter_map(|p| p.total).reduce(f64::max);
    pair_bars(
        plan_text(lang).covered_by_tier,
        Scale::Count,
        bound,
        legend,
        &pairs,
        lang,
    )
}
