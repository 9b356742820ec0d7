#!/usr/bin/env node
// Validates data/reference/{countries,organizations,memberships}.csv.
//   node scripts/reference-data/validate.mjs
// Exits non-zero on any error; prints per-organization counts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, readCsv, toCsv } from './csv.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dir = join(here, '..', '..', 'data', 'reference');
const errors = [];
const warnings = [];
const err = m => errors.push(m);

const COUNTRY_HEADER = ['iso3', 'iso2', 'm49', 'gw_code', 'name_en', 'name_fr', 'region_code', 'region_en', 'region_fr',
  'subregion_code', 'subregion_en', 'subregion_fr', 'intermediate_code', 'intermediate_en', 'intermediate_fr', 'un_status', 'neighbours'];
const ORG_HEADER = ['code', 'name_en', 'name_fr', 'kind', 'chapter_viii', 'hq_iso3', 'established', 'dissolved', 'predecessor_code', 'parent_code', 'seed_refs'];
const MEMBER_HEADER = ['org_code', 'iso3', 'joined', 'left', 'note'];
const KINDS = new Set(['UnitedNations', 'UnPrincipalOrgan', 'SecretariatDepartment', 'AgencyFundProgramme', 'RegionalCommission',
  'RegionalArrangement', 'SubregionalOrganization', 'OtherIntergovernmental']);
// Organizations whose member states are deliberately not modelled yet (see data/SOURCES.md).
const MEMBERSHIPS_NOT_MODELLED = new Set(['INTERPOL', 'OPCW']);
// Current (open-ended) membership counts of UN members/observers, as published by each organization.
const EXPECTED_CURRENT = { UN: 193, AU: 54, EU: 27, OSCE: 57, OAS: 33, LAS: 22, ECOWAS: 12, ECCAS: 11, SADC: 16, IGAD: 8,
  ASEAN: 11, CARICOM: 14, CIS: 10, CSTO: 6, SCO: 10, OIC: 57, CW: 56, COE: 46, NATO: 32, PIF: 14, OIF: 51, CPLP: 9, ECO: 10 };

// File format: UTF-8 without BOM, LF, quoting only where needed (re-serialising gives the same bytes).
function checkFormat(name, header) {
  const path = join(dir, name);
  const buf = readFileSync(path);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) err(`${name}: has a BOM`);
  const text = buf.toString('utf8');
  if (Buffer.from(text, 'utf8').compare(buf) !== 0) err(`${name}: not valid UTF-8`);
  if (text.includes('\r')) err(`${name}: contains CR`);
  if (!text.endsWith('\n')) err(`${name}: no final LF`);
  const records = readCsv(path, header);
  const again = toCsv(header, records);
  if (again !== text) err(`${name}: quoting or spacing differs from minimal RFC 4180 output`);
  for (const r of records) for (const [k, v] of Object.entries(r)) if (v !== v.trim()) err(`${name}: ${JSON.stringify(r).slice(0, 60)} field ${k} has surrounding spaces`);
  return records;
}

