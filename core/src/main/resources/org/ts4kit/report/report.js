/* ts4kit report.html: sorting and filtering for the tables. The page reads fine without it: the
   tables are plain HTML and the filter controls stay hidden. No library, no network, no console. */
(function () {
  "use strict";
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  /* A cell's sort key: its data-sort attribute when it has one (exact numbers behind "1.5 MB"), else its text. */
  function key(cell, numeric) {
    var v = cell ? cell.getAttribute("data-sort") : null;
    if (v === null) {
      v = cell ? cell.textContent : "";
    }
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v;
  }

  /* Stable: rows with equal keys keep their order, so sorting by a second column refines the first. */
  function sortRows(table, col, numeric, descending) {
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) {
      return { row: row, key: key(row.cells[col], numeric), i: i };
    });
    keyed.sort(function (a, b) {
      var c = numeric ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : collator.compare(a.key, b.key);
      if (descending) {
        c = -c;
      }
      return c !== 0 ? c : a.i - b.i;
    });
    var rows = document.createDocumentFragment();
    keyed.forEach(function (k) {
      rows.appendChild(k.row);
    });
    body.appendChild(rows);
  }

  function makeSortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, col) {
      var numeric = th.getAttribute("data-type") === "num";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        /* first click: quantities largest first, words and severities from the top */
        var first = th.getAttribute("data-first") || (numeric ? "descending" : "ascending");
        var order = current === null ? first : current === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(headers, function (h) {
          h.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", order);
        sortRows(table, col, numeric, order === "descending");
      });
    });
  }

  function makeFilterable(wrap, table) {
    var controls = wrap.querySelector(".controls");
    if (!controls) {
      return; /* a short table: sorting only */
    }
    var text = controls.querySelector("input.filter");
    var severity = controls.querySelector("select.severity");
    var matches = controls.querySelector(".matches");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) {
      return row.textContent.toLowerCase();
    });
    function apply() {
      var q = text.value.trim().toLowerCase();
      var s = severity ? severity.value : "";
      var shown = 0;
      rows.forEach(function (row, i) {
        var show = (q === "" || texts[i].indexOf(q) >= 0) && (s === "" || row.getAttribute("data-severity") === s);
        row.hidden = !show;
        if (show) {
          shown++;
        }
      });
      matches.textContent = q === "" && s === "" ? "" : shown + " of " + rows.length + " rows";
    }
    text.addEventListener("input", apply);
    if (severity) {
      severity.addEventListener("change", apply);
    }
    controls.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("div.table"), function (wrap) {
    var table = wrap.querySelector("table");
    if (table && table.tHead && table.tBodies.length > 0) {
      makeSortable(table);
      makeFilterable(wrap, table);
      wrap.classList.add("interactive");
    }
  });
})();
