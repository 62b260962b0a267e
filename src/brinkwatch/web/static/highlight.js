// Article text with the spans of one event mention highlighted (character offsets, end exclusive).
import { el } from "./dom.js";

// When spans overlap, the colour of the most specific kind wins; every kind stays in data-kinds.
// "other" marks the triggers of the article's other events, so a reader can jump to them.
export const KIND_PRIORITY = ["trigger", "source", "target", "place", "number", "other", "evidence"];

// The spans of one event record: evidence sentence, trigger, actors, place and every reported number.
export function eventSpans(record) {
  const spans = [];
  const add = (kind, start, end, label) => {
    if (Number.isInteger(start) && Number.isInteger(end) && end > start) spans.push({ kind, start, end, label });
  };
  const ev = record.evidence || {};
  add("evidence", ev.start, ev.end, "evidence");
  add("trigger", ev.trigger_start, ev.trigger_end, `trigger: CAMEO ${record.cameo ? record.cameo.code : ""}`);
  for (const side of ["source", "target"]) {
    const actor = record[side];
    if (actor) add(side, actor.start, actor.end, `${side}: ${actor.code || ""}`);
  }
  if (record.place) add("place", record.place.start, record.place.end, `place: ${record.place.name}`);
  for (const number of record.numbers || []) {
    add("number", number.start, number.end, `${number.kind}: ${number.value}`);
  }
  return spans;
}

// The triggers of the article's other events (``spans`` of /v1/articles), apart from the one shown.
export function otherTriggers(articleSpans, shownMentionId) {
  return articleSpans
    .filter((s) => s.mention_id !== shownMentionId && s.trigger)
    .map((s) => ({
      kind: "other", start: s.trigger.start, end: s.trigger.end, label: `another event: CAMEO ${s.cameo}`,
      mentionId: s.mention_id,
    }));
}

// Cut the text at every span boundary; each piece knows which spans cover it.
export function segments(text, spans) {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i];
    const end = points[i + 1];
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    pieces.push({ start, end, text: text.slice(start, end), spans: covering });
  }
  return pieces;
}

function pieceNode(piece) {
  if (!piece.spans.length) return document.createTextNode(piece.text);
  const kinds = KIND_PRIORITY.filter((k) => piece.spans.some((s) => s.kind === k));
  const labels = piece.spans.map((s) => s.label).filter(Boolean);
  const other = kinds[0] === "other" ? piece.spans.find((s) => s.kind === "other") : null;
  return el("mark", {
    class: `hl hl-${kinds[0]}`,
    "data-kinds": kinds.join(" "),
    "data-testid": `hl-${kinds[0]}`,
    "data-mention-id": other ? other.mentionId : null,
    // Other events' triggers are links in all but name: focusable, and opened with Enter or a click.
    tabindex: other ? 0 : null,
    role: other ? "button" : null,
    title: labels.join("; ") + (other ? " (open it)" : ""),
    text: piece.text,
  });
}

// Render the article: one paragraph per blank-line block, highlights inside.
export function renderHighlighted(container, text, spans) {
  const pieces = segments(text, spans);
  let paragraph = el("p");
  container.append(paragraph);
  for (const piece of pieces) {
    const blocks = piece.text.split(/\n\s*\n/);
    blocks.forEach((block, index) => {
      if (index > 0) {
        paragraph = el("p");
        container.append(paragraph);
      }
      if (block) paragraph.append(pieceNode({ ...piece, text: block }));
    });
  }
  const first = container.querySelector("mark.hl-trigger");
  return first;
}
