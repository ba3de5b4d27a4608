// The actor network: fetches the graph JSON named by #network[data-graph-url] and draws it with cytoscape.
// Nodes are actors (size by events), edges are dyads (width by events, colour from cooperation to conflict).
// Clicking a node opens its actor page.
(function () {
  "use strict";

  function mix(a, b, t) {
    var pa = [1, 3, 5].map(function (i) { return parseInt(a.substr(i, 2), 16); });
    var pb = [1, 3, 5].map(function (i) { return parseInt(b.substr(i, 2), 16); });
    return "rgb(" + pa.map(function (v, i) { return Math.round(v + (pb[i] - v) * t); }).join(",") + ")";
  }

  // score: -1 (all conflict) .. +1 (all cooperation)
  function edgeColour(score) {
    if (score >= 0) return mix("#9aa3ad", "#2e7d32", Math.min(1, score));
    return mix("#9aa3ad", "#c62828", Math.min(1, -score));
  }

  var KIND_COLOURS = { state: "#1f5fae", organisation: "#6a2c91", group: "#b8561b", person: "#12806f" };

  function elements(graph) {
    var maxNode = Math.max.apply(null, [1].concat(graph.nodes.map(function (n) { return n.events; })));
    var maxEdge = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.weight; })));
    var nodes = graph.nodes.filter(function (n) { return n.id; }).map(function (n) {
      return { group: "nodes", data: {
        id: n.id, label: n.label, href: n.href, size: 18 + 42 * Math.sqrt(n.events / maxNode),
        colour: KIND_COLOURS[n.kind] || "#5d6875",
      } };
    });
    var known = {};
    nodes.forEach(function (n) { known[n.data.id] = true; });
    var edges = graph.edges.filter(function (e) { return known[e.source] && known[e.target]; }).map(function (e, i) {
      return { group: "edges", data: {
        id: "e" + i, source: e.source, target: e.target, weight: e.weight,
        width: 1.5 + 6 * Math.sqrt(e.weight / maxEdge), colour: edgeColour(e.score),
      } };
    });
    return nodes.concat(edges);
  }

  function draw(box, graph) {
    if (!graph.nodes.length) {
      box.textContent = "No dyads match these filters.";
      box.classList.add("empty");
      return;
    }
    var cy = window.cytoscape({
      container: box,
      elements: elements(graph),
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 120 },
      style: [
        { selector: "node", style: {
          "label": "data(label)", "width": "data(size)", "height": "data(size)", "background-color": "data(colour)",
          "color": "#1d232b", "font-size": 11, "text-wrap": "wrap", "text-max-width": 140, "text-valign": "bottom", "text-margin-y": 4,
          "text-background-color": "#fff", "text-background-opacity": 0.7,
        } },
        { selector: "edge", style: {
          "width": "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", "opacity": 0.85,
        } },
        { selector: "node:active, node:selected", style: { "border-width": 3, "border-color": "#1d232b" } },
      ],
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "node", function (evt) {
      var href = evt.target.data("href");
      if (href) window.location.assign(href);
    });
    window.newsgraphNetwork = cy;  // lets tests and the console inspect what was drawn
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("network");
    if (!box || !window.cytoscape) return;
    fetch(box.dataset.graphUrl, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("graph request failed: " + r.status); return r.json(); })
      .then(function (graph) { draw(box, graph); })
      .catch(function (err) { box.textContent = String(err); box.classList.add("empty"); });
  });
})();
