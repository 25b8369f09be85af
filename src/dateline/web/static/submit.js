// The overview's paste / upload form: POST /api/articles with the bearer token, then link to the analysis.
"use strict";

(function () {
  const form = document.getElementById("submit-form");
  if (!form) return;
  const statusLine = document.getElementById("submit-status");
  const tokenInput = form.elements.namedItem("token");
  tokenInput.value = window.sessionStorage.getItem("dateline-token") || "";

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error-message", Boolean(isError));
  }

  function readFile(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsText(file);
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const file = data.get("file");
    let text = String(data.get("text") || "");
    if (file && file.size) text = await readFile(file);
    if (!text.trim()) {
      say("Paste a text or choose a file.", true);
      return;
    }
    const body = { date: data.get("date"), text: text };
    for (const key of ["title", "id"]) {
      const value = String(data.get(key) || "").trim();
      if (value) body[key] = value;
    }
    const token = String(data.get("token") || "").trim();
    window.sessionStorage.setItem("dateline-token", token);
    say("Analysing…");
    try {
      const response = await fetch("/api/articles", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer " + token },
        body: JSON.stringify(body),
      });
      const result = await response.json().catch(() => null);
      if (!response.ok) {
        say((result && result.error ? result.error.message : response.statusText) || "failed", true);
        return;
      }
      say(result.events.length + " event(s), " + result.flags.length + " flag(s): ");
      const link = document.createElement("a");
      link.href = "/articles/" + encodeURIComponent(result.id);
      link.textContent = "open the analysis";
      statusLine.appendChild(link);
    } catch (error) {
      say(String(error), true);
    }
  });
})();
