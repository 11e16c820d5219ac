// Shared dashboard mechanics (templates/fragments/dashboard.html): the date range presets and the
// loading state of the filter bar, and chart.js charts drawn from each chart's accessible data table, also
// in each card as it loads (static/js/cards.js).
(function () {
  'use strict';

  // Filters live in the URL: the form is a plain GET, so a view is shareable and Back works.
  function initFilters(form) {
    var preset = form.querySelector('[data-range-preset]');
    var custom = form.querySelectorAll('.custom-range');
    var loading = form.querySelector('.loading');
    function showCustom() {
      var isCustom = preset.value === 'custom';
      custom.forEach(function (el) { el.hidden = !isCustom; });
    }
    preset.addEventListener('change', function () {
      showCustom();
      if (preset.value !== 'custom') form.requestSubmit();
    });
    form.addEventListener('submit', function () {
      // a preset travels as range=...; custom dates as from/to. Empty fields stay out of the URL.
      form.querySelectorAll('input, select').forEach(function (el) {
        var drop = !el.value || (preset.value !== 'custom' && (el.name === 'from' || el.name === 'to'))
          || (preset.value === 'custom' && el.name === 'range')
          // the default range stays implicit, so that age curves keep reading all history
          || (el === preset && preset.value === '12m' && preset.getAttribute('data-range-given') === 'false');
        if (drop) el.disabled = true;
      });
      if (loading) loading.hidden = false;
      document.body.setAttribute('aria-busy', 'true');
      window.setTimeout(function () {
        form.querySelectorAll('input, select').forEach(function (el) { el.disabled = false; });
      }, 0);
    });
    showCustom();
  }

  // A page restored from the back/forward cache must not keep the loading state.
  window.addEventListener('pageshow', function () {
    document.body.removeAttribute('aria-busy');
    document.querySelectorAll('form[data-filters] .loading').forEach(function (el) { el.hidden = true; });
  });

  var currency = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
  var FORMATS = {
    money: function (v) { return currency.format(v); },
    percent: function (v) { return (v * 100).toFixed(1) + '%'; },
    // axis ticks between whole numbers (a scale around one point) read 0.94, not 0.9400000000000001
    number: function (v) { return String(Math.round(v * 100) / 100); },
    decimal: function (v) { return v.toFixed(2); },
    points: function (v) { return v.toFixed(0); },
    minutes: function (v) { return v < 120 ? v.toFixed(0) + ' min' : (v / 60).toFixed(1) + ' h'; }
  };

  // Axes of whole units step by whole units: no "1, 1, 1, 0, 0" on a scale of small counts or amounts.
  var WHOLE_STEPS = { money: true, number: true, minutes: true, points: true };

  function ticks(formatName, callback) {
    var t = { callback: callback };
    if (WHOLE_STEPS[formatName]) t.precision = 0;
    return t;
  }

  // Whether a chart has anything to draw: some value that is neither missing nor zero.
  function hasValues(config) {
    return config.data.datasets.some(function (d) {
      return d.data.some(function (v) {
        return v != null && (typeof v === 'object' ? v.x != null && v.y != null : v !== 0);
      });
    });
  }

  function value(cell) {
    if (!cell || !cell.hasAttribute('data-value')) return null;
    var v = parseFloat(cell.getAttribute('data-value'));
    return isNaN(v) ? null : v;
  }

  // The table is the data: row headers are the labels; th[data-series] columns are the datasets.
  function chartConfig(canvas, table) {
    var kind = canvas.getAttribute('data-chart');
    var formatName = canvas.getAttribute('data-format');
    var format = FORMATS[formatName] || FORMATS.number;
    var heads = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    // a row header's data-label (when set) is its label without badges such as "partial"
    var labels = rows.map(function (r) { return r.cells[0].getAttribute('data-label') || r.cells[0].textContent.trim(); });
    var datasets = [];
    // every axis but y sits on the right with the format of its first column (y1, y2, ...)
    var axisFormats = {};
    var axisFormatNames = {};
    Array.prototype.forEach.call(heads, function (th, i) {
      var type = th.getAttribute('data-series');
      if (!type) return;
      var axis = th.getAttribute('data-axis') || 'y';
      if (axis !== 'y' && !axisFormats[axis]) {
        axisFormatNames[axis] = th.getAttribute('data-format');
        axisFormats[axis] = FORMATS[axisFormatNames[axis]] || FORMATS.number;
      }
      var color = th.getAttribute('data-color') || '#2f6f6a';
      datasets.push({
        type: type,
        label: th.textContent.trim(),
        data: rows.map(function (r) { return value(r.cells[i]); }),
        backgroundColor: color,
        borderColor: color,
        borderWidth: type === 'line' ? 2 : 0,
        borderDash: th.getAttribute('data-dash') ? [6, 4] : [],
        pointRadius: type === 'line' ? 2 : 0,
        spanGaps: false,
        stack: th.getAttribute('data-stack') || undefined,
        yAxisID: axis,
        order: type === 'line' ? 0 : 1
      });
    });
    var stacked = datasets.some(function (d) { return d.stack; });
    var scales = {
      x: { stacked: stacked, ticks: { autoSkip: true, maxRotation: 0 } },
      y: { stacked: stacked, ticks: ticks(formatName, format) }
    };
    Object.keys(axisFormats).forEach(function (axis) {
      scales[axis] = { position: 'right', grid: { drawOnChartArea: false },
        ticks: ticks(axisFormatNames[axis], axisFormats[axis]) };
    });
    return {
      type: kind === 'line' ? 'line' : 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        onClick: drillDown(rows),
        onHover: pointer(rows),
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var f = axisFormats[ctx.dataset.yAxisID] || format;
                return ctx.dataset.label + ': ' + (ctx.parsed.y == null ? '–' : f(ctx.parsed.y));
              }
            }
          }
        }
      }
    };
  }

  // A row with data-href is a drill-down: clicking its bar, point or label opens it (the row header links there too).
  function drillDown(rows) {
    return function (event, elements) {
      if (!elements || !elements.length) return;
      var href = rows[elements[0].index] && rows[elements[0].index].getAttribute('data-href');
      if (href) window.location.assign(href);
    };
  }

  function pointer(rows) {
    return function (event, elements) {
      var target = event.native && event.native.target;
      if (!target) return;
      var linked = elements && elements.length && rows[elements[0].index]
        && rows[elements[0].index].hasAttribute('data-href');
      target.style.cursor = linked ? 'pointer' : 'default';
    };
  }

  // A scatter from the columns marked th[data-x], th[data-y] and (for the point size) th[data-r].
  function scatterConfig(canvas, table) {
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function col(attr) {
      for (var i = 0; i < heads.length; i++) { if (heads[i].hasAttribute(attr)) return i; }
      return -1;
    }
    var xi = col('data-x'), yi = col('data-y'), ri = col('data-r');
    var xFormatName = heads[xi].getAttribute('data-format');
    var yFormatName = heads[yi].getAttribute('data-format');
    var xFormat = FORMATS[xFormatName] || FORMATS.number;
    var yFormat = FORMATS[yFormatName] || FORMATS.number;
    var rFormat = ri >= 0 ? FORMATS[heads[ri].getAttribute('data-format')] || FORMATS.number : null;
    var points = rows.map(function (r) {
      var size = ri >= 0 ? value(r.cells[ri]) : null;
      return {
        x: value(r.cells[xi]), y: value(r.cells[yi]), size: size,
        r: size == null ? 4 : Math.max(4, Math.min(18, 3 + size * 3)),
        label: r.cells[0].textContent.trim()
      };
    });
    var color = canvas.getAttribute('data-color') || 'rgba(47, 111, 106, 0.55)';
    return {
      type: 'bubble',
      data: { datasets: [{ label: canvas.getAttribute('aria-label'), data: points, backgroundColor: color,
        borderColor: '#2f6f6a', borderWidth: 1 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        onClick: drillDown(rows),
        onHover: pointer(rows),
        scales: {
          x: { title: { display: true, text: heads[xi].textContent.trim() }, ticks: ticks(xFormatName, xFormat) },
          y: { title: { display: true, text: heads[yi].textContent.trim() }, ticks: ticks(yFormatName, yFormat) }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (ctx) {
                var p = ctx.raw;
                var text = p.label + ': ' + heads[xi].textContent.trim() + ' ' + (p.x == null ? '–' : xFormat(p.x))
                  + ', ' + heads[yi].textContent.trim() + ' ' + (p.y == null ? '–' : yFormat(p.y));
                if (rFormat) text += ', ' + heads[ri].textContent.trim() + ' ' + (p.size == null ? '–' : rFormat(p.size));
                return text;
              }
            }
          }
        }
      }
    };
  }

  // The charts of a card (or of any part of the page) once it is in the document.
  function initCharts(root) {
    var canvases = root.querySelectorAll('canvas[data-chart]');
    if (!canvases.length) return;
    if (typeof window.Chart === 'undefined') {
      canvases.forEach(function (c) {
        var note = c.parentNode.querySelector('.chart-loading');
        if (note) note.hidden = true;
        c.hidden = true;
      });
      return;
    }
    canvases.forEach(function (canvas) {
      var table = document.getElementById(canvas.getAttribute('data-table'));
      var note = canvas.parentNode.querySelector('.chart-loading');
      var config = table && table.tBodies[0] && table.tBodies[0].rows.length
        ? (canvas.getAttribute('data-chart') === 'scatter' ? scatterConfig(canvas, table) : chartConfig(canvas, table))
        : null;
      if (config && hasValues(config)) {
        new window.Chart(canvas, config);
        canvas.setAttribute('data-rendered', 'true');
      } else {
        // rows whose every value is missing or zero (a range before the data): an empty grid says less
        // than a sentence, and the data table below still has the rows
        canvas.hidden = true;
        canvas.parentNode.classList.add('no-values');
        if (config && canvas.hasAttribute('data-no-values')) {
          var empty = document.createElement('p');
          empty.className = 'chart-empty muted';
          empty.textContent = canvas.getAttribute('data-no-values');
          canvas.parentNode.appendChild(empty);
        }
      }
      if (note) note.hidden = true;
    });
  }

  // A card that has loaded in its place (static/js/cards.js) draws its charts.
  document.addEventListener('tandem:card-loaded', function (event) { initCharts(event.target); });

  function init() {
    document.querySelectorAll('form[data-filters]').forEach(initFilters);
    initCharts(document);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
