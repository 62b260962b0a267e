// Dashboard controller: dyad -> tension timeline -> period events -> article; events table; network.
import { api } from "./api.js";
import { enableOtherEvents, showEvent } from "./article.js";
import { download } from "./csv.js";
import { clear, countryLabel, el } from "./dom.js";
import { renderNetwork } from "./network.js";
import { renderMap } from "./map.js";
import { textShown } from "./plotly.js";
import { fillFilterOptions, renderEventRows } from "./tables.js";
import { readState, writeState } from "./state.js";
import { markPeriod, periodEnd, renderDrivers, renderTimeline, renderVerdict } from "./timeline.js";

const $ = (id) => document.getElementById(id);

function reportError(error) {
  const box = $("error");
  box.textContent = error && error.message ? error.message : String(error);
  box.hidden = false;
  console.error(error);
}

function clearError() {
  $("error").hidden = true;
}

const articleView = {
  section: $("article-view"), title: $("article-heading"), meta: $("article-meta"),
  summary: $("event-summary"), mentions: $("mentions"), text: $("article-text"), onError: reportError,
  onShown: (mention) => writeState({ event: mention.event_id || mention.mention_id, mention: mention.mention_id }),
};

function openEvent(record) {
  clearError();
  document.body.dataset.loadingArticle = "1";
  return showEvent(articleView, record)
    .catch(reportError)
    .finally(() => { delete document.body.dataset.loadingArticle; });
}

enableOtherEvents(articleView, openEvent);

async function renderStats() {
  const stats = await api.stats();
  const t = stats.tables;
  const range = stats.event_dates.min ? `, events dated ${stats.event_dates.min} to ${stats.event_dates.max}` : "";
  $("stats").textContent = `${t.articles} articles, ${t.event_mentions} event mentions, ` +
    `${t.events} merged events${range}`;
}

// Undirected dyads of the network with their event counts, busiest first.
function dyadTotals(network) {
  const totals = new Map();
  for (const edge of network.edges) {
    const key = [edge.source, edge.target].sort().join(" ");
    totals.set(key, (totals.get(key) || 0) + edge.count);
  }
  return [...totals.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
}

// Options as [value, text] pairs, or {label, options} groups of them; the previous choice is kept if offered.
function fillOptions(select, entries) {
  const previous = select.value;
  clear(select);
  const values = [];
  for (const entry of entries) {
    if (Array.isArray(entry)) {
      select.append(el("option", { value: entry[0], text: entry[1] }));
      values.push(entry[0]);
    } else if (entry.options.length) {
      select.append(el("optgroup", { label: entry.label },
        entry.options.map(([value, text]) => el("option", { value, text }))));
      values.push(...entry.options.map(([value]) => value));
    }
  }
  if (values.includes(previous)) select.value = previous;
}

// Countries by name; organisations and other non-state codes (IGO, NGO, ...) apart, after them.
function countryOptions(codes, names, text = (code) => countryLabel(code, names)) {
  const byName = (x, y) => text(x).localeCompare(text(y));
  const countries = codes.filter((c) => names.countries[c]).sort(byName);
  const others = codes.filter((c) => !names.countries[c]).sort(byName);
  return [...countries.map((c) => [c, text(c)]), { label: "Organisations and other actors", options:
    others.map((c) => [c, text(c)]) }];
}

// Country A lists every country of the network; country B lists A's partners, by name, with their event counts.
// The pair named in the URL is chosen if the data has it, else the busiest pair.
function dyadPickers(network, wanted, names) {
  const ranked = dyadTotals(network);
  const partners = (a) => {
    const counts = new Map(ranked.filter(([key]) => key.split(" ").includes(a))
      .map(([key, n]) => { const [x, y] = key.split(" "); return [x === a ? y : x, n]; }));
    return countryOptions([...counts.keys()], names,
      (code) => `${countryLabel(code, names)} · ${counts.get(code)} events`);
  };
  const fillB = () => fillOptions($("dyad-b"), partners($("dyad-a").value));
  fillOptions($("dyad-a"), countryOptions(network.nodes.map((node) => node.id), names));
  $("dyad-a").addEventListener("change", fillB);
  if (!ranked.length) return false;
  const wantedKey = [wanted.a, wanted.b].sort().join(" ");
  const [a, b] = ranked.some(([key]) => key === wantedKey) ? [wanted.a, wanted.b] : ranked[0][0].split(" ");
  $("dyad-a").value = a;
  fillB();
  $("dyad-b").value = b;
  if (["day", "week", "month"].includes(wanted.freq)) $("dyad-freq").value = wanted.freq;
  return true;
}

function dyadController(onRange) {
  let current = null; // the report on screen, so a period click knows the dyad and frequency
  let periodRequests = 0;
  let dyadRequests = 0;

  async function showPeriod(period) {
    if (!current) return;
    const { a, b, freq } = current;
    const until = periodEnd(period, freq);
    clearError();
    const mine = (periodRequests += 1);
    const both = await Promise.all([
      api.events({ source: a, target: b, since: period, until, limit: 500 }),
      api.events({ source: b, target: a, since: period, until, limit: 500 }),
    ]);
    if (mine !== periodRequests) return; // a later choice of period is on its way
    const seen = new Set();
    const records = both.flatMap((page) => page.events)
      .filter((r) => (seen.has(r.event_id) ? false : seen.add(r.event_id)))
      .sort((x, y) => String(y.date).localeCompare(String(x.date))); // newest first
    const truncated = both.some((page) => page.next_cursor);
    $("period-heading").textContent = `Events ${a}–${b}, ${freq} of ${period}` +
      (until !== period ? ` to ${until}` : "") + ` (${truncated ? "first " : ""}${records.length})`;
    renderEventRows($("period-events"), records, openEvent);
    await markPeriod($("tension-chart"), $("period-select"), period);
    $("period-view").hidden = false;
    $("period-view").dataset.period = period;
    writeState({ period });
  }

  async function showDyad() {
    const a = $("dyad-a").value;
    const b = $("dyad-b").value;
    const freq = $("dyad-freq").value;
    if (!a || !b || a === b) {
      reportError(new Error("Choose two different countries."));
      return;
    }
    clearError();
    const mine = (dyadRequests += 1);
    const report = await api.tension(a, b, freq);
    if (mine !== dyadRequests) return;
    current = { a, b, freq };
    writeState({ a, b, freq, period: null });
    renderVerdict($("verdict"), report);
    renderDrivers($("drivers"), report, (eventId) => openEvent({ event_id: eventId }));
    $("period-view").hidden = true;
    await renderTimeline($("tension-chart"), $("period-select"), report,
      (p) => showPeriod(p).catch(reportError), onRange);
  }

  return { showDyad, showPeriod };
}

function eventsController() {
  let nextCursor = null;
  let filters = {};
  let shown = []; // the records the table lists, for the map and the CSV download

  let requests = 0;
  let tableShown = null;
  const firstTable = new Promise((resolve) => { tableShown = resolve; }); // rows (or an error) on screen

  async function load(append) {
    const params = { ...filters, order: "-date", limit: 50, cursor: append ? nextCursor : undefined };
    const mine = (requests += 1);
    const page = await api.events(params).catch((error) => { tableShown(); throw error; });
    if (mine !== requests) return; // the filters changed while this page was on its way
    renderEventRows($("events-table"), page.events, openEvent, { append });
    shown = append ? shown.concat(page.events) : page.events;
    nextCursor = page.next_cursor;
    $("events-more").hidden = !nextCursor;
    $("events-count").textContent = `${shown.length} events shown${nextCursor ? ", more available" : ""}`;
    tableShown();
    await renderMap($("events-map"), shown, openEvent); // after the table: the map waits for plotly.js
  }

  function apply() {
    const form = new FormData($("events-form"));
    filters = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).trim()]).filter(([, v]) => v));
    clearError();
    return load(false);
  }

  function setActor(actor) {
    $("f-actor").value = actor;
    return apply();
  }

  // The chart's date-range brush sets the table's (and so the map's) date filter; null clears it.
  function setRange(since, until) {
    $("f-since").value = since || "";
    $("f-until").value = until || "";
    return apply();
  }

  const downloadShown = () => download(shown, `brinkwatch-events-${new Date().toISOString().slice(0, 10)}.csv`);

  return { apply, more: () => load(true), setActor, setRange, downloadShown, firstTable };
}

