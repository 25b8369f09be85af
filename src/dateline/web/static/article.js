// The article view: clicking a flag or an event highlights its evidence in the text (also from the URL hash).
"use strict";

(function () {
  const text = document.getElementById("article-text");
  if (!text) return;

  function focus(selector) {
    for (const node of text.querySelectorAll(".focus")) node.classList.remove("focus");
    const hits = text.querySelectorAll(selector);
    for (const node of hits) node.classList.add("focus");
    if (hits.length) hits[0].scrollIntoView({ block: "center" });
    return hits.length;
  }

  function focusFlag(index) {
    return focus('[data-flags~="' + CSS.escape(String(index)) + '"]');
  }

  function focusEvent(id) {
    return focus('[data-events~="' + CSS.escape(id) + '"]');
  }

  for (const link of document.querySelectorAll(".flag-link")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      focusFlag(link.dataset.flag);
      history.replaceState(null, "", "#flag-" + link.dataset.flag);
    });
  }
  for (const link of document.querySelectorAll(".ev-link")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      focusEvent(link.dataset.event);
      history.replaceState(null, "", "#ev-" + encodeURIComponent(link.dataset.event));
    });
  }

  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash.startsWith("flag-")) focusFlag(hash.slice(5));
  else if (hash.startsWith("ev-")) focusEvent(hash.slice(3));
})();
