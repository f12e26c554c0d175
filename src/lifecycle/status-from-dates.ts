/**
 * Status of one release cycle on a given day, from its rule dates. The rule
 * (also in rules/README.md):
 * - eol null → unknown (the rule gives no end of security support);
 * - eol false → supported (no end announced);
 * - eol a date on or after asOf → ending-soon when at most `windowDays` days away
 *   (exactly windowDays counts), else supported. Support runs through the eol day;
 * - eol past or true → extended-support while extendedSupport is a date on or
 *   after asOf, or false (not ended); otherwise unsupported.
 * The generator already nulled extendedSupport for products whose data has no
 * extended column, so `false` here always means "paid/extended period not ended".
 */
import type { SupportStatus } from './verdict.js';
import type { DateValue } from '../rules/lifecycle-schema.js';
import type { RuleLabels } from './rule-set.js';

export interface CycleDates {
  eol: DateValue;
  extendedSupport: DateValue;
}

export interface DatedStatus {
  status: SupportStatus;
  eol: string | null;
  extendedSupportEnd: string | null;
  /** Half a sentence for the verdict's reason, e.g. "security support ended 2025-10-14, ESU until 2028-10-10". */
  explanation: string;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const asDate = (v: DateValue): string | null => (typeof v === 'string' ? v : null);

export function statusFromDates(dates: CycleDates, labels: Pick<RuleLabels, 'extendedSupport'>, asOf: string, windowDays: number): DatedStatus {
  const eol = asDate(dates.eol);
  const extendedSupportEnd = asDate(dates.extendedSupport);
  const base = { eol, extendedSupportEnd };
  if (dates.eol === null) return { ...base, status: 'unknown', explanation: 'the rule gives no end of security support' };
  if (dates.eol === false) return { ...base, status: 'supported', explanation: 'supported, no end of security support announced' };
  if (eol !== null && daysBetween(asOf, eol) >= 0) {
    const days = daysBetween(asOf, eol);
    return days <= windowDays
      ? { ...base, status: 'ending-soon', explanation: `security support ends ${eol} (in ${days} days)` }
      : { ...base, status: 'supported', explanation: `supported until ${eol}` };
  }
  return afterEol(dates, labels, asOf, base);
}

function afterEol(dates: CycleDates, labels: Pick<RuleLabels, 'extendedSupport'>, asOf: string, base: Omit<DatedStatus, 'status' | 'explanation'>): DatedStatus {
  const ended = base.eol ? `security support ended ${base.eol}` : 'security support has ended (no date published)';
  const es = labels.extendedSupport ?? 'extended support';
  const x = dates.extendedSupport;
  if (x === false) return { ...base, status: 'extended-support', explanation: `${ended}; ${es} continues, no end announced (paid)` };
  if (typeof x === 'string' && daysBetween(asOf, x) >= 0) {
    return { ...base, status: 'extended-support', explanation: `${ended}; ${es} until ${x} (paid or extended, a risk unless bought)` };
  }
  if (typeof x === 'string') return { ...base, status: 'unsupported', explanation: `${ended}; ${es} ended ${x}` };
  if (x === true) return { ...base, status: 'unsupported', explanation: `${ended}; ${es} has ended too` };
  return { ...base, status: 'unsupported', explanation: ended };
}