// Dates: YYYY or YYYY-MM-DD (a real calendar day). Returns [earliest, latest] ISO days, or null.
function dateRange(s) {
  if (/^\d{4}$/.test(s)) return [`${s}-01-01`, `${s}-12-31`];
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`);
    if (!Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s) return [s, s];
  }
  return null;
}
const today = new Date().toISOString().slice(0, 10);

// ---- countries ----
const countries = checkFormat('countries.csv', COUNTRY_HEADER);
const byIso = new Map();
const uniq = {};
for (const c of countries) {
  const id = c.iso3;
  if (!/^[A-Z]{3}$/.test(c.iso3)) err(`countries ${id}: bad iso3`);
  if (!/^[A-Z]{2}$/.test(c.iso2)) err(`countries ${id}: bad iso2`);
  if (c.m49 && !/^\d{3}$/.test(c.m49)) err(`countries ${id}: m49 must be 3 digits`);
  if (c.gw_code && !/^[1-9]\d{0,2}$/.test(c.gw_code)) err(`countries ${id}: bad gw_code`);
  if (!['member', 'observer', 'other'].includes(c.un_status)) err(`countries ${id}: bad un_status`);
  if (!c.name_en || !c.name_fr) err(`countries ${id}: missing name`);
  for (const k of ['region_code', 'subregion_code']) if (!/^\d{3}$/.test(c[k])) err(`countries ${id}: bad ${k}`);
  if (c.intermediate_code && !/^\d{3}$/.test(c.intermediate_code)) err(`countries ${id}: bad intermediate_code`);
  if ((c.subregion_code === '202' || c.subregion_code === '419') !== Boolean(c.intermediate_code)) err(`countries ${id}: intermediate region presence does not match sub-region`);
  for (const k of ['iso3', 'iso2', 'm49', 'gw_code']) {
    if (!c[k]) continue;
    uniq[k] ??= new Map();
    if (uniq[k].has(c[k])) err(`countries: ${k} ${c[k]} used by ${uniq[k].get(c[k])} and ${id}`);
    uniq[k].set(c[k], id);
  }
  byIso.set(id, c);
}
// The same code always carries the same name.
for (const level of ['region', 'subregion', 'intermediate']) {
  const seen = new Map();
  for (const c of countries) {
    const code = c[`${level}_code`]; if (!code) continue;
    const names = `${c[`${level}_en`]}|${c[`${level}_fr`]}`;
    if (seen.has(code) && seen.get(code) !== names) err(`countries: ${level} ${code} has two names`);
    seen.set(code, names);
  }
}
for (const c of countries) {
  const nb = c.neighbours ? c.neighbours.split(' ') : [];
  if (nb.join(' ') !== [...nb].sort().join(' ')) err(`countries ${c.iso3}: neighbours not sorted`);
  for (const n of nb) {
    const o = byIso.get(n);
    if (!o) err(`countries ${c.iso3}: neighbour ${n} not in countries.csv`);
    else if (!o.neighbours.split(' ').includes(c.iso3)) err(`countries: ${c.iso3} lists ${n} but ${n} does not list ${c.iso3}`);
    if (n === c.iso3) err(`countries ${c.iso3}: lists itself`);
  }
}
const statusCount = countries.reduce((a, c) => (a[c.un_status] = (a[c.un_status] || 0) + 1, a), {});
if (countries.length !== 197 || statusCount.member !== 193 || statusCount.observer !== 2 || statusCount.other !== 2) {
  err(`countries: expected 197 rows (193 member, 2 observer, 2 other), got ${countries.length} ${JSON.stringify(statusCount)}`);
}

// ---- organizations ----
const orgs = checkFormat('organizations.csv', ORG_HEADER);
const byCode = new Map();
for (const o of orgs) {
  const id = o.code;
  if (!/^[A-Z0-9]+(-[A-Z0-9]+)*$/.test(id)) err(`organizations ${id}: code must be Latin capitals/digits joined by hyphens`);
  if (byCode.has(id)) err(`organizations: duplicate code ${id}`);
  byCode.set(id, o);
  if (!o.name_en || !o.name_fr) err(`organizations ${id}: missing name`);
  if (!KINDS.has(o.kind)) err(`organizations ${id}: kind ${o.kind} not allowed`);
  if (!['true', 'false'].includes(o.chapter_viii)) err(`organizations ${id}: chapter_viii must be true or false`);
  if (o.chapter_viii === 'true' && !['RegionalArrangement', 'SubregionalOrganization'].includes(o.kind)) err(`organizations ${id}: chapter_viii true needs a regional or subregional kind`);
  if (o.hq_iso3 && !byIso.has(o.hq_iso3)) err(`organizations ${id}: hq_iso3 ${o.hq_iso3} not in countries.csv`);
  if (!o.hq_iso3 && id !== 'EU-PRESIDENCY') err(`organizations ${id}: hq_iso3 empty`);
  for (const k of ['established', 'dissolved']) if (o[k] && !dateRange(o[k])) err(`organizations ${id}: ${k} "${o[k]}" is not YYYY or YYYY-MM-DD`);
  if (!o.established && id !== 'USG-SA') err(`organizations ${id}: established empty`);
  if (o.established && o.dissolved && dateRange(o.established)?.[0] > dateRange(o.dissolved)?.[1]) err(`organizations ${id}: dissolved before established`);
}
for (const o of orgs) {
  for (const k of ['predecessor_code', 'parent_code']) {
    if (o[k] && !byCode.has(o[k])) err(`organizations ${o.code}: ${k} ${o[k]} does not exist`);
    if (o[k] === o.code) err(`organizations ${o.code}: ${k} is itself`);
  }
  if (o.predecessor_code && byCode.get(o.predecessor_code) && !byCode.get(o.predecessor_code).dissolved) err(`organizations ${o.code}: predecessor ${o.predecessor_code} has no dissolved date`);
  // no parent cycles
  const seen = new Set([o.code]); let p = o.parent_code;
  while (p) { if (seen.has(p)) { err(`organizations ${o.code}: parent cycle`); break; } seen.add(p); p = byCode.get(p)?.parent_code; }
}

// ---- memberships ----
const members = checkFormat('memberships.csv', MEMBER_HEADER);
const periods = new Map();
for (const [i, m] of members.entries()) {
  const id = `memberships line ${i + 2} (${m.org_code},${m.iso3})`;
  const org = byCode.get(m.org_code);
  if (!org) { err(`${id}: org_code not in organizations.csv`); continue; }
  if (!byIso.has(m.iso3)) err(`${id}: iso3 not in countries.csv`);
  if (org.parent_code) err(`${id}: memberships belong to the organization, not to its part ${m.org_code}`);
  const j = m.joined ? dateRange(m.joined) : null;
  const l = m.left ? dateRange(m.left) : null;
  if (m.joined && !j) err(`${id}: joined "${m.joined}" is not YYYY or YYYY-MM-DD`);
  if (!m.joined && !/join date not verified/.test(m.note)) err(`${id}: joined empty without the note "join date not verified"`);
  if (m.left && !l) err(`${id}: left "${m.left}" is not YYYY or YYYY-MM-DD`);
  if (j && l && j[0] > l[1]) err(`${id}: left before joined`);
  if (j && j[0] > today) err(`${id}: joined in the future`);
  if (org.dissolved) {
    const d = dateRange(org.dissolved);
    if (!l) err(`${id}: organization dissolved ${org.dissolved} but membership has no left date`);
    else if (d && l[0] > d[1]) err(`${id}: left after the organization was dissolved`);
  }
  // A renamed organization keeps its members' original dates: compare with the first predecessor's establishment.
  let first = org; while (first.predecessor_code && byCode.get(first.predecessor_code)) first = byCode.get(first.predecessor_code);
  if (j && first.established && j[1] < dateRange(first.established)[0] && !m.note) {
    warnings.push(`${id}: joined ${m.joined} before the organization's established date ${first.established} without a note`);
  }
  const key = `${m.org_code}|${m.iso3}`;
  if (!periods.has(key)) periods.set(key, []);
  periods.get(key).push({ j: j ?? ['0000-01-01', '0000-01-01'], l, id });
}
for (const [key, ps] of periods) {
  ps.sort((a, b) => a.j[0].localeCompare(b.j[0]));
  for (let k = 1; k < ps.length; k++) {
    const prev = ps[k - 1], next = ps[k];
    if (!prev.l) err(`${next.id}: overlaps an open-ended period of ${key}`);
    else if (next.j[0] <= prev.l[1]) err(`${next.id}: overlaps the period ending ${prev.l[1]} of ${key}`);
  }
}

