// The actor network: a small force layout computed here (no graph library), drawn with Plotly.

// Fruchterman-Reingold on a unit square; nodes start on a circle so the layout is the same every time.
export function forceLayout(nodeIds, edges, iterations = 200) {
  const n = nodeIds.length;
  const index = new Map(nodeIds.map((id, i) => [id, i]));
  const pos = nodeIds.map((_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
  if (n < 3) return pos;
  const k = Math.sqrt(4 / n);
  let temperature = 0.2;
  const links = edges.filter((e) => index.has(e.source) && index.has(e.target))
    .map((e) => [index.get(e.source), index.get(e.target)]);
  for (let it = 0; it < iterations; it += 1) {
    const shift = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const dx = pos[i][0] - pos[j][0];
        const dy = pos[i][1] - pos[j][1];
        const dist = Math.max(Math.hypot(dx, dy), 1e-3);
        const force = (k * k) / dist;
        shift[i][0] += (dx / dist) * force; shift[i][1] += (dy / dist) * force;
        shift[j][0] -= (dx / dist) * force; shift[j][1] -= (dy / dist) * force;
      }
    }
    for (const [i, j] of links) {
      const dx = pos[i][0] - pos[j][0];
      const dy = pos[i][1] - pos[j][1];
      const dist = Math.max(Math.hypot(dx, dy), 1e-3);
      const force = (dist * dist) / k;
      shift[i][0] -= (dx / dist) * force; shift[i][1] -= (dy / dist) * force;
      shift[j][0] += (dx / dist) * force; shift[j][1] += (dy / dist) * force;
    }
    for (let i = 0; i < n; i += 1) {
      const len = Math.max(Math.hypot(shift[i][0], shift[i][1]), 1e-9);
      const step = Math.min(len, temperature);
      pos[i][0] += (shift[i][0] / len) * step;
      pos[i][1] += (shift[i][1] / len) * step;
    }
    temperature *= 0.98;
  }
  return pos;
}

function edgeColour(edge) {
  const total = edge.coop_weight + edge.conflict_weight;
  const conflict = total > 0 ? edge.conflict_weight / total : 0.5;
  return `rgb(${Math.round(60 + 170 * conflict)}, 70, ${Math.round(60 + 170 * (1 - conflict))})`;
}

// Draw the network; `onNode(id)` runs when a node is clicked.
export function renderNetwork(chart, network, onNode) {
  const ids = network.nodes.map((node) => node.id);
  const pos = forceLayout(ids, network.edges);
  const at = new Map(ids.map((id, i) => [id, pos[i]]));
  const maxCount = Math.max(1, ...network.edges.map((e) => e.count));
  const edgeTraces = network.edges.map((edge) => ({
    type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
    x: [at.get(edge.source)[0], at.get(edge.target)[0]], y: [at.get(edge.source)[1], at.get(edge.target)[1]],
    line: { color: edgeColour(edge), width: 1 + (5 * edge.count) / maxCount },
    text: `${edge.source}→${edge.target}: ${edge.count} events`,
  }));
  const nodeTrace = {
    type: "scatter", mode: "markers+text", showlegend: false, textposition: "top center",
    x: ids.map((id) => at.get(id)[0]), y: ids.map((id) => at.get(id)[1]), text: ids, customdata: ids,
    marker: { size: network.nodes.map((nd) => 10 + 3 * Math.sqrt(nd.events_in + nd.events_out)), color: "#34495e" },
    hovertemplate: "%{text}<extra></extra>",
  };
  const layout = {
    height: 420, margin: { t: 10, r: 10, b: 10, l: 10 }, hovermode: "closest",
    xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" },
  };
  window.Plotly.react(chart, [...edgeTraces, nodeTrace], layout, { displaylogo: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (event) => {
    const point = event.points && event.points.find((p) => p.customdata);
    if (point) onNode(point.customdata);
  });
}
