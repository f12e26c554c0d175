/**
 * What the status engine says about one OS or software item.
 * The words and their meaning are fixed (../shared/DOMAIN.md, "Support status").
 */
export const SUPPORT_STATUSES = ['supported', 'ending-soon', 'extended-support', 'unsupported', 'unknown'] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];

/** The statuses that count as supported wherever the estate is measured: ending soon is still supported today; extended support and unknown never are. */
export const COUNTS_AS_SUPPORTED: readonly SupportStatus[] = ['supported', 'ending-soon'];

/**
 * Why a verdict is `unknown` (it never counts as supported, whatever the reason):
 * - `unrecognised`: no title fits the name: the next matcher to write;
 * - `no-published-lifecycle`: the title is known, but its publisher publishes no support policy
 *   (drivers, OEM utilities);
 * - `lifecycle-not-in-data`: the title and cycle are known, but the rule holds no end date for the
 *   cycle (the vendor's table was not found, or the version alone cannot say whether the build is
 *   current, as for Microsoft 365 Apps); the cycle's note says which;
 * - `data-stale`: the version is at or beyond the newest the data knows, and the data is too old
 *   to say whether a newer one has shipped since;
 * - `version-unclear`: the title is known but its version cannot be placed in a cycle.
 */
export const UNKNOWN_REASONS = ['unrecognised', 'no-published-lifecycle', 'lifecycle-not-in-data', 'data-stale', 'version-unclear'] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

export interface Verdict {
  status: SupportStatus;
  /** Set exactly when status is `unknown`. */
  unknownReason: UnknownReason | null;
  /** Rule product id (the rule file's `product`), or null when no rule matched. */
  product: string | null;
  /** Release cycle id from the rule file, e.g. "10-22h2", "18.04"; null when none fitted. */
  cycle: string | null;
  /** End of security support (ISO date); null when none is announced or nothing matched. */
  eol: string | null;
  /** End of paid/extended support (ESU, ESM, ELS) where the rule gives one. */
  extendedSupportEnd: string | null;
  /** One line a person can check: which matcher fired on which field, and the date that decided it. */
  reason: string;
  /** The data the verdict came from (the rule's source) and that data's date; absent when no rule matched. */
  data?: VerdictData;
  /** Patch currency, a second dimension beside the status that never changes it; absent or null: it cannot be told (judge-patch.ts). */
  patch?: PatchCurrency | null;
}

export const PATCH_STATES = ['current', 'behind'] as const;
export type PatchState = (typeof PATCH_STATES)[number];

/**
 * Is the item at the newest version the data knows for its release? `current`:
 * at it; `behind`: a newer one is out. What "newest" is comes from the cycle's
 * `newest` (endoflife.date's latest), or for Windows from the cumulative-update
 * list (rules/patches/windows-cumulative-updates.yaml).
 */
export interface PatchCurrency {
  state: PatchState;
  /** The newest version the data knows: "115.18.0"; for Windows the newest cumulative update, "10.0.19045.6456 (KB5066791)". */
  newest: string;
  /** The day the newest came out; null when the data gives none. */
  newestDate: string | null;
  /**
   * When behind: the first day the machine could have patched (endoflife data: the newest's
   * day, all it gives; Windows: the day of the first update newer than the one installed).
   * Null when current, or when the data gives no day.
   */
  since: string | null;
  /** Windows: the cumulative update installed, by KB article and its release day. */
  installed?: { label: string; date: string | null };
}

export interface VerdictData {
  /** e.g. "endoflife.date", "distro-info-data", or a vendor's page for a hand-written rule. */
  source: string;
  /** The day the data was read or taken (the rule's `source.retrieved`); null when the rule gives none. */
  date: string | null;
}

/**
 * How a software item's support depends on the OS it runs on:
 * - `follows`: a distribution package (dpkg/rpm/apk), patched for the life of its distribution;
 *   it takes the OS's status.
 * - `capped`: a part of the OS (e.g. .NET Framework, Internet Explorer) whose support cannot
 *   outlast the OS's; it takes the worse of its own status and the OS's.
 * - `none`: judged on its own.
 */
export type OsLink = 'none' | 'follows' | 'capped';

/**
 * A software verdict without the OS. Unless `osLink` is `none`, it must be combined
 * with the asset's OS verdict (verdictOnAsset) before use.
 */
export interface SoftwareVerdict extends Verdict {
  osLink: OsLink;
  /** A component judged as the release of this product (e.g. "SQL Server 2019 Common Files" → mssqlserver). */
  partOf?: string;
}

export interface EvaluateOptions {
  /** The day the verdict is for (YYYY-MM-DD); injected so results are reproducible. */
  asOf: string;
  /** Days before end of support that count as `ending-soon`. */
  windowDays: number;
  /** Days after which an evergreen rule's "newest version" can no longer vouch for support (default 60). */
  staleDays?: number;
}

export const DEFAULT_STALE_DAYS = 60;
