"""Plotly chart of a tension report: the tension index per period, event counts, change points marked.

HTML is written with plotly.js embedded (``include_plotlyjs=True``) so the file opens offline; PNG needs
kaleido, and without it the caller gets a numbered error instead of a half-written file.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from brinkwatch.analyze.records import TensionReport
from brinkwatch.errors import ExportError


def tension_figure(report: TensionReport):  # noqa: ANN201 - plotly is imported lazily (slow import)
    """A two-row figure: tension index (line, change points as dashed lines) over event counts (bars)."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    series = report.series
    periods = [p.period.isoformat() for p in series.points]
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.7, 0.3], vertical_spacing=0.05)
    fig.add_trace(go.Scatter(x=periods, y=[p.tension for p in series.points], mode="lines+markers",
                             name="tension index"), row=1, col=1)
    counts = {"verbal coop": "verbal_coop", "material coop": "material_coop",
              "verbal conflict": "verbal_conflict", "material conflict": "material_conflict"}
    for label, field in counts.items():
        fig.add_trace(go.Bar(x=periods, y=[getattr(p, field) for p in series.points], name=label), row=2, col=1)
    for cp in report.change_points:
        fig.add_vline(x=cp.isoformat(), line_dash="dash", line_color="firebrick")
    fig.update_layout(barmode="stack", title=report.verdict.summary, height=600,
                      yaxis_title="tension", yaxis2_title="events")
    return fig


def write_plot(report: TensionReport, path: str | Path) -> Path:
    """Write the chart to ``.html`` (self-contained) or ``.png`` (needs kaleido)."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".html", ".png"):
        raise ExportError("plot file must end in .html or .png", source=str(target))
    if suffix == ".png" and importlib.util.find_spec("kaleido") is None:
        raise ExportError("writing .png needs the 'kaleido' package, which is not installed; "
                          "use a .html file instead", source=str(target))
    fig = tension_figure(report)
    try:
        if suffix == ".html":
            fig.write_html(str(target), include_plotlyjs=True, full_html=True)
        else:
            fig.write_image(str(target))
    except OSError as exc:
        raise ExportError(f"cannot write plot: {exc}", source=str(target)) from exc
    return target
