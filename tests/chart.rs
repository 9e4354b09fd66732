//! Native tests of the charts' geometry: round ticks, every coordinate inside the viewBox
//! (property tests), a missing value breaking the line, a single point, values beyond the
//! axis clamped, labels thinned without overlap and the last always shown, paired bars
//! proportional to their values, the summaries in French and English, and the charts of a
//! real dashboard and comparison.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use service_range_mapper::core::chart::*;
use service_range_mapper::core::defaults::default_config;
use service_range_mapper::core::gaps::Coverage;
use service_range_mapper::core::milestone::{compare, dashboard, mark, Basis, Measure};
use service_range_mapper::core::plan::parse_date;
use service_range_mapper::core::session::Session;
use service_range_mapper::core::text::Lang;

const H: i32 = PLOT_BOTTOM - PLOT_TOP;

fn texts(axis: &Axis) -> Vec<&str> {
    axis.ticks.iter().map(|t| t.text.as_str()).collect()
}

/// A text's width as the test estimates it, independently of the module: 0.6 em a char.
fn width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT as f64 * 0.6
}

#[test]
fn ticks_are_round_values_from_zero() {
    let a = Axis::new(Scale::Count, 7.0, Lang::Fr);
    assert_eq!(texts(&a), ["0", "2", "4", "6", "8"]);
    assert_eq!(a.top, 8.0);
    let ys: Vec<i32> = a.ticks.iter().map(|t| t.y).collect();
    assert_eq!(ys, [236, 184, 132, 80, 28]);
    assert_eq!(ys[0], PLOT_BOTTOM);
    assert_eq!(ys[4], PLOT_TOP);

    let fr = Axis::new(Scale::Share, 1.0, Lang::Fr);
    assert_eq!(
        texts(&fr),
        [
            "0\u{a0}%",
            "20\u{a0}%",
            "40\u{a0}%",
            "60\u{a0}%",
            "80\u{a0}%",
            "100\u{a0}%"
        ]
    );
    assert_eq!(fr.top, 1.0);
    let en = Axis::new(Scale::Share, 1.0, Lang::En);
    assert_eq!(texts(&en), ["0%", "20%", "40%", "60%", "80%", "100%"]);

    // Nothing but zeros: an axis to 1 all the same (a share to 100 %, a level to 1).
    let zero = Axis::new(Scale::Count, 0.0, Lang::Fr);
    assert_eq!(texts(&zero), ["0", "1"]);
    assert_eq!(zero.top, 1.0);
    assert_eq!(Axis::new(Scale::Share, 0.0, Lang::Fr).top, 1.0);
    assert_eq!(Axis::new(Scale::Level, 0.0, Lang::Fr).top, 1.0);

    // A level's ticks have a decimal only when a step has one, with a French comma.
    assert_eq!(
        texts(&Axis::new(Scale::Level, 5.0, Lang::Fr)),
        ["0", "1", "2", "3", "4", "5"]
    );
    assert_eq!(
        texts(&Axis::new(Scale::Level, 2.0, Lang::Fr)),
        ["0,0", "0,5", "1,0", "1,5", "2,0"]
    );
    assert_eq!(
        texts(&Axis::new(Scale::Level, 2.0, Lang::En)),
        ["0.0", "0.5", "1.0", "1.5", "2.0"]
    );
    // A share without a bound, above 100 %.
    assert_eq!(Axis::new(Scale::Share, 1.3, Lang::En).top, 1.5);

    assert_eq!(
        texts(&Axis::new(Scale::Count, 21.0, Lang::Fr)),
        ["0", "5", "10", "15", "20", "25"]
    );
    assert_eq!(
        texts(&Axis::new(Scale::Count, 26.0, Lang::Fr)),
        ["0", "10", "20", "30"]
    );
    assert_eq!(
        texts(&Axis::new(Scale::Count, 1234.0, Lang::Fr)),
        ["0", "500", "1000", "1500"]
    );
    // A value just above a whole number rounds up.
    assert_eq!(Axis::new(Scale::Count, 8.2, Lang::Fr).top, 10.0);
}

