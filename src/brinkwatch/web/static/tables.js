// Event tables: one row per merged event; a row (or its Enter key) opens the event's article.
import { actorLabel, clear, el, fmt } from "./dom.js";

// Same values as brinkwatch.model.MODALITIES (a test keeps the two in step).
export const MODALITIES = [
  "asserted", "negated", "threatened", "requested", "refused",
  "planned", "conditional", "hypothetical", "claimed", "denied",
];

// CAMEO 1.1b3 root event classes (CAMEO manual, Schrodt 2012), for the filter's labels.
export const CAMEO_ROOTS = [
  ["01", "Make public statement"], ["02", "Appeal"], ["03", "Express intent to cooperate"],
  ["04", "Consult"], ["05", "Engage in diplomatic cooperation"], ["06", "Engage in material cooperation"],
  ["07", "Provide aid"], ["08", "Yield"], ["09", "Investigate"], ["10", "Demand"], ["11", "Disapprove"],
  ["12", "Reject"], ["13", "Threaten"], ["14", "Protest"], ["15", "Exhibit force posture"],
  ["16", "Reduce relations"], ["17", "Coerce"], ["18", "Assault"], ["19", "Fight"],
  ["20", "Use unconventional mass violence"],
];

const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

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
  el("td", { text: record.date || "–" }),
  el("td", { text: actorLabel(record.source) }),
  el("td", { text: actorLabel(record.target) }),
  el("td", { title: cameo.name || "" }, el("code", { text: cameo.code || "" }), " ", cameo.name || ""),
  el("td", { class: "num", text: fmt(record.goldstein, 1) }),
  el("td", { text: record.modality }),
  el("td", { class: "num", text: record.num_mentions ?? 1 }),
  el("td", { class: "evidence", text: record.evidence ? record.evidence.text : "" }));
  return row;
}

export function renderEventRows(table, records, onOpen, { append = false } = {}) {
  const body = table.tBodies[0];
  if (!append) clear(body);
  for (const record of records) body.append(eventRow(record, onOpen));
  if (!body.rows.length) {
    body.append(el("tr", { "data-testid": "no-events" }, el("td", { colspan: 8, text: "No events." })));
  }
}

export function fillFilterOptions(rootSelect, modalitySelect) {
  for (const [code, name] of CAMEO_ROOTS) rootSelect.append(el("option", { value: code, text: `${code} ${name}` }));
  for (const m of MODALITIES) modalitySelect.append(el("option", { value: m, text: m }));
}
