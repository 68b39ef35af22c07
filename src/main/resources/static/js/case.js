// The case page's chart of the path up and down the staircase, drawn with Chart.js from the canvas's data-path
// attribute (no inline script). The table under the chart holds the same data for screen readers and without JS.
(function () {
  'use strict';

  function draw() {
    var canvas = document.getElementById('path-chart');
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    var data;
    try {
      data = JSON.parse(canvas.dataset.path);
    } catch (e) {
      return;
    }
    var lang = document.documentElement.lang || 'da';
    var dateFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' });
    var names = {};
    var top = 0;
    data.steps.forEach(function (s) {
      names[s.position] = s.name;
      top = Math.max(top, s.position);
    });
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [{
          label: data.label,
          data: data.points,
          stepped: 'before',
          borderColor: '#1f4e79',
          backgroundColor: '#1f4e79',
          borderWidth: 3,
          pointRadius: 5,
          pointStyle: 'rectRot',
          fill: false
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: reduceMotion ? false : { duration: 400 },
        parsing: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: function (items) {
                return items.length ? dateFormat.format(new Date(items[0].parsed.x)) : '';
              },
              label: function (item) {
                return names[item.parsed.y] || String(item.parsed.y);
              }
            }
          }
        },
        scales: {
          x: {
            type: 'linear',
            min: data.points.length ? data.points[0].x : undefined,
            max: data.points.length ? data.points[data.points.length - 1].x : undefined,
            title: { display: true, text: data.xTitle, color: '#1d2530' },
            ticks: {
              color: '#1d2530',
              maxTicksLimit: 6,
              callback: function (value) {
                return dateFormat.format(new Date(value));
              }
            },
            grid: { color: '#d5dbe1' }
          },
          y: {
            min: 0,
            max: top,
            title: { display: true, text: data.yTitle, color: '#1d2530' },
            ticks: {
              color: '#1d2530',
              stepSize: 1,
              callback: function (value) {
                return names[value] !== undefined ? names[value] : '';
              }
            },
            grid: { color: '#d5dbe1' }
          }
        }
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
