// Lists the events behind something clicked (a network edge or node, a map point) in a detail section:
// fetches /api/events with the page's filters plus the clicked thing's, and links the same list on the timeline.
(function () {
  "use strict";
  var SHOWN = 50;

  window.newsgraphListEvents = function (detail, eventsUrl, title, params) {
    var query = new URLSearchParams(eventsUrl.split("?")[1] || "");
    Object.keys(params).forEach(function (k) { query.set(k, params[k]); });
    var timeline = "/timeline?" + query.toString();
    query.set("limit", String(SHOWN));
    detail.textContent = "Loading…";
    fetch("/api/events?" + query.toString(), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("events request failed: " + r.status); return r.json(); })
      .then(function (page) {
        detail.textContent = "";
        var h = document.createElement("h2");
        h.textContent = title + " — " + page.items.length + (page.next_offset ? "+" : "") + " event(s)";
        detail.appendChild(h);
        var more = document.createElement("a");
        more.href = timeline;
        more.textContent = "Open these events on the timeline";
        detail.appendChild(more);
        var ul = document.createElement("ul");
        ul.className = "event-list";
        page.items.forEach(function (e) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = "/events/" + encodeURIComponent(e.id);
          a.textContent = (e.date || ("reported " + (e.first_reported || "?").slice(0, 10))) + " · " +
            e.source_names.join(", ") + " " + e.type + " " + e.target_names.join(", ") +
            (e.qualifiers.length ? " (" + e.qualifiers.join(", ") + ")" : "");
          li.appendChild(a);
          ul.appendChild(li);
        });
        detail.appendChild(ul);
      })
      .catch(function (err) { detail.textContent = String(err); });
  };
})();
