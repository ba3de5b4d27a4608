// Draws every <canvas class="quad-chart" data-series='{"labels":[...],"series":{"verbal_coop":[...],...}}'>
// as a stacked bar chart of events per period by quad class. Data comes from the server in the attribute.
(function () {
  "use strict";
  var QUADS = [
    ["verbal_coop", "Verbal cooperation", "--verbal-coop"],
    ["material_coop", "Material cooperation", "--material-coop"],
    ["verbal_conflict", "Verbal conflict", "--verbal-conflict"],
    ["material_conflict", "Material conflict", "--material-conflict"],
  ];

  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function draw(canvas) {
    var data = JSON.parse(canvas.dataset.series || "{}");
    var series = data.series || {};
    var datasets = QUADS.map(function (q) {
      return { label: q[1], data: series[q[0]] || [], backgroundColor: colour(q[2]), stack: "events" };
    });
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels || [], datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) return;
    document.querySelectorAll("canvas.quad-chart").forEach(draw);
  });
})();
