// Comparison page: one small bar chart per main figure across the compared reports
// (ECharts, vendored).  Bars of cells that break a check relation are red, those
// whose carry-over to or from another year does not match are orange.
(function () {
  "use strict";
  const node = document.getElementById("imp-chart-data");
  if (!node || !window.echarts) return;
  const data = JSON.parse(node.textContent);
  const OK = "#5470c6";
  const BROKEN = "#c62828";
  const CARRY = "#ef6c00";
  const box = document.getElementById("imp-charts");
  const BLANK = box ? box.dataset.blank : "";
  const BROKEN_NOTE = box ? box.dataset.broken : "";
  const CARRY_NOTE = box ? box.dataset.carry : "";
  const charts = [];
  // Category label: the organ over the year.  When several organs are compared, the
  // part of the name they all share (e.g. the county) is left out, and long names
  // are shortened to fit the bar's width.
  const orgs = data.organisations || [];
  const distinct = [...new Set(orgs)];
  let common = 0;
  if (distinct.length > 1) {
    while (distinct.every((o) => o.length > common + 1 && o[common] === distinct[0][common])) common++;
  }
  const labeller = (width) => {
    const room = Math.max(2, Math.floor((width - 68) / Math.max(1, data.labels.length) / 11));
    return (value, i) => {
      const org = (orgs[i] || String(value)).slice(common);
      const short = org.length > room ? org.slice(0, room - 1) + "…" : org;
      return short + "\n" + ((data.years || [])[i] || "");
    };
  };
  document.querySelectorAll(".imp-chart[data-figure]").forEach((el) => {
    const fig = data.figures.find((f) => f.key === el.dataset.figure);
    if (!fig) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      title: { text: fig.label, subtext: fig.legal, left: "center",
               textStyle: { fontSize: 14 }, subtextStyle: { fontSize: 10, width: 300, overflow: "truncate" } },
      tooltip: { trigger: "axis", formatter: (items) => items.map((it) =>
        echarts.format.encodeHTML(data.labels[it.dataIndex]) + "："
        + (it.value == null ? BLANK : it.value)
        + (fig.broken[it.dataIndex] ? "（" + BROKEN_NOTE + "）" : "")
        + (fig.carry[it.dataIndex] ? "（" + CARRY_NOTE + "）" : "")).join("<br>") },
      grid: { left: 56, right: 12, top: 58, bottom: 44, containLabel: false },
      xAxis: { type: "category", data: data.labels,
               axisLabel: { interval: 0, fontSize: 10, formatter: labeller(el.clientWidth) } },
      yAxis: { type: "value", minInterval: fig.key === "fees" ? 0 : 1 },
      series: [{
        type: "bar", name: fig.label, barMaxWidth: 36,
        data: fig.values.map((v, i) => ({
          value: v,
          itemStyle: { color: fig.broken[i] ? BROKEN : fig.carry[i] ? CARRY : OK },
        })),
        label: { show: data.labels.length <= 12, position: "top", fontSize: 10 },
      }],
    });
    charts.push(chart);
  });
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
})();