#[test]
fn every_top_has_three_to_six_evenly_spaced_ticks() {
    for scale in [Scale::Count, Scale::Share, Scale::Level] {
        for i in 0..3000 {
            let highest = i as f64 * 0.37;
            let a = Axis::new(scale, highest, Lang::En);
            let n = a.ticks.len();
            let two = scale == Scale::Count && highest <= 1.0;
            assert!(
                (3..=6).contains(&n) || (two && n == 2),
                "{scale:?} {highest}: {n} ticks"
            );
            assert!(
                a.top >= highest.max(1.0),
                "{scale:?} {highest}: top {}",
                a.top
            );
            // Not more than 2.5 times what was asked (then at least 3 ticks' room).
            assert!(
                a.top <= highest.max(1.0) * 2.5 + 1e-9,
                "{highest} → {}",
                a.top
            );
            assert_eq!(a.ticks[0].y, PLOT_BOTTOM);
            assert_eq!(a.ticks[n - 1].y, PLOT_TOP);
            let gaps: Vec<i32> = a.ticks.windows(2).map(|w| w[0].y - w[1].y).collect();
            assert!(gaps.iter().all(|&g| (g - gaps[0]).abs() <= 1), "{gaps:?}");
        }
    }
}

fn labels(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| match i + 1 == n {
            true => "Maintenant".to_string(),
            false => format!("T{i} — atelier de suivi du {} mars", i + 1),
        })
        .collect()
}

fn refs(labels: &[String]) -> Vec<&str> {
    labels.iter().map(String::as_str).collect()
}

#[test]
fn a_missing_value_splits_the_line_and_has_no_marker() {
    let l = labels(5);
    let values = [Some(1.0), Some(2.0), None, Some(3.0), Some(4.0)];
    let c = line_chart("Écarts", Scale::Count, None, &refs(&l), &values, Lang::Fr);
    assert_eq!(c.points.len(), 5);
    assert!(c.points[2].marker.is_none());
    assert_eq!(c.lines.len(), 2);
    let p = |i: usize| (c.points[i].x, c.points[i].marker.as_ref().unwrap().y);
    assert_eq!(c.lines[0], vec![p(0), p(1)]);
    assert_eq!(c.lines[1], vec![p(3), p(4)]);
    // Axis 0..4 (step 1): 4 at the top, 1 a quarter up.
    assert_eq!(p(4).1, PLOT_TOP);
    assert_eq!(p(0).1, PLOT_BOTTOM - H / 4);
    assert_eq!(
        points_attr(&c.lines[0]),
        format!("88,{} 212,{}", p(0).1, p(1).1)
    );

    // Values alone between missing ones: markers, no line.
    let values = [Some(1.0), None, Some(2.0), None, Some(f64::NAN)];
    let c = line_chart("Écarts", Scale::Count, None, &refs(&l), &values, Lang::Fr);
    assert!(c.lines.is_empty());
    let markers: Vec<bool> = c.points.iter().map(|p| p.marker.is_some()).collect();
    assert_eq!(markers, [true, false, true, false, false]);
    let values = [Some(1.0), Some(f64::INFINITY), Some(2.0)];
    let c = line_chart(
        "Écarts",
        Scale::Count,
        None,
        &refs(&l[..3]),
        &values,
        Lang::Fr,
    );
    assert!(c.lines.is_empty() && c.points[1].marker.is_none());
    assert_eq!(c.axis.top, 2.0, "the axis ignores what is not a number");
}

