// The article view: one event's mentions, and the text of one mention's article with its spans highlighted.
import { api } from "./api.js";
import { actorLabel, clear, el, fmt } from "./dom.js";
import { eventSpans, otherTriggers, renderHighlighted } from "./highlight.js";

function summary(record) {
  const numbers = (record.numbers || []).map((n) => `${n.kind} ${n.qualifier ? `${n.qualifier} ` : ""}${n.value}`);
  const parts = [
    `${actorLabel(record.source)} → ${actorLabel(record.target)}`,
    `CAMEO ${record.cameo.code} ${record.cameo.name || ""}`,
    `Goldstein ${fmt(record.goldstein, 1)}`,
    `QuadClass ${record.quad_class}`,
    record.plover && record.plover.type ? `PLOVER ${record.plover.type}` : null,
    `modality ${record.modality}`,
    record.date ? `date ${record.date} (${record.date_precision})` : "undated",
    record.place ? `place ${record.place.name}${record.place.country ? ` (${record.place.country})` : ""}` : null,
    numbers.length ? `numbers: ${numbers.join(", ")}` : null,
    record.attribution && record.attribution.speaker_text ? `said by ${record.attribution.speaker_text}` : null,
    `confidence ${fmt(record.confidence)}`,
  ];
  return parts.filter(Boolean).join(" · ");
}

function articleMeta(article) {
  const bits = [article.publisher, article.pub_date, article.author ? `by ${article.author}` : null, article.doc_id];
  const meta = [bits.filter(Boolean).join(" · ")];
  if (article.url) meta.push(" · ", el("span", { class: "url", text: article.url }));
  return meta;
}

// Answers can arrive out of order when a reader clicks quickly; only the latest request may draw.
function ticket(view) {
  view.latest = (view.latest || 0) + 1;
  return view.latest;
}

async function showMention(view, mention) {
  const mine = ticket(view);
  const article = await api.article(mention.doc_id);
  if (mine !== view.latest) return;
  view.title.textContent = article.title || article.doc_id;
  clear(view.meta).append(...articleMeta(article));
  view.summary.textContent = summary(mention);
  clear(view.text);
  const spans = [...eventSpans(mention), ...otherTriggers(article.spans || [], mention.mention_id)];
  const trigger = renderHighlighted(view.text, article.text, spans);
  view.articleEvents = new Map((article.events || []).map((r) => [r.mention_id, r]));
  for (const button of view.mentions.querySelectorAll("button")) {
    button.setAttribute("aria-pressed", String(button.dataset.mentionId === mention.mention_id));
  }
  view.section.hidden = false;
  if (view.onShown) view.onShown(mention);
  if (trigger) trigger.scrollIntoView({ block: "center" });
}

// Show an event (a record of /v1/events): list the articles that report it, open the representative one.
export async function showEvent(view, record) {
  const mine = ticket(view);
  const detail = await api.event(record.event_id);
  if (mine !== view.latest) return;
  const mentions = detail.mentions.length ? detail.mentions : [record];
  clear(view.mentions);
  if (mentions.length > 1) {
    view.mentions.append(el("span", { text: `Reported in ${mentions.length} mentions: ` }));
  }
  for (const mention of mentions) {
    const label = (mention.article && (mention.article.publisher || mention.article.title)) || mention.doc_id;
    view.mentions.append(el("button", {
      type: "button", "data-mention-id": mention.mention_id, "data-testid": "mention-button",
      "aria-pressed": "false", onclick: () => showMention(view, mention).catch(view.onError), text: label,
    }));
  }
  // The mention asked for (a table row's representative, or one named in the URL), else the first.
  const first = mentions.find((m) => m.mention_id === record.mention_id) || mentions[0];
  await showMention(view, first);
}

// Clicking (or pressing Enter on) another event's trigger in the article opens that event.
export function enableOtherEvents(view, openEvent) {
  const open = (target) => {
    const mark = target.closest("mark[data-mention-id]");
    const record = mark && view.articleEvents && view.articleEvents.get(mark.dataset.mentionId);
    if (record) openEvent({ ...record, event_id: record.event_id || record.mention_id });
  };
  view.text.addEventListener("click", (e) => open(e.target));
  view.text.addEventListener("keydown", (e) => { if (e.key === "Enter") open(e.target); });
}
