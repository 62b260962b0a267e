// What the page shows, kept in the URL fragment (#a=IRN&b=USA&freq=week&period=...&event=...),
// so a view can be bookmarked, shared or reloaded.

const KEYS = ["a", "b", "freq", "period", "event", "mention"];

export function readState() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const state = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

// Merge `patch` into the fragment (null or undefined removes a key); replaces the history entry,
// so the back button leaves the dashboard rather than stepping through every click.
export function writeState(patch) {
  const state = { ...readState(), ...patch };
  const params = new URLSearchParams();
  for (const key of KEYS) {
    if (state[key] !== null && state[key] !== undefined && state[key] !== "") params.set(key, state[key]);
  }
  const text = params.toString();
  window.history.replaceState(null, "", text ? `#${text}` : window.location.pathname + window.location.search);
}