#[test]
fn a_single_point_is_a_marker_in_the_middle() {
    let c = line_chart(
        "Densité des relations",
        Scale::Share,
        Some(1.0),
        &["Maintenant"],
        &[Some(0.35)],
        Lang::Fr,
    );
    assert_eq!(c.points.len(), 1);
    let p = &c.points[0];
    assert!(p.shown);
    assert_eq!(p.short, "Maintenant");
    assert!(p.x > PLOT_LEFT && p.x < PLOT_RIGHT);
    assert!((p.x - (PLOT_LEFT + PLOT_RIGHT) / 2).abs() < 40);
    let m = p.marker.as_ref().unwrap();
    assert_eq!(m.y, PLOT_BOTTOM - (0.35 * H as f64).round() as i32);
    assert_eq!(m.text, "35\u{a0}%");
    assert_eq!(m.title, "Maintenant\u{a0}: 35\u{a0}%");
    assert!(!m.clamped);
    assert!(c.lines.is_empty());
    assert_eq!(c.limit_y, None, "the bound is the axis top");
    assert_eq!(
        c.summary,
        "Densité des relations\u{a0}: 35\u{a0}% (Maintenant)."
    );

    let empty = line_chart("Gaps", Scale::Count, None, &[], &[], Lang::En);
    assert!(empty.points.is_empty() && empty.lines.is_empty());
    assert_eq!(empty.summary, "Gaps: no value.");
    assert_eq!(texts(&empty.axis), ["0", "1"]);
}

#[test]
fn values_beyond_the_axis_are_clamped_and_flagged_and_said_as_they_are() {
    let l = labels(4);
    let values = [Some(2.0), Some(9.0), Some(-1.0), Some(4.5)];
    let c = line_chart(
        "Couverts",
        Scale::Count,
        Some(4.0),
        &refs(&l),
        &values,
        Lang::Fr,
    );
    assert_eq!(c.axis.top, 4.0);
    let m: Vec<&Marker> = c
        .points
        .iter()
        .map(|p| p.marker.as_ref().unwrap())
        .collect();
    assert_eq!((m[0].y, m[0].clamped), (PLOT_BOTTOM - H / 2, false));
    assert_eq!((m[1].y, m[1].clamped), (PLOT_TOP, true));
    assert_eq!((m[2].y, m[2].clamped), (PLOT_BOTTOM, true));
    assert_eq!((m[3].y, m[3].clamped), (PLOT_TOP, true));
    assert_eq!(m[1].text, "9");
    assert!(m[1].title.ends_with("\u{a0}: 9/4"), "{}", m[1].title);
    assert!(m.iter().all(|m| m.text_y >= FONT));
    // The bound is under the axis top: a line at 7 on an axis to 8.
    let c = line_chart(
        "Couverts",
        Scale::Count,
        Some(7.0),
        &refs(&l),
        &values,
        Lang::Fr,
    );
    assert_eq!(c.axis.top, 8.0);
    assert_eq!(c.limit_y, Some(PLOT_BOTTOM - H * 7 / 8));
}

#[test]
fn many_points_show_labels_that_do_not_overlap_and_always_the_last() {
    for n in [2, 3, 5, 8, 12, 20, 21, 25, 40, 100] {
        let l = labels(n);
        let values: Vec<Option<f64>> = (0..n).map(|i| Some(i as f64)).collect();
        let c = line_chart("Écarts", Scale::Count, None, &refs(&l), &values, Lang::Fr);
        let shown: Vec<&LinePoint> = c.points.iter().filter(|p| p.shown).collect();
        let last = c.points.last().unwrap();
        assert!(last.shown, "{n} points: the last is shown");
        assert_eq!(last.short, "Maintenant");
        for w in shown.windows(2) {
            let (a, b) = (w[0], w[1]);
            let room = (width(&a.short) + width(&b.short)) / 2.0;
            assert!(
                (b.x - a.x) as f64 >= room,
                "{n} points: {:?} at {} and {:?} at {} overlap",
                a.short,
                a.x,
                b.short,
                b.x
            );
        }
        for p in &shown {
            assert!(p.short.chars().count() <= LONG_CHARS);
            assert!(p.x as f64 - width(&p.short) / 2.0 >= 0.0);
            assert!(p.x as f64 + width(&p.short) / 2.0 <= WIDTH as f64);
        }
        if n <= 5 {
            assert_eq!(shown.len(), n, "{n} points all fit");
        }
        if n == 21 {
            // Every 5th and the last: T0, T5, T10, T15, Maintenant.
            let at: Vec<usize> = (0..n).filter(|&i| c.points[i].shown).collect();
            assert_eq!(at, [0, 5, 10, 15, 20]);
            assert_eq!(c.points[5].short, "T5 — atelie…");
            assert_eq!(c.points[5].label, l[5]);
        }
    }
}

