// The API reference, rendered from /openapi.json without any third-party script.
"use strict";

(function () {
  const root = document.getElementById("api-docs");
  if (!root) return;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function typeOf(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
    if (schema.enum) return schema.enum.join(" | ");
    if (schema.type === "array") return typeOf(schema.items) + "[]";
    return schema.type + (schema.format ? " (" + schema.format + ")" : "");
  }

  function operation(path, method, op) {
    const section = el("section", { class: "endpoint", id: (op.operationId || method + path) });
    section.appendChild(el("h2", {}, method.toUpperCase() + " " + path));
    if (op.summary) section.appendChild(el("p", { class: "summary" }, op.summary));
    if (op.description) section.appendChild(el("p", { class: "description" }, op.description));
    if (op.parameters && op.parameters.length) {
      const table = el("table", { class: "grid" });
      const head = table.appendChild(el("thead")).appendChild(el("tr"));
      for (const title of ["parameter", "in", "type", "required", "description"]) head.appendChild(el("th", {}, title));
      const body = table.appendChild(el("tbody"));
      for (const p of op.parameters) {
        const row = body.appendChild(el("tr"));
        const schema = p.schema || {};
        const limits = ["minimum", "maximum", "exclusiveMinimum", "maxLength"].filter((k) => k in schema).map((k) => k + " " + schema[k]);
        row.append(el("td", {}, p.name), el("td", {}, p.in), el("td", {}, typeOf(schema) + (limits.length ? " · " + limits.join(", ") : "")),
          el("td", {}, p.required ? "yes" : ""), el("td", {}, (p.description || schema.description || "") + ("default" in schema ? " (default " + schema.default + ")" : "")));
      }
      section.appendChild(table);
    }
    if (op.requestBody) {
      const content = op.requestBody.content || {};
      const types = Object.entries(content).map(([media, c]) => media + ": " + typeOf(c.schema));
      section.appendChild(el("p", {}, "Body: " + types.join(", ")));
    }
    const codes = Object.entries(op.responses || {}).map(([code, r]) => code + " " + (r.description || ""));
    section.appendChild(el("p", { class: "dim" }, "Responses: " + codes.join(" · ")));
    return section;
  }

  fetch("/openapi.json")
    .then((response) => response.json())
    .then((spec) => {
      for (const [path, methods] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(methods)) root.appendChild(operation(path, method, op));
      }
      const schemas = (spec.components || {}).schemas || {};
      root.appendChild(el("h2", {}, "Schemas"));
      const list = root.appendChild(el("ul", { class: "schemas" }));
      for (const [name, schema] of Object.entries(schemas)) {
        const fields = Object.entries(schema.properties || {}).map(([k, v]) => k + ": " + typeOf(v));
        const item = list.appendChild(el("li"));
        item.append(el("strong", {}, name), el("span", {}, " " + (schema.description || "")), el("code", {}, fields.join(", ")));
      }
    })
    .catch((error) => {
      root.textContent = "Could not load /openapi.json: " + error;
    });
})();
