// The event panel: fields with their precision and attribution in plain words, every source's text
// with the evidence spans highlighted, the review history, and analyst actions when a token is set.
import { getJSON, getToken, postJSON } from "./api.js";
import { clear, el, fmtNumber, textDirAttrs } from "./dom.js";
import { highlighted } from "./highlight.js";

function range(count) {
  if (!count || (count.low === null && count.best === null && count.high === null)) return "unknown";
  const { low, best, high } = count;
  const main = fmtNumber(best ?? low);
  if (high !== null && high !== undefined && high !== (best ?? low)) return `${main} (range ${fmtNumber(low ?? best)}–${fmtNumber(high)})`;
  if (best === null && low !== null) return `at least ${fmtNumber(low)}`;
  return main;
}

function row(label, ...value) {
  return [el("dt", {}, label), el("dd", { dir: "auto" }, ...value)];
}

function eventFields(ev) {
  const date = ev.date ? (ev.date_end && ev.date_end !== ev.date ? `${ev.date} to ${ev.date_end}` : ev.date) : "unknown";
  const place = [ev.place_name, ev.admin2, ev.admin1, ev.country_code].filter(Boolean).join(", ") || "unknown";
  return el(
    "dl",
    { className: "fields" },
    row("Type", `${ev.event_type.replace(/_/g, " ")}${ev.sub_type ? ` / ${ev.sub_type}` : ""}`),
    row("Date", date, el("span", { className: "explain" }, ev.date_precision ? ` — precision ${ev.date_precision}: ${ev.date_precision_text}` : "")),
    row("Place", place, el("span", { className: "explain" }, ev.location_precision ? ` — precision ${ev.location_precision}: ${ev.location_precision_text}` : "")),
    row("Perpetrator", ev.perpetrator_id || "unknown", ev.perpetrator_mention ? ` (“${ev.perpetrator_mention}”)` : ""),
    row("Attribution", ev.attribution || "unknown", el("span", { className: "explain" }, ev.attribution_text ? ` — ${ev.attribution_text}` : "")),
    row("Killed", range(ev.killed)),
    row("Wounded", range(ev.wounded)),
    row("Targets", ev.targets.join("; ") || "–"),
    row("Weapons", ev.weapons.join("; ") || "–"),
    row("Mechanisms", ev.mechanisms.map((m) => m.replace(/_/g, " ")).join("; ") || "–"),
    row("Sources", `${ev.n_sources}`),
    row("Confidence", ev.confidence === null ? "–" : ev.confidence.toFixed(2)),
    row("Review", ev.review_status),
  );
}

function sourceBlock(source, index) {
  const heading = el(
    "h4",
    { dir: "auto" },
    `Source ${index + 1}: `,
    source.title || source.source || source.document_id || "unknown document",
    source.published ? ` · ${source.published}` : "",
  );
  const link = source.url && /^https?:\/\//i.test(source.url)
    ? el("a", { href: source.url, rel: "noopener noreferrer nofollow", target: "_blank", className: "src-url", dir: "ltr" }, source.url)
    : null;
  const fields = [...new Set(source.evidence.map((e) => e.field))];
  const legend = el("p", { className: "legend" }, fields.length ? `Highlighted evidence: ${fields.join(", ")}` : "No evidence spans recorded.");
  const text = source.text ?? source.evidence.map((e) => e.text).join(" … ");
  const spans = source.text ? source.evidence : [];
  const body = el("div", { className: "source-text", ...textDirAttrs(source.language) }, highlighted(text, spans));
  return el("section", { className: "source" }, heading, link, legend, body);
}

function historyList(history) {
  if (!history.length) return el("p", { className: "muted" }, "No analyst actions yet.");
  return el(
    "ol",
    { className: "history" },
    history.map((h) =>
      el(
        "li",
        { dir: "auto" },
        `${h.at.replace("T", " ").slice(0, 19)} · ${h.author} · ${h.action}`,
        h.field ? ` ${h.field}: ${JSON.stringify(h.old_value)} → ${JSON.stringify(h.new_value)}` : "",
        h.reason ? ` — “${h.reason}”` : "",
      ),
    ),
  );
}