#[test]
fn labels_are_shortened_with_an_ellipsis() {
    assert_eq!(short_label("Maintenant", 12), "Maintenant");
    assert_eq!(short_label("T1 — bilan de septembre", 12), "T1 — bilan…");
    assert_eq!(short_label("Services de proximité", 12), "Services de…");
    assert_eq!(short_label("Hébergement", 4), "Héb…");
    assert_eq!(short_label("Abcdefghijklmnop", 12), "Abcdefghijk…");
}

#[test]
fn the_line_summary_says_first_last_highest_and_lowest() {
    let l = ["T0", "T1", "T2", "Maintenant"];
    let values = [Some(0.12), Some(0.40), None, Some(0.35)];
    let fr = line_chart(
        "Densité des relations",
        Scale::Share,
        Some(1.0),
        &l,
        &values,
        Lang::Fr,
    );
    assert_eq!(
        fr.summary,
        "Densité des relations\u{a0}: de 12\u{a0}% (T0) à 35\u{a0}% (Maintenant), au plus haut 40\u{a0}% (T1)."
    );
    let l = ["T0", "T1", "T2", "Now"];
    let en = line_chart(
        "Relation density",
        Scale::Share,
        Some(1.0),
        &l,
        &values,
        Lang::En,
    );
    assert_eq!(
        en.summary,
        "Relation density: from 12% (T0) to 35% (Now), highest 40% (T1)."
    );
    let values = [Some(3.0), Some(1.0), Some(5.0), Some(4.0)];
    let en = line_chart("Covered", Scale::Count, Some(7.0), &l, &values, Lang::En);
    assert_eq!(
        en.summary,
        "Covered: from 3/7 (T0) to 4/7 (Now), highest 5/7 (T2), lowest 1/7 (T1)."
    );
    let values = [Some(2.25), None, None, Some(3.0)];
    let fr = line_chart(
        "Niveau moyen",
        Scale::Level,
        Some(5.0),
        &l,
        &values,
        Lang::Fr,
    );
    assert_eq!(
        fr.summary,
        "Niveau moyen\u{a0}: de 2,3 sur 5 (T0) à 3,0 sur 5 (Now)."
    );
    assert_eq!(fr.points[0].marker.as_ref().unwrap().text, "2,3");
    assert_eq!(fr.summary.matches('.').count(), 1);
}

fn pair(label: &str, then: f64, now: f64, total: Option<f64>) -> Pair {
    Pair {
        label: label.into(),
        then,
        now,
        total,
    }
}

