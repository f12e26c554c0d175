/**
 * The report's summary in plain English, headline first: what a board member
 * reads before (or instead of) the tables. Every sentence restates figures
 * that the page links to their evidence; nothing here is computed anew.
 */
import type { TrendPoint } from './board-report.js';
import type { PostureFigures, TopProduct } from './posture-figures.js';
import { HEADLINE_MEASURE, measureSentence } from './headline-measures.js';
import { cyberSentence } from './cyber-measures.js';
import { patchSentence } from './patch-measures.js';
import { count, longDate, longMonth, percentText } from './plain-english.js';
import { monthOf } from './trust-calendar.js';

/** Below this share of assets reporting in the last week, the report warns that its figures may flatter the estate. */
const COVERAGE_WARNING_PCT = 90;

export function narrate(f: PostureFigures, previous: TrendPoint | null, day: string): string[] {
  return [
    headline(f, previous),
    patchSentence(f),
    unknownSentence(f),
    unsupportedOsSentence(f),
    unsupportedSoftwareSentence(f),
    extendedSupportSentence(f),
    endingSoonSentence(f),
    exceptionsSentence(f),
    devicesSentence(f),
    alertsSentence(f),
    cyberSentence(f.cyber, monthOf(day)),
    actionsSentence(f),
    coverageSentence(f, day),
  ].filter((s): s is string => s !== null);
}

function headline(f: PostureFigures, previous: TrendPoint | null): string {
  const a = f.assets;
  const base = measureSentence(HEADLINE_MEASURE, a.supportedOnly.value, a.total.value);
  if (!previous?.figures) return `${base}; there is no figure for ${previous ? longMonth(previous.month) : 'the month before'} to compare with.`;
  const change = Math.round((a.supportedPct - previous.figures.supportedPct) * 10) / 10;
  const direction = change > 0 ? `up ${change.toFixed(1)} points` : change < 0 ? `down ${(-change).toFixed(1)} points` : 'unchanged';
  return `${base}, ${direction} on ${longMonth(previous.month)}.`;
}

function unknownSentence(f: PostureFigures): string | null {
  const n = f.assets.byPosture.unknown.value;
  if (!n) return null;
  const base = `A further ${count(n, 'asset')} ${n === 1 ? 'has' : 'have'} nothing known to be unsupported but ${n === 1 ? 'carries' : 'carry'} software no lifecycle rule can judge yet; ${n === 1 ? 'it is' : 'they are'} not counted as supported.`;
  const u = f.unknown;
  if (!u) return base;
  const unrecognised = u.titles.unrecognised.value;
  const noPolicy = u.titles['no-published-lifecycle'].value;
  return `${base} Of the programs behind it, ${count(unrecognised, 'program')} ${unrecognised === 1 ? 'is' : 'are'} not recognised yet and ${count(noPolicy, 'program')} ${noPolicy === 1 ? 'has' : 'have'} no published support period.`;
}

const first = (top: TopProduct[]) => top[0];
const ended = (p: TopProduct) => (p.eol ? `, security support ended ${longDate(p.eol)}` : '');

function unsupportedOsSentence(f: PostureFigures): string {
  const n = f.unsupportedOs.assets.value;
  const top = first(f.unsupportedOs.top);
  if (!n || !top) return 'No asset runs an unsupported operating system.';
  return `${count(n, 'asset')} ${n === 1 ? 'runs' : 'run'} an unsupported operating system; the most common is ${top.product} (${top.count.value}${ended(top)}).`;
}

function unsupportedSoftwareSentence(f: PostureFigures): string {
  const s = f.unsupportedSoftware;
  const top = first(s.top);
  if (!s.installs.value || !top) return 'No unsupported software is installed, apart from what comes with an unsupported operating system.';
  return `${count(s.installs.value, 'install')} of unsupported software on ${count(s.assets, 'asset')}; the most common is ${top.product} (${count(top.count.value, 'install')}${ended(top)}).`;
}

function extendedSupportSentence(f: PostureFigures): string | null {
  const e = f.extendedSupport;
  const n = e.os.value + e.software.value;
  if (!n) return null;
  return `${count(e.os.value, 'operating system')} and ${count(e.software.value, 'software install')} rely on paid or extended support: safe only while the trust has bought it, so they are a risk, not "fine".`;
}

function endingSoonSentence(f: PostureFigures): string {
  const soonest = first(f.endingSoon.products);
  if (!f.endingSoon.items.value || !soonest?.eol) return 'Nothing installed loses security support in the next six months.';
  return `${count(f.endingSoon.items.value, 'item')} will lose security support in the next six months; the first is ${soonest.product} on ${longDate(soonest.eol)} (${count(soonest.assets, 'asset')}).`;
}

function exceptionsSentence(f: PostureFigures): string {
  const { inForce, assetsCovered } = f.exceptions;
  const open = f.assets.unsupportedWithoutException.value;
  const accepted = inForce.value
    ? `${count(inForce.value, 'risk-accepted exception')} signed off by the Clinical Safety Officer ${inForce.value === 1 ? 'is' : 'are'} in force, covering ${count(assetsCovered, 'asset')}.`
    : 'No risk-accepted exception is in force.';
  return `${accepted} ${open ? `${count(open, 'unsupported asset')} ${open === 1 ? 'is' : 'are'} neither replaced nor formally accepted.` : 'Every unsupported asset is covered by an accepted risk.'}`;
}

function devicesSentence(f: PostureFigures): string {
  const { fax, pager } = f.devices;
  const remain = (n: number) => `${n} ${n === 1 ? 'remains' : 'remain'}`;
  const overdue = (n: number) => (n ? `, ${n} past ${n === 1 ? 'its' : 'their'} planned removal date` : '');
  const faxes = `Faxes: ${remain(fax.inRegister.value)} in the register (national target: out of use by ${longDate('2020-03-31')})${overdue(fax.removalOverdue.value)}${fax.foundByAgents.value ? `; agents also found ${count(fax.foundByAgents.value, 'fax device')}` : ''}.`;
  const pagers = `Pagers: ${remain(pager.inRegister.value)}${pager.retainedByPolicy.value ? `, ${pager.retainedByPolicy.value} of them emergency bleeps kept by signed-off policy` : ''}${overdue(pager.removalOverdue.value)}.`;
  return `${faxes} ${pagers}`;
}

function alertsSentence(f: PostureFigures): string {
  const a = f.alerts;
  const severe = a.bySeverity.critical.open.value + a.bySeverity.high.open.value;
  const mttr = a.meanHoursToResolve === null ? 'none was resolved this month' : `${count(a.resolvedThisMonth.value, 'alert')} resolved this month, taking ${a.meanHoursToResolve} hours on average`;
  return `${count(a.open.value, 'alert')} open (${severe} critical or high); ${mttr}.`;
}

function actionsSentence(f: PostureFigures): string {
  const a = f.actions;
  return `Clinical safety actions: ${a.open.value} open, ${a.overdue.value} overdue, ${a.doneThisMonth.value} completed this month.`;
}

function coverageSentence(f: PostureFigures, day: string): string {
  const c = f.coverage;
  if (!c.registered.value) return 'Warning: no assets are registered, so every figure above is empty.';
  const base = `${c.reporting.value} of ${count(c.registered.value, 'registered asset')} (${percentText(c.reportingPct)}) reported in the 7 days to ${longDate(day)}.`;
  return c.reportingPct < COVERAGE_WARNING_PCT
    ? `Warning: coverage is low. ${base} Figures for the rest are out of date and may be worse than shown.`
    : base;
}
