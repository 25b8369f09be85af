// The map: country outlines from world-atlas (no tile server), clustered event and place markers with popups.
"use strict";

(function () {
  const { filterParams, getJSON, el, status, evidenceHref } = window.dateline;
  const container = document.getElementById("map");
  if (typeof L === "undefined" || typeof topojson === "undefined" || !L.markerClusterGroup) {
    status("map-status", "The map libraries are not installed: run 'npm ci' at the repository root.", true);
    return;
  }
  const map = L.map(container, { minZoom: 1, maxZoom: 12, worldCopyJump: true, zoomSnap: 0.5 }).setView([25, 15], 2);
  map.attributionControl.addAttribution("Natural Earth via world-atlas");
  const clusters = L.markerClusterGroup({ maxClusterRadius: 40 });
  window.datelineMap = { map: map, clusters: clusters };

  function icon(kind) {
    return L.divIcon({ className: "marker marker-" + kind, iconSize: [14, 14] });
  }

  function eventPopup(p) {
    const box = el("div", { class: "popup" });
    box.appendChild(el("strong", {}, p.type + (p.mode ? " / " + p.mode : "")));
    const who = (p.source_name || p.source || "–") + " → " + (p.target_name || p.target || "–");
    box.appendChild(el("div", {}, who));
    box.appendChild(el("div", { class: "dim" }, (p.place_name || "") + " · " + (p.date || p.article_date) + " · " + p.modality));
    box.appendChild(el("q", {}, p.evidence_text.length > 160 ? p.evidence_text.slice(0, 159) + "…" : p.evidence_text));
    const link = el("a", { href: evidenceHref(p.article_id, p.event_id) }, "evidence in " + (p.article_title || p.article_id));
    box.appendChild(el("div")).appendChild(link);
    return box;
  }

  function placePopup(p) {
    const box = el("div", { class: "popup" });
    box.appendChild(el("strong", {}, p.name));
    box.appendChild(el("div", { class: "dim" }, "GeoNames " + p.geonameid + " · " + (p.country || "") + " · " + p.articles + " article(s)"));
    const params = new URLSearchParams({ place: String(p.geonameid) });
    box.appendChild(el("div")).appendChild(el("a", { href: "/events?" + params.toString() }, p.events + " event(s) here"));
    return box;
  }

  async function basemap() {
    const topo = await getJSON("/vendor/world-atlas/countries-110m.json");
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#94a3b8", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1 },
    }).addTo(map);
    container.dataset.countries = String(countries.features.length);
  }

  async function markers() {
    const params = filterParams();
    const [events, places] = await Promise.all([
      getJSON("/api/export?format=geojson&" + params.toString()),
      getJSON("/api/places?limit=500"),
    ]);
    let count = 0;
    for (const feature of events.features) {
      const [lon, lat] = feature.geometry.coordinates;
      clusters.addLayer(L.marker([lat, lon], { icon: icon("event"), title: feature.properties.type }).bindPopup(eventPopup(feature.properties)));
      count += 1;
    }
    const filtered = params.toString() !== "";
    for (const place of places.items) {
      if (place.lat === null || place.lon === null || filtered) continue;
      clusters.addLayer(L.marker([place.lat, place.lon], { icon: icon("place"), title: place.name }).bindPopup(placePopup(place)));
      count += 1;
    }
    map.addLayer(clusters);
    if (count) map.fitBounds(clusters.getBounds(), { maxZoom: 6, padding: [30, 30] });
    container.dataset.markers = String(count);
    status("map-status", events.features.length + " located event(s)" + (filtered ? "" : ", " + places.items.filter((p) => p.lat !== null).length + " place(s)"));
  }

  basemap()
    .then(markers)
    .catch((error) => status("map-status", String(error.message || error), true));
})();