function actionForm(ev, onDone) {
  const status = el("p", { className: "action-status", role: "status" });
  const reason = el("input", { type: "text", name: "reason", placeholder: "Reason (required for reject, edit, merge)", maxlength: "500", dir: "auto" });
  const field = el("select", { name: "field" }, ["event_type", "date", "place_name", "admin1", "admin2", "country_code", "perpetrator_id", "attribution", "killed_best", "wounded_best", "summary"].map((f) => el("option", { value: f }, f)));
  const value = el("input", { type: "text", name: "value", placeholder: "New value", dir: "auto" });
  const mergeIds = el("input", { type: "text", name: "merge", placeholder: "Event ids to merge into this one, comma-separated" });
  const run = async (action, payload) => {
    status.textContent = `${action}…`;
    try {
      await postJSON(`/api/events/${encodeURIComponent(ev.id)}/${action}`, payload);
      status.textContent = `${action}: done.`;
      onDone();
    } catch (error) {
      status.textContent = `${action} failed: ${error.message}`;
    }
  };
  const button = (label, handler) => el("button", { type: "button", className: `act act-${label.toLowerCase()}`, onclick: handler }, label);
  return el(
    "form",
    { className: "actions", onsubmit: (e) => e.preventDefault() },
    el("h3", {}, "Analyst actions"),
    reason,
    el("div", { className: "row" }, button("Verify", () => run("verify", { reason: reason.value || null })), button("Reject", () => run("reject", { reason: reason.value }))),
    el("div", { className: "row" }, field, value, button("Edit", () => run("edit", { field: field.value, value: value.value, reason: reason.value }))),
    el("div", { className: "row" }, mergeIds, button("Merge", () => run("merge", { other_ids: mergeIds.value.split(",").map((s) => s.trim()).filter(Boolean), reason: reason.value }))),
    status,
  );
}

export class EventPanel {
  constructor(container, { onChanged, actionsEnabled }) {
    this.container = container;
    this.onChanged = onChanged;
    this.actionsEnabled = actionsEnabled;
    this.currentId = null;
  }

  close() {
    this.currentId = null;
    this.container.hidden = true;
    clear(this.container);
    if (location.hash.startsWith("#event=")) history.replaceState(null, "", location.pathname + location.search);
  }

  async open(id) {
    this.currentId = id;
    this.container.hidden = false;
    clear(this.container).append(el("p", { className: "muted" }, "Loading…"));
    history.replaceState(null, "", `#event=${encodeURIComponent(id)}`);
    try {
      const detail = await getJSON(`/api/events/${encodeURIComponent(id)}`);
      if (this.currentId === id) this.render(detail);
    } catch (error) {
      clear(this.container).append(el("p", { className: "error" }, error.message));
    }
  }

  render(detail) {
    const ev = detail.event;
    const close = el("button", { type: "button", className: "close", "aria-label": "Close event", onclick: () => this.close() }, "×");
    const type = ev.event_type.replace(/_/g, " ");
    const title = el("h2", { dir: "auto" }, `${type.charAt(0).toUpperCase()}${type.slice(1)} · ${ev.place_name || "unknown place"} · ${ev.date || "undated"}`);
    const summary = ev.summary ? el("p", { className: "summary", dir: "auto" }, ev.summary) : null;
    const canAct = this.actionsEnabled && getToken();
    clear(this.container).append(
      el(
        "article",
        { className: "event", dataset: { eventId: ev.id } },
        close,
        title,
        el("p", { className: "muted" }, `id ${ev.id} · origin ${ev.origin}`),
        summary,
        eventFields(ev),
        el("h3", {}, "Sources and evidence"),
        detail.sources.length ? detail.sources.map(sourceBlock) : el("p", { className: "muted" }, "No source documents linked (imported event)."),
        el("h3", {}, "History"),
        historyList(detail.history),
        canAct ? actionForm(ev, () => { this.open(ev.id); this.onChanged(); }) : el("p", { className: "muted" }, "Read-only: enter the analyst token to verify, edit, merge or reject."),
      ),
    );
    this.container.scrollTop = 0;
  }
}
