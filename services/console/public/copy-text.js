// A "Kopiera" button beside each read-only text meant to be copied (the EHR note draft). Without
// script the text is still there to select and copy by hand; the button is added only here, so no
// dead button is ever shown. The result is announced in the field's status region (role=status).
(function () {
  var fields = document.querySelectorAll('textarea[readonly][data-copy-status]');
  Array.prototype.forEach.call(fields, function (field) {
    var status = document.getElementById(field.getAttribute('data-copy-status'));
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button copy-button';
    button.textContent = 'Kopiera';
    var label = document.querySelector('label[for="' + field.id + '"]');
    if (label) button.setAttribute('aria-label', 'Kopiera ' + label.textContent.toLowerCase());
    function done(ok) {
      if (status) status.textContent = ok ? 'Texten är kopierad.' : 'Texten kunde inte kopieras. Markera den och kopiera med Ctrl+C.';
    }
    function fallback() {
      field.focus();
      field.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      done(ok);
    }
    button.addEventListener('click', function () {
      if (status) status.textContent = '';
      if (window.navigator.clipboard && window.isSecureContext) {
        window.navigator.clipboard.writeText(field.value).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
    field.parentNode.insertBefore(button, status);
  });
})();
