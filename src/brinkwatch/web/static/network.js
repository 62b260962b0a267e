// The actor network: a small force layout computed here (no graph library), drawn with Plotly, with node
// labels placed so that no two overlap (labels.js).
import { labelAnnotations, placeLabels } from "./labels.js";
import { plotly } from "./plotly.js";

const MAX_EDGES = 150; // beyond this the picture is a hairball; the busiest edges are kept

function repel(pos, shift, k) {
  for (let i = 0; i < pos.length; i += 1) {
    for (let j = i + 1; j < pos.length; j += 1) {
      const dx = pos[i][0] - pos[j][0];
      const dy = pos[i][1] - pos[j][1];
      const dist = Math.max(Math.hypot(dx, dy), 1e-3);
      const force = (k * k) / dist;
      shift[i][0] += (dx / dist) * force; shift[i][1] += (dy / dist) * force;
      shift[j][0] -= (dx / dist) * force; shift[j][1] -= (dy / dist) * force;
    }
  }
}

function attract(pos, shift, links, k) {
  for (const [i, j] of links) {
    const dx = pos[i][0] - pos[j][0];
    const dy = pos[i][1] - pos[j][1];
    const dist = Math.max(Math.hypot(dx, dy), 1e-3);
    const force = (dist * dist) / k;
    shift[i][0] -= (dx / dist) * force; shift[i][1] -= (dy / dist) * force;
    shift[j][0] += (dx / dist) * force; shift[j][1] += (dy / dist) * force;
  }
}

