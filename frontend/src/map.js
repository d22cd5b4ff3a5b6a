// The map: a basemap drawn from world-atlas country boundaries (no tile server) and the filtered
// events as clustered points.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { el } from "./dom.js";

export const TYPE_COLORS = [
  "#c0392b", "#d35400", "#8e44ad", "#2c3e50", "#16a085", "#7f8c8d", "#b7950b", "#1f618d", "#6c3483", "#117a65",
];

export function colorFor(type, types) {
  const i = Math.max(0, types.indexOf(type));
  return TYPE_COLORS[i % TYPE_COLORS.length];
}

export class EventMap {
  constructor(container, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomSnap: 0.5, preferCanvas: false });
    this.map.setView([34.5, 40.5], 5);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Boundaries: Natural Earth via world-atlas");
    this.clusters = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50 });
    this.map.addLayer(this.clusters);
    this.types = [];
  }

  async loadBasemap(url) {
    const response = await fetch(url);
    const topology = await response.json();
    const countries = feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#9a9486", weight: 0.8, fillColor: "#ebe7dd", fillOpacity: 1 },
    }).addTo(this.map);
    this.clusters.bringToFront?.();
  }

  bounds() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    return [
      clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
      clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90),
    ].map((v) => v.toFixed(4)).join(",");
  }

  show(points, types) {
    this.types = types;
    this.clusters.clearLayers();
    const markers = points.map(([id, lat, lon, type, date, killed]) => {
      const icon = L.divIcon({ className: `ev-dot ev-c${Math.max(0, types.indexOf(type)) % TYPE_COLORS.length}`, iconSize: [12, 12] });
      const marker = L.marker([lat, lon], { icon, title: `${type} ${date || ""}`, keyboard: true });
      marker.on("click", () => this.onSelect(id));
      marker.bindTooltip(() => el("span", {}, `${type.replace(/_/g, " ")} · ${date || "undated"} · killed ${killed}`));
      return marker;
    });
    this.clusters.addLayers(markers);
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
