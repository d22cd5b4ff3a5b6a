// Indicator and alert panels.
import { getJSON } from "./api.js";
import { clear, el, fmtNumber } from "./dom.js";
import { lineChart } from "./timeline.js";

export class IndicatorPanel {
  constructor(select, chartNode, note) {
    this.select = select;
    this.chart = lineChart(chartNode);
    this.note = note;
    this.definitions = [];
    select.addEventListener("change", () => this.refresh(this.lastParams));
  }

  async init() {
    this.definitions = await getJSON("/api/indicators/definitions");
    clear(this.select);
    for (const d of this.definitions) this.select.append(el("option", { value: d.id }, `${d.name} (${d.mechanism.replace(/_/g, " ")})`));
  }

  async refresh(params) {
    this.lastParams = params;
    const id = this.select.value;
    if (!id) {
      this.note.textContent = "No indicators are defined in the codebook.";
      return;
    }
    const query = new URLSearchParams(params);
    query.set("indicator", id);
    query.set("level", "all");
    query.set("period", "month");
    const rows = await getJSON("/api/indicators", query);
    const definition = this.definitions.find((d) => d.id === id);
    this.chart.show(rows.map((r) => r.period.slice(0, 7)), rows.map((r) => r.value), definition ? definition.name : id);
    this.note.textContent = definition ? definition.description : "";
  }
}

export class AlertPanel {
  constructor(container, onSelect) {
    this.container = container;
    this.onSelect = onSelect;
  }

  // Surge, return and spread rules are quick; change points scan every area's whole series, so they
  // are asked for second and added when they arrive.
  async refresh(params) {
    const query = (rules) => {
      const q = new URLSearchParams(params);
      for (const rule of rules) q.append("rule", rule);
      return q;
    };
    const token = (this.token = {});
    const quick = await getJSON("/api/alerts", query(["surge", "return", "spread"]));
    if (token !== this.token) return;
    this.render(quick, true);
    const slow = await getJSON("/api/alerts", query(["changepoint"]));
    if (token !== this.token) return;
    this.render([...quick, ...slow], false);
  }

  render(alerts, pending) {
    clear(this.container);
    if (!alerts.length) {
      this.container.append(el("li", { className: "muted" }, pending ? "Checking alert rules…" : "No current alerts for these filters."));
      return;
    }
    for (const alert of alerts) {
      const links = alert.event_ids.slice(0, 12).map((id) => el("button", { type: "button", className: "link", onclick: () => this.onSelect(id) }, id));
      this.container.append(
        el(
          "li",
          { className: `alert alert-${alert.rule_id}`, dataset: { alertId: alert.id } },
          el("strong", { dir: "auto" }, `${alert.rule_id}: ${alert.area}`),
          el("p", { dir: "auto" }, alert.summary),
          el("p", { className: "muted" }, `Rule: ${alert.rule}`),
          el(
            "p",
            { className: "muted" },
            `Window ${alert.window_start} – ${alert.window_end} · ${alert.current_label}: ${fmtNumber(alert.current)} · ${alert.baseline_label}: ${fmtNumber(alert.baseline)}`,
          ),
          el("div", { className: "evidence-links" }, links.length ? ["Evidence: ", ...links] : null),
        ),
      );
    }
    if (pending) this.container.append(el("li", { className: "muted" }, "Checking change points…"));
  }
}
