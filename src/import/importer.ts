/**
 * What every import format provides: a name for the CLI and the upload form,
 * and a pure parser from a file's text to v1 reports. Formats are listed in index.ts.
 */
import type { UserInstallMemory } from '../../agents/windows/user-installs.js';
import type { Report } from '../contract/report.js';

/** One problem in an import file: its 1-based line (header = line 1) and/or JSON path. */
export interface ImportError {
  line?: number;
  path?: string;
  message: string;
}

export interface ParseOptions {
  /** Collection time for formats that carry none (an osquery JSON object, a CSV export). */
  now: Date;
  fileName: string;
  /** windows-collection: the machine's per-user installs remembered from its earlier documents (the drop folder keeps them). */
  userInstalls?: UserInstallMemory;
}

export interface ParseResult {
  reports: Report[];
  errors: ImportError[];
  /** windows-collection: the per-user installs to remember for the machine's next document. */
  userInstalls?: UserInstallMemory;
}

export interface Importer {
  format: string;
  description: string;
  /**
   * True when the file holds the agent's own reports (the air-gapped `report`
   * format). Other formats describe a machine from outside, and do not
   * overwrite a machine an enrolled agent reports (see import-file.ts).
   */
  agentReports?: boolean;
  parse(text: string, options: ParseOptions): ParseResult;
}