// Scale into [-1, 1] on both axes, so the picture fills the chart whatever the forces did.
function normalise(pos) {
  const span = Math.max(1e-9, ...pos.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  return pos.map(([x, y]) => [x / span, y / span]);
}

// Fruchterman-Reingold with gravity toward the centre (which keeps separate components on screen).
// Nodes start on a circle, so the same network always gets the same picture.
export function forceLayout(nodeIds, edges, iterations = 200) {
  const n = nodeIds.length;
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const pos = nodeIds.map((_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
  if (n < 3) return pos;
  const k = Math.sqrt(4 / n);
  const gravity = 0.5;
  let temperature = 0.2;
  const links = edges.filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => [index.get(e.source), index.get(e.target)]);
  for (let it = 0; it < iterations; it += 1) {
    const shift = pos.map(([x, y]) => [-gravity * x * n * k, -gravity * y * n * k]);
    repel(pos, shift, k);
    attract(pos, shift, links, k);
    for (let i = 0; i < n; i += 1) {
      const len = Math.max(Math.hypot(shift[i][0], shift[i][1]), 1e-9);
      const step = Math.min(len, temperature);
      pos[i][0] += (shift[i][0] / len) * step;
      pos[i][1] += (shift[i][1] / len) * step;
    }
    temperature *= 0.98;
  }
  return normalise(pos);
}

function edgeColour(edge) {
  const total = edge.coop_weight + edge.conflict_weight;
  const conflict = total > 0 ? edge.conflict_weight / total : 0.5;
  return `rgb(${Math.round(60 + 170 * conflict)}, 70, ${Math.round(60 + 170 * (1 - conflict))})`;
}

// One arrow per directed edge, bent a little to its right so A->B and B->A do not overlap.
function arrow(edge, from, to, maxCount) {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const len = Math.max(Math.hypot(dx, dy), 1e-9);
  const off = [(dy / len) * 0.03, (-dx / len) * 0.03];
  const shorten = Math.min(0.08, len / 3); // stop short of the target marker
  return {
    x: to[0] - (dx / len) * shorten + off[0], y: to[1] - (dy / len) * shorten + off[1],
    ax: from[0] + (dx / len) * shorten + off[0], ay: from[1] + (dy / len) * shorten + off[1],
    xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true, arrowhead: 2, arrowsize: 1,
    arrowwidth: 1 + (4 * edge.count) / maxCount, arrowcolor: edgeColour(edge),
  };
}

const HEIGHT = 420;
const MARGIN = 10;

function nodeSize(node) {
  return 10 + 3 * Math.sqrt(node.events_in + node.events_out);
}

// The plot area in pixels and the axis ranges that map the layout's [-1, 1] square onto it, centred, with a
// quarter of the radius to spare: the same scale on both axes, so distances on screen are the layout's.
function frame(chart) {
  const width = Math.max(120, (chart.clientWidth || 600) - 2 * MARGIN);
  const height = HEIGHT - 2 * MARGIN;
  const scale = Math.min(width, height) / 2.5;
  return { width, height, scale, x: width / (2 * scale), y: height / (2 * scale) };
}

// Draw the network; `onNode(id)` runs when a node is clicked. `names` maps a code to a readable name.
export async function renderNetwork(chart, network, onNode, names = {}) {
  const edges = [...network.edges].sort((x, y) => y.count - x.count).slice(0, MAX_EDGES);
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = network.nodes.filter((node) => used.has(node.id));
  const ids = nodes.map((node) => node.id);
  const pos = forceLayout(ids, edges);
  const at = new Map(ids.map((id, i) => [id, pos[i]]));
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  const Plotly = await plotly(chart);
  const box = frame(chart);
  // Labels are placed in pixels: node i sits at the centre of the plot area plus its position times the scale.
  const placed = placeLabels(nodes.map((node, i) => ({
    text: node.id, weight: node.events_in + node.events_out, radius: nodeSize(node) / 2,
    px: box.width / 2 + pos[i][0] * box.scale, py: box.height / 2 - pos[i][1] * box.scale,
  })), { width: box.width, height: box.height });
  // Invisible points at the middle of each arrow carry its hover text.
  const edgeHover = {
    type: "scatter", mode: "markers", marker: { size: 12, opacity: 0 }, showlegend: false,
    x: edges.map((e) => (2 * at.get(e.source)[0] + 3 * at.get(e.target)[0]) / 5),
    y: edges.map((e) => (2 * at.get(e.source)[1] + 3 * at.get(e.target)[1]) / 5),
    text: edges.map((e) => `${e.source}→${e.target}: ${e.count} events, mean Goldstein ` +
      `${e.goldstein_mean === null ? "–" : e.goldstein_mean.toFixed(1)}`),
    hovertemplate: "%{text}<extra></extra>",
  };
  const nodeTrace = {
    type: "scatter", mode: "markers", showlegend: false,
    x: ids.map((id) => at.get(id)[0]), y: ids.map((id) => at.get(id)[1]), customdata: ids,
    marker: { size: nodes.map(nodeSize), color: "#34495e" },
    hovertext: nodes.map((nd) => `${names[nd.id] ? `${names[nd.id]} (${nd.id})` : nd.id}: ` +
      `${nd.events_out} events as source, ${nd.events_in} as target`),
    hovertemplate: "%{hovertext}<extra>click to list its events</extra>",
  };
  const layout = {
    // An explicit size: labels are placed for exactly this plot area (plotly's autosize keeps a first size).
    width: box.width + 2 * MARGIN, height: HEIGHT, margin: { t: MARGIN, r: MARGIN, b: MARGIN, l: MARGIN },
    hovermode: "closest",
    xaxis: { visible: false, range: [-box.x, box.x], fixedrange: true },
    yaxis: { visible: false, range: [-box.y, box.y], fixedrange: true },
    annotations: [
      ...edges.map((e) => arrow(e, at.get(e.source), at.get(e.target), maxCount)),
      ...labelAnnotations(placed, ids.map((id) => at.get(id))),
    ],
  };
  await Plotly.react(chart, [edgeHover, nodeTrace], layout, { displaylogo: false, responsive: false });
  chart.dataset.labelsHidden = String(placed.filter((p) => p.hidden).length);
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (event) => {
    const point = event.points && event.points.find((p) => p.customdata);
    if (point) onNode(point.customdata);
  });
  // Label positions are pixels: when the chart's width changes, lay the labels out again.
  chart.redraw = () => renderNetwork(chart, network, onNode, names);
  watchWidth(chart);
}

const watched = new WeakSet();

function watchWidth(chart) {
  if (watched.has(chart) || !window.ResizeObserver) return;
  watched.add(chart);
  let width = chart.clientWidth;
  let timer = null;
  new ResizeObserver(() => {
    if (chart.clientWidth === width) return;
    width = chart.clientWidth;
    clearTimeout(timer);
    timer = setTimeout(() => chart.redraw && chart.redraw(), 150);
  }).observe(chart);
}
