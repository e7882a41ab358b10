// The SPARQL editor: YASQE (prefix completion, syntax check) over the textarea, the example loader, the run
// against /query, the answer as a table whose IRIs are names linking to their pages, CSV and JSON downloads,
// and errors in words. A prefix of the dataset used without its PREFIX line gets the line added before the run.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("query-config").textContent);
  const textarea = document.getElementById("sparql");
  const out = document.getElementById("answer");
  const csvButton = document.getElementById("download-csv"), jsonButton = document.getElementById("download-json");
  const ttlButton = document.getElementById("download-ttl");
  const base = "https://w3id.org/ngo-fp/resource/";
  // Rows drawn in the answer's table; the downloads hold them all. A table of 32,564 rows (SELECT * of the default
  // graph, answered in 0.2 s) held the tab for 48 s, one of 56,000 for more than two minutes.
  const SHOWN = 1000;
  const SHOWN_CHARACTERS = 100000;  // of a graph answer's Turtle shown; its download holds all of it
  const pages = new Map((window.NFP_RESOURCES || []).map((d) => [d.iri, d]));
  let editor = null;
  try {
    editor = Yasqe.fromTextArea(textarea, {persistenceId: null, showQueryButton: false, resizeable: true,
      editorHeight: "260px", autocompleters: ["variables"]});  // YASQE's "prefixes" completer asks prefix.cc online
    editor.getInputField().setAttribute("aria-label", "SPARQL query");  // CodeMirror's own input takes the textarea's place

  } catch (e) { editor = null; /* the plain textarea still works */ }
  const getQuery = () => (editor ? editor.getValue() : textarea.value);
  const setQuery = (q) => { if (editor) { editor.setValue(q); editor.refresh(); } else { textarea.value = q; } };
  window.nfpQuery = {get: getQuery, set: setQuery};

  document.querySelectorAll("button.load").forEach((b) => b.addEventListener("click", () => {
    setQuery(config.examples[b.dataset.example]);
    document.getElementById("editor").scrollIntoView();
  }));

  function declared(query) {
    const names = new Set();
    query.replace(/PREFIX\s+([A-Za-z][\w-]*)?:/gi, (m, p) => { names.add(p || ""); return m; });
    return names;
  }
  // The prefixes a query uses without declaring them (strings, IRIs and comments set aside).
  function undeclared(query) {
    const have = declared(query);
    const body = query.replace(/^\s*PREFIX[^\n]*$/gim, "").replace(/"(?:[^"\\]|\\.)*"|<[^>\s]*>|#[^\n]*/g, " ");
    return [...new Set([...body.matchAll(/(?:^|[\s(\/^|,;{])([A-Za-z][\w-]*):[A-Za-z_0-9]/g)].map((m) => m[1]))]
      .filter((p) => !have.has(p));
  }
  function readable(status, text, query) {
    const missing = undeclared(query);
    if (missing.length) {
      return missing.map((p) => "The prefix \u201c" + p + ":\u201d is not declared, and it is not one of this dataset's prefixes " +
        "(see the list below the editor): add a line such as\nPREFIX " + p + ": <http://example.org/namespace#>").join("\n");
    }
    if (status === 0) return "The endpoint did not answer: is the site served by `make serve`?";
    let first = text.split("\n")[0];
    first = first.replace(/expected [\s\S]*$/, (m) => (m.length > 160 ? "the query has a syntax error here" : m));
    return "The endpoint refused the query (" + status + "): " + first.slice(0, 400);
  }
  function render(json) {
    if (typeof json.boolean === "boolean") { out.textContent = "Answer: " + (json.boolean ? "yes" : "no"); return; }
    const vars = json.head.vars, rows = json.results.bindings;
    const table = document.createElement("table");
    table.id = "answer-table"; table.className = "grid";
    const head = table.createTHead().insertRow();
    vars.forEach((v) => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
    const tbody = table.createTBody();
    rows.slice(0, SHOWN).forEach((r) => {
      const tr = tbody.insertRow();
      vars.forEach((v) => {
        const td = tr.insertCell(), b = r[v];
        if (!b) return;
        if (b.type === "uri") {
          const a = document.createElement("a");
          const known = pages.get(b.value);
          if (known) { a.href = known.path; a.textContent = known.label; a.title = b.value; }
          else if (b.value.startsWith("https://w3id.org/ngo-fp/ontology#")) { a.href = "ontology.html#" + b.value.split("#")[1]; a.textContent = "nfp:" + b.value.split("#")[1]; }
          else if (b.value.startsWith(base) && b.value.slice(base.length).split("/").length === 2) { a.href = "resource/" + b.value.slice(base.length) + ".html"; a.textContent = b.value.slice(base.length); }
          else if (/^https?:\/\//i.test(b.value)) { a.href = b.value; a.textContent = b.value; a.className = "ext"; }
          else { td.textContent = b.value; return; }  // javascript:, data:, urn: ...: shown, never a link on this origin
          td.appendChild(a);
        } else {
          td.textContent = b.value;
          if (b["xml:lang"]) td.lang = b["xml:lang"];
        }
      });
    });
    const wrap = document.createElement("div");
    wrap.className = "scroll"; wrap.appendChild(table);
    const count = document.createElement("p");
    count.className = "muted"; count.id = "answer-count"; count.textContent = rows.length + " row(s)" +
      (rows.length > SHOWN ? " (the first " + SHOWN + " shown: download the CSV or JSON for all of them)" : "");
    out.replaceChildren(wrap, count);
  }
  // A CONSTRUCT or DESCRIBE answer: a graph, asked as Turtle (the editor asked for SPARQL results only, and the
  // endpoint answered 406 to both query forms).
  function graph(turtle) {
    const pre = document.createElement("pre");
    pre.id = "answer-graph"; pre.className = "wrap"; pre.textContent = turtle.slice(0, SHOWN_CHARACTERS);
    const count = document.createElement("p");
    count.className = "muted"; count.id = "answer-count";
    count.textContent = "A graph, in Turtle" + (turtle.length > SHOWN_CHARACTERS
      ? " (its first " + SHOWN_CHARACTERS + " characters shown: download the Turtle for all of it)" : "");
    out.replaceChildren(pre, count);
  }
  // A term as the endpoint's own CSV writes it (SPARQL 1.1 Query Results CSV, 3.2): a blank node as _:label (its bare
  // label was written), a triple term as <<( s p o )>> with its literal object quoted (it was "[object Object]").
  function csvText(b) {
    if (!b) return "";
    if (b.type === "bnode") return "_:" + b.value;
    if (b.type === "triple") {
      const v = b.value;
      return "<<( " + [csvField(v.subject), csvField(v.predicate), csvField(v.object, v.object.type === "literal")].join(" ") + " )>>";
    }
    return b.value;
  }
  function csvField(b, quoted) {
    const s = csvText(b);
    return quoted || /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(json) {
    const vars = json.head.vars;
    return [vars.join(",")].concat(json.results.bindings.map((r) => vars.map((v) => csvField(r[v])).join(","))).join("\r\n") + "\r\n";
  }
  function offer(button, name, type, text) {
    button.disabled = false;
    button.onclick = () => {
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], {type: type}));
      a.download = name;
      document.body.appendChild(a); a.click(); a.remove();
    };
  }
  document.getElementById("sparql-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    let query = getQuery();
    // A prefix of this dataset used without its PREFIX line: add the line (visibly) rather than fail.
    const known = undeclared(query).filter((p) => config.prefixes[p]);
    if (known.length) {
      query = known.map((p) => "PREFIX " + p + ": <" + config.prefixes[p] + ">\n").join("") + query;
      setQuery(query);
    }
    const note = known.length ? "Added the missing PREFIX line(s) for " + known.map((p) => p + ":").join(", ") + ". " : "";
    csvButton.disabled = jsonButton.disabled = ttlButton.disabled = true;
    out.textContent = "Running…";
    let response, text;
    try {
      response = await fetch("/query", {method: "POST", body: new URLSearchParams({query: query}),
        headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}});
      text = await response.text();
    } catch (e) {
      out.innerHTML = ""; const p = document.createElement("p"); p.className = "error"; p.id = "answer-error";
      p.textContent = readable(0, String(e), query); out.appendChild(p); return;
    }
    const prepend = () => {
      if (note) { const n = document.createElement("p"); n.id = "answer-note"; n.className = "muted"; n.textContent = note; out.prepend(n); }
    };
    if (response.ok && (response.headers.get("Content-Type") || "").startsWith("text/turtle")) {
      graph(text); prepend(); offer(ttlButton, "answer.ttl", "text/turtle", text); return;
    }
    let json = null;
    if (response.ok) { try { json = JSON.parse(text); } catch (e) { json = null; } }
    if (!json) {
      const p = document.createElement("p"); p.className = "error"; p.id = "answer-error";
      p.textContent = response.ok ? "The answer was cut short (the endpoint stops queries after 10 s)." : readable(response.status, text, query);
      out.replaceChildren(p); return;
    }
    render(json);
    prepend();
    if (json.head && json.head.vars) offer(csvButton, "answer.csv", "text/csv", csv(json));
    offer(jsonButton, "answer.json", "application/sparql-results+json", text);
  });
})();
