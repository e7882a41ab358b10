// Browse and search: MiniSearch over window.NFP_RESOURCES (written by the build), with filters by type,
// NGO group, country, period and ontology class. The address keeps the state (?q=...&type=...).
(function () {
  "use strict";
  const docs = window.NFP_RESOURCES || [];
  // Case and accents do not matter: "Tusiad", "tüsiad" and "TÜSİAD" are one term (Turkish dotless ı too).
  const fold = (s) => s.toLocaleLowerCase("tr").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ı/g, "i");
  const search = new MiniSearch({
    fields: ["label", "tr", "names", "types", "quotes"],
    storeFields: ["id"],
    processTerm: (term) => fold(term),
    searchOptions: {boost: {label: 4, tr: 3, names: 3, types: 1.5}, prefix: true, fuzzy: 0.15, combineWith: "AND"},
  });
  search.addAll(docs);
  const $ = (id) => document.getElementById(id);
  const facets = ["group", "country", "period"];
  facets.forEach((f) => {
    const values = new Map();
    docs.forEach((d) => d[f].forEach((v) => values.set(v, (values.get(v) || 0) + 1)));
    [...values.keys()].sort((a, b) => a.localeCompare(b)).forEach((v) => {
      const o = document.createElement("option");
      o.value = v; o.textContent = v + " (" + values.get(v) + ")";
      $(f).appendChild(o);
    });
  });
  const params = new URLSearchParams(location.search);
  $("q").value = params.get("q") || "";
  $("kind").value = params.get("type") || "";
  facets.forEach((f) => { $(f).value = params.get(f) || ""; });
  $("class").value = params.get("class") || "";

  function render() {
    const q = $("q").value.trim();
    let hits = q ? search.search(q).map((r) => docs[r.id]) : docs.slice().sort((a, b) => a.label.localeCompare(b.label));
    const kind = $("kind").value, cls = $("class").value;
    if (kind) hits = hits.filter((d) => d.kind === kind);
    if (cls) hits = hits.filter((d) => d.classes.includes(cls));
    facets.forEach((f) => { const v = $(f).value; if (v) hits = hits.filter((d) => d[f].includes(v)); });
    const list = $("results");
    list.replaceChildren();
    hits.slice(0, 300).forEach((d) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = d.path; a.textContent = d.label;
      if (d.tr && d.tr !== d.label) { a.dataset.en = d.label; a.dataset.tr = d.tr; }
      li.appendChild(a);
      const tag = document.createElement("span");
      tag.className = "kind-tag"; tag.textContent = " · " + d.types.join(", ");
      li.appendChild(tag);
      const more = [d.tr && d.tr !== d.label ? d.tr : "", d.names].filter(Boolean).join(" · ");
      if (more) { const s = document.createElement("span"); s.className = "snippet"; s.textContent = more; li.appendChild(s); }
      list.appendChild(li);
    });
    $("count").textContent = hits.length + " of " + docs.length + " resources" + (cls ? " of class " + cls : "") +
      (hits.length > 300 ? " (first 300 shown)" : "");
    const state = new URLSearchParams();
    if (q) state.set("q", q);
    if (kind) state.set("type", kind);
    if (cls) state.set("class", cls);
    facets.forEach((f) => { if ($(f).value) state.set(f, $(f).value); });
    history.replaceState(null, "", location.pathname + (state.toString() ? "?" + state : ""));
    if (window.nfpApplyLang) window.nfpApplyLang();
  }
  ["q", "kind", "group", "country", "period"].forEach((id) => $(id).addEventListener("input", render));
  $("browse").addEventListener("submit", (e) => { e.preventDefault(); render(); });
  render();
})();
