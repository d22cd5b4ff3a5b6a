// leaflet.markercluster is a UMD plugin that expects a global `L`: define it before it loads.
import L from "leaflet";

window.L = L;
export default L;