#[test]
fn bars_are_proportional_to_their_values_then_and_now_side_by_side() {
    let pairs = [
        pair("Services de proximité", 3.0, 6.0, Some(12.0)),
        pair("Services spécialisés", 0.0, 12.0, Some(12.0)),
        pair("Hébergement", 5.0, 5.0, Some(8.0)),
    ];
    let c = pair_bars(
        "Services couverts par palier",
        Scale::Count,
        Some(12.0),
        ["T0", "Maintenant"],
        &pairs,
        Lang::Fr,
    );
    assert_eq!(c.axis.top, 15.0);
    assert_eq!(texts(&c.axis), ["0", "5", "10", "15"]);
    assert_eq!(c.groups.len(), 3);
    assert_eq!(c.legend, ["T0".to_string(), "Maintenant".to_string()]);
    for (g, p) in c.groups.iter().zip(&pairs) {
        assert_eq!(g.bars[0].series, Series::Then);
        assert_eq!(g.bars[1].series, Series::Now);
        assert_eq!(g.label, p.label);
        assert!(g.shown);
        let [a, b] = &g.bars;
        assert!(a.x + a.width < b.x, "then before now, apart");
        assert!(
            a.x < g.x && b.x + b.width > g.x,
            "the pair around its label"
        );
        assert_eq!(a.width, b.width);
        for (bar, v) in [(a, p.then), (b, p.now)] {
            assert_eq!(bar.height, (v * H as f64 / 15.0).round() as i32);
            assert_eq!(bar.y + bar.height, PLOT_BOTTOM);
            assert_eq!(bar.text_x, bar.x + bar.width / 2);
            assert!(bar.text_y < bar.y);
            assert!(!bar.clamped);
        }
    }
    let [a, b] = &c.groups[0].bars;
    assert_eq!((a.height, b.height), (42, 83));
    assert_eq!((a.text.as_str(), b.text.as_str()), ("3", "6"));
    assert_eq!(a.title, "Services de proximité — T0\u{a0}: 3/12");
    assert_eq!(c.groups[1].bars[0].height, 0, "zero is no bar");
    assert_eq!(c.groups[1].bars[0].y, PLOT_BOTTOM);
    assert_eq!(c.groups[0].short, "Services de proximité", "room for it");
    assert_eq!(Series::Then.key(), "then");
    assert_eq!(Series::Now.key(), "now");
    assert_eq!(
        c.summary,
        "Services couverts par palier, de T0 à Maintenant\u{a0}: Services de proximité, de 3/12 à 6/12; \
         Services spécialisés, de 0/12 à 12/12; Hébergement, 5/8 (inchangé)."
    );

    let en = pair_bars(
        "Relation density",
        Scale::Share,
        Some(1.0),
        ["T0", "Now"],
        &[pair("Density", 0.12, 1.4, None)],
        Lang::En,
    );
    assert_eq!(
        en.summary,
        "Relation density, from T0 to Now: Density, from 12% to 140%."
    );
    let now = &en.groups[0].bars[1];
    assert!(now.clamped);
    assert_eq!((now.y, now.height), (PLOT_TOP, H));
    assert_eq!(now.text, "140%");

    let nan = pair_bars(
        "Gaps",
        Scale::Count,
        None,
        ["T0", "Now"],
        &[pair("A", f64::NAN, 2.0, None)],
        Lang::En,
    );
    let then = &nan.groups[0].bars[0];
    assert_eq!((then.height, then.text.as_str()), (0, "—"));
    assert_eq!(nan.summary, "Gaps, from T0 to Now: A, from — to 2.");
}

// ---- Everything inside the viewBox.

fn inside_x(x: f64) -> bool {
    (0.0..=WIDTH as f64).contains(&x)
}

fn inside_y(y: i32) -> bool {
    (0..=HEIGHT).contains(&y)
}

/// A text at baseline (x, y) of `anchor` ("start", "middle", "end") fits in the viewBox.
fn text_inside(text: &str, x: i32, y: i32, anchor: &str) -> bool {
    let w = width(text);
    let (l, r) = match anchor {
        "middle" => (x as f64 - w / 2.0, x as f64 + w / 2.0),
        "end" => (x as f64 - w, x as f64),
        _ => (x as f64, x as f64 + w),
    };
    inside_x(l) && inside_x(r) && y - FONT >= 0 && y + FONT / 3 <= HEIGHT
}

fn axis_inside(axis: &Axis) -> Result<(), TestCaseError> {
    for t in &axis.ticks {
        prop_assert!(inside_y(t.y));
        prop_assert!(
            text_inside(&t.text, TICK_LABEL_X, t.text_y, "end"),
            "tick {:?}",
            t.text
        );
    }
    Ok(())
}

