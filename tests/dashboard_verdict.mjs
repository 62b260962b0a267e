// What the dashboard shows for a dyad, computed by the dashboard's own modules under node (used by
// tests/test_analyze_verdict_examples.py): api.js fetches the tension report exactly as the page does, and
// timeline.js renders the verdict box into a minimal stand-in for the DOM. Prints {report, shown} as JSON.
//   node tests/dashboard_verdict.mjs BASE_URL STATIC_DIR A B FREQ

const [base, staticDir, a, b, freq] = process.argv.slice(2);

class Node {}
class Element extends Node {
  constructor(tag) {
    super();
    this.tag = tag;
    this.children = [];
    this.attributes = {};
    this.className = "";
    this.hidden = false;
    this._text = null;
  }
  set textContent(value) { this.children = []; this._text = String(value); }
  get textContent() {
    return (this._text ?? "") + this.children.map((c) => c.textContent).join("");
  }
  setAttribute(key, value) { this.attributes[key] = value; }
  addEventListener() {}
  append(...nodes) { this.children.push(...nodes); }
  get firstChild() { return this.children[0] ?? (this._text ? this : null); }
  removeChild(child) {
    if (child === this) this._text = null;
    else this.children.splice(this.children.indexOf(child), 1);
  }
}
class Text extends Node {
  constructor(value) { super(); this.textContent = value; }
}
globalThis.Node = Node;
globalThis.document = { createElement: (tag) => new Element(tag), createTextNode: (value) => new Text(value) };
const realFetch = globalThis.fetch;
globalThis.fetch = (url, options) => realFetch(new URL(url, base), options);  // the page fetches same-origin

const { api } = await import(`${staticDir}/api.js`);
const { renderVerdict } = await import(`${staticDir}/timeline.js`);
const report = await api.tension(a, b, freq);
const box = new Element("div");
renderVerdict(box, report);
const byTestId = {};
const walk = (node) => {
  if (!(node instanceof Element)) return;
  if (node.attributes["data-testid"]) byTestId[node.attributes["data-testid"]] = node.textContent;
  node.children.forEach(walk);
};
walk(box);
process.stdout.write(JSON.stringify({ report, shown: byTestId }));
