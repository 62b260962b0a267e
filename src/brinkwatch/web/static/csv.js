// "Download CSV": the rows the events table shows, with the columns it shows, as a file.

const COLUMNS = [
  ["event_id", (r) => r.event_id], ["date", (r) => r.date], ["source", (r) => r.source && r.source.code],
  ["target", (r) => r.target && r.target.code], ["cameo", (r) => r.cameo && r.cameo.code],
  ["event", (r) => r.cameo && r.cameo.name], ["goldstein", (r) => r.goldstein], ["modality", (r) => r.modality],
  ["place", (r) => r.place && r.place.name], ["place_country", (r) => r.place && r.place.country],
  ["lat", (r) => r.place && r.place.lat], ["lon", (r) => r.place && r.place.lon], ["deaths", (r) => deaths(r)],
  ["confidence", (r) => r.confidence], ["mentions", (r) => r.num_mentions ?? 1],
  ["evidence", (r) => r.evidence && r.evidence.text],
];

export function deaths(record) {
  const killed = (record.numbers || []).find((n) => n.kind === "killed");
  return killed ? killed.value : null;
}

function cell(value) {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(records) {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const r of records) lines.push(COLUMNS.map(([, get]) => cell(get(r))).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function download(records, filename) {
  const blob = new Blob([toCsv(records)], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
