//! The activity chart as an SVG drawn on the server: bars per day, labelled, no script.

use super::{ACTIVITIES, ActivityReport, day_text};

/// Escapes text for SVG/HTML.
pub(super) fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Labels for the chart, in the page's language.
pub struct ChartText<'a> {
    /// The chart's accessible name.
    pub title: &'a str,
    /// One per activity, in [`ACTIVITIES`] order.
    pub series: [&'a str; 4],
}

/// Successes per day as a stacked bar chart, drawn on the server. The numbers are also in the
/// table beside it; each bar segment carries its numbers as a tooltip and data attributes.
pub fn chart_svg(report: &ActivityReport, text: &ChartText<'_>) -> String {
    use std::fmt::Write as _;
    const W: f64 = 720.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 44.0;
    const BOTTOM: f64 = 40.0;
    const TOP: f64 = 12.0;
    let plot_w = W - LEFT - 8.0;
    let plot_h = H - TOP - BOTTOM;
    let max = nice_max(report.busiest_day());
    let n = report.days.len().max(1);
    #[allow(clippy::cast_precision_loss)]
    let slot = plot_w / n as f64;
    let bar = (slot * 0.7).max(1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="chart-title"><title id="chart-title">{}</title>"#,
        esc(text.title)
    );
    // Grid lines and the scale.
    for i in 0..=4u32 {
        let value = max * u64::from(i) / 4;
        #[allow(clippy::cast_precision_loss)]
        let y = TOP + plot_h - plot_h * (value as f64) / (max as f64);
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{}" y="{:.1}" text-anchor="end">{value}</text>"#,
            W - 8.0,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let label_every = n.div_ceil(8).max(1);
    for (i, d) in report.days.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        let mut y = TOP + plot_h;
        let date = day_text(d.day);
        for a in ACTIVITIES {
            let count = d.succeeded[a.index()];
            if count == 0 {
                continue;
            }
            #[allow(clippy::cast_precision_loss)]
            let h = plot_h * (count as f64) / (max as f64);
            y -= h;
            let _ = write!(
                s,
                r#"<rect class="s{}" x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.1}" data-day="{date}" data-activity="{}" data-count="{count}"><title>{date}: {} {count}</title></rect>"#,
                a.index(),
                a.as_str(),
                esc(text.series[a.index()])
            );
        }
        if i % label_every == 0 {
            let _ = write!(
                s,
                r#"<text class="axis" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
                x + bar / 2.0,
                H - BOTTOM + 16.0,
                esc(date.get(5..).unwrap_or(&date))
            );
        }
    }
    // Legend, with a pattern of position and text as well as colour.
    let mut lx = LEFT;
    for a in ACTIVITIES {
        let _ = write!(
            s,
            r#"<rect class="s{}" x="{lx}" y="{}" width="12" height="12"/><text class="legend" x="{}" y="{}">{}</text>"#,
            a.index(),
            H - 14.0,
            lx + 16.0,
            H - 4.0,
            esc(text.series[a.index()])
        );
        lx += 150.0;
    }
    s.push_str("</svg>");
    s
}

/// A round number at least `v` (and at least 4) for the top of the scale.
pub(super) fn nice_max(v: u64) -> u64 {
    let v = v.max(4);
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            let top = step * m * 4;
            if top >= v {
                return top;
            }
        }
        step *= 10;
    }
}
