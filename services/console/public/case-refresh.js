// While a case is moving (not settled), fetch the page every two seconds and replace its live part.
// The status is announced once when it changes (role=status). Not counted as activity by the session.
(function () {
  var INTERVAL_MS = 2000;
  var MAX_TRIES = 150;
  var live = document.getElementById('case-live');
  if (!live || live.getAttribute('data-settled') === 'true' || !window.fetch || !window.DOMParser) return;
  var announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('role', 'status');
  document.body.appendChild(announcer);
  var tries = 0;
  function refresh() {
    tries += 1;
    fetch(window.location.href, { headers: { 'X-Console-Poll': '1' }, credentials: 'same-origin', redirect: 'manual' })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (text) {
        var next = new DOMParser().parseFromString(text, 'text/html').getElementById('case-live');
        if (!next) return;
        var before = document.getElementById('case-status');
        var after = next.querySelector('#case-status');
        if (before && after && before.textContent !== after.textContent) announcer.textContent = 'Ny status: ' + after.textContent;
        live.replaceWith(next);
        live = next;
        if (live.getAttribute('data-settled') !== 'true' && tries < MAX_TRIES) setTimeout(refresh, INTERVAL_MS);
      })
      .catch(function () { /* the Uppdatera link still works */ });
  }
  setTimeout(refresh, INTERVAL_MS);
})();
