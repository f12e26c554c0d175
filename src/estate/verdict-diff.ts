/**
 * What a lifecycle-data update would change, before it is applied: every
 * distinct OS and software version judged on the same day by the rules in
 * force and by the candidate rules, grouped by product and cycle and by the
 * status it moves from and to ("macOS 14: supported → unsupported on 1,204
 * machines"). Only the data differs between the two, so nothing else shows.
 */
import type { SupportStatus, Verdict } from '../lifecycle/verdict.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import type { Db } from '../store/db.js';
import { listOsVersions } from '../store/os-versions.js';
import { listSoftwareKeys } from '../store/software.js';
import { listInstallCounts } from '../store/lifecycle-data.js';
import type { Evaluator } from './evaluator.js';

export interface StatusChange {
  kind: 'os' | 'software';
  /** "macOS 14", "Mozilla Firefox 115", or "(no product)" for names no rule knows. */
  label: string;
  from: SupportStatus;
  to: SupportStatus;
  /** Distinct versions that move. */
  items: number;
  /** Machines (an OS) or installs (software) carrying them. */
  installs: number;
}

export interface DateChange {
  kind: 'os' | 'software';
  label: string;
  from: string | null;
  to: string | null;
  items: number;
  installs: number;
}

export interface VerdictDiff {
  /** Distinct versions judged both ways. */
  judged: number;
  /** Status moves, the most installs first. */
  statuses: StatusChange[];
  /** End-of-support dates that moved while the status stayed. */
  dates: DateChange[];
}

function labelOf(v: Verdict, rules: RuleSet): string {
  if (!v.product) return '(no product)';
  const title = rules.rules.find((r) => r.product === v.product)?.title ?? v.product;
  return v.cycle ? `${title} ${v.cycle}` : title;
}

interface Pair {
  kind: 'os' | 'software';
  before: Verdict;
  after: Verdict;
  installs: number;
}

function judgeBothWays(db: Db, current: Evaluator, candidate: Evaluator): Pair[] {
  const installs = new Map(listInstallCounts(db).map((c) => [`${c.kind}:${c.id}`, c.installs]));
  const os = listOsVersions(db).map((k): Pair => ({ kind: 'os', before: current.os(k), after: candidate.os(k), installs: installs.get(`os:${k.id}`) ?? 0 }));
  const software = listSoftwareKeys(db).map((k): Pair => ({ kind: 'software', before: current.software(k), after: candidate.software(k), installs: installs.get(`software:${k.id}`) ?? 0 }));
  return [...os, ...software];
}

function tally<T extends { items: number; installs: number }>(groups: Map<string, T>, key: string, fresh: () => T, installs: number): void {
  const g = groups.get(key) ?? fresh();
  g.items += 1;
  g.installs += installs;
  groups.set(key, g);
}

const byInstalls = (a: { installs: number; label: string }, b: { installs: number; label: string }) => b.installs - a.installs || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

export function diffVerdicts(db: Db, current: Evaluator, candidate: Evaluator): VerdictDiff {
  const pairs = judgeBothWays(db, current, candidate);
  const statuses = new Map<string, StatusChange>();
  const dates = new Map<string, DateChange>();
  for (const { kind, before, after, installs } of pairs) {
    const label = labelOf(after.product ? after : before, after.product ? candidate.rules : current.rules);
    if (before.status !== after.status) {
      tally(statuses, `${kind}\0${label}\0${before.status}\0${after.status}`, () => ({ kind, label, from: before.status, to: after.status, items: 0, installs: 0 }), installs);
    } else if (before.eol !== after.eol) {
      tally(dates, `${kind}\0${label}\0${before.eol}\0${after.eol}`, () => ({ kind, label, from: before.eol, to: after.eol, items: 0, installs: 0 }), installs);
    }
  }
  return { judged: pairs.length, statuses: [...statuses.values()].sort(byInstalls), dates: [...dates.values()].sort(byInstalls) };
}

const counted = (n: number, one: string) => `${n.toLocaleString('en-GB')} ${one}${n === 1 ? '' : 's'}`;

/** "on 3 machines" for an OS, "3 installs" for software. */
function whereText(c: { kind: 'os' | 'software'; installs: number }): string {
  return c.kind === 'os' ? `on ${counted(c.installs, 'machine')}` : counted(c.installs, 'install');
}

/** One line per change, as the CLI prints it and the data page lists it. */
export function describeStatusChange(c: StatusChange): string {
  return `${c.label}: ${c.from} → ${c.to} ${whereText(c)} (${counted(c.items, 'version')})`;
}

export function describeDateChange(c: DateChange): string {
  return `${c.label}: end of support ${c.from ?? 'none'} → ${c.to ?? 'none'}, status unchanged, ${whereText(c)}`;
}
