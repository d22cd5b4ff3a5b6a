// emberwatch dashboard: filters drive the map, the timeline, the event list and the panels together.
import { getAnalyst, getJSON, getToken, setAnalyst, setToken } from "./api.js";
import { EventPanel } from "./detail.js";
import { $ } from "./dom.js";
import { Filters } from "./filters.js";
import { EventList } from "./list.js";
import { EventMap } from "./map.js";
import { AlertPanel, IndicatorPanel } from "./panels.js";
import { Timeline } from "./timeline.js";

const PAGE = 50;
const MAX_POINTS = 10000;
const state = { types: [], offset: 0, period: "month", seq: 0 };

function showError(error) {
  const box = $("#errors");
  box.hidden = false;
  box.textContent = error.message || String(error);
}

async function refresh(resetPage = true) {
  if (resetPage) state.offset = 0;
  const seq = ++state.seq;
  const params = filters.params();
  $("#errors").hidden = true;
  try {
    const [page, points, timeline] = await Promise.all([
      getJSON("/api/events", filters.params({ limit: PAGE, offset: state.offset })),
      getJSON("/api/events/points", filters.params({ limit: MAX_POINTS })),
      getJSON("/api/events/timeline", filters.params({ period: state.period })),
    ]);
    if (seq !== state.seq) return;
    list.show(page);
    map.show(points.rows, state.types);
    $("#map-note").textContent = points.truncated
      ? `Showing the newest ${points.rows.length.toLocaleString("en")} of ${points.total.toLocaleString("en")} located events: zoom in and use "Filter to map area", or narrow the filters.`
      : `${points.total.toLocaleString("en")} located events`;
    timelineChart.show(timeline, state.types, state.period);
    document.body.dataset.loaded = String(seq);
  } catch (error) {
    showError(error);
  }
  // Indicators and alerts scan every matching event: ask for them once the map and list are shown.
  if (seq !== state.seq) return;
  await Promise.all([
    indicators.refresh(Object.fromEntries(params)).catch(showError),
    alerts.refresh(Object.fromEntries(params)).catch(showError),
  ]);
  if (seq === state.seq) document.body.dataset.panels = String(seq);
}

async function loadOptions() {
  const [facets, actors, types] = await Promise.all([
    getJSON("/api/events/facets"),
    getJSON("/api/actors"),
    getJSON("/api/codebook/event-types"),
  ]);
  const typeNames = new Map(types.map((t) => [t.id, t.name]));
  state.types = [...new Set([...types.map((t) => t.id), ...facets.event_type.map((f) => f.value)])];
  const opts = (rows, label = (v) => v) => rows.map((r) => ({ value: r.value, label: `${label(r.value)} (${r.events})` }));
  filters.fillSelect("country", opts(facets.country_code));
  filters.fillSelect("event_type", opts(facets.event_type, (v) => typeNames.get(v) || v.replace(/_/g, " ")));
  filters.fillSelect("mechanism", opts(facets.mechanism, (v) => v.replace(/_/g, " ")));
  filters.fillSelect("language", opts(facets.language, (v) => ({ en: "English", ar: "Arabic", other: "Other" })[v] || v));
  filters.fillSelect(
    "actor",
    actors.filter((a) => a.events > 0 || a.affiliates.length).map((a) => ({ value: a.id, label: `${a.name}${a.affiliates.length ? " + affiliates" : ""} (${a.events})` })),
  );
}

function setupToken(actionsEnabled) {
  const form = $("#token-form");
  const input = $("#token");
  const status = $("#token-status");
  const update = () => {
    const on = Boolean(getToken());
    status.textContent = !actionsEnabled ? "Analyst actions are disabled on this server." : on ? "Analyst mode" : "Read-only";
    document.body.classList.toggle("analyst", on && actionsEnabled);
    $("#token-clear").hidden = !on;
  };
  const analyst = $("#analyst");
  analyst.value = getAnalyst();
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (input.value.trim()) setToken(input.value.trim());
    setAnalyst(analyst.value.trim());
    input.value = "";
    update();
    if (panel.currentId) panel.open(panel.currentId);
  });
  $("#token-clear").addEventListener("click", () => {
    setToken("");
    update();
    if (panel.currentId) panel.open(panel.currentId);
  });
  form.hidden = !actionsEnabled;
  update();
}

function setupExports() {
  for (const link of document.querySelectorAll("a.export")) {
    link.addEventListener("click", () => {
      const params = filters.params({ schema: $("#export-schema").value });
      link.href = `/api/export.${link.dataset.format}?${params.toString()}`;
    });
  }
}

const actionsEnabled = document.body.dataset.actions === "true";
const panel = new EventPanel($("#event-panel"), { onChanged: () => refresh(false), actionsEnabled });
const map = new EventMap($("#map"), (id) => panel.open(id));
const timelineChart = new Timeline($("#timeline"), (period) => {
  if (!period) return;
  const start = new Date(`${period}T00:00:00Z`);
  const end = new Date(start);
  if (state.period === "week") end.setUTCDate(end.getUTCDate() + 6);
  else end.setUTCMonth(end.getUTCMonth() + 1, 0);
  filters.set("start", period);
  filters.set("end", end.toISOString().slice(0, 10));
  filters.changed();
});
const list = new EventList($("#event-list"), $("#pager"), (id) => panel.open(id), (offset) => {
  state.offset = offset;
  refresh(false);
});
const indicators = new IndicatorPanel($("#indicator-select"), $("#indicator-chart"), $("#indicator-note"));
const alerts = new AlertPanel($("#alert-list"), (id) => panel.open(id));
const filters = new Filters($("#filters"), () => refresh(true));

$("#period").addEventListener("change", (e) => {
  state.period = e.target.value;
  refresh(false);
});
$("#use-map-area").addEventListener("click", (event) => {
  const on = !filters.bbox;
  event.target.textContent = on ? "Clear map area filter" : "Filter to map area";
  filters.setBbox(on ? map.bounds() : null);
});
window.addEventListener("resize", () => {
  timelineChart.resize();
  map.invalidate();
});
window.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && panel.currentId) panel.close();
});

setupToken(actionsEnabled);
setupExports();
map.loadBasemap("/static/dist/countries-50m.json").catch(showError);
Promise.all([loadOptions(), indicators.init()])
  .catch(showError)
  .finally(() => {
    refresh(true);
    const match = location.hash.match(/^#event=(.+)$/);
    if (match) panel.open(decodeURIComponent(match[1]));
  });
