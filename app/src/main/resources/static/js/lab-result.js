// Result page charts: the training curves replayed from the run's stored events, and the lab's own chart data from the
// Evaluation (W2S: accuracy by seed and PGR per seed with the median's 95% CI; MergeAlign: the sweep's Pareto front;
// Prefopt: safety vs capability; anything else: one bar chart per numeric series).
(function () {
  'use strict';
  var box = document.getElementById('result-charts');
  if (!box || typeof window.Chart === 'undefined') {
    return;
  }
  var COLORS = ['#4f5bd5', '#e4572e', '#17a398', '#f3a712', '#8e44ad', '#2e86de', '#c0392b', '#27ae60'];
  var charts = {};
  try { charts = JSON.parse(box.dataset.charts || '{}'); } catch (e) { charts = {}; }
  var metricsTable = document.getElementById('metrics');

  function metric(name) {
    var rows = metricsTable ? metricsTable.querySelectorAll('tbody tr') : [];
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].cells[0].textContent === name) { return parseFloat(rows[i].cells[1].textContent); }
    }
    return NaN;
  }

  function canvas(title) {
    var h = document.createElement('h3');
    h.textContent = title;
    var wrap = document.createElement('div');
    wrap.className = 'chart-box';
    var c = document.createElement('canvas');
    c.setAttribute('role', 'img');
    c.setAttribute('aria-label', title);
    wrap.appendChild(c);
    box.appendChild(h);
    box.appendChild(wrap);
    return c;
  }

  function bars(title, labels, datasets) {
    new window.Chart(canvas(title), { type: 'bar', data: { labels: labels, datasets: datasets },
      options: { animation: false, maintainAspectRatio: false } });
  }

  if (charts.accuracyBySeed) {
    var a = charts.accuracyBySeed;
    var labels = (a.seeds || []).map(function (s) { return 'seed ' + s; });
    bars('Accuracy by seed', labels, ['weak', 'w2s', 'ceiling'].filter(function (k) { return a[k]; })
      .map(function (k, i) { return { label: k, data: a[k], backgroundColor: COLORS[i] }; }));
  }
  if (charts.pgrBySeed) {
    var pgr = charts.pgrBySeed;
    var median = metric('pgr.median'), low = metric('pgr.ciLow'), high = metric('pgr.ciHigh');
    var labelsP = pgr.map(function (v, i) { return 'seed ' + (i + 1); });
    var data = [{ label: 'PGR per seed', data: pgr, backgroundColor: COLORS[0] }];
    if (isFinite(median)) {
      labelsP.push('median');
      data[0].data = pgr.concat([median]);
      if (isFinite(low) && isFinite(high)) {
        // The 95% CI of the median drawn as two whisker marks over the median bar.
        var onlyLast = function (value) {
          return labelsP.map(function (l, i) { return i === labelsP.length - 1 ? value : null; });
        };
        [['95% CI low', low], ['95% CI high', high]].forEach(function (ci) {
          data.push({ type: 'line', label: ci[0], data: onlyLast(ci[1]), showLine: false, pointStyle: 'line',
            pointRadius: 14, borderColor: '#1b2033', backgroundColor: '#1b2033', borderWidth: 3 });
        });
      }
    }
    bars('Performance gap recovered (PGR)', labelsP, data);
  }
  function scatter(title, xLabel, yLabel, datasets) {
    new window.Chart(canvas(title), { type: 'scatter', data: { datasets: datasets },
      options: { animation: false, maintainAspectRatio: false,
        scales: { x: { title: { display: true, text: xLabel } }, y: { title: { display: true, text: yLabel } } } } });
  }

  // MergeAlign: the reference sweep over the method's knob, and its domain/safety Pareto front.
  if (charts.sweep && Array.isArray(charts.sweep.values)) {
    var sw = charts.sweep;
    var points = sw.values.map(function (v, i) { return { x: sw.domain[i], y: sw.safety[i], knob: v }; });
    var front = (sw.paretoFront || []).map(function (i) { return points[i]; })
      .sort(function (p, q) { return p.x - q.x; });
    scatter('Sweep of ' + sw.method + ' (' + sw.knob + '): domain vs safety', 'domain score', 'safety score', [
      { label: 'sweep points', data: points, backgroundColor: COLORS[0], pointRadius: 4 },
      { label: 'Pareto front', data: front, type: 'line', borderColor: COLORS[1], backgroundColor: COLORS[1],
        pointRadius: 5, showLine: true, fill: false }]);
  }
  // Prefopt: each model's safety against its capability.
  if (Array.isArray(charts.safetyVsCapability)) {
    scatter('Safety vs capability by model', 'capability', 'safety',
      charts.safetyVsCapability.map(function (m, i) {
        return { label: m.model, data: [{ x: m.capability, y: m.safety }], backgroundColor: COLORS[i % COLORS.length], pointRadius: 6 };
      }));
  }

  Object.keys(charts).forEach(function (key) {
    if (['accuracyBySeed', 'pgrBySeed', 'sweep', 'safetyVsCapability'].indexOf(key) >= 0) { return; }
    var v = charts[key];
    if (Array.isArray(v) && v.every(function (x) { return typeof x === 'number'; })) {
      bars(key, v.map(function (x, i) { return String(i + 1); }), [{ label: key, data: v, backgroundColor: COLORS[1] }]);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      var names = Object.keys(v).filter(function (k) { return Array.isArray(v[k]) && v[k].every(function (x) { return typeof x === 'number'; }); });
      if (names.length) {
        var len = v[names[0]].length;
        var ls = Array.from({ length: len }, function (x, i) { return String(i + 1); });
        bars(key, ls, names.map(function (n, i) { return { label: n, data: v[n], backgroundColor: COLORS[i % COLORS.length] }; }));
      }
    }
  });

  // Training curves, replayed from the stored run events.
  if (box.dataset.metricsUrl && typeof window.EventSource !== 'undefined') {
    var series = {};
    var source = new EventSource(box.dataset.metricsUrl);
    source.addEventListener('metric', function (e) {
      var m = JSON.parse(e.data);
      // Only the lab's own metric points are curves (the stream sends nothing else as 'metric'; checked again here).
      if (m.channel !== 'lab' && m.channel !== 'runner') { return; }
      var name = m.series ? m.name + ' (' + m.series + ')' : m.name;
      (series[name] = series[name] || []).push({ x: m.step, y: m.value });
    });
    source.addEventListener('done', function () {
      source.close();
      var names = Object.keys(series);
      if (!names.length) { return; }
      new window.Chart(canvas('Training curves'), { type: 'line',
        data: { datasets: names.map(function (n, i) { return { label: n, data: series[n], borderColor: COLORS[i % COLORS.length], pointRadius: 0, borderWidth: 2 }; }) },
        options: { animation: false, maintainAspectRatio: false, parsing: false, scales: { x: { type: 'linear', title: { display: true, text: 'step' } } } } });
    });
  }
}());