/// Values up to `high`: tick labels fit in the margin up to 6 characters ("100000",
/// "5000 %"), which is as far as the module goes.
fn any_value(high: f64) -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        1 => Just(Some(0.0)),
        6 => (0.0..1.0f64).prop_map(Some),
        4 => (0.0..50.0f64).prop_map(Some),
        2 => (-5.0..high).prop_map(Some),
        1 => Just(Some(f64::INFINITY)),
        1 => Just(Some(f64::NEG_INFINITY)),
        1 => Just(Some(f64::NAN)),
    ]
}

fn high(scale: Scale) -> f64 {
    match scale {
        Scale::Count => 99_999.0,
        Scale::Share => 50.0,
        Scale::Level => 9_999.0,
    }
}

fn any_scale() -> impl Strategy<Value = Scale> {
    prop_oneof![Just(Scale::Count), Just(Scale::Share), Just(Scale::Level)]
}

fn any_bound() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), Just(Some(1.0)), (0.0..40.0f64).prop_map(Some)]
}

proptest! {
    #[test]
    fn every_line_coordinate_is_inside_the_viewbox(
        (scale, series) in any_scale().prop_flat_map(|scale| (
            Just(scale),
            prop::collection::vec((any_value(high(scale)), "[A-Za-zé —0-9]{0,40}"), 0..30),
        )),
        bound in any_bound(),
    ) {
        let labels: Vec<&str> = series.iter().map(|(_, l)| l.as_str()).collect();
        let values: Vec<Option<f64>> = series.iter().map(|(v, _)| *v).collect();
        let c = line_chart("Mesure", scale, bound, &labels, &values, Lang::Fr);
        axis_inside(&c.axis)?;
        prop_assert_eq!(c.points.len(), values.len());
        for (p, v) in c.points.iter().zip(&values) {
            prop_assert!(inside_x(p.x as f64));
            if p.shown {
                prop_assert!(text_inside(&p.short, p.x, X_LABEL_Y, "middle"), "{:?}", p.short);
            }
            prop_assert_eq!(p.marker.is_some(), v.is_some_and(f64::is_finite));
            if let Some(m) = &p.marker {
                prop_assert!((PLOT_TOP..=PLOT_BOTTOM).contains(&m.y));
                let v = v.unwrap();
                prop_assert_eq!(m.clamped, v < 0.0 || v > c.axis.top);
                if p.shown {
                    prop_assert!(text_inside(&m.text, p.x, m.text_y, "middle"), "{:?}", m.text);
                }
            }
        }
        for line in &c.lines {
            prop_assert!(line.len() >= 2);
            for &(x, y) in line {
                prop_assert!(inside_x(x as f64) && (PLOT_TOP..=PLOT_BOTTOM).contains(&y));
            }
        }
        if let Some(y) = c.limit_y {
            prop_assert!(PLOT_TOP < y && y < PLOT_BOTTOM);
        }
        let xs: Vec<i32> = c.points.iter().map(|p| p.x).collect();
        prop_assert!(xs.windows(2).all(|w| w[0] <= w[1]));
        if let Some(last) = c.points.last() {
            prop_assert!(last.shown);
        }
    }

    #[test]
    fn every_bar_coordinate_is_inside_the_viewbox(
        (scale, pairs) in any_scale().prop_flat_map(|scale| (
            Just(scale),
            prop::collection::vec(
                (any_value(high(scale)), any_value(high(scale)), "[A-Za-zé —]{0,30}"),
                0..12,
            ),
        )),
        bound in any_bound(),
    ) {
        let pairs: Vec<Pair> = pairs
            .into_iter()
            .map(|(a, b, label)| pair(&label, a.unwrap_or(0.0), b.unwrap_or(0.0), None))
            .collect();
        let c = pair_bars("Mesure", scale, bound, ["T0", "Maintenant"], &pairs, Lang::En);
        axis_inside(&c.axis)?;
        prop_assert_eq!(c.groups.len(), pairs.len());
        for g in &c.groups {
            if g.shown {
                prop_assert!(text_inside(&g.short, g.x, X_LABEL_Y, "middle"), "{:?}", g.short);
            }
            for b in &g.bars {
                prop_assert!(b.width > 0 && b.height >= 0);
                prop_assert!(PLOT_LEFT - 8 <= b.x && b.x + b.width <= PLOT_RIGHT + 8);
                prop_assert!(PLOT_TOP <= b.y && b.y + b.height == PLOT_BOTTOM);
                prop_assert!(b.text_y - FONT >= 0);
            }
        }
        if let Some(last) = c.groups.last() {
            prop_assert!(last.shown);
        }
    }
}

