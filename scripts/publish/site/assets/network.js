// The actor network: Cytoscape.js over window.NFP_PICTURES.network, with filters by kind of actor and role;
// a click (or tap) on a node opens its page.
(function () {
  "use strict";
  const net = window.NFP_PICTURES.network;
  const elements = net.nodes.map((n) => ({data: n})).concat(net.edges.map((e) => ({data: e})));
  const cy = cytoscape({
    container: document.getElementById("network"),
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {"label": "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 110,
        "width": 14, "height": 14, "background-color": "#2f6eb5", "color": "#1f2328", "text-valign": "bottom"}},
      {selector: "node[side = 'activity']", style: {"background-color": "#d9822b", "shape": "round-rectangle"}},
      {selector: "edge", style: {"width": 1.2, "line-color": "#9ab", "curve-style": "bezier", "font-size": 7, "color": "#465"}},
      {selector: "edge.labelled", style: {"label": "data(label)", "text-rotation": "autorotate"}},
      {selector: ".hidden", style: {"display": "none"}},
      {selector: "node:selected", style: {"border-width": 3, "border-color": "#e8b62d"}},
    ],
    layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 60, numIter: 1500},
  });
  cy.on("tap", "node", (evt) => { location.href = evt.target.id(); });
  const kind = document.getElementById("actor-kind"), role = document.getElementById("role");
  function filter() {
    cy.elements().removeClass("hidden");
    const k = kind.value, r = role.value;
    if (k) cy.nodes("[side = 'actor']").filter((n) => !n.data("kinds").includes(k)).addClass("hidden");
    if (r) cy.edges().filter((e) => !e.data("roles").includes(r)).addClass("hidden");
    cy.edges().filter((e) => e.source().hasClass("hidden") || e.target().hasClass("hidden")).addClass("hidden");
    // decided by class, not by ":visible", which reads a style that is recomputed later
    cy.nodes().filter((n) => n.connectedEdges().every((e) => e.hasClass("hidden"))).addClass("hidden");
    cy.fit(cy.elements().not(".hidden"), 20);
  }
  kind.addEventListener("change", filter);
  role.addEventListener("change", filter);
  document.getElementById("edge-labels").addEventListener("change", (e) => cy.edges().toggleClass("labelled", e.target.checked));
  document.getElementById("fit").addEventListener("click", () => cy.fit(cy.elements().not(".hidden"), 20));
  window.nfpNetwork = cy;
})();
