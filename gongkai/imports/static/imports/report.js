// Report page: link each parsed value (td[data-path]) to the span of source text it
// was read from (mark[data-paths]), and open a cell's panel (htmx) on click.
(function () {
  "use strict";
  const config = document.getElementById("imp-config");
  const panel = document.getElementById("imp-cell-panel");
  const source = document.getElementById("imp-source");
  const tables = document.getElementById("imp-tables");
  if (!config || !panel || !tables) return;
  const cellUrl = (path) => config.dataset.cellUrl.replace("PATH", encodeURIComponent(path));

  const cssPath = (path) => (window.CSS && CSS.escape ? CSS.escape(path) : path);
  const cellsFor = (path) => tables.querySelectorAll('td[data-path="' + cssPath(path) + '"]');
  const metaFor = (path) => document.querySelectorAll('.imp-meta-value[data-path="' + cssPath(path) + '"]');
  const marksFor = (path) => source ? source.querySelectorAll('mark[data-paths~="' + cssPath(path) + '"]') : [];

  function clearFocus() {
    document.querySelectorAll(".imp-focus").forEach((el) => el.classList.remove("imp-focus"));
  }

  function focus(paths) {
    clearFocus();
    paths.forEach((path) => {
      cellsFor(path).forEach((el) => el.classList.add("imp-focus"));
      metaFor(path).forEach((el) => el.classList.add("imp-focus"));
      marksFor(path).forEach((el) => el.classList.add("imp-focus"));
    });
  }

  function scrollWithin(container, el) {
    if (!container || !el) return;
    const box = container.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) {
      container.scrollTop += r.top - box.top - container.clientHeight / 2;
    }
  }

  function showSource(path) {
    const mark = marksFor(path)[0];
    if (mark) scrollWithin(source, mark);
  }

  function showCell(path) {
    const td = cellsFor(path)[0];
    if (td) scrollWithin(tables, td);
  }

  function select(path) {
    document.querySelectorAll(".imp-selected").forEach((el) => el.classList.remove("imp-selected"));
    cellsFor(path).forEach((el) => el.classList.add("imp-selected"));
    marksFor(path).forEach((el) => el.classList.add("imp-selected"));
  }

  function openPanel(path) {
    focus([path]);
    select(path);
    showSource(path);
    showCell(path);
    if (window.htmx) {
      htmx.ajax("GET", cellUrl(path), { target: panel, swap: "innerHTML" });
    } else {
      fetch(cellUrl(path), { headers: { "HX-Request": "true" } })
        .then((r) => r.text()).then((html) => { panel.innerHTML = html; });
    }
  }

  tables.addEventListener("mouseover", (e) => {
    const td = e.target.closest("td[data-path]");
    if (!td) return;
    focus([td.dataset.path]);
    showSource(td.dataset.path);
  });
  tables.addEventListener("click", (e) => {
    const td = e.target.closest("td[data-path]");
    if (td) openPanel(td.dataset.path);
  });

  document.querySelectorAll(".imp-meta-value[data-path]").forEach((el) => {
    el.addEventListener("mouseover", () => {
      focus([el.dataset.path]);
      showSource(el.dataset.path);
    });
  });

  if (source) {
    source.addEventListener("mouseover", (e) => {
      const mark = e.target.closest("mark[data-paths]");
      if (!mark) return;
      const paths = mark.dataset.paths.split(" ");
      focus(paths);
      showCell(paths[0]);
    });
    source.addEventListener("click", (e) => {
      const mark = e.target.closest("mark[data-paths]");
      if (!mark) return;
      const cell = mark.dataset.paths.split(" ").find((p) => cellsFor(p).length);
      if (cell) openPanel(cell);
    });
  }

  // A finding's place in the source text: line, column and length (characters).
  function rangeIn(line, column, length) {
    const el = source ? source.querySelector("#L" + line + " .imp-lt") : null;
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let pos = 0, from = column - 1, to = from + Math.max(1, length), started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const n = node.nodeValue.length;
      if (!started && from < pos + n) { range.setStart(node, from - pos); started = true; }
      if (started && to <= pos + n) { range.setEnd(node, to - pos); return range; }
      pos += n;
    }
    if (started) { range.setEndAfter(el.lastChild); return range; }
    return null;
  }

  function showAt(button) {
    const d = button.dataset;
    const range = rangeIn(d.line, Number(d.column), Number(d.end) - Number(d.start));
    if (!range) return;
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("imp-at", new Highlight(range));
    } else {
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    source.scrollIntoView({ block: "start", behavior: "smooth" });
    const box = source.getBoundingClientRect(), r = range.getBoundingClientRect();
    source.scrollTop += r.top - box.top - source.clientHeight / 2;
  }

  document.addEventListener("click", (e) => {
    const at = e.target.closest(".imp-at");
    if (at) {
      e.preventDefault();
      showAt(at);
      return;
    }
    const ref = e.target.closest(".imp-cellref, .imp-goto, .imp-cellref-link");
    if (ref) {
      e.preventDefault();
      openPanel(ref.dataset.path);
      tables.scrollIntoView({ block: "start", behavior: "smooth" });
      return;
    }
    if (e.target.closest(".imp-close")) {
      panel.innerHTML = "";
      clearFocus();
      select("");
    }
  });

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && panel.innerHTML) {
      panel.innerHTML = "";
      clearFocus();
      select("");
    }
  });

  const open = document.getElementById("imp-open-cell");
  const initial = open ? JSON.parse(open.textContent) : "";
  if (initial) openPanel(initial);
})();
