// The dyad view: tension per period (Plotly), change points as vertical lines, the verdict and its drivers.
import { clear, el, fmt } from "./dom.js";
import { plotly } from "./plotly.js";

const DAY_MS = 86400000;

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

// The last day of the period that starts on `period` (an ISO date), for the events query.
export function periodEnd(period, freq) {
  const start = new Date(`${period}T00:00:00Z`);
  if (freq === "day") return period;
  if (freq === "week") return isoDay(new Date(start.getTime() + 6 * DAY_MS));
  const next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return isoDay(new Date(next.getTime() - DAY_MS));
}

// The verdict as the API gives it (the same function answers the CLI): direction, a low-confidence mark,
// confidence, the effect sizes and how many periods had reports (the others are unknown, not calm).
export function renderVerdict(box, report) {
  const v = report.verdict;
  const unit = report.series.freq;
  clear(box);
  box.className = `verdict verdict-${v.direction.replace(/ /g, "-")}`;
  const head = el("p", {}, el("strong", { "data-testid": "verdict-direction", text: v.direction }));
  if (v.low_confidence) head.append(" ", el("em", { "data-testid": "verdict-low-confidence", text: "(low confidence)" }));
  if (v.direction !== "insufficient data") {
    head.append(" · confidence ",
      el("span", { "data-testid": "verdict-confidence", text: `${Math.round(v.confidence * 100)}%` }));
  }
  box.append(head, el("p", { "data-testid": "verdict-summary", text: v.summary }));
  box.append(el("p", { "data-testid": "verdict-coverage",
    text: `${v.periods_with_reports} of ${v.periods_total} ${unit}s have reports (${unit}s without are unknown, not calm)` }));
  if (v.level_before !== null && v.level_after !== null) {
    box.append(el("p", { "data-testid": "verdict-effect",
      text: `tension index ${fmt(v.level_before)} → ${fmt(v.level_after)}; ` +
        `mean Goldstein ${fmt(v.goldstein_before, 1)} → ${fmt(v.goldstein_after, 1)}; effect size ${fmt(v.effect_size)}` }));
  }
  if (report.undated_count) {
    box.append(el("p", { "data-testid": "verdict-undated",
      text: `${report.undated_count} undated event(s) of this pair are in no ${unit}.` }));
  }
  if (report.change_points.length) {
    box.append(el("p", { "data-testid": "change-points", text: `Change points: ${report.change_points.join(", ")}` }));
  }
  box.hidden = false;
}

// The events that moved the index most; `onOpen(eventId)` opens one in the article view.
export function renderDrivers(list, report, onOpen) {
  clear(list);
  for (const d of report.verdict.drivers) {
    list.append(el("li", { "data-testid": "driver" },
      `${d.date || "undated"} ${d.source || "?"}→${d.target || "?"} CAMEO ${d.cameo} `,
      `(${d.contribution > 0 ? "+" : ""}${fmt(d.contribution)}, ${d.num_mentions} mentions): `,
      el("button", { type: "button", class: "link", "data-event-id": d.event_id, onclick: () => onOpen(d.event_id),
        text: d.evidence_text })));
  }
}

function chartData(points) {
  const x = points.map((p) => p.period);
  return [
    {
      // a period without reports has no tension (null): no bar, not a zero bar
      type: "bar", name: "tension index", x, y: points.map((p) => p.tension),
      marker: { color: points.map((p) => (p.tension === null || p.tension >= 0 ? "#c0392b" : "#2471a3")) },
      customdata: points.map((p) => [p.n_events, p.material_conflict, p.verbal_conflict,
        p.verbal_coop + p.material_coop]),
      hovertemplate: "%{x}<br>tension %{y:.2f}<br>%{customdata[0]} events " +
        "(%{customdata[1]} material, %{customdata[2]} verbal conflict, %{customdata[3]} cooperation)<extra></extra>",
    },
    {
      type: "scatter", mode: "lines+markers", name: "mean Goldstein", x, yaxis: "y2",
      y: points.map((p) => p.goldstein_mean), line: { color: "#7f8c8d", width: 1 }, connectgaps: false,
    },
  ];
}

