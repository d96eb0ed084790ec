// Lab page: CodeMirror editors over the hook textareas (the form still works without script), Reset to the starter
// code, and a draft saved to the server a moment after each change. Compile errors link here as #hook-Name-L12.
(function () {
  'use strict';
  var form = document.getElementById('lab-form');
  if (!form) {
    return;
  }
  var status = document.getElementById('draft-status');
  var csrf = form.querySelector('input[name="_csrf"]');
  var editors = {};
  var timer = null;

  form.querySelectorAll('textarea.code-source').forEach(function (area) {
    if (typeof window.CodeMirror === 'undefined') {
      return;
    }
    var cm = window.CodeMirror.fromTextArea(area, {
      mode: 'text/x-java', lineNumbers: true, indentUnit: 4, matchBrackets: true, viewportMargin: Infinity,
      extraKeys: { Tab: false, 'Shift-Tab': false }
    });
    cm.getInputField().setAttribute('aria-label', area.id.replace('hook_', '') + '.java');
    cm.on('change', scheduleSave);
    editors[area.id] = cm;
  });

  form.querySelectorAll('.hook-reset').forEach(function (button) {
    button.addEventListener('click', function () {
      var id = button.dataset.target;
      var starter = document.getElementById(id.replace('hook_', 'starter_')).value;
      if (!window.confirm('Replace your code with the starter code?')) {
        return;
      }
      if (editors[id]) {
        editors[id].setValue(starter);
      } else {
        document.getElementById(id).value = starter;
        scheduleSave();
      }
    });
  });

  form.querySelectorAll('input, select, textarea.code-source').forEach(function (el) {
    el.addEventListener('input', scheduleSave);
    el.addEventListener('change', scheduleSave);
  });

  form.addEventListener('submit', function () {
    Object.keys(editors).forEach(function (id) { editors[id].save(); });
  });

  function scheduleSave() {
    if (timer) {
      window.clearTimeout(timer);
    }
    timer = window.setTimeout(save, 800);
  }

  function save() {
    var draft = { params: {}, code: {} };
    form.querySelectorAll('[name^="p_"]').forEach(function (el) {
      if (el.disabled) {
        return;
      }
      draft.params[el.name.substring(2)] = el.type === 'checkbox' ? String(el.checked) : el.value;
    });
    form.querySelectorAll('textarea.code-source').forEach(function (area) {
      draft.code[area.id.substring(5)] = editors[area.id] ? editors[area.id].getValue() : area.value;
    });
    var headers = { 'Content-Type': 'application/json' };
    if (csrf) {
      headers['X-CSRF-TOKEN'] = csrf.value;
    }
    fetch(form.dataset.draftUrl, { method: 'PUT', headers: headers, body: JSON.stringify(draft), credentials: 'same-origin' })
      .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
      .then(function (r) {
        status.textContent = r.ok ? 'Draft saved at ' + new Date(r.body.savedAt).toLocaleTimeString() : r.body.error;
      })
      .catch(function () { status.textContent = 'Draft not saved: the server could not be reached.'; });
  }

  // A refused submit comes back with the messages in the form: bring them into view and focus the first bad field.
  var problem = form.querySelector('.alert-error');
  if (problem) {
    var firstBad = form.querySelector('.has-error input, .has-error select');
    problem.scrollIntoView({ block: 'start' });
    if (firstBad) {
      firstBad.focus({ preventScroll: true });
    }
  }

  // #hook-SoftVote-L12 (from a compile error on the result page): focus that line.
  var m = /^#hook-([A-Za-z0-9_]+)-L(\d+)$/.exec(window.location.hash);
  if (m && editors['hook_' + m[1]]) {
    var cm = editors['hook_' + m[1]];
    var line = Math.max(0, parseInt(m[2], 10) - 1);
    cm.addLineClass(line, 'background', 'error-line');
    cm.setCursor({ line: line, ch: 0 });
    cm.scrollIntoView({ line: line, ch: 0 }, 120);
    cm.focus();
  }
}());
