// uPlot charts that follow the theme and the container's width. uPlot comes from the WebJar
// (classic script in index.html, global `uPlot`).
import { clear, showState } from "./dom.js";

const charts = new Set();

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
}

/** Rebuilds every chart with the current theme's colours. */
export function rethemeCharts() {
  for (const c of charts) c.rebuild();
}

export class TimeChart {
  /**
   * container: element; series: [{label, color: "--css-var", scale?: "y" | "pct", dash?}];
   * opts: {height, summary: (cols) => string, yFormat, pctFormat}
   */
  constructor(container, series, opts = {}) {
    this.container = container;
    this.seriesDefs = series;
    this.opts = opts;
    this.data = [[], ...series.map(() => [])];
    this.plot = null;
    container.classList.add("chart");
    container.setAttribute("role", "img");
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(container);
    charts.add(this);
    this.rebuild();
  }

  rebuild() {
    if (this.plot) this.plot.destroy();
    this.plot = null;
    if (typeof window.uPlot !== "function") {
      showState(this.container, "unavailable", "Charts could not load (uPlot missing).");
      return;
    }
    clear(this.container);
    const text = cssVar("--text-muted");
    const grid = cssVar("--grid");
    const axis = (scale, fmt) => ({
      scale,
      stroke: text,
      grid: { stroke: grid, width: 1 },
      ticks: { stroke: grid, width: 1 },
      values: fmt ? (u, vals) => vals.map(fmt) : undefined,
      size: 56,
    });
    const scales = { x: { time: true } };
    const axes = [axis("x"), axis("y", this.opts.yFormat)];
    if (this.seriesDefs.some((s) => s.scale === "pct")) {
      scales.pct = { range: (u, min, max) => [0, Math.max(1, max * 1.1)] };
      axes.push({ ...axis("pct", this.opts.pctFormat || ((v) => `${v}%`)), side: 1, grid: { show: false } });
    }
    this.plot = new window.uPlot(
      {
        width: this.width(),
        height: this.opts.height || 220,
        scales,
        axes,
        legend: { live: true },
        cursor: { focus: { prox: 24 } },
        series: [
          {},
          ...this.seriesDefs.map((s) => ({
            label: s.label,
            scale: s.scale || "y",
            stroke: cssVar(s.color),
            width: 2,
            dash: s.dash,
            spanGaps: false,
            points: { show: (u, si) => (u.data[0]?.length ?? 0) < 3 },
          })),
        ],
      },
      this.data,
      this.container,
    );
    this.updateSummary();
  }

  width() {
    return Math.max(240, Math.floor(this.container.getBoundingClientRect().width || 600));
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: this.width(), height: this.opts.height || 220 });
  }

  /** Replaces the series (e.g. one line per platform); rebuilds only when they changed. */
  setSeries(defs) {
    const key = (d) => d.map((x) => `${x.label}|${x.color}|${x.scale || ""}`).join(",");
    if (key(defs) === key(this.seriesDefs)) return;
    this.seriesDefs = defs;
    this.data = [[], ...defs.map(() => [])];
    this.rebuild();
  }

  setData(cols) {
    this.data = cols;
    if (this.plot) this.plot.setData(cols);
    this.updateSummary();
  }

  updateSummary() {
    const s = this.opts.summary ? this.opts.summary(this.data) : null;
    this.container.setAttribute("aria-label", s || "Chart");
    this.container.dataset.points = String(this.data[0]?.length ?? 0);
  }

  destroy() {
    this.ro.disconnect();
    charts.delete(this);
    if (this.plot) this.plot.destroy();
  }
}

/** Colours for charts with a variable number of lines. */
export const PALETTE = ["--c-series", "--c-engagement", "--c-rate", "--c-pos", "--c-neg", "--c-neu"];