const HALF_PERIOD_MS = { day: DAY_MS / 2, week: 3.5 * DAY_MS, month: 15 * DAY_MS };

function chartLayout(report) {
  // Bars are centred on their period's first day; a change point is drawn at the left edge of its bar,
  // where the new segment begins.
  const half = HALF_PERIOD_MS[report.series.freq] || 0;
  const edge = (day) => new Date(new Date(`${day}T00:00:00Z`).getTime() - half).toISOString();
  const shapes = report.change_points.map((day) => ({
    type: "line", xref: "x", yref: "paper", x0: edge(day), x1: edge(day), y0: 0, y1: 1,
    line: { color: "#8e44ad", width: 2, dash: "dash" },
  }));
  return {
    margin: { t: 30, r: 60, b: 40, l: 50 }, height: 380, shapes, hovermode: "closest",
    title: { text: `${report.series.a}–${report.series.b} tension per ${report.series.freq}`, font: { size: 14 } },
    yaxis: { title: { text: "tension" }, zeroline: true },
    // Goldstein runs from -10 to +10 whatever the tension scale, so its ticks are fixed rather than synced.
    yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-10.5, 10.5],
      tickmode: "linear", tick0: -10, dtick: 5, showgrid: false, zeroline: false },
    // The range slider is the dashboard's date-range brush: the events table and the map follow it.
    xaxis: { type: "date", rangeslider: { visible: true, thickness: 0.12 } },
    legend: { orientation: "h", y: -0.45 },
  };
}

// The date range a relayout event chose, as [since, until] ISO days; [null, null] when reset; undefined
// when the event did not touch the x range (a zoom of y, a legend click).
export function brushedRange(update) {
  if (update["xaxis.autorange"]) return [null, null];
  const range = update["xaxis.range"] || (update["xaxis.range[0]"] !== undefined
    ? [update["xaxis.range[0]"], update["xaxis.range[1]"]] : undefined);
  return range ? range.map((value) => String(value).slice(0, 10)) : undefined;
}

// Draw the chart; `onPeriod(period)` runs when a bar (or its entry in the period select) is chosen,
// `onRange(since, until)` when the range slider (or a zoom) chooses dates.
export async function renderTimeline(chart, picker, report, onPeriod, onRange) {
  const points = report.series.points;
  const Plotly = await plotly(chart);
  Plotly.react(chart, chartData(points), chartLayout(report), { displaylogo: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (event) => {
    if (event.points && event.points.length) onPeriod(String(event.points[0].x).slice(0, 10));
  });
  chart.removeAllListeners?.("plotly_relayout");
  chart.on("plotly_relayout", (update) => {
    const range = brushedRange(update);
    if (range && onRange) {
      chart.dataset.range = range.join("/");
      onRange(range[0], range[1]);
    }
  });
  // The select gives keyboard users (and tests) the same choice as clicking a bar.
  clear(picker);
  picker.append(el("option", { value: "", text: "choose…" }));
  for (const p of points.filter((q) => q.n_events > 0)) {
    picker.append(el("option", {
      value: p.period, text: `${p.period}: ${p.n_events} events, tension ${fmt(p.tension)}`,
    }));
  }
  picker.onchange = () => { if (picker.value) onPeriod(picker.value); };
}

// Outline the chosen bar and keep the select in step with a chart click.
export async function markPeriod(chart, picker, period) {
  const x = chart.data && chart.data[0] ? chart.data[0].x : [];
  const widths = x.map((day) => (String(day).slice(0, 10) === period ? 3 : 0));
  const Plotly = await plotly(chart);
  Plotly.restyle(chart, { "marker.line.width": [widths], "marker.line.color": "#f1c40f" }, [0]);
  if ([...picker.options].some((o) => o.value === period)) picker.value = period;
}
