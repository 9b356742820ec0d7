// Converts Natural Earth's 1:110m country boundaries, as the npm package world-atlas@2 carries them
// (countries-110m.json, TopoJSON, public domain), into data/map/countries-110m.json: one entry per country with its
// ISO 3166 alpha-3 code and its polygons in longitude/latitude, rounded to 0.1 degree (finer than the 1:110m data
// means at a world map's scale). Interlock draws the SVG world map and the GeoJSON of the latest risk from that file.
// Run once (dev-only tools, not dependencies of the app):
//   cd /tmp && npm pack world-atlas@2 topojson-client@3 && tar xzf world-atlas-*.tgz && mv package world-atlas \
//     && tar xzf topojson-client-*.tgz && mv package topojson-client
//   node scripts/map/build-boundaries.mjs /tmp/world-atlas/countries-110m.json /tmp/topojson-client > data/map/countries-110m.json
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [atlasFile, clientDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const topojson = require(path.resolve(clientDir, "dist/topojson-client.js"));
const topology = JSON.parse(readFileSync(atlasFile, "utf8"));

// ISO numeric (= UN M49) to alpha-3, from Interlock's own country table.
const here = path.dirname(new URL(import.meta.url).pathname);
const lines = readFileSync(path.join(here, "../../data/reference/countries.csv"), "utf8").trim().split("\n");
const header = lines[0].split(",");
const iso3Col = header.indexOf("iso3"), m49Col = header.indexOf("m49");
const byM49 = new Map(lines.slice(1).map(l => l.split(",")).map(f => [f[m49Col], f[iso3Col]]));
// Features without an ISO number in Natural Earth: Kosovo has its own code in Interlock; Somaliland and northern Cyprus
// are drawn as part of the UN member states whose territory they are (as UCDP and the UN count them).
const byName = new Map([["Kosovo", "XKX"], ["Somaliland", "SOM"], ["N. Cyprus", "CYP"]]);

const round = x => Math.round(x * 10) / 10;
const countries = [];
const unmatched = [];
for (const f of topojson.feature(topology, topology.objects.countries).features) {
  const iso3 = (f.id && byM49.get(f.id)) || byName.get(f.properties.name) || null;
  if (!iso3) unmatched.push(`${f.id ?? "-"} ${f.properties.name}`);
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rounded = polygons.map(p => p.map(ring => {
    const out = [];
    for (const [lon, lat] of ring) {
      const pt = [round(lon), round(lat)];
      const last = out[out.length - 1];
      if (!last || last[0] !== pt[0] || last[1] !== pt[1]) out.push(pt);
    }
    return out;
  }).filter(ring => ring.length >= 4));
  const same = iso3 && countries.find(c => c.iso3 === iso3);
  if (same) same.polygons.push(...rounded.filter(p => p.length > 0));
  else countries.push({ iso3, name: f.properties.name, polygons: rounded.filter(p => p.length > 0) });
}
countries.sort((a, b) => (a.iso3 ?? "~" + a.name).localeCompare(b.iso3 ?? "~" + b.name));
process.stderr.write(`${countries.length} features; without an Interlock country (drawn without a link): ${unmatched.join("; ")}\n`);
process.stdout.write(JSON.stringify({
  source: "Natural Earth 1:110m Admin 0 countries (public domain), via the npm package world-atlas@2.0.2 (ISC), countries-110m.json",
  countries,
}) + "\n");