// Coverage and counts.
const MEMBERSHIP_KINDS = new Set(['UnitedNations', 'RegionalArrangement', 'SubregionalOrganization', 'OtherIntergovernmental']);
const stats = new Map();
for (const m of members) {
  const s = stats.get(m.org_code) ?? { rows: 0, current: 0, states: new Set() };
  s.rows++; s.states.add(m.iso3); if (!m.left) s.current++;
  stats.set(m.org_code, s);
}
for (const o of orgs) {
  if (!MEMBERSHIP_KINDS.has(o.kind) || o.parent_code) continue;
  if (!stats.has(o.code) && !MEMBERSHIPS_NOT_MODELLED.has(o.code)) err(`memberships: none for membership organization ${o.code}`);
  if (MEMBERSHIPS_NOT_MODELLED.has(o.code)) warnings.push(`memberships: ${o.code} member states not modelled (see SOURCES.md)`);
}
for (const [code, n] of Object.entries(EXPECTED_CURRENT)) {
  const got = stats.get(code)?.current ?? 0;
  if (got !== n) err(`memberships: ${code} has ${got} current members, expected ${n}`);
}
const unCurrent = new Set(members.filter(m => m.org_code === 'UN' && !m.left).map(m => m.iso3));
for (const c of countries) if ((c.un_status === 'member') !== unCurrent.has(c.iso3)) err(`countries ${c.iso3}: un_status ${c.un_status} disagrees with UN memberships`);

// ---- report ----
console.log(`countries.csv: ${countries.length} rows ${JSON.stringify(statusCount)}; ${countries.filter(c => c.gw_code).length} with gw_code; ` +
  `${countries.reduce((a, c) => a + (c.neighbours ? c.neighbours.split(' ').length : 0), 0) / 2} land-neighbour pairs`);
const kinds = orgs.reduce((a, o) => (a[o.kind] = (a[o.kind] || 0) + 1, a), {});
console.log(`organizations.csv: ${orgs.length} rows ${JSON.stringify(kinds)}; chapter_viii true: ${orgs.filter(o => o.chapter_viii === 'true').length}`);
console.log(`memberships.csv: ${members.length} rows`);
console.log('org_code      rows  states  current');
for (const [code, s] of [...stats].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`${code.padEnd(12)} ${String(s.rows).padStart(5)} ${String(s.states.size).padStart(7)} ${String(s.current).padStart(8)}`);
}
for (const w of warnings) console.log(`warning: ${w}`);
if (errors.length) {
  for (const e of errors) console.error(`ERROR ${e}`);
  console.error(`${errors.length} error(s)`);
  process.exit(1);
}
console.log('OK: all checks passed');
