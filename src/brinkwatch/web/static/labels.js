// Node labels that never overlap: each label, most connected node first, takes the first free place around
// its node (above, below, right, left, the corners, then rings further out with a thin leader line); a label
// with no free place left inside the chart is not drawn (its node's hover still names it). Boxes are
// measured in pixels with the font the chart draws them in.

const FONT_SIZE = 11;
const FONT = `${FONT_SIZE}px "Open Sans", verdana, arial, sans-serif`; // plotly's default family
const LINE = Math.ceil(FONT_SIZE * 1.4);
const PAD = 3; // pixels kept free around each label
const GAP = 2; // between a node's marker and its label
const RINGS = 10;
const STEPS = 16;

let context = null;

export function textWidth(text) {
  context = context || document.createElement("canvas").getContext("2d");
  context.font = FONT;
  return Math.ceil(context.measureText(text).width);
}

export function intersects(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

function boxAt(cx, cy, width, height) {
  return { x0: cx - width / 2 - PAD, x1: cx + width / 2 + PAD, y0: cy - height / 2 - PAD, y1: cy + height / 2 + PAD };
}

// Offsets of the label's centre from the node's centre, nearest first (screen pixels, y down).
function* offsets(radius, width, height) {
  const side = radius + GAP;
  yield [0, -(side + height / 2)];
  yield [0, side + height / 2];
  yield [side + width / 2, 0];
  yield [-(side + width / 2), 0];
  const corner = radius * Math.SQRT1_2 + GAP;
  for (const [sx, sy] of [[1, -1], [-1, -1], [1, 1], [-1, 1]]) {
    yield [sx * (corner + width / 2), sy * (corner + height / 2)];
  }
  for (let ring = 1; ring <= RINGS; ring += 1) {
    const reach = side + ring * (height + GAP);
    for (let step = 0; step < STEPS; step += 1) {
      const angle = -Math.PI / 2 + (2 * Math.PI * step) / STEPS;
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      yield [cos * (reach + width / 2), sin * (reach + height / 2)];
    }
  }
}

function firstFree(node, index, width, markers, taken, area, avoidMarkers) {
  for (const [dx, dy] of offsets(node.radius, width, LINE)) {
    const box = boxAt(node.px + dx, node.py + dy, width, LINE);
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > area.width || box.y1 > area.height) continue;
    if (taken.some((other) => intersects(other, box))) continue;
    if (avoidMarkers && markers.some((marker, j) => j !== index && intersects(marker, box))) continue;
    return { dx, dy, box };
  }
  return null;
}

// `nodes`: [{text, weight, radius, px, py}] in plot-area pixels; `area`: {width, height}.
// Returns, per node, {text, dx, dy, width, height, far, hidden}.
export function placeLabels(nodes, area) {
  const markers = nodes.map((n) => ({ x0: n.px - n.radius, x1: n.px + n.radius, y0: n.py - n.radius, y1: n.py + n.radius }));
  const order = nodes.map((_, i) => i)
    .sort((a, b) => nodes[b].weight - nodes[a].weight || String(nodes[a].text).localeCompare(String(nodes[b].text)));
  const taken = [];
  const placed = new Array(nodes.length);
  for (const i of order) {
    const node = nodes[i];
    const width = textWidth(String(node.text));
    // Clear of every marker if possible; else clear of the other labels at least.
    const spot = firstFree(node, i, width, markers, taken, area, true)
      || firstFree(node, i, width, markers, taken, area, false);
    if (spot) taken.push(spot.box);
    placed[i] = {
      text: String(node.text), width, height: LINE, hidden: !spot, dx: spot ? spot.dx : 0, dy: spot ? spot.dy : 0,
      far: spot ? Math.hypot(spot.dx, spot.dy) > node.radius + GAP + 1.5 * LINE + width / 2 : false,
    };
  }
  return placed;
}

// Plotly annotations for the placed labels at `positions` (data coordinates): a near label is shifted off its
// node; a far one hangs on a thin leader line.
export function labelAnnotations(placed, positions) {
  const font = { size: FONT_SIZE, color: "#1c2833" };
  return placed.flatMap((label, i) => {
    if (label.hidden) return [];
    const base = { x: positions[i][0], y: positions[i][1], xref: "x", yref: "y", text: label.text, font,
      xanchor: "center", yanchor: "middle", captureevents: false };
    if (label.far) {
      return [{ ...base, showarrow: true, ax: label.dx, ay: label.dy, arrowhead: 0, arrowwidth: 0.6,
        arrowcolor: "#95a5a6" }];
    }
    return [{ ...base, showarrow: false, xshift: label.dx, yshift: -label.dy }];
  });
}