// ---- A real dashboard and comparison.

#[test]
fn the_charts_of_a_dashboard_and_a_comparison() {
    let config = default_config().config.unwrap();
    let s = Session::new(&config);
    let (mut s, _) = mark(
        &config,
        &s,
        "T0 — atelier du 12 mars",
        "2026-03-12",
        "2026-03-12T10:00:00Z",
    )
    .unwrap();
    let before = s.milestones[0].snapshot.clone();
    s.coverage.insert("crise".into(), Coverage::Absent);
    let d = dashboard(&config, &s, parse_date("2026-10-01").unwrap(), Lang::Fr);

    let c = dashboard_line(&config, &d, Measure::Covered(0), Lang::Fr);
    let total = d.points[0].coverage[0].total;
    let covered = d.series(Measure::Covered(0));
    let (then, now) = (covered[0].unwrap(), covered[1].unwrap());
    assert_eq!(now, then - 1.0);
    assert!(c.axis.top >= total as f64);
    assert_eq!(c.title, "Services couverts — Services de proximité");
    assert_eq!(
        c.points[0].short, "T0 — atelier du 12…",
        "two points: room for more"
    );
    assert_eq!(c.points[1].label, "Maintenant");
    assert_eq!(c.lines.len(), 1);
    assert_eq!(
        c.points[0].marker.as_ref().unwrap().title,
        format!("T0 — atelier du 12 mars\u{a0}: {then}/{total}")
    );
    assert_eq!(
        c.summary,
        format!(
            "Services couverts — Services de proximité\u{a0}: de {then}/{total} (T0 — atelier du 12 mars) à {now}/{total} (Maintenant)."
        )
    );

    let density = dashboard_line(&config, &d, Measure::Density, Lang::En);
    assert_eq!(density.axis.top, 1.0);
    assert_eq!(density.axis.ticks.last().unwrap().text, "100%");
    let level = dashboard_line(&config, &d, Measure::MeanLevel, Lang::Fr);
    assert_eq!(level.axis.top, d.top_level as f64);

    let after = service_range_mapper::core::milestone::Snapshot::of(&s);
    let changes = compare(&config, &before, &after);
    let basis = Basis::new(&config);
    let bars = coverage_bars(&config, &basis, &changes, ["T0", "Maintenant"], Lang::Fr);
    assert_eq!(bars.groups.len(), d.tiers.len());
    assert_eq!(bars.title, "Services couverts par palier");
    // A range's three tiers: each labelled, as long as its slot allows.
    let shorts: Vec<(&str, bool)> = bars
        .groups
        .iter()
        .map(|g| (g.short.as_str(), g.shown))
        .collect();
    assert_eq!(
        shorts,
        [
            ("Services de proximité", true),
            ("Services intersector…", true),
            ("Services spécialisés", true)
        ]
    );
    let [a, b] = &bars.groups[0].bars;
    assert_eq!(
        (a.text.clone(), b.text.clone()),
        (then.to_string(), now.to_string())
    );
    assert!(a.height > b.height);
    assert!(bars.summary.starts_with(&format!(
        "Services couverts par palier, de T0 à Maintenant\u{a0}: Services de proximité, de {then}/{total} à {now}/{total}; "
    )));
    assert!(bars.summary.contains("(inchangé)"));
}