async function main() {
  const events = eventsController();
  const dyads = dyadController((since, until) => events.setRange(since, until).catch(reportError));
  $("dyad-form").addEventListener("submit", (e) => { e.preventDefault(); dyads.showDyad().catch(reportError); });
  $("events-form").addEventListener("submit", (e) => { e.preventDefault(); events.apply().catch(reportError); });
  $("events-more").addEventListener("click", () => events.more().catch(reportError));
  $("events-csv").addEventListener("click", () => events.downloadShown());

  // Text first: the stats line, the filters, the dyad pickers and the events table need no plotly.js, which
  // the first chart loads (plotly.js) once they are on screen.
  const wanted = readState();
  const tableAndMap = events.apply(); // the table at once; its map waits for plotly.js
  tableAndMap.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const [network, vocab] = await Promise.all([api.network({ level: "country" }), api.vocab(), renderStats()]);
  fillFilterOptions($("f-root"), $("f-modality"), vocab);
  const names = vocab.actor_names;
  const hasPair = network.nodes.length && dyadPickers(network, wanted, names);
  await events.firstTable;
  textShown();
  if (!network.nodes.length) {
    $("empty").hidden = false;
    $("dyad-show").disabled = true;
    for (const id of ["tension-chart", "network-chart"]) {
      for (const p of $(id).querySelectorAll(".chart-placeholder")) p.textContent = "Nothing to draw yet.";
    }
    await tableAndMap;
    document.body.dataset.ready = "1";
    return;
  }
  const onNode = (node) => events.setActor(node).catch(reportError);
  const labels = { ...names.countries, ...names.groups };
  // Only the answer to the latest choice is drawn: switching levels quickly must not let a slower, earlier
  // answer arrive last and show countries under "actors".
  let netRequest = 0;
  $("net-level").addEventListener("change", () => {
    const mine = ++netRequest;
    api.network({ level: $("net-level").value })
      .then((other) => (mine === netRequest ? renderNetwork($("network-chart"), other, onNode, labels) : null))
      .catch(reportError);
  });
  await Promise.all([tableAndMap, hasPair ? dyads.showDyad() : null,
    renderNetwork($("network-chart"), network, onNode, labels)]);
  // Restore the rest of a bookmarked view: the period's events, then the event's article.
  if (wanted.period) await dyads.showPeriod(wanted.period).catch(reportError);
  if (wanted.event) await openEvent({ event_id: wanted.event, mention_id: wanted.mention });
  document.body.dataset.ready = "1";
}

main().catch((error) => {
  textShown();
  reportError(error);
  document.body.dataset.ready = "error";
});
