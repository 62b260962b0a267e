// Calls to the brinkwatch /v1 JSON API of the same origin; every error becomes an ApiError.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(`${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") q.set(key, String(value));
  }
  const text = q.toString();
  return text ? `?${text}` : "";
}

export async function getJson(path, params) {
  const response = await fetch(path + query(params), { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    // The API answers every error as {"error": {"code", "message", "field", "status"}}.
    const err = (body && body.error) || {};
    throw new ApiError(response.status, err.code || `E${response.status}`, err.message || response.statusText);
  }
  return body;
}

const seg = encodeURIComponent;

export const api = {
  vocab: () => getJson("/dashboard/vocab.json"),
  stats: () => getJson("/v1/stats"),
  events: (params) => getJson("/v1/events", params),
  event: (id) => getJson(`/v1/events/${seg(id)}`),
  // doc ids may contain slashes (file paths, URLs): the route takes the rest of the path.
  article: (docId) => getJson(`/v1/articles/${docId.split("/").map(seg).join("/")}`),
  tension: (a, b, freq) => getJson(`/v1/dyads/${seg(a)}/${seg(b)}/tension`, { freq }),
  network: (params) => getJson("/v1/network", params),
};
