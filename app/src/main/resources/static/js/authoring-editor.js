// Live preview for the item editor: posts the Markdown to the server, which renders it with the same renderer and
// sanitizer students get, and shows the returned (already sanitized) HTML. A static file: the CSP forbids inline script.
(function () {
  'use strict';
  var form = document.getElementById('editor-form');
  var preview = document.getElementById('preview');
  if (!form || !preview || !form.dataset.previewUrl) {
    return;
  }
  var source = document.getElementById('source');
  var title = document.getElementById('title');
  var csrf = form.querySelector('input[name="_csrf"]');
  var timer = null;
  var sent = 0;

  function typeset() {
    if (typeof window.katex === 'undefined') {
      return;
    }
    preview.querySelectorAll('.math-inline, .math-display').forEach(function (el) {
      try {
        window.katex.render(el.textContent, el, { displayMode: el.classList.contains('math-display'), throwOnError: false });
      } catch (e) {
        el.classList.add('math-error');
      }
    });
  }

  function refresh() {
    var body = new URLSearchParams();
    body.set('source', source.value);
    body.set('title', title.value);
    if (csrf) {
      body.set('_csrf', csrf.value);
    }
    var request = ++sent;
    fetch(form.dataset.previewUrl, { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        if (request === sent) {
          preview.innerHTML = html;
          preview.dataset.rendered = String(request);
          typeset();
        }
      })
      .catch(function () { preview.dataset.failed = 'true'; });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  }

  source.addEventListener('input', schedule);
  title.addEventListener('input', schedule);
})();
