#!/usr/bin/env node
// Builds data/reference/countries.csv from the npm package world-countries (5.1.0, ODbL-1.0)
// and the hand-maintained country-overrides.csv beside this script.
//
//   mkdir -p /tmp/wc && cd /tmp/wc && npm install world-countries@5.1.0
//   node scripts/reference-data/build-countries.mjs /tmp/wc/node_modules/world-countries/countries.json
//
// The package supplies iso2 (cca2), m49 (ccn3) and the land borders; the overrides supply the
// Gleditsch-Ward code, the UN M49 sub-region and intermediate region, UN status, the UN short
// names in English and French, and neighbour fixes. Region names are the M49 names below.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv, toCsv } from './csv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const pkgPath = process.argv[2];
if (!pkgPath) { console.error('usage: build-countries.mjs <path to world-countries/countries.json>'); process.exit(2); }

// UN M49 geoscheme (code -> English, French, parent). French names: UNSD M49 French table.
const M49 = {
  '002': ['Africa', 'Afrique', null], '019': ['Americas', 'Amériques', null], '142': ['Asia', 'Asie', null],
  '150': ['Europe', 'Europe', null], '009': ['Oceania', 'Océanie', null],
  '015': ['Northern Africa', 'Afrique septentrionale', '002'], '202': ['Sub-Saharan Africa', 'Afrique subsaharienne', '002'],
  '419': ['Latin America and the Caribbean', 'Amérique latine et Caraïbes', '019'], '021': ['Northern America', 'Amérique septentrionale', '019'],
  '143': ['Central Asia', 'Asie centrale', '142'], '030': ['Eastern Asia', 'Asie orientale', '142'],
  '035': ['South-eastern Asia', 'Asie du Sud-Est', '142'], '034': ['Southern Asia', 'Asie méridionale', '142'],
  '145': ['Western Asia', 'Asie occidentale', '142'],
  '151': ['Eastern Europe', 'Europe orientale', '150'], '154': ['Northern Europe', 'Europe septentrionale', '150'],
  '039': ['Southern Europe', 'Europe méridionale', '150'], '155': ['Western Europe', 'Europe occidentale', '150'],
  '053': ['Australia and New Zealand', 'Australie et Nouvelle-Zélande', '009'], '054': ['Melanesia', 'Mélanésie', '009'],
  '057': ['Micronesia', 'Micronésie', '009'], '061': ['Polynesia', 'Polynésie', '009'],
  '014': ['Eastern Africa', 'Afrique orientale', '202'], '017': ['Middle Africa', 'Afrique centrale', '202'],
  '018': ['Southern Africa', 'Afrique australe', '202'], '011': ['Western Africa', 'Afrique occidentale', '202'],
  '029': ['Caribbean', 'Caraïbes', '419'], '013': ['Central America', 'Amérique centrale', '419'],
  '005': ['South America', 'Amérique du Sud', '419'],
};
// Sub-regions that M49 divides into intermediate regions.
const HAS_INTERMEDIATE = new Set(['202', '419']);

const HEADER = ['iso3', 'iso2', 'm49', 'gw_code', 'name_en', 'name_fr', 'region_code', 'region_en', 'region_fr',
  'subregion_code', 'subregion_en', 'subregion_fr', 'intermediate_code', 'intermediate_en', 'intermediate_fr', 'un_status', 'neighbours'];

const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
const byCca3 = new Map(pkg.map(c => [c.cca3, c]));
const overrides = readCsv(join(here, 'country-overrides.csv'),
  ['iso3', 'wc_cca3', 'gw_code', 'subregion_code', 'intermediate_code', 'un_status', 'name_en', 'name_fr', 'neighbours_add', 'neighbours_drop', 'note']);

const errors = [];
const warnings = [];
const ourCodes = new Set(overrides.map(o => o.iso3));
const pkgToOurs = new Map(overrides.map(o => [o.wc_cca3 || o.iso3, o.iso3]));
const split = s => (s ? s.trim().split(/\s+/) : []);

