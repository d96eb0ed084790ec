// Renders the math spans produced by the server-side Markdown renderer with KaTeX.
// Kept in a static file because the Content-Security-Policy forbids inline script.
(function () {
  'use strict';
  function render() {
    if (typeof window.katex === 'undefined') {
      return;
    }
    document.querySelectorAll('.math-inline, .math-display').forEach(function (el) {
      var display = el.classList.contains('math-display');
      try {
        window.katex.render(el.textContent, el, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
      } catch (e) {
        el.classList.add('math-error');
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', render);
  } else {
    render();
  }
})();
