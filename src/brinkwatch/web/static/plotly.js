// plotly.js (4.6 MB) is loaded after the page has painted and shown its first data, not before: a <script>
// in <head> kept the page blank while the browser parsed it (3-5 s on a busy machine, on every cold cache).
// Every chart awaits `plotly(div)`; the first call adds the script once the page says its text is on screen
// (`textShown()`: compiling plotly.js holds the main thread for seconds, and the text should not wait behind
// it); later calls share its promise.

const BUNDLE = "/static/plotly.min.js"; // served from the installed plotly package (brinkwatch.web)
let loading = null;
let release = null;
const gate = new Promise((resolve) => { release = resolve; });

// Called by the page when its text (stats, pickers, events table) is shown, or when it failed to show.
export function textShown() {
  release();
}

function load() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = gate.then(() => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = BUNDLE;
      script.async = true;
      script.onload = () => (window.Plotly ? resolve(window.Plotly)
        : reject(new Error(`plotly.js did not load (see ${BUNDLE}): is the plotly package complete?`)));
      script.onerror = () => {
        loading = null; // let a later chart try again
        reject(new Error(`plotly.js did not load (see ${BUNDLE}): is the plotly package complete?`));
      };
      document.head.append(script);
    }));
  }
  return loading;
}

// Plotly, once loaded; the chart's "Loading chart…" placeholder goes when the chart is drawn.
export async function plotly(chart) {
  const Plotly = await load();
  for (const placeholder of chart.querySelectorAll(":scope > .chart-placeholder")) placeholder.remove();
  return Plotly;
}
