// The timeline: vis-timeline over window.NFP_PICTURES.timeline; a click on an item opens its page.
(function () {
  "use strict";
  // Labels are text: vis-timeline writes a string content or title as HTML (a "<b>" in a label was drawn bold, an
  // "<img>" as an image), an element as it is.
  const text = (s) => { const span = document.createElement("span"); span.textContent = s; return span; };
  const data = window.NFP_PICTURES.timeline.map((i) => Object.assign({}, i, {content: text(i.content), title: text(i.title)}));
  const groups = [...new Set(data.map((i) => i.group))].map((g) => ({id: g, content: g.charAt(0).toUpperCase() + g.slice(1) + "s"}));
  const years = data.flatMap((i) => [i.start, i.end || i.start]).map((d) => Number(d.slice(0, 4)));
  const from = String(Math.min(...years) - 5) + "-01-01", to = String(Math.max(...years) + 10) + "-01-01";
  const timeline = new vis.Timeline(document.getElementById("timeline"), new vis.DataSet(data), new vis.DataSet(groups), {
    stack: true, start: from, end: to, zoomMin: 1000 * 60 * 60 * 24 * 365, margin: {item: 6}, orientation: "top",
    tooltip: {followMouse: true},
  });
  timeline.on("click", (props) => { if (props.item) location.href = props.item; });
  window.nfpTimeline = timeline;
})();
