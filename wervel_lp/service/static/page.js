// The case page: send the form's case to the server on every change and show the result.
// The case lives in the URL's fragment (#case=...), which browsers never send to a server.
"use strict";
(function () {
  const form = document.getElementById("case-form");
  const out = document.getElementById("result");
  const lang = document.documentElement.lang;
  let latest = 0;

  function caseOf() {
    const found = {};
    for (const el of form.elements) {
      if (!el.name || el.value === "") continue;
      const kind = el.dataset.kind;
      found[el.name] = kind === "bool" ? el.value === "true" : kind === "enum" ? el.value : Number(el.value);
    }
    return found;
  }

  function fill(found) {
    for (const [name, value] of Object.entries(found)) {
      const el = form.elements.namedItem(name);
      if (!el) continue;
      const text = value === null ? "" : String(value);
      // A select has no option for an explicit "unknown" value (tumour_type: unknown): it stays unknown.
      el.value = el.tagName === "SELECT" && ![...el.options].some((o) => o.value === text) ? "" : text;
    }
  }

  async function update() {
    const mine = ++latest;
    out.dataset.busy = "1";
    const found = caseOf();
    const hash = "#case=" + encodeURIComponent(JSON.stringify(found));
    history.replaceState(null, "", location.pathname + location.search + hash);
    document.getElementById("other-language").hash = hash;
    let html, ok;
    try {
      const answer = await fetch("page/result?lang=" + lang, {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(found)});
      html = await answer.text();
      ok = answer.ok;
    } catch (e) {
      const p = document.createElement("p");
      p.className = "error";
      p.textContent = String(e);  // the browser's words: shown as text, never as HTML
      html = p.outerHTML;
      ok = false;
    }
    if (mine !== latest) return;  // a later change is on its way
    out.innerHTML = html;
    out.dataset.state = ok ? "ok" : "error";
    out.dataset.busy = "0";
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  form.addEventListener("reset", () => setTimeout(update, 0));
  out.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#field-']");
    if (!link) return;
    event.preventDefault();
    const el = document.getElementById(link.getAttribute("href").slice(1));
    el.scrollIntoView({block: "center"});
    el.focus();
  });

  const match = location.hash.match(/^#case=(.*)$/);
  if (match) {
    try { fill(JSON.parse(decodeURIComponent(match[1]))); } catch (e) { /* not a case: start empty */ }
  }
  update();
})();
