// The actor network: who did what to whom, edges coloured by mean Goldstein score (cytoscape, canvas).
"use strict";

(function () {
  const { filterParams, getJSON, el, status, goldsteinColor } = window.dateline;
  const container = document.getElementById("network");
  const detail = document.getElementById("network-detail");
  if (typeof cytoscape === "undefined") {
    status("network-status", "The network library is not installed: run 'npm ci' at the repository root.", true);
    return;
  }

  function show(lines, link) {
    detail.replaceChildren();
    for (const line of lines) detail.appendChild(el("p", {}, line));
    if (link) detail.appendChild(el("a", { href: link.href }, link.text));
  }

  function eventsLink(actor) {
    return { href: "/events?" + new URLSearchParams({ actor: actor }).toString(), text: "events of " + actor };
  }

  async function load() {
    status("network-status", "Loading…");
    const data = await getJSON("/api/network?" + filterParams().toString());
    const maxCount = Math.max(1, ...data.edges.map((e) => e.count));
    const elements = [];
    for (const node of data.nodes) {
      elements.push({ data: { id: node.id, label: node.label, events: node.events, info: node } });
    }
    data.edges.forEach((edge, i) => {
      elements.push({
        data: {
          id: "e" + i, source: edge.source, target: edge.target, count: edge.count,
          color: goldsteinColor(edge.goldstein_mean), width: 1.5 + 6 * (edge.count / maxCount), info: edge,
        },
      });
    });
    const cy = cytoscape({
      container: container,
      elements: elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#334155", width: "mapData(events, 1, 20, 14, 40)", height: "mapData(events, 1, 20, 14, 40)", color: "#0f172a", "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 130 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.9 } },
        { selector: ":selected", style: { "overlay-opacity": 0.15, "overlay-color": "#2563eb" } },
      ],
      layout: {
        name: elements.length > 1 ? "cose" : "grid", animate: false, randomize: false, padding: 40,
        nodeRepulsion: () => 60000, idealEdgeLength: () => 90, componentSpacing: 60, nodeDimensionsIncludeLabels: true,
      },
    });
    cy.on("tap", "edge", (evt) => {
      const e = evt.target.data("info");
      const src = cy.getElementById(e.source).data("label");
      const tgt = cy.getElementById(e.target).data("label");
      const types = Object.entries(e.types).map(([t, n]) => t + " ×" + n).join(", ");
      const mean = e.goldstein_mean === null ? "–" : e.goldstein_mean.toFixed(1);
      show([src + " → " + tgt, e.count + " event(s): " + types, "Goldstein sum " + e.goldstein_sum.toFixed(1) + ", mean " + mean], eventsLink(src));
    });
    cy.on("tap", "node", (evt) => {
      const n = evt.target.data("info");
      show([n.label, [n.kind, n.country, n.sector].filter(Boolean).join(" · "), n.events + " event end(s)"], eventsLink(n.label));
    });
    window.datelineNetwork = cy;
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    status("network-status", data.nodes.length + " actor(s), " + data.edges.length + " dyad(s)" + (data.nodes.length ? "" : ": no events with both a source and a target match"));
  }

  load().catch((error) => status("network-status", String(error.message || error), true));
})();
