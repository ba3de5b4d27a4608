// The world map: country boundaries from world-atlas (Natural Earth, public domain), served with the package,
// drawn as SVG in an equirectangular projection and shaded by the events counted per country (#world-map's
// data-countries, from the server). A country with events is a link to its events on the timeline. Places where
// events happened (#world-map's data-places) are dots sized by their events; clicking one, or pressing Enter on
// it, lists its events below the map (event-list.js).
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960, HEIGHT = 420, TOP = 84;  // latitude 84°N to 56°S: Antarctica left out
  var SHADES = ["#dbe8f6", "#a9c6e8", "#6e9fd6", "#3a73b8", "#1c4f8f"];  // light to dark

  function fold(name) { return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  function point(lon, lat) {
    return [((lon + 180) / 360 * WIDTH).toFixed(1), ((TOP - lat) / 140 * HEIGHT).toFixed(1)];
  }

  // A ring that crosses the antimeridian (Russia's, Fiji's) jumps from one edge of the map to the other: each
  // jump starts a new piece, so no band is drawn across the world.
  function ringPath(ring) {
    return ring.map(function (c, i) {
      var jump = i > 0 && Math.abs(c[0] - ring[i - 1][0]) > 180;
      return (i === 0 || jump ? "M" : "L") + point(c[0], c[1]).join(",");
    }).join("") + "Z";
  }

  function pathOf(geometry) {
    var polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.map(function (rings) {
      return rings.map(ringPath).join("");
    }).join("");
  }

  function shade(n, max) {
    if (!n) return "#eef0f3";
    return SHADES[Math.min(SHADES.length - 1, Math.floor(Math.log(n) / Math.log(max + 1) * SHADES.length))];
  }

  function draw(box, atlas) {
    var counts = {};
    JSON.parse(box.dataset.countries).forEach(function (c) { counts[c.code] = c; });
    var names = JSON.parse(box.dataset.names);
    var max = Math.max.apply(null, [1].concat(Object.keys(counts).map(function (k) { return counts[k].events; })));
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", "World map of events by country; the table below lists the same counts");
    var features = window.topojson.feature(atlas, atlas.objects.countries).features;
    features.forEach(function (f) {
      if (!f.geometry || f.properties.name === "Antarctica") return;
      var code = names[fold(f.properties.name)];
      var row = code && counts[code];
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", pathOf(f.geometry));
      path.setAttribute("fill", shade(row ? row.events : 0, max));
      path.setAttribute("class", "country");
      path.dataset.name = f.properties.name;
      var title = document.createElementNS(SVG, "title");
      title.textContent = f.properties.name + (row ? ": " + row.events + " event(s)" : ": no events");
      path.appendChild(title);
      if (row) {
        var link = document.createElementNS(SVG, "a");
        link.setAttribute("href", row.href);
        link.setAttribute("aria-label", row.name + ", " + row.events + " event(s)");
        link.appendChild(path);
        svg.appendChild(link);
      } else {
        svg.appendChild(path);
      }
    });
    var places = JSON.parse(box.dataset.places);
    drawPlaces(box, svg, places);
    box.appendChild(svg);
    document.getElementById("map-legend").textContent = "Shading: from 1 event (lightest blue) to " + max +
      " (darkest); grey: none." + (places.length ? " Dots: " + places.length + " place(s) where events happened, " +
      "larger for more events." : "");
    box.dataset.drawn = "1";
  }

  function drawPlaces(box, svg, places) {
    var most = Math.max.apply(null, [1].concat(places.map(function (p) { return p.events; })));
    // Fewest events last, so a small dot is drawn over a large one nearby and stays clickable.
    places.slice().sort(function (a, b) { return b.events - a.events; }).forEach(function (p) {
      var at = point(p.lon, p.lat);
      var dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", at[0]);
      dot.setAttribute("cy", at[1]);
      dot.setAttribute("r", (4 + 8 * Math.sqrt(p.events / most)).toFixed(1));
      dot.setAttribute("class", "place");
      dot.setAttribute("tabindex", "0");
      dot.setAttribute("role", "button");
      dot.setAttribute("aria-label", p.name + " (" + p.code + "), " + p.events + " event(s): list them");
      dot.dataset.place = p.key;
      var title = document.createElementNS(SVG, "title");
      title.textContent = p.name + " (" + p.code + "): " + p.events + " event(s)";
      dot.appendChild(title);
      function show() {
        window.newsgraphListEvents(document.getElementById("place-detail"), box.dataset.eventsUrl,
                                   p.name + " (" + p.code + ")", { place: p.key });
      }
      dot.addEventListener("click", show);
      dot.addEventListener("keydown", function (evt) {
        if (evt.key === "Enter" || evt.key === " ") { evt.preventDefault(); show(); }
      });
      svg.appendChild(dot);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("world-map");
    if (!box || !window.topojson) return;
    fetch(box.dataset.atlas)
      .then(function (r) { if (!r.ok) throw new Error("map request failed: " + r.status); return r.json(); })
      .then(function (atlas) { draw(box, atlas); })
      .catch(function (err) { box.textContent = String(err); box.classList.add("empty"); });
  });
})();
