// The actor network: fetches the graph JSON named by #network[data-graph-url] and draws it with cytoscape.
// Nodes are actors (size by events), edges are dyads (width by events, colour by their most frequent quad
// class). Clicking an edge or a node, or a dyad in the list below (keyboard reachable), lists its events.
// A concentric layout (by events) keeps 1,000 dyads under a second to draw; a force layout takes seconds.
(function () {
  "use strict";
  var QUADS = ["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"];
  var KIND_COLOURS = { state: "#1f5fae", organisation: "#6a2c91", group: "#9a4a12", person: "#0f6e60" };

  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

  function dominant(quad) {
    var best = null;
    QUADS.forEach(function (q) { if ((quad[q] || 0) > ((best && quad[best]) || 0)) best = q; });
    return best;
  }

  function elements(graph) {
    var colours = {};
    QUADS.forEach(function (q) { colours[q] = css("--" + q.replace("_", "-")); });
    var maxNode = Math.max.apply(null, [1].concat(graph.nodes.map(function (n) { return n.events; })));
    var maxEdge = Math.max.apply(null, [1].concat(graph.edges.map(function (e) { return e.weight; })));
    var nodes = graph.nodes.filter(function (n) { return n.id; }).map(function (n) {
      return { group: "nodes", data: {
        id: n.id, label: n.label, href: n.href, events: n.events, size: 14 + 40 * Math.sqrt(n.events / maxNode),
        colour: KIND_COLOURS[n.kind] || "#5d6875",
      } };
    });
    var known = {};
    nodes.forEach(function (n) { known[n.data.id] = n.data.label; });
    var edges = graph.edges.filter(function (e) { return known[e.source] && known[e.target]; }).map(function (e, i) {
      var quad = dominant(e.quad);
      return { group: "edges", data: {
        id: "e" + i, source: e.source, target: e.target, weight: e.weight, quad: quad,
        label: known[e.source] + " → " + known[e.target], width: 1 + 6 * Math.sqrt(e.weight / maxEdge),
        colour: colours[quad] || "#5d6875",
      } };
    });
    return nodes.concat(edges);
  }

  // The filter value for one side of an event list: a code, or the actor id for a node keyed "~id".
  function key(id) { return id.charAt(0) === "~" ? id.slice(1) : id; }

  function listEvents(box, title, params) {
    window.newsgraphListEvents(document.getElementById("net-detail"), box.dataset.eventsUrl, title, params);
  }

  function dyadList(box, cy) {
    var list = document.getElementById("net-dyads");
    cy.edges().forEach(function (edge) {
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = edge.data("label") + " (" + edge.data("weight") + ")";
      b.addEventListener("click", function () { showEdge(box, edge); });
      li.appendChild(b);
      list.appendChild(li);
    });
  }

  function showEdge(box, edge) {
    listEvents(box, edge.data("label"), { source: key(edge.data("source")), target: key(edge.data("target")) });
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
      layout: { name: "concentric", animate: false, concentric: function (n) { return n.data("events"); },
                levelWidth: function () { return Math.max(1, graph.nodes.length / 8); }, minNodeSpacing: 8 },
      style: [
        { selector: "node", style: {
          "label": "data(label)", "width": "data(size)", "height": "data(size)", "background-color": "data(colour)",
          "color": "#1d232b", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 8,
          "text-background-color": "#fff", "text-background-opacity": 0.8,
        } },
        { selector: "edge", style: {
          "width": "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle", "curve-style": "haystack", "opacity": 0.8,
        } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#1d232b", "line-color": "#1d232b" } },
      ],
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: graph.edges.length > 300,
      textureOnViewport: graph.edges.length > 300,
    });
    cy.on("tap", "edge", function (evt) { showEdge(box, evt.target); });
    cy.on("tap", "node", function (evt) {
      var node = evt.target;
      listEvents(box, node.data("label"), { actor: key(node.id()) });
    });
    document.getElementById("net-zoom-in").addEventListener("click", function () { cy.zoom(cy.zoom() * 1.25); });
    document.getElementById("net-zoom-out").addEventListener("click", function () { cy.zoom(cy.zoom() / 1.25); });
    document.getElementById("net-fit").addEventListener("click", function () { cy.fit(); });
    dyadList(box, cy);
    window.newsgraphNetwork = cy;  // lets tests and the console inspect what was drawn
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("network");
    if (!box || !window.cytoscape) return;
    var began = performance.now();
    fetch(box.dataset.graphUrl, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("graph request failed: " + r.status); return r.json(); })
      .then(function (graph) { draw(box, graph); box.dataset.drawnMs = String(Math.round(performance.now() - began)); })
      .catch(function (err) { box.textContent = String(err); box.classList.add("empty"); });
  });
})();
