// FastTrack onboarding report: filter and sort the items table. Runs offline; reads only the page.
(function () {
  'use strict';
  var table = document.getElementById('items-table');
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var filter = document.getElementById('filter');
  var selects = { status: document.getElementById('status-filter'), phase: document.getElementById('phase-filter'), service: document.getElementById('service-filter') };
  var counter = document.getElementById('visible-count');
  var noMatch = document.getElementById('no-match');

  function apply() {
    var terms = filter.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = terms.every(function (t) { return text[i].indexOf(t) >= 0; });
      Object.keys(selects).forEach(function (key) {
        var value = selects[key] && selects[key].value;
        if (value && row.getAttribute('data-' + key) !== value) { ok = false; }
      });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    counter.textContent = shown + ' of ' + rows.length + ' items shown';
    noMatch.hidden = shown > 0;
  }

  filter.addEventListener('input', apply);
  Object.keys(selects).forEach(function (key) { if (selects[key]) { selects[key].addEventListener('change', apply); } });

  // Summary cards filter the table by their status.
  Array.prototype.forEach.call(document.querySelectorAll('#summary .card'), function (card) {
    card.addEventListener('click', function () {
      var status = card.getAttribute('data-status');
      // A status with no item has no option: setting it leaves "All", which is right.
      selects.status.value = status === 'Total' ? '' : status;
      apply();
    });
  });

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim().toLowerCase();
  }

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, index) {
    th.querySelector('button').addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var order = rows.map(function (row, i) { return { row: row, key: cellValue(row, index), i: i }; });
      order.sort(function (a, b) {
        var x = a.key, y = b.key, nx = Number(x), ny = Number(y);
        var c = (!isNaN(nx) && !isNaN(ny) && x !== '' && y !== '') ? nx - ny : x.localeCompare(y);
        return (ascending ? c : -c) || a.i - b.i;
      });
      order.forEach(function (o) { body.appendChild(o.row); });
    });
  });

  apply();
})();
