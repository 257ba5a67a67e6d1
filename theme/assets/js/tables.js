// Data tables (```table blocks) sort, filter and page in the browser. Without this script a table is still a
// complete HTML table: its first page, and every row in the CSV beside it. Loaded as a file (the CSP allows no
// inline script); the formatted text and raw values it sorts by are in the page.
(function () {
  "use strict";

  function setUp(box) {
    var table = box.querySelector("table");
    var body = table && table.tBodies[0];
    if (!body) {
      return;
    }
    var rows = Array.prototype.slice.call(body.rows);
    if (rows.length < 2) {
      return;
    }
    var pageSize = parseInt(box.getAttribute("data-page-size"), 10) || rows.length;
    var paged = rows.length > pageSize;
    var state = { page: 0, matching: rows };
    var status = box.querySelector(".table-status");
    var title = box.querySelector(".table-title");
    var name = title ? title.textContent : "table";

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sort(index, th.getAttribute("data-type") === "number", descending);
      });
    });

    function key(row, index, numeric) {
      var value = row.cells[index].getAttribute("data-value");
      if (value === null || value === "") {
        return null;
      }
      return numeric ? parseFloat(value) : value;
    }

    function sort(index, numeric, descending) {
      var sign = descending ? -1 : 1;
      var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
      rows.sort(function (a, b) {
        var x = key(a, index, numeric);
        var y = key(b, index, numeric);
        // Empty cells stay last whichever way the column is sorted.
        if (x === null || y === null) {
          return x === y ? 0 : x === null ? 1 : -1;
        }
        return sign * (numeric ? x - y : collator.compare(x, y));
      });
      rows.forEach(function (row) { body.appendChild(row); });
      state.matching = rows.filter(function (row) { return state.matching.indexOf(row) >= 0; });
      show(0);
    }

    var previous, next;
    function show(page) {
      var count = state.matching.length;
      var pages = Math.max(1, Math.ceil(count / pageSize));
      state.page = Math.min(Math.max(page, 0), pages - 1);
      var first = state.page * pageSize;
      rows.forEach(function (row) { row.hidden = true; });
      state.matching.slice(first, first + pageSize).forEach(function (row) { row.hidden = false; });
      if (!paged) {
        return;
      }
      previous.disabled = state.page === 0;
      next.disabled = state.page >= pages - 1;
      status.textContent = count === 0
        ? "No rows match."
        : "Rows " + (first + 1) + "–" + Math.min(first + pageSize, count) + " of " + count + (count < rows.length ? " matching" : "") + ".";
    }

    if (paged) {
      var tools = document.createElement("div");
      tools.className = "table-tools";
      var label = document.createElement("label");
      label.textContent = "Filter rows ";
      var input = document.createElement("input");
      input.type = "search";
      input.setAttribute("aria-controls", box.id);
      label.appendChild(input);
      tools.appendChild(label);
      box.insertBefore(tools, status.parentNode);
      input.addEventListener("input", function () {
        var words = input.value.trim().toLowerCase();
        state.matching = rows.filter(function (row) { return row.textContent.toLowerCase().indexOf(words) >= 0; });
        show(0);
      });

      var pager = document.createElement("nav");
      pager.className = "table-pager";
      pager.setAttribute("aria-label", "Pages of " + name);
      previous = document.createElement("button");
      previous.type = "button";
      previous.textContent = "Previous";
      next = document.createElement("button");
      next.type = "button";
      next.textContent = "Next";
      previous.addEventListener("click", function () { show(state.page - 1); });
      next.addEventListener("click", function () { show(state.page + 1); });
      pager.appendChild(previous);
      pager.appendChild(next);
      status.setAttribute("role", "status");
      tools.appendChild(pager);
      show(0);
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll(".data-table"), setUp);
})();
