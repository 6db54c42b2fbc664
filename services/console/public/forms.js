// A form shown again with problems: move focus to the error summary, so that screen readers read it first
// and keyboard users start from its links. Without script the summary is still there, first in the page.
(function () {
  var summary = document.querySelector('[data-autofocus]');
  if (summary) summary.focus();
})();
