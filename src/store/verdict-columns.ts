import type { SupportStatus, UnknownReason, Verdict } from '../lifecycle/verdict.js';

/** The verdict columns shared by os_versions and software. */
export interface VerdictRow {
  status: SupportStatus;
  product: string | null;
  cycle: string | null;
  eol: string | null;
  extended_support_end: string | null;
  reason: string;
  unknown_reason: UnknownReason | null;
  /** '' when the verdict came from no data (nothing matched). */
  data_source: string;
  data_date: string | null;
}

const COLUMNS = ['status', 'product', 'cycle', 'eol', 'extended_support_end', 'reason', 'unknown_reason', 'data_source', 'data_date'] as const;

export const VERDICT_COLUMNS = COLUMNS.join(', ');
/** One `?` per verdict column, for an INSERT's VALUES. */
export const VERDICT_PLACEHOLDERS = COLUMNS.map(() => '?').join(', ');
/** `column = ?` per verdict column, for an UPDATE's SET. */
export const VERDICT_ASSIGNMENTS = COLUMNS.map((c) => `${c} = ?`).join(', ');

/** The verdict's values in VERDICT_COLUMNS order. */
export function verdictParams(v: Verdict): (string | null)[] {
  return [v.status, v.product, v.cycle, v.eol, v.extendedSupportEnd, v.reason, v.unknownReason, v.data?.source ?? '', v.data?.date ?? null];
}

export function rowToVerdict(r: VerdictRow): Verdict {
  return {
    status: r.status, product: r.product, cycle: r.cycle, eol: r.eol, extendedSupportEnd: r.extended_support_end, reason: r.reason, unknownReason: r.unknown_reason,
    ...(r.data_source ? { data: { source: r.data_source, date: r.data_date } } : {}),
  };
}

/** The verdict columns of a table under an alias, for a SELECT that joins ("o.status, o.product, …"). */
export function verdictColumnsOf(alias: string): string {
  return COLUMNS.map((c) => `${alias}.${c}`).join(', ');
}
