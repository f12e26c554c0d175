import type { CollectionWarning, Device, Os, Report, Software, WarningPart } from '../src/contract/report.js';

/** What one collector contributes; `collectReport` merges the parts. */
export interface ReportPart {
  host?: Partial<Report['host']>;
  os?: Partial<Os>;
  software?: Software[];
  devices?: Device[];
  warnings?: CollectionWarning[];
}

/** What a scan knows that a collector may use: the agent's state folder, when it has one (not for --dry-run). */
export interface CollectContext {
  stateDir?: string;
  now?: Date;
}

/** A collector is one file plus one registry line (e.g. `agents/linux/index.ts`). */
export interface Collector {
  name: string;
  /**
   * The part a failure leaves incomplete: the scan goes on with a warning, and
   * the hub keeps what it held for that part. Absent for the software and OS
   * collectors, whose failure fails the scan (never an empty list).
   */
  degrades?: WarningPart;
  collect(context?: CollectContext): Promise<ReportPart>;
}
