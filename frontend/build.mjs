// Builds the dashboard into src/emberwatch/web/static/dist (git-ignored): one JS bundle, one CSS
// bundle, the world-atlas basemap and Swagger UI's files. Everything is served by emberwatch itself.
import { build } from "esbuild";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "emberwatch", "web", "static", "dist");
const modules = join(here, "node_modules");

await rm(out, { recursive: true, force: true });
await mkdir(join(out, "swagger"), { recursive: true });

await build({
  entryPoints: { dashboard: join(here, "src", "main.js"), "swagger-init": join(here, "src", "swagger-init.js") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outdir: out,
  legalComments: "linked",
  logLevel: "warning",
});

await build({
  entryPoints: { dashboard: join(here, "src", "dashboard.css") },
  bundle: true,
  minify: true,
  outdir: out,
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "warning",
});

const copies = [
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["swagger-ui-dist/swagger-ui-bundle.js", "swagger/swagger-ui-bundle.js"],
  ["swagger-ui-dist/swagger-ui.css", "swagger/swagger-ui.css"],
  ["swagger-ui-dist/LICENSE", "swagger/LICENSE"],
  ["swagger-ui-dist/NOTICE", "swagger/NOTICE"],
  ["world-atlas/LICENSE", "world-atlas-LICENSE"],
];
for (const [from, to] of copies) {
  await copyFile(join(modules, from), join(out, to));
}
await writeFile(join(out, ".built"), new Date().toISOString() + "\n");
