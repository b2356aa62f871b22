/* The report editor: after each live check (htmx swaps #findings-panel), mark the
   cells the findings name; clicking a finding focuses its cell. */
(function () {
  "use strict";
  var MARKS = ["cell-error", "cell-related", "cell-warning"];

  function applyMarks() {
    var form = document.getElementById("report-form");
    var data = document.getElementById("cell-marks");
    if (!form || !data) return;
    var marks = JSON.parse(data.textContent);
    form.querySelectorAll("td[data-path]").forEach(function (td) {
      var mark = marks[td.dataset.path];
      MARKS.forEach(function (name) { td.classList.toggle(name, name === mark); });
      var input = td.querySelector("input");
      if (input) {
        if (mark === "cell-error") input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    });
  }

  function focusElement(id) {
    var input = document.getElementById(id);
    if (!input) return;
    input.scrollIntoView({ block: "center", behavior: "smooth" });
    input.focus({ preventScroll: true });
    if (input.select) input.select();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-focus], [data-focus-id]");
    if (!button) return;
    event.preventDefault();
    focusElement(button.dataset.focusId || "cell-" + button.dataset.focus);
  });
  document.addEventListener("htmx:afterSettle", applyMarks);
  document.addEventListener("DOMContentLoaded", applyMarks);
})();
