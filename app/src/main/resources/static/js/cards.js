// Cards that load on their own (issue 16): a page is a shell of placeholders, each [data-card] naming its
// card's URL (templates/fragments/panel.html :: card and :: placeholder). The cards load in parallel; each
// replaces its placeholder as soon as it arrives and fires 'tandem:card-loaded' on itself (the dashboards
// draw its charts then). A card that fails says so in its own place with "Try again"; the others are not
// affected.
(function () {
  'use strict';

  function loadCard(placeholder) {
    showState(placeholder, false);
    fetch(placeholder.getAttribute('data-card'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        // signed out meanwhile: the page itself goes to the sign-in form, and back here after it
        if (response.redirected) {
          window.location.reload();
          return null;
        }
        if (!response.ok) {
          var failure = new Error('card ' + response.status);
          failure.status = response.status;
          throw failure;
        }
        return response.text();
      })
      .then(function (html) {
        if (html == null) return null;
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        if (!template.content.firstElementChild) throw new Error('empty card');
        return template.content.firstElementChild;
      })
      .then(function (card) {
        // outside the failure handler: a chart that cannot be drawn is a console error, not a failed card
        if (!card) return;
        placeholder.replaceWith(card);
        card.dispatchEvent(new CustomEvent('tandem:card-loaded', { bubbles: true }));
      }, function (failure) { showState(placeholder, true, failure && failure.status === 503); });
  }

  // busy: the server answered 503 (no connection free in time, or the statement timeout), which says why
  function showState(placeholder, failed, busy) {
    placeholder.setAttribute('aria-busy', String(!failed));
    placeholder.querySelectorAll('[data-card-loading]').forEach(function (el) { el.hidden = failed; });
    placeholder.querySelectorAll('[data-card-error]').forEach(function (el) { el.hidden = !failed; });
    placeholder.querySelectorAll('[data-card-failed]').forEach(function (el) { el.hidden = busy; });
    placeholder.querySelectorAll('[data-card-busy]').forEach(function (el) { el.hidden = !busy; });
  }

  document.addEventListener('click', function (event) {
    var retry = event.target.closest('[data-card-retry]');
    var placeholder = retry && retry.closest('[data-card]');
    if (placeholder) loadCard(placeholder);
  });

  function init() {
    document.querySelectorAll('[data-card]').forEach(loadCard);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
