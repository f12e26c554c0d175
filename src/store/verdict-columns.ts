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
}

export const VERDICT_COLUMNS = 'status, product, cycle, eol, extended_support_end, reason, unknown_reason';

export function verdictParams(v: Verdict): [SupportStatus, string | null, string | null, string | null, string | null, string, UnknownReason | null] {
  return [v.status, v.product, v.cycle, v.eol, v.extendedSupportEnd, v.reason, v.unknownReason];
}

export function rowToVerdict(r: VerdictRow): Verdict {
  return { status: r.status, product: r.product, cycle: r.cycle, eol: r.eol, extendedSupportEnd: r.extended_support_end, reason: r.reason, unknownReason: r.unknown_reason };
}
