// The event list: one page of the filtered events, newest first, with a pager.
import { clear, el, fmtNumber } from "./dom.js";

export class EventList {
  constructor(container, pager, onSelect, onPage) {
    this.container = container;
    this.pager = pager;
    this.onSelect = onSelect;
    this.onPage = onPage;
  }

  show(page) {
    clear(this.container);
    if (!page.items.length) {
      this.container.append(el("li", { className: "muted" }, "No events match these filters."));
    }
    for (const ev of page.items) {
      const place = [ev.place_name, ev.admin1, ev.country_code].filter(Boolean).join(", ");
      const item = el(
        "li",
        { className: `event-item status-${ev.review_status}`, dataset: { eventId: ev.id }, tabindex: "0", role: "button" },
        el("span", { className: "ev-date" }, ev.date || "undated"),
        el("span", { className: "ev-type" }, ev.event_type.replace(/_/g, " ")),
        el("span", { className: "ev-place", dir: "auto" }, place || "unknown place"),
        el("span", { className: "ev-killed", title: "killed (best estimate)" }, `☠ ${fmtNumber(ev.killed.best ?? ev.killed.low)}`),
        ev.summary ? el("span", { className: "ev-summary", dir: "auto" }, ev.summary) : null,
      );
      item.addEventListener("click", () => this.onSelect(ev.id));
      item.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          this.onSelect(ev.id);
        }
      });
      this.container.append(item);
    }
    const last = Math.min(page.total, page.offset + page.items.length);
    clear(this.pager).append(
      el("button", { type: "button", disabled: page.offset === 0, onclick: () => this.onPage(Math.max(0, page.offset - page.limit)) }, "‹ Newer"),
      el("span", { className: "count" }, `${page.total ? page.offset + 1 : 0}–${last} of ${fmtNumber(page.total)}`),
      el("button", { type: "button", disabled: last >= page.total, onclick: () => this.onPage(page.offset + page.limit) }, "Older ›"),
    );
  }
}
