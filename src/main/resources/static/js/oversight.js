// Draws the team leader's charts from the JSON the page carries (no inline script).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('oversight-data');
  if (!el || typeof Chart === 'undefined') { return; }
  var d = JSON.parse(el.textContent);
  var palette = ['#1f4e79', '#a4161a', '#1e6b3a', '#8a5a00', '#5b3b8c', '#00607a', '#7a3b00', '#3b3b3b', '#005f5f', '#6b0f6b', '#2f4f00'];
  var compliance = document.getElementById('compliance-chart');
  if (compliance) {
    new Chart(compliance, {
      type: 'line',
      data: {
        labels: d.complianceMonths,
        datasets: d.complianceSeries.map(function (s, i) {
          return { label: s.label, data: s.values, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], spanGaps: true };
        })
      },
      options: { animation: false, scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } }
    });
  }
  var steps = document.getElementById('steps-chart');
  if (steps) {
    new Chart(steps, {
      type: 'bar',
      data: { labels: d.steps, datasets: [{ label: d.stepsTitle, data: d.stepCounts, backgroundColor: '#1f4e79' }] },
      options: { animation: false, indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  var moves = document.getElementById('moves-chart');
  if (moves) {
    new Chart(moves, {
      type: 'bar',
      data: {
        labels: d.moveMonths,
        datasets: [
          { label: d.upLabel, data: d.movesUp, backgroundColor: '#a4161a' },
          { label: d.downLabel, data: d.movesDown, backgroundColor: '#1e6b3a' }
        ]
      },
      options: { animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
});
