// The timeline: stacked bars of event counts per day / week / month and per type, actor or place (plain SVG).
"use strict";

(function () {
  const { filterParams, getJSON, el, status } = window.dateline;
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#ea580c", "#0d9488"];
  const chart = document.getElementById("timeline");
  const legend = document.getElementById("timeline-legend");
  const zoomOut = document.getElementById("zoom-out");
  const form = document.getElementById("filters");
  const state = { interval: form.elements.namedItem("interval").value || "week", since: null, until: null };

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function addDays(iso, days) {
    const date = new Date(iso + "T00:00:00Z");
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function periodEnd(period) {
    if (state.interval === "day") return period.start;
    if (state.interval === "week") return addDays(period.start, 6);
    const date = new Date(period.start + "T00:00:00Z");
    date.setUTCMonth(date.getUTCMonth() + 1);
    date.setUTCDate(0);
    return date.toISOString().slice(0, 10);
  }

  /** Click a bar: a month opens its weeks, a week its days, a day the events table for that day. */
  function zoomInto(period) {
    const until = periodEnd(period);
    if (state.interval === "day") {
      const params = filterParams();
      params.set("since", period.start);
      params.set("until", until);
      window.location.href = "/events?" + params.toString();
      return;
    }
    state.interval = state.interval === "month" ? "week" : "day";
    state.since = period.start;
    state.until = until;
    load();
  }

  function draw(data) {
    chart.replaceChildren();
    legend.replaceChildren();
    const periods = data.periods;
    if (!periods.length) {
      status("timeline-status", "No dated events match.");
      chart.dataset.bars = "0";
      return;
    }
    const totals = periods.map((_, i) => data.series.reduce((sum, s) => sum + s.counts[i], 0));
    const max = Math.max(1, ...totals);
    const width = Math.max(chart.clientWidth || 900, 400);
    const height = 340;
    const m = { top: 12, right: 12, bottom: 56, left: 40 };
    const band = (width - m.left - m.right) / periods.length;
    const y = (value) => height - m.bottom - (value / max) * (height - m.top - m.bottom);
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "events over time" });
    for (const tick of [0, Math.round(max / 2), max]) {
      root.appendChild(svg("line", { x1: m.left, x2: width - m.right, y1: y(tick), y2: y(tick), class: "gridline" }));
      root.appendChild(svg("text", { x: m.left - 6, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, String(tick)));
    }
    const every = Math.max(1, Math.ceil(periods.length / Math.floor((width - m.left) / 70)));
    let bars = 0;
    periods.forEach((period, i) => {
      const x = m.left + i * band;
      let base = 0;
      data.series.forEach((series, k) => {
        const count = series.counts[i];
        if (!count) return;
        const rect = svg("rect", {
          x: x + band * 0.1, width: Math.max(1, band * 0.8), y: y(base + count), height: y(base) - y(base + count),
          fill: COLORS[k % COLORS.length], class: "bar", "data-period": period.label,
        });
        rect.appendChild(svg("title", {}, series.label + " · " + period.label + ": " + count));
        rect.addEventListener("click", () => zoomInto(period));
        root.appendChild(rect);
        base += count;
        bars += 1;
      });
      if (i % every === 0) {
        root.appendChild(svg("text", { x: x + band / 2, y: height - m.bottom + 16, "text-anchor": "middle", class: "tick" }, period.label));
      }
    });
    chart.appendChild(root);
    chart.dataset.bars = String(bars);
    data.series.forEach((series, k) => {
      const item = el("li");
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = COLORS[k % COLORS.length];
      item.append(swatch, el("span", {}, series.label + " (" + series.total + ")"));
      legend.appendChild(item);
    });
    const total = totals.reduce((a, b) => a + b, 0);
    status("timeline-status", total + " event mention(s) by " + data.by + ", per " + data.interval +
      (state.since ? " from " + state.since + " to " + state.until : ""));
  }

  async function load() {
    for (const button of document.querySelectorAll("#zoom [data-interval]")) {
      button.classList.toggle("active", button.dataset.interval === state.interval);
    }
    zoomOut.hidden = !state.since;
    const params = filterParams();
    params.set("interval", state.interval);
    params.set("by", form.elements.namedItem("by").value);
    if (state.since) {
      params.set("since", state.since);
      params.set("until", state.until);
    }
    status("timeline-status", "Loading…");
    try {
      draw(await getJSON("/api/timeline?" + params.toString()));
    } catch (error) {
      status("timeline-status", String(error.message || error), true);
    }
  }

  for (const button of document.querySelectorAll("#zoom [data-interval]")) {
    button.addEventListener("click", () => {
      state.interval = button.dataset.interval;
      form.elements.namedItem("interval").value = state.interval;
      load();
    });
  }
  zoomOut.addEventListener("click", () => {
    state.since = state.until = null;
    load();
  });
  load();
})();
