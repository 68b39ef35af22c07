// Draws the figures page's charts from the JSON the page carries (no inline script); each chart has a table beside it.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('figures-data');
  if (!el || typeof Chart === 'undefined') { return; }
  var d = JSON.parse(el.textContent);
  var palette = ['#1f4e79', '#a4161a', '#1e6b3a', '#8a5a00', '#5b3b8c', '#00607a', '#7a3b00', '#3b3b3b', '#005f5f', '#6b0f6b', '#2f4f00'];
  function series(list) {
    return list.map(function (s, i) { return { label: s.label, data: s.values, backgroundColor: palette[i % palette.length] }; });
  }
  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { config.options = Object.assign({ animation: false, maintainAspectRatio: true }, config.options || {}); new Chart(canvas, config); }
  }
  draw('satisfaction-chart', {
    type: 'line',
    data: { labels: d.months, datasets: [
      { label: d.satisfactionLabel, data: d.satisfaction, borderColor: palette[0], backgroundColor: palette[0], spanGaps: true },
      { label: d.goalLabel, data: d.months.map(function () { return d.goal; }), borderColor: palette[1], borderDash: [6, 4], pointRadius: 0 }
    ] },
    options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } }
  });
  if (d.compareSatisfaction) {
    draw('compare-chart', {
      type: 'line',
      data: { labels: d.months, datasets: d.compareSatisfaction.map(function (s, i) {
        var c = palette[i % palette.length];
        return { label: s.label, data: s.values, borderColor: c, backgroundColor: c, spanGaps: true,
          borderDash: s.total ? [2, 2] : [] };
      }).concat([{ label: d.goalLabel, data: d.months.map(function () { return d.goal; }), borderColor: palette[1],
        borderDash: [6, 4], pointRadius: 0 }]) },
      options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } }
    });
  }
  var stacked = { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } };
  draw('steps-chart', { type: 'bar', data: { labels: d.months, datasets: series(d.casesPerStep) }, options: stacked });
  draw('moves-chart', { type: 'bar', data: { labels: d.months, datasets: [
    { label: d.upLabel, data: d.up, backgroundColor: palette[1] },
    { label: d.downLabel, data: d.down, backgroundColor: palette[2] }
  ] }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
  draw('kinds-chart', { type: 'bar', data: { labels: d.months, datasets: [
    { label: d.kindLabels[0], data: d.kin, backgroundColor: palette[3] },
    { label: d.kindLabels[1], data: d.foster, backgroundColor: palette[4] },
    { label: d.kindLabels[2], data: d.institution, backgroundColor: palette[5] }
  ] }, options: stacked });
  draw('intake-chart', { type: 'bar', data: { labels: d.months, datasets: series(d.intake) }, options: stacked });
  draw('spending-chart', { type: 'bar', data: { labels: d.months, datasets: series(d.spending) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'DKK' } } } } });
});
