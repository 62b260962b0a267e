// Small DOM helpers: build elements without innerHTML, so article text can never inject markup.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function show(node, visible = true) {
  node.hidden = !visible;
  return node;
}

export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Number(value).toFixed(digits);
}

export function actorLabel(actor) {
  if (!actor) return "–";
  return actor.code || actor.country || actor.text || "–";
}

// "Iran (IRN)": a country or group by its knowledge-base name and its code (``names`` is the vocabulary's
// actor_names); a code the knowledge base does not name (a user's own actor) as it is.
export function countryLabel(code, names) {
  const name = names.countries[code] || names.groups[code];
  return name ? `${name} (${code})` : code;
}
