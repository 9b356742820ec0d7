// Converts Natural Earth's 1:110m country boundaries, as the npm package world-atlas@2 carries them
// (countries-110m.json, TopoJSON, public domain), into data/map/countries-110m.json: one entry per country with its
// ISO 3166 alpha-3 code and its polygons in longitude/latitude, rounded to 0.1 degree (finer than the 1:110m data
// means at a world map's scale). Interlock draws the SVG world map and the GeoJSON of the latest risk from that file.
// States too small for the 1:110m data (Cabo Verde, Bahrain, Singapore, the island states...) are taken from the 1:50m
// file (then the 1:10m one, for Tuvalu) as one point each, the centre of their largest polygon, so the map can still draw and link them.
// Run once (dev-only tools, not dependencies of the app):
//   cd /tmp && npm pack world-atlas@2 topojson-client@3 && tar xzf world-atlas-*.tgz && mv package world-atlas \
//     && tar xzf topojson-client-*.tgz && mv package topojson-client
//   node scripts/map/build-boundaries.mjs /tmp/world-atlas/countries-110m.json /tmp/topojson-client \
//     /tmp/world-atlas/countries-50m.json /tmp/world-atlas/countries-10m.json > data/map/countries-110m.json
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [atlasFile, clientDir, ...finerFiles] = process.argv.slice(2);
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
// Small states: one point at the area-weighted centre of the largest polygon of the 1:50m data.
const allIso3 = new Set(byM49.values());
const drawn = new Set(countries.map(c => c.iso3));
const ringArea = ring => ring.reduce((s, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; return s + x * y2 - x2 * y; }, 0) / 2;
const ringCentre = ring => {
  const a = ringArea(ring);
  if (Math.abs(a) < 1e-12) return ring[0];
  let cx = 0, cy = 0;
  ring.forEach(([x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]; const f = x * y2 - x2 * y; cx += (x + x2) * f; cy += (y + y2) * f; });
  return [cx / (6 * a), cy / (6 * a)];
};
const points = [];
const finer = finerFiles.map(file => JSON.parse(readFileSync(file, "utf8")));
for (const f of finer.flatMap(t => topojson.feature(t, t.objects.countries).features)) {
  const iso3 = f.id && byM49.get(f.id);
  if (!iso3 || drawn.has(iso3) || !allIso3.has(iso3) || points.some(p => p.iso3 === iso3)) continue;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const largest = polygons.map(p => p[0]).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  const [lon, lat] = ringCentre(largest);
  points.push({ iso3, name: f.properties.name, polygons: [], point: [Math.round(lon * 100) / 100, Math.round(lat * 100) / 100] });
}
countries.push(...points);
process.stderr.write(`${points.length} small states added as points: ${points.map(p => p.iso3).join(" ")}\n`);
countries.sort((a, b) => (a.iso3 ?? "~" + a.name).localeCompare(b.iso3 ?? "~" + b.name));
process.stderr.write(`${countries.length} features; without an Interlock country (drawn without a link): ${unmatched.join("; ")}\n`);
process.stdout.write(JSON.stringify({
  source: "Natural Earth 1:110m Admin 0 countries (public domain), via the npm package world-atlas@2.0.2 (ISC), countries-110m.json; " +
    "states missing at that scale as one point each from countries-50m.json (Tuvalu from countries-10m.json)",
  countries,
}) + "\n");
