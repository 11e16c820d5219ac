// The import page: choose or drop a file, dry run, confirm, with a progress bar while it runs.
(function () {
  var form = document.getElementById('import-form');
  if (!form) return;
  var fileInput = document.getElementById('file');
  var dropZone = document.getElementById('drop-zone');
  var dryRunButton = document.getElementById('dry-run');
  var confirmButton = document.getElementById('confirm');
  var progressBox = document.getElementById('progress');
  var progressBar = document.getElementById('progress-bar');
  var progressText = document.getElementById('progress-text');
  var errorBox = document.getElementById('import-error');
  var resultBox = document.getElementById('result');
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

  function showFileName() {
    document.getElementById('file-name').textContent = fileInput.files.length ? fileInput.files[0].name : '';
    confirmButton.disabled = true;
    resultBox.hidden = true;
  }
  fileInput.addEventListener('change', showFileName);
  ['dragenter', 'dragover'].forEach(function (type) {
    dropZone.addEventListener(type, function (e) { e.preventDefault(); dropZone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    dropZone.addEventListener(type, function (e) { e.preventDefault(); dropZone.classList.remove('over'); });
  });
  dropZone.addEventListener('drop', function (e) {
    if (e.dataTransfer.files.length) {
      fileInput.files = e.dataTransfer.files;
      showFileName();
    }
  });

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) el.className = className;
    return el;
  }

  function render(body, dryRun) {
    resultBox.innerHTML = '';
    var files = body.files || [body];
    files.forEach(function (r) {
      var section = document.createElement('section');
      section.className = 'card result';
      var verdict = r.dryRun
        ? (r.rejected > 0 && r.mode === 'strict' ? 'Dry run: this file would be refused (strict mode, rejected rows).'
                                                  : 'Dry run: nothing was written. Import to apply these changes.')
        : (r.written ? 'Imported.' : 'Nothing was written: strict mode and some rows were rejected.');
      section.appendChild(text('h2', r.file + ' (' + r.kind + ')'));
      section.appendChild(text('p', verdict, r.written || (r.dryRun && !(r.rejected > 0 && r.mode === 'strict')) ? 'ok' : 'warn'));
      var counts = document.createElement('dl');
      counts.className = 'counts';
      [['Rows', r.rows], ['Insert', r.inserted], ['Update', r.updated], ['Unchanged', r.unchanged], ['Rejected', r.rejected]]
        .forEach(function (pair) {
          var d = document.createElement('div');
          d.appendChild(text('dt', pair[0]));
          d.appendChild(text('dd', String(pair[1]), 'count-' + pair[0].toLowerCase()));
          counts.appendChild(d);
        });
      section.appendChild(counts);
      (r.notices || []).forEach(function (n) { section.appendChild(text('p', n, 'muted small')); });
      if (r.errors && r.errors.length) {
        var wrap = document.createElement('div');
        wrap.className = 'table-wrap';
        var table = document.createElement('table');
        table.className = 'errors';
        var head = document.createElement('tr');
        ['Line', 'Column', 'Value', 'Problem'].forEach(function (h) { head.appendChild(text('th', h)); });
        table.appendChild(head);
        r.errors.slice(0, 100).forEach(function (e) {
          var row = document.createElement('tr');
          [e.line, e.column || '', e.value || '', e.message].forEach(function (v) { row.appendChild(text('td', String(v))); });
          table.appendChild(row);
        });
        wrap.appendChild(table);
        section.appendChild(wrap);
        var more = r.errors.length - Math.min(100, r.errors.length) + (r.moreErrors || 0);
        if (more > 0) section.appendChild(text('p', more + ' more errors: download them from the history below.', 'muted small'));
      }
      resultBox.appendChild(section);
    });
    resultBox.hidden = false;
    var refused = files.some(function (r) { return r.rejected > 0 && r.mode === 'strict'; });
    confirmButton.disabled = !dryRun || refused;
  }

  function poll(id) {
    var timer = setInterval(function () {
      fetch(form.dataset.progressUrl + encodeURIComponent(id), { headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) return;
          var share = s.totalBytes > 0 ? Math.min(100, Math.round(100 * s.bytes / s.totalBytes)) : 0;
          progressBar.style.width = share + '%';
          progressText.textContent = s.phase + ' ' + (s.file || '') + ': ' + s.rows.toLocaleString() + ' rows, '
            + s.rowsPerSecond.toLocaleString() + ' rows/s (' + share + '% read)';
          if (s.done) clearInterval(timer);
        })
        .catch(function () { clearInterval(timer); });
    }, 400);
    return timer;
  }

  function refreshHistory() {
    fetch(form.dataset.historyUrl, { headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('history');
        var current = document.getElementById('history');
        if (fresh && current) current.replaceWith(fresh);
      });
  }

  function run(dryRun) {
    if (!fileInput.files.length) {
      errorBox.textContent = 'Choose a CSV or zip file first.';
      errorBox.hidden = false;
      return;
    }
    errorBox.hidden = true;
    var id = Math.random().toString(36).slice(2) + Date.now().toString(36);
    var data = new FormData(form);
    data.set('dryRun', String(dryRun));
    data.set('progress', id);
    var headers = { 'Accept': 'application/json' };
    if (csrfToken && csrfHeader) headers[csrfHeader.content] = csrfToken.content;
    dryRunButton.disabled = confirmButton.disabled = true;
    progressBox.hidden = false;
    progressBar.style.width = '0%';
    progressText.textContent = 'Uploading…';
    var timer = poll(id);
    fetch(form.action, { method: 'POST', body: data, headers: headers })
      .then(function (response) {
        return response.json()
          .catch(function () { return { detail: 'Tandem answered ' + response.status + ' ' + response.statusText + '.' }; })
          .then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (r) {
        if (r.body && r.body.detail && !r.body.rows && !r.body.files) {
          errorBox.textContent = r.body.detail;
          errorBox.hidden = false;
          resultBox.hidden = true;
        } else {
          render(r.body, dryRun);
        }
        progressBar.style.width = '100%';
        progressText.textContent = 'Finished.';
        refreshHistory();
      })
      .catch(function () {
        errorBox.textContent = 'The upload failed. Is Tandem still running?';
        errorBox.hidden = false;
      })
      .finally(function () {
        clearInterval(timer);
        dryRunButton.disabled = false;
      });
  }

  dryRunButton.addEventListener('click', function () { run(true); });
  confirmButton.addEventListener('click', function () { run(false); });
})();
