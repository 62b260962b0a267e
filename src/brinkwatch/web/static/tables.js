// Event tables: one row per merged event; a row (or its Enter key) opens the event's article.
import { deaths } from "./csv.js";
import { actorLabel, clear, el, fmt } from "./dom.js";

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

// An undated event is listed (and sorted) by the day its article was published; say so.
function dateCell(record) {
  if (record.date) return el("td", { text: record.date });
  const published = record.first_seen ? String(record.first_seen).slice(0, 10) : "–";
  return el("td", { class: "undated", title: "no date in the text; publication date shown", text: published });
}

function eventRow(record, onOpen) {
  const cameo = record.cameo || {};
  const open = () => onOpen(record);
  const row = el("tr", {
    class: `quad-${record.quad_class}`,
    tabindex: 0,
    "data-testid": "event-row",
    "data-event-id": record.event_id,
    title: `${QUAD_NAMES[record.quad_class] || ""}: open the article`,
    onclick: open,
    onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } },
  },
  dateCell(record),
  el("td", { text: actorLabel(record.source) }),
  el("td", { text: actorLabel(record.target) }),
  el("td", { title: cameo.name || "" }, el("code", { text: cameo.code || "" }), " ", cameo.name || ""),
  el("td", { class: "num", text: fmt(record.goldstein, 1) }),
  el("td", { text: record.modality }),
  el("td", { class: "place", text: record.place ? record.place.name : "" }),
  el("td", { class: "num", text: deaths(record) ?? "" }),
  el("td", { class: "num", text: fmt(record.confidence, 2) }),
  el("td", { class: "num", text: record.num_mentions ?? 1 }),
  el("td", { class: "evidence", text: record.evidence ? record.evidence.text : "" }));
  return row;
}

export function renderEventRows(table, records, onOpen, { append = false } = {}) {
  const body = table.tBodies[0];
  if (!append) clear(body);
  for (const record of records) body.append(eventRow(record, onOpen));
  if (!body.rows.length) {
    body.append(el("tr", { "data-testid": "no-events" }, el("td", { colspan: 11, text: "No events." })));
  }
}

// `vocab` is /dashboard/vocab.json: CAMEO root classes from the ontology, modalities from the model.
export function fillFilterOptions(rootSelect, modalitySelect, vocab) {
  for (const [code, name] of vocab.cameo_roots) {
    rootSelect.append(el("option", { value: code, text: `${code} ${name}` }));
  }
  for (const m of vocab.modalities) modalitySelect.append(el("option", { value: m, text: m }));
}
