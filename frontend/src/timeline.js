// The timeline: events per week or month, stacked by event type (ECharts, canvas renderer).
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { TYPE_COLORS } from "./map.js";

echarts.use([BarChart, LineChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Every period start from the first to the last one with events, so quiet periods show as gaps.
function allPeriods(starts, period) {
  const sorted = [...new Set(starts)].sort();
  if (!sorted.length) return [];
  const out = [];
  const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  for (let d = new Date(`${sorted[0]}T00:00:00Z`); d <= last; ) {
    out.push(d.toISOString().slice(0, 10));
    if (period === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1, 1);
  }
  return out;
}

export class Timeline {
  constructor(container, onPeriod) {
    this.chart = echarts.init(container, null, { renderer: "canvas" });
    this.periods = [];
    this.chart.on("click", (params) => onPeriod(this.periods[params.dataIndex]));
  }

  show(rows, types, period) {
    const periods = allPeriods(rows.map((r) => r.period), period);
    this.periods = periods;
    const index = new Map(periods.map((p, i) => [p, i]));
    const series = types
      .filter((t) => rows.some((r) => r.event_type === t))
      .map((type) => {
        const data = new Array(periods.length).fill(0);
        for (const r of rows) if (r.event_type === type) data[index.get(r.period)] = r.events;
        const color = TYPE_COLORS[types.indexOf(type) % TYPE_COLORS.length];
        return { name: type.replace(/_/g, " "), type: "bar", stack: "events", data, itemStyle: { color }, emphasis: { focus: "series" } };
      });
    this.chart.setOption(
      {
        animation: false,
        grid: { left: 40, right: 12, top: 36, bottom: 48 },
        legend: { type: "scroll", top: 0 },
        // Open on the last ten years; the slider reaches the rest.
        dataZoom: [
          { type: "inside", startValue: Math.max(0, periods.length - (period === "week" ? 522 : 120)) },
          { type: "slider", height: 14, bottom: 4, startValue: Math.max(0, periods.length - (period === "week" ? 522 : 120)) },
        ],
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        xAxis: { type: "category", data: periods.map((p) => (period === "week" ? p : p.slice(0, 7))) },
        yAxis: { type: "value", minInterval: 1 },
        series,
      },
      { notMerge: true },
    );
  }

  resize() {
    this.chart.resize();
  }
}

export function lineChart(container) {
  const chart = echarts.init(container, null, { renderer: "canvas" });
  return {
    show(labels, values, name) {
      chart.setOption(
        {
          animation: false,
          grid: { left: 44, right: 12, top: 12, bottom: 24 },
          tooltip: { trigger: "axis" },
          xAxis: { type: "category", data: labels },
          yAxis: { type: "value" },
          series: [{ name, type: "line", data: values, showSymbol: false, lineStyle: { color: "#8e44ad" } }],
        },
        { notMerge: true },
      );
    },
    resize: () => chart.resize(),
  };
}
