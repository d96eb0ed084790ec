// Run page: follows the job over server-sent events (state, queue position, phase, progress, log lines, metric points
// drawn as live curves) and opens the result page when the job has ended. EventSource reconnects by itself and sends
// the last event id, so a dropped connection resumes where it stopped.
// Every event carries the channel the runner stamped on it from the pipe it came on: only the runner's and the lab's
// events ("runner", "lab") move phases, progress and curves. What the student's code printed (channel "student",
// streamed as 'student' events) is shown as their own output, marked, and can never look like the platform.
(function () {
  'use strict';
  var run = document.getElementById('run');
  if (!run || typeof window.EventSource === 'undefined') {
    return;
  }
  var stateEl = document.getElementById('run-state');
  var queueEl = document.getElementById('run-queue');
  var progress = document.getElementById('run-progress');
  var message = document.getElementById('run-message');
  var log = document.getElementById('run-log');
  var noCurves = document.getElementById('no-curves');
  var unsandboxed = document.getElementById('run-unsandboxed');
  var studentPrefix = (log.dataset.studentPrefix || 'your code \u203a') + ' ';
  var STATES = { QUEUED: 'Queued', LEASED: 'Starting', RUNNING: 'Running', SUCCEEDED: 'Finished', FAILED: 'Finished', CANCELLED: 'Cancelled' };
  var PHASES = ['queued', 'compiling', 'training', 'evaluating'];
  var chart = null;
  var series = {};
  var COLORS = ['#4f5bd5', '#e4572e', '#17a398', '#f3a712', '#8e44ad', '#2e86de', '#c0392b', '#27ae60'];

  // The labs report finer phases (models, prepare, run, …); only the four steps shown move the highlight.
  var ALIASES = { queued: 'queued', models: 'compiling', prepare: 'compiling', run: 'compiling',
    compiling: 'compiling', preparing: 'training', training: 'training', writing: 'training',
    collect: 'evaluating', evaluate: 'evaluating', evaluating: 'evaluating', upload: 'evaluating',
    retry: 'compiling' };

  function fromPlatform(event) {
    return event && (event.channel === 'runner' || event.channel === 'lab');
  }

  function setPhase(raw) {
    var name = ALIASES[raw];
    if (!name) {
      return;
    }
    var index = PHASES.indexOf(name);
    document.querySelectorAll('#phases li').forEach(function (li, i) {
      li.classList.toggle('current', i === index);
      li.classList.toggle('done', index >= 0 && i < index);
      if (i === index) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
    });
  }

  function appendLog(text, level) {
    var line = document.createElement('span');
    if (level) { line.className = level.toLowerCase(); }
    line.textContent = text + '\n';
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }

  function appendStudent(text) {
    var line = document.createElement('span');
    line.className = 'student';
    var prefix = document.createElement('span');
    prefix.className = 'student-prefix';
    prefix.textContent = studentPrefix;
    line.appendChild(prefix);
    line.appendChild(document.createTextNode(String(text) + '\n'));
    log.appendChild(line);
    log.scrollTop = log.scrollHeight;
  }

  function studentText(event) {
    return event && typeof event.message === 'string' ? event.message : JSON.stringify(event);
  }

  function addPoint(name, step, value) {
    if (typeof window.Chart === 'undefined' || !isFinite(value)) {
      return;
    }
    if (!chart) {
      noCurves.hidden = true;
      chart = new window.Chart(document.getElementById('loss-chart'), {
        type: 'line', data: { datasets: [] },
        options: { animation: false, maintainAspectRatio: false, parsing: false,
          scales: { x: { type: 'linear', title: { display: true, text: 'step' } }, y: { title: { display: true, text: 'value' } } } }
      });
    }
    if (!series[name]) {
      var color = COLORS[Object.keys(series).length % COLORS.length];
      series[name] = { label: name, data: [], borderColor: color, backgroundColor: color, pointRadius: 0, borderWidth: 2 };
      chart.data.datasets.push(series[name]);
    }
    series[name].data.push({ x: step, y: value });
    chart.update('none');
  }

  var source = new EventSource(run.dataset.eventsUrl);
  source.addEventListener('status', function (e) {
    var s = JSON.parse(e.data);
    stateEl.textContent = STATES[s.state] || s.state;
    if (queueEl) {
      queueEl.textContent = s.state === 'QUEUED'
        ? s.ahead + ' job(s) ahead · about ' + Math.max(1, Math.round(s.estimatedWaitSeconds / 60)) + ' min wait' : '';
    }
    if (s.state === 'QUEUED') { setPhase('queued'); }
    if (unsandboxed && s.unsandboxed) { unsandboxed.hidden = false; }
  });
  source.addEventListener('phase', function (e) {
    var p = JSON.parse(e.data);
    if (!fromPlatform(p)) { appendStudent(studentText(p)); return; }
    setPhase(p.phase);
    if (p.phase === 'retry') {
      // The platform failed and runs the job again: the progress so far no longer counts.
      progress.value = 0;
      message.textContent = p.message || p.phase;
      appendLog('— ' + (p.message || p.phase) + ' —', 'retry');
      return;
    }
    if (p.phase === 'failed' && p.message) { message.textContent = p.message; }
    appendLog('— ' + (p.message || p.phase) + ' —');
  });
  source.addEventListener('progress', function (e) {
    var p = JSON.parse(e.data);
    if (!fromPlatform(p)) { appendStudent(studentText(p)); return; }
    progress.value = p.fraction;
    progress.setAttribute('aria-valuetext', Math.round(p.fraction * 100) + '%');
    if (p.message) { message.textContent = p.message; }
  });
  source.addEventListener('log', function (e) {
    var l = JSON.parse(e.data);
    if (l.channel === 'student') { appendStudent(studentText(l)); return; }
    appendLog(l.message, l.level);
  });
  source.addEventListener('student', function (e) {
    appendStudent(studentText(JSON.parse(e.data)));
  });
  source.addEventListener('error', function (e) {
    if (e.data) {
      var err = JSON.parse(e.data);
      if (!fromPlatform(err)) { appendStudent(studentText(err)); return; }
      appendLog(err.kind + ': ' + err.message, 'error');
    }
  });
  source.addEventListener('metric', function (e) {
    var m = JSON.parse(e.data);
    if (!fromPlatform(m)) { return; }
    addPoint(m.series ? m.name + ' (' + m.series + ')' : m.name, m.step, m.value);
  });
  source.addEventListener('done', function (e) {
    source.close();
    progress.value = 1;
    window.location.assign(JSON.parse(e.data).url);
  });
}());
