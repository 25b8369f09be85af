// Small helpers shared by dateline's pages. Text always goes in through textContent, never as HTML.
"use strict";

window.dateline = (function () {
  const FILTER_KEYS = ["article", "actor", "type", "mode", "modality", "place", "lat", "lon", "radius_km", "since", "until", "q"];

  /** The event filters of the page's form, and of its URL for filters the form lacks; no empty values. */
  function filterParams() {
    const params = new URLSearchParams();
    const form = document.getElementById("filters");
    const fromForm = form ? new FormData(form) : new FormData();
    const fromUrl = new URLSearchParams(window.location.search);
    for (const key of FILTER_KEYS) {
      const value = fromForm.has(key) ? fromForm.get(key) : fromUrl.get(key);
      if (value && value.trim()) params.set(key, value.trim());
    }
    return params;
  }

  /** Fetch JSON from our API; throws an Error carrying the API's error message. */
  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message || "request failed");
    }
    return body;
  }

  /** Create an element with attributes and text content. */
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Show a status line (or an error) in the element with this id. */
  function status(id, text, isError) {
    const node = document.getElementById(id);
    if (!node) return;
    node.textContent = text;
    node.classList.toggle("error-message", Boolean(isError));
  }

  /** Link to an event's evidence in the article view. */
  function evidenceHref(articleId, eventId) {
    return "/articles/" + encodeURIComponent(articleId) + "#ev-" + encodeURIComponent(eventId);
  }

  /** A colour for a mean Goldstein score: red (conflict) through grey to green (cooperation). */
  function goldsteinColor(score) {
    if (score === null || score === undefined) return "#9ca3af";
    const t = Math.max(-1, Math.min(1, score / 10));
    const grey = [156, 163, 175];
    const end = t < 0 ? [220, 38, 38] : [22, 163, 74];
    const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * Math.abs(t)));
    return "rgb(" + mix.join(",") + ")";
  }

  return { filterParams, getJSON, el, status, evidenceHref, goldsteinColor };
})();
