//! The campaign page's chart: registration coverage per day (the share of people in scope who
//! have registered enough methods), as bars drawn on the server in the style of `chart.rs`,
//! each carrying its numbers, with the same numbers in a table beside it.

use super::chart::esc;
use super::day_text;
use crate::store::CoverageDay;

/// One day of the chart and its table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageDayRow {
    /// `YYYY-MM-DD` (UTC).
    pub date: String,
    pub in_scope: i64,
    pub enough: i64,
    /// Enough, in whole percent of those in scope (0 when nobody is in scope).
    pub percent: i64,
}

/// The days as the page shows them.
pub fn coverage_rows(days: &[CoverageDay]) -> Vec<CoverageDayRow> {
    days.iter()
        .map(|d| CoverageDayRow {
            date: day_text(d.day),
            in_scope: d.in_scope,
            enough: d.enough,
            percent: if d.in_scope > 0 { (d.enough * 100 + d.in_scope / 2) / d.in_scope } else { 0 },
        })
        .collect()
}

/// Coverage per day as bars from 0 to 100 %, drawn on the server. Each bar carries its day,
/// its percentage and its counts as data attributes and a tooltip.
pub fn coverage_svg(rows: &[CoverageDayRow], title: &str) -> String {
    use std::fmt::Write as _;
    const W: f64 = 720.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 44.0;
    const BOTTOM: f64 = 28.0;
    const TOP: f64 = 12.0;
    let plot_w = W - LEFT - 8.0;
    let plot_h = H - TOP - BOTTOM;
    #[allow(clippy::cast_precision_loss)]
    let slot = plot_w / rows.len().max(1) as f64;
    let bar = (slot * 0.7).max(1.0);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="coverage-chart" viewBox="0 0 {W} {H}" role="img" aria-labelledby="coverage-chart-title"><title id="coverage-chart-title">{}</title>"#,
        esc(title)
    );
    for percent in [0u32, 25, 50, 75, 100] {
        let y = TOP + plot_h - plot_h * f64::from(percent) / 100.0;
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="axis" x="{}" y="{:.1}" text-anchor="end">{percent} %</text>"#,
            W - 8.0,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let label_every = rows.len().div_ceil(8).max(1);
    for (i, r) in rows.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
        #[allow(clippy::cast_precision_loss)]
        let h = plot_h * (r.percent.clamp(0, 100) as f64) / 100.0;
        let y = TOP + plot_h - h;
        let _ = write!(
            s,
            r#"<rect class="s0 coverage-bar" x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{h:.2}" data-day="{d}" data-percent="{p}" data-enough="{e}" data-in-scope="{n}"><title>{d}: {p} % ({e} / {n})</title></rect>"#,
            d = r.date,
            p = r.percent,
            e = r.enough,
            n = r.in_scope,
        );
        if i % label_every == 0 {
            let _ = write!(
                s,
                r#"<text class="axis" x="{:.1}" y="{}" text-anchor="middle">{}</text>"#,
                x + bar / 2.0,
                H - BOTTOM + 16.0,
                esc(r.date.get(5..).unwrap_or(&r.date))
            );
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bar_is_as_tall_as_its_share() {
        let rows = coverage_rows(&[
            CoverageDay { day: 20_000, in_scope: 4, enough: 1 },
            CoverageDay { day: 20_001, in_scope: 4, enough: 4 },
            CoverageDay { day: 20_002, in_scope: 0, enough: 0 },
        ]);
        assert_eq!(rows.iter().map(|r| r.percent).collect::<Vec<_>>(), vec![25, 100, 0]);
        let svg = coverage_svg(&rows, "<t>");
        assert!(svg.contains("&lt;t&gt;"));
        assert!(svg.contains(r#"height="200.00" data-day="2024-10-05" data-percent="100""#), "{svg}");
        assert!(svg.contains(r#"height="50.00" data-day="2024-10-04" data-percent="25""#), "{svg}");
    }
}
