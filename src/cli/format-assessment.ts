/** `estatewatch assess` as text: a summary by status first, then every item with its reason. */
import type { AssessedItem } from '../lifecycle/assess-report.js';
import { SUPPORT_STATUSES, UNKNOWN_REASONS } from '../lifecycle/verdict.js';

/** "unknown  32  (20 unrecognised, 12 no-published-lifecycle)": the unknown count says why. */
function unknownReasons(items: readonly AssessedItem[]): string {
  const why = UNKNOWN_REASONS.map((r) => [r, items.filter((i) => i.unknownReason === r).length] as const).filter(([, n]) => n > 0);
  return why.length > 0 ? `  (${why.map(([r, n]) => `${n} ${r}`).join(', ')})` : '';
}

/**
 * How many items have each status, in the order the hub's summary uses, so the
 * first lines say how the machine stands even when the table is cut short
 * (`estatewatch assess pc.json | head`).
 */
function summary(items: readonly AssessedItem[], asOf: string): string {
  const width = Math.max(...SUPPORT_STATUSES.map((s) => s.length));
  const counts = SUPPORT_STATUSES.map((status) => {
    const n = items.filter((i) => i.status === status).length;
    return `  ${status.padEnd(width)}  ${String(n).padStart(String(items.length).length)}${status === 'unknown' ? unknownReasons(items) : ''}`;
  });
  return `As of ${asOf}: ${items.length} items\n${counts.join('\n')}\n`;
}

function table(items: readonly AssessedItem[]): string {
  const rows = items.map((i) => [i.status === 'unknown' && i.unknownReason ? `unknown: ${i.unknownReason}` : i.status, `${i.name} ${i.version}`, i.product ? `${i.product} ${i.cycle ?? '?'}` : '-', i.eol ?? '-']);
  const widths = [0, 1, 2].map((c) => Math.min(60, Math.max(...rows.map((r) => (r[c] as string).length))));
  return rows.map((r, n) => `${r.map((v, c) => (c < 3 ? v.padEnd(widths[c] as number) : v)).join('  ')}\n    ${items[n]?.reason}\n`).join('');
}

export function formatAssessment(items: readonly AssessedItem[], asOf: string): string {
  return `${summary(items, asOf)}\n${table(items)}`;
}
