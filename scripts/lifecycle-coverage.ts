/**
 * `npm run coverage`: how much of each real captured machine (test/fixtures/real)
 * the shipped rules judge, explain or leave unrecognised, and every expected
 * verdict missed. `--write` also rewrites the table in docs/lifecycle-coverage.md.
 *
 * Usage: tsx scripts/lifecycle-coverage.ts [--write] [--unrecognised N]
 *   --unrecognised N   list the N names left unrecognised most often (default 0)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { COUNTS_AS_SUPPORTED } from '../src/lifecycle/verdict.js';
import { loadLifecycleRules } from '../src/rules/load-lifecycle-rules.js';
import { withWindowsUpdates } from '../src/rules/with-windows-updates.js';
import { judgeMachine, readCorpus, type MachineCoverage } from './lifecycle/real-corpus.js';

/** Targets from issue 18: at most 5 % unrecognised; every expected verdict right. */
const UNRECOGNISED_TARGET = 0.05;

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);

function row(c: Pick<MachineCoverage, 'items' | 'judged' | 'explained' | 'unrecognised' | 'followsParent'>, label: string, os: string, missed: number): string {
  return `| ${label} | ${os} | ${c.items} | ${c.judged} (${pct(c.judged, c.items)}) | ${c.followsParent} | ${c.explained} | ${c.unrecognised} (${pct(c.unrecognised, c.items)}) | ${missed} |`;
}

function table(results: readonly MachineCoverage[]): string {
  const header = ['| machine | OS | items | judged | of them through a parent | unknown, explained | unrecognised | expected verdicts missed |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  const lines = results.map((r) => row(r, `${r.platform}/${r.id}`, r.os, r.expectations.filter((e) => !e.ok).length));
  for (const platform of [...new Set(results.map((r) => r.platform))]) lines.push(row(total(results.filter((r) => r.platform === platform)), `**all ${platform}**`, '', missedIn(results.filter((r) => r.platform === platform))));
  lines.push(row(total(results), '**all**', '', missedIn(results)));
  return [...header, ...lines].join('\n');
}

const missedIn = (rs: readonly MachineCoverage[]): number => rs.reduce((n, r) => n + r.expectations.filter((e) => !e.ok).length, 0);

function total(rs: readonly MachineCoverage[]) {
  const sum = (k: 'items' | 'judged' | 'explained' | 'unrecognised' | 'followsParent') => rs.reduce((n, r) => n + r[k], 0);
  return { items: sum('items'), judged: sum('judged'), explained: sum('explained'), unrecognised: sum('unrecognised'), followsParent: sum('followsParent') };
}

function topUnrecognised(results: readonly MachineCoverage[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const r of results) for (const i of r.assessed) if (i.unknownReason === 'unrecognised') counts.set(`${r.platform}: ${i.name}`, (counts.get(`${r.platform}: ${i.name}`) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([name, c]) => `  ${c}× ${name}`);
}

/**
 * Patch currency on each machine's own day (expected.yaml asOf): the OS and every item judged
 * on its own (distribution packages follow their OS and have none), all of them and the supported ones.
 */
function patchLines(results: readonly MachineCoverage[]): string[] {
  const own = results.flatMap((r) => r.assessed.filter((i) => i.follows === null));
  const line = (label: string, items: typeof own) => {
    const n = (state: string | null) => items.filter((i) => (i.patch?.state ?? null) === state).length;
    return `${label}: ${items.length} items, current ${n('current')}, behind ${n('behind')}, cannot tell ${n(null)}`;
  };
  const windows = results.filter((r) => r.platform === 'windows').map((r) => r.assessed[0]!);
  return [
    line('patch currency (OS and software judged on its own)', own),
    line('  of them supported (supported or ending soon)', own.filter((i) => COUNTS_AS_SUPPORTED.includes(i.status))),
    line('  Windows OS by cumulative update', windows),
  ];
}

function main(): number {
  const { values } = parseArgs({ options: { write: { type: 'boolean' }, unrecognised: { type: 'string' } } });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const rules = withWindowsUpdates(loadLifecycleRules(join(root, 'rules', 'lifecycle')), join(root, 'rules'));
  const results = readCorpus(join(root, 'test', 'fixtures', 'real')).map((m) => judgeMachine(m, rules));
  const text = table(results);
  process.stdout.write(`${text}\n\n`);
  const all = total(results);
  const missed = results.flatMap((r) => r.expectations.filter((e) => !e.ok).map((e) => `  ${r.platform}/${r.id}: ${e.item} ${e.version}: want ${e.byDesign ? 'unrecognised (by design)' : e.want.join(' or ')}, got ${e.got} (${e.reason})`));
  const byDesign = results.reduce((n, r) => n + r.expectations.filter((e) => e.byDesign && e.ok).length, 0);
  process.stdout.write(`unrecognised: ${pct(all.unrecognised, all.items)} of ${all.items} items (target at most ${UNRECOGNISED_TARGET * 100} %)\n`);
  const right = results.reduce((n, r) => n + r.expectations.length, 0) - missed.length - byDesign;
  process.stdout.write(`expected verdicts: ${right} right, ${byDesign} left unrecognised by design (ambiguous names), ${missed.length} missed\n${missed.join('\n')}\n`);
  process.stdout.write(`${patchLines(results).join('\n')}\n`);
  const n = Number(values.unrecognised ?? 0);
  if (n > 0) process.stdout.write(`most often unrecognised:\n${topUnrecognised(results, n).join('\n')}\n`);
  if (values.write) writeDoc(join(root, 'docs', 'lifecycle-coverage.md'), text);
  return missed.length === 0 && all.unrecognised <= UNRECOGNISED_TARGET * all.items ? 0 : 1;
}

const START = '<!-- coverage:start -->';
const END = '<!-- coverage:end -->';

function writeDoc(file: string, text: string): void {
  const doc = readFileSync(file, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < 0) throw new Error(`${file} has no ${START} … ${END} section`);
  writeFileSync(file, `${doc.slice(0, a)}${START}\n${text}\n${doc.slice(b)}`);
}

process.exitCode = main();
