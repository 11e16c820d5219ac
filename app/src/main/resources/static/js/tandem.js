// "?" buttons: a click (or tap, where there is no hover) shows the figure's definition.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.help');
  if (!button) return;
  var definition = button.closest('.card') && button.closest('.card').querySelector('.definition');
  if (definition) {
    definition.hidden = !definition.hidden;
    button.setAttribute('aria-expanded', String(!definition.hidden));
  }
});
