// The filter bar: one state object that drives the map, the timeline, the list and the panels.
import { $, clear, el } from "./dom.js";

const FIELDS = ["start", "end", "country", "actor", "event_type", "mechanism", "language", "q"];

export class Filters {
  constructor(form, onChange) {
    this.form = form;
    this.onChange = onChange;
    this.bbox = null;
    form.addEventListener("change", () => this.changed());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.changed();
    });
    $("#f-reset").addEventListener("click", () => {
      form.reset();
      this.bbox = null;
      $("#use-map-area").textContent = "Filter to map area";
      this.changed();
    });
  }

  changed() {
    this.onChange(this.params());
  }

  values() {
    const values = {};
    for (const name of FIELDS) {
      const input = this.form.elements.namedItem(name);
      if (input && input.value.trim()) values[name] = input.value.trim();
    }
    if (this.bbox) values.bbox = this.bbox;
    return values;
  }

  params(extra = {}) {
    const params = new URLSearchParams({ ...this.values(), ...extra });
    return params;
  }

  set(name, value) {
    const input = this.form.elements.namedItem(name);
    if (input) input.value = value;
  }

  setBbox(bbox) {
    this.bbox = bbox;
    this.changed();
  }

  fillSelect(name, options, current) {
    const select = this.form.elements.namedItem(name);
    const keep = current ?? select.value;
    const first = select.options[0];
    clear(select);
    select.append(first);
    for (const { value, label } of options) select.append(el("option", { value }, label));
    select.value = options.some((o) => o.value === keep) ? keep : "";
  }
}
