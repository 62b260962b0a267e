// The events map: one marker per shown event that has a place, on country outlines drawn from the
// topojson served with the dashboard (/static/topojson/world_110m.json, no tile server, no CDN).
// Clicking a marker opens the event's article, as a table row does.

import { plotly } from "./plotly.js";

const TOPOJSON_URL = "/static/topojson/";
const COLORS = { 1: "#2471a3", 2: "#2471a3", 3: "#c0392b", 4: "#c0392b" };

export function placed(records) {
  return records.filter((r) => r.place && Number.isFinite(r.place.lat) && Number.isFinite(r.place.lon));
}

// The region to show: the markers with a margin and at least 60° of longitude (about a region's width),
// so two nearby events still show the countries around them; the world when there is nothing to show.
function view(shown) {
  if (!shown.length) return { lonaxis: { range: [-180, 180] }, lataxis: { range: [-60, 85] } };
  const span = (values, min, lo, hi) => {
    const a = Math.min(...values);
    const b = Math.max(...values);
    const pad = Math.max(10, (min - (b - a)) / 2);
    return [Math.max(lo, a - pad), Math.min(hi, b + pad)];
  };
  return { lonaxis: { range: span(shown.map((r) => r.place.lon), 60, -180, 180) },
    lataxis: { range: span(shown.map((r) => r.place.lat), 35, -60, 85) } };
}

export async function renderMap(div, records, onOpen) {
  const shown = placed(records);
  const trace = {
    type: "scattergeo", mode: "markers",
    lat: shown.map((r) => r.place.lat), lon: shown.map((r) => r.place.lon),
    text: shown.map((r) => `${r.date || "undated"} ${r.cameo ? r.cameo.code : ""} ${r.place.name}<br>` +
      `${(r.evidence ? r.evidence.text : "").slice(0, 120)}`),
    hoverinfo: "text",
    marker: { size: shown.map((r) => 7 + Math.min(8, 2 * (r.num_mentions || 1))),
      color: shown.map((r) => COLORS[r.quad_class] || "#7f8c8d"), opacity: 0.8, line: { width: 0.5, color: "#fff" } },
    customdata: shown.map((r, i) => i),
  };
  const layout = {
    margin: { t: 10, r: 10, b: 10, l: 10 }, height: 360, showlegend: false,
    geo: { projection: { type: "natural earth" }, showcountries: true, countrycolor: "#aab7b8",
      showland: true, landcolor: "#f4f6f6", showocean: true, oceancolor: "#eaf2f8", showframe: false,
      fitbounds: false, ...view(shown) },
  };
  const Plotly = await plotly(div);
  Plotly.react(div, [trace], layout, { displaylogo: false, responsive: true, topojsonURL: TOPOJSON_URL });
  div.dataset.points = String(shown.length);
  div.removeAllListeners?.("plotly_click");
  div.on("plotly_click", (event) => {
    const point = event.points && event.points[0];
    if (point) onOpen(shown[point.customdata ?? point.pointIndex]);
  });
}
