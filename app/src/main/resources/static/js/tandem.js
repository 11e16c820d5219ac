// "?" buttons: a click (or tap, where there is no hover) shows the figure's definition: the element
// named by aria-controls, else the first definition in the card.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.help');
  if (!button) return;
  var id = button.getAttribute('aria-controls');
  var card = button.closest('.card');
  var definition = id ? document.getElementById(id) : card && card.querySelector('.definition');
  if (definition) {
    definition.hidden = !definition.hidden;
    button.setAttribute('aria-expanded', String(!definition.hidden));
  }
});
// "Print" buttons (the scorecard is printed for one-to-ones).
document.addEventListener('click', function (event) {
  if (event.target.closest('[data-print]')) window.print();
});