const rows = [];
for (const o of overrides) {
  const src = byCca3.get(o.wc_cca3 || o.iso3);
  if (!src) { errors.push(`${o.iso3}: not found in world-countries`); continue; }
  const sub = M49[o.subregion_code];
  if (!sub || !sub[2]) { errors.push(`${o.iso3}: unknown M49 sub-region ${o.subregion_code}`); continue; }
  const region = M49[sub[2]];
  let inter = ['', '', ''];
  if (HAS_INTERMEDIATE.has(o.subregion_code)) {
    const it = M49[o.intermediate_code];
    if (!it || it[2] !== o.subregion_code) { errors.push(`${o.iso3}: intermediate ${o.intermediate_code} is not under ${o.subregion_code}`); continue; }
    inter = [o.intermediate_code, it[0], it[1]];
  } else if (o.intermediate_code) {
    errors.push(`${o.iso3}: sub-region ${o.subregion_code} has no intermediate regions`);
  }
  // Package facts that the overrides correct, reported so that each correction is seen.
  if (o.un_status === 'member' && !src.unMember) warnings.push(`${o.iso3}: package says not a UN member; overrides say member`);
  if (o.un_status !== 'member' && src.unMember) warnings.push(`${o.iso3}: package says unMember=true; overrides say ${o.un_status}`);
  const pkgSub = src.subregion;
  const ourName = (inter[1] || sub[0]);
  if (pkgSub && pkgSub.toLowerCase().replace(/[^a-z]/g, '') !== ourName.toLowerCase().replace(/[^a-z]/g, '')
      && !(pkgSub === 'North America' && o.subregion_code === '021')) {
    warnings.push(`${o.iso3}: package sub-region "${pkgSub}" -> M49 "${ourName}"`);
  }
  const pkgFr = src.translations?.fra?.common;
  if (pkgFr && pkgFr !== o.name_fr) warnings.push(`${o.iso3}: French name "${pkgFr}" -> "${o.name_fr}"`);

  const drop = new Set(split(o.neighbours_drop));
  const nb = new Set();
  for (const b of src.borders || []) {
    const mapped = pkgToOurs.get(b);
    if (mapped) { if (!drop.has(mapped)) nb.add(mapped); continue; }
    if (!drop.has(b)) errors.push(`${o.iso3}: package border ${b} is not a row; list it in neighbours_drop with a reason`);
  }
  for (const a of split(o.neighbours_add)) {
    if (!ourCodes.has(a)) errors.push(`${o.iso3}: neighbours_add ${a} is not a row`);
    nb.add(a);
  }
  const m49 = o.iso3 === 'XKX' ? '' : src.ccn3;
  rows.push({
    iso3: o.iso3, iso2: src.cca2, m49, gw_code: o.gw_code, name_en: o.name_en, name_fr: o.name_fr,
    region_code: sub[2], region_en: region[0], region_fr: region[1],
    subregion_code: o.subregion_code, subregion_en: sub[0], subregion_fr: sub[1],
    intermediate_code: inter[0], intermediate_en: inter[1], intermediate_fr: inter[2],
    un_status: o.un_status, neighbours: [...nb].sort().join(' '),
  });
}

// Invariants.
const uniq = (key, allowEmpty) => {
  const seen = new Map();
  for (const r of rows) {
    const v = r[key];
    if (!v) { if (!allowEmpty) errors.push(`${r.iso3}: empty ${key}`); continue; }
    if (seen.has(v)) errors.push(`${key} ${v} used by ${seen.get(v)} and ${r.iso3}`);
    seen.set(v, r.iso3);
  }
};
uniq('iso3'); uniq('iso2'); uniq('m49', true); uniq('gw_code', true);
const byIso = new Map(rows.map(r => [r.iso3, r]));
for (const r of rows) {
  for (const n of split(r.neighbours)) {
    if (n === r.iso3) errors.push(`${r.iso3}: lists itself as neighbour`);
    const other = byIso.get(n);
    if (!other || !split(other.neighbours).includes(r.iso3)) errors.push(`neighbours not symmetric: ${r.iso3} lists ${n}, not the reverse`);
  }
}
const counts = rows.reduce((a, r) => (a[r.un_status] = (a[r.un_status] || 0) + 1, a), {});
if (rows.length !== 197 || counts.member !== 193 || counts.observer !== 2 || counts.other !== 2) {
  errors.push(`expected 197 rows (193 member, 2 observer, 2 other), got ${rows.length} ${JSON.stringify(counts)}`);
}

for (const w of warnings) console.log(`corrected: ${w}`);
if (errors.length) { for (const e of errors) console.error(`ERROR ${e}`); process.exit(1); }
rows.sort((a, b) => a.iso3.localeCompare(b.iso3));
const out = join(repo, 'data', 'reference', 'countries.csv');
writeFileSync(out, toCsv(HEADER, rows));
console.log(`wrote ${out}: ${rows.length} rows ${JSON.stringify(counts)}`);
