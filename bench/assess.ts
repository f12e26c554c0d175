/**
 * Judging one machine offline, as `estatewatch assess` does after start-up: the
 * largest report of the real-capture corpus (test/fixtures/real), its names
 * cleaned, resolved to titles and judged against every shipped rule, against a
 * floor of reading and validating the same report. Also the rules' load (once,
 * at start-up) and the worst case per item: names no title recognises, which
 * are tried against every pattern.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkReport, type Report } from '../src/contract/report.js';
import { assessReport } from '../src/lifecycle/assess-report.js';
import { loadLifecycleRules } from '../src/rules/load-lifecycle-rules.js';
import { fmt, record, verdict } from './measure.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OPTS = { asOf: '2026-12-06', windowDays: 180 };
const ROUNDS = 50;

function largestCorpusReport(): { file: string; text: string } {
  const corpus = path.join(ROOT, 'test', 'fixtures', 'real');
  const files = fs.readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('report.json')).map((f) => path.join(corpus, f));
  const sized = files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
  return sized.sort((a, b) => b.text.length - a.text.length)[0] as { file: string; text: string };
}

const parse = (text: string): Report => {
  const checked = checkReport(JSON.parse(text));
  if (!checked.ok) throw new Error('corpus report is invalid');
  return checked.report;
};

function perRound(fn: () => void): number {
  fn();
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i++) fn();
  return (performance.now() - started) / ROUNDS;
}

export function benchAssess(): void {
  const load = performance.now();
  const rules = loadLifecycleRules(path.join(ROOT, 'rules', 'lifecycle'));
  record({ measure: `lifecycle rules loaded and compiled (${rules.rules.length} rules, ${rules.titles.length} titles; once, at start-up)`, value: `${fmt(performance.now() - load)} ms` });
  const { file, text } = largestCorpusReport();
  const report = parse(text);
  const items = report.software.length + 1;
  const ms = perRound(() => assessReport(parse(text), rules, OPTS));
  const floor = perRound(() => parse(text));
  record({
    measure: `assess one real report after start-up (${path.relative(ROOT, path.dirname(file))}, ${fmt(items)} items)`,
    value: `${fmt(ms, 1)} ms`, floor: `${fmt(floor, 1)} ms (read and validate it)`, ratio: `${fmt(ms / floor, 1)}×`, target: '< 100 ms for 400 items', verdict: verdict((ms * 400) / items < 100),
  });
  const unrecognised = { ...report, software: report.software.map((s, i) => ({ ...s, name: `Unheard-of Clinical App ${i}`, vendor: 'Nobody Ltd' })) };
  const worst = perRound(() => assessReport(unrecognised, rules, OPTS));
  record({ measure: `the same report with every name unrecognised (each tried against every pattern)`, value: `${fmt((worst * 1000) / items, 1)} µs an item` });
}
