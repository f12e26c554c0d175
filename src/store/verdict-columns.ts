import type { PatchCurrency, PatchState, SupportStatus, UnknownReason, Verdict } from '../lifecycle/verdict.js';

/** Patch currency's columns (Verdict.patch, migration 0033): on os_versions and software, and with an `os_` prefix on assets. */
const PATCH_COLUMNS = ['patch_state', 'patch_newest', 'patch_newest_date', 'patch_since', 'patch_installed', 'patch_installed_date'] as const;

/** A stored patch verdict; a null state is "cannot tell". */
export type PatchRow = Record<(typeof PATCH_COLUMNS)[number], string | null>;

/** The verdict columns shared by os_versions and software. */
export interface VerdictRow extends PatchRow {
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

const COLUMNS = ['status', 'product', 'cycle', 'eol', 'extended_support_end', 'reason', 'unknown_reason', 'data_source', 'data_date', ...PATCH_COLUMNS] as const;

export const VERDICT_COLUMNS = COLUMNS.join(', ');
/** The verdict columns one by one, in VERDICT_COLUMNS order (and verdictParams'). */
export const VERDICT_COLUMN_NAMES: readonly string[] = COLUMNS;
/** One `?` per verdict column, for an INSERT's VALUES. */
export const VERDICT_PLACEHOLDERS = COLUMNS.map(() => '?').join(', ');
/** `column = ?` per verdict column, for an UPDATE's SET. */
export const VERDICT_ASSIGNMENTS = COLUMNS.map((c) => `${c} = ?`).join(', ');

/** The verdict's values in VERDICT_COLUMNS order. */
export function verdictParams(v: Verdict): (string | null)[] {
  return [v.status, v.product, v.cycle, v.eol, v.extendedSupportEnd, v.reason, v.unknownReason, v.data?.source ?? '', v.data?.date ?? null, ...patchParams(v.patch)];
}

/** A patch verdict's values in PATCH_COLUMNS order; all null when it cannot be told. */
export function patchParams(p: PatchCurrency | null | undefined): (string | null)[] {
  return p ? [p.state, p.newest, p.newestDate, p.since, p.installed?.label ?? null, p.installed?.date ?? null] : PATCH_COLUMNS.map(() => null);
}

export function rowToPatch(r: PatchRow): PatchCurrency | null {
  if (r.patch_state === null || r.patch_newest === null) return null;
  return {
    state: r.patch_state as PatchState, newest: r.patch_newest, newestDate: r.patch_newest_date, since: r.patch_since,
    ...(r.patch_installed === null ? {} : { installed: { label: r.patch_installed, date: r.patch_installed_date } }),
  };
}

export function rowToVerdict(r: VerdictRow): Verdict {
  return {
    status: r.status, product: r.product, cycle: r.cycle, eol: r.eol, extendedSupportEnd: r.extended_support_end, reason: r.reason, unknownReason: r.unknown_reason,
    ...(r.data_source ? { data: { source: r.data_source, date: r.data_date } } : {}),
    patch: rowToPatch(r),
  };
}

/** The verdict columns of a table under an alias, for a SELECT that joins ("o.status, o.product, …"). */
export function VERDICT_COLUMNS_OF(alias: string): string {
  return COLUMNS.map((c) => `${alias}.${c}`).join(', ');
}

/** Only the patch columns of a table under an alias ("o.patch_state, …"). */
export function PATCH_COLUMNS_OF(alias: string): string {
  return PATCH_COLUMNS.map((c) => `${alias}.${c}`).join(', ');
}

/** The OS's patch currency on a machine, from an assets row (os_patch_*). */
export function rowToOsPatch(r: Record<string, unknown>): PatchCurrency | null {
  return rowToPatch(Object.fromEntries(PATCH_COLUMNS.map((c) => [c, (r[`os_${c}`] as string | null | undefined) ?? null])) as PatchRow);
}

/** The assets' OS patch columns one by one, in patchParams' order. */
export const ASSET_OS_PATCH_COLUMN_NAMES: readonly string[] = PATCH_COLUMNS.map((c) => `os_${c}`);

/** `os_patch_… = ?` per patch column, for an UPDATE of assets' SET. */
export const ASSET_OS_PATCH_ASSIGNMENTS = ASSET_OS_PATCH_COLUMN_NAMES.map((c) => `${c} = ?`).join(', ');
