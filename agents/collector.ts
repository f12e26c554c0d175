import type { Device, Os, Report, Software } from '../src/contract/report.js';

/** What one collector contributes; `collectReport` merges the parts. */
export interface ReportPart {
  host?: Partial<Report['host']>;
  os?: Partial<Os>;
  software?: Software[];
  devices?: Device[];
}

/** A collector is one file plus one registry line (e.g. `agents/linux/index.ts`). */
export interface Collector {
  name: string;
  collect(): Promise<ReportPart>;
}
