// Draws the analytics page's histograms from the numbers its tables show (data-chart on each canvas).
// The tables stay on the page, so nothing is lost without JavaScript or Chart.js.
(function () {
  'use strict';

  function draw(canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{
          label: canvas.getAttribute('data-count'),
          data: data.counts,
          backgroundColor: '#3b6fb6'
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: canvas.getAttribute('data-axis') } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: canvas.getAttribute('data-count') } }
        }
      }
    });
  }

  function start() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas.analytics-chart').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
