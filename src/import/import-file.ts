/**
 * Turns one import file into stored reports: parse, check every report against
 * the contract, and only if the whole file is clean ingest it in ONE outer
 * transaction (each ingestReport nests as a savepoint), so a file is stored
 * whole or not at all. Idempotency keys come from the file's SHA-256 and the
 * host, so importing the same file again stores nothing new.
 */
import { createHash } from 'node:crypto';
import type { UserInstallMemory } from '../../agents/windows/user-installs.js';
import { checkReport, type Report } from '../contract/report.js';
import { machineUnavailable } from '../ingest/agent-binding.js';
import { ingestReport, type IngestContext } from '../ingest/ingest-report.js';
import { loadInventory } from '../store/asset-inventory.js';
import { assetIdentity, findAssetState } from '../store/assets.js';
import { findReceipt } from '../store/receipts.js';
import { refreshPlannerStatistics, STATISTICS_AFTER } from '../store/planner-statistics.js';
import { inTransaction } from '../store/statements.js';
import { isUnknownOs } from './_report-parts.js';
import { findImporter, IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportError } from './index.js';

export interface ImportRequest {
  format: string;
  bytes: Uint8Array;
  fileName: string;
  /** The trust the file's machines belong to. */
  organisationId: number;
  /** Parse and say what would change; store nothing. */
  dryRun?: boolean;
  /** Called after each report is stored (inside the transaction). */
  onProgress?: (done: number, total: number) => void;
  /** windows-collection: the machine's remembered per-user installs (see ParseOptions). */
  userInstalls?: UserInstallMemory;
}

/** `agent-owned`: an enrolled agent reports this machine; its own full reports win, so the import leaves it alone. */
export type ImportOutcome = 'created' | 'updated' | 'duplicate' | 'agent-owned';

export interface ImportedAsset {
  hostname: string;
  os: string;
  software: number;
  devices: number;
  outcome: ImportOutcome;
}

export interface ImportSummary {
  format: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  reports: number;
  created: number;
  updated: number;
  duplicates: number;
  agentOwned: number;
  assets: ImportedAsset[];
  /** windows-collection: what to remember for the machine's next document. */
  userInstalls?: UserInstallMemory;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportError[] };

export function importFile(ctx: IngestContext, req: ImportRequest): ImportResult {
  const importer = findImporter(req.format);
  if (!importer) return { ok: false, errors: [{ message: `unknown format "${req.format}": expected one of ${IMPORT_FORMATS.join(', ')}` }] };
  if (req.bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, errors: [{ message: `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB` }] };
  const parsed = importer.parse(decodeText(req.bytes), { now: ctx.now(), fileName: req.fileName, ...(req.userInstalls && { userInstalls: req.userInstalls }) });
  const errors = [...parsed.errors, ...contractErrors(parsed.reports)];
  if (!errors.length && !parsed.reports.length) errors.push({ message: 'the file holds no machines to import' });
  if (errors.length) return { ok: false, errors };
  const sha256 = createHash('sha256').update(req.bytes).digest('hex');
  const planned = plan(ctx, parsed.reports, sha256, importer.agentReports === true);
  const elsewhere = otherTrustsMachines(ctx, planned, req.organisationId);
  if (elsewhere.length) return { ok: false, errors: elsewhere };
  if (!req.dryRun) store(ctx, planned, req.organisationId, req.onProgress);
  const count = (o: ImportOutcome) => planned.filter((p) => p.outcome === o).length;
  return {
    ok: true,
    summary: {
      format: importer.format, fileName: req.fileName, sha256, dryRun: req.dryRun === true, reports: planned.length,
      created: count('created'), updated: count('updated'), duplicates: count('duplicate'), agentOwned: count('agent-owned'),
      assets: planned.map((p) => ({ hostname: p.report.host.hostname, os: `${p.report.os.name} ${p.report.os.version}`, software: p.report.software.length, devices: p.report.devices.length, outcome: p.outcome })),
      ...(parsed.userInstalls && { userInstalls: parsed.userInstalls }),
    },
  };
}

/** Excel and PowerShell often write UTF-16 with a byte-order mark; everything else is read as UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The contract's own limits (20,000 items a report, field lengths) apply to imports too. */
function contractErrors(reports: Report[]): ImportError[] {
  return reports.flatMap((r) => {
    const checked = checkReport(r);
    return checked.ok ? [] : checked.issues.map((i) => ({ path: i.path, message: `${r.host.hostname || 'a machine'}: ${i.message}` }));
  });
}

interface Planned {
  report: Report;
  key: string;
  outcome: ImportOutcome;
}

/**
 * What each report will do. A machine an enrolled agent reports is left alone by
 * exports from other tools: the agent's next full report would remove whatever
 * the import added, and the history would flip back and forth every night.
 */
function plan(ctx: IngestContext, reports: Report[], sha256: string, agentReports: boolean): Planned[] {
  const seen = new Map<string, number>();
  return reports.map((report) => {
    const identity = assetIdentity(report.host);
    const occurrence = (seen.get(identity) ?? 0) + 1;
    // A host listed twice in one file (a log of several runs) gets one key per report.
    const key = `import:${sha256}:${identity}${occurrence > 1 ? `#${occurrence}` : ''}`;
    const existing = findAssetState(ctx.db, identity);
    const outcome: ImportOutcome = findReceipt(ctx.db, null, key)
      ? 'duplicate'
      : existing?.agentId != null && !agentReports
        ? 'agent-owned'
        : seen.has(identity) || existing
          ? 'updated'
          : 'created';
    seen.set(identity, occurrence);
    return { report, key, outcome };
  });
}

/** Machines already registered to another trust: the file is refused, as ingestReport would refuse each of them. */
function otherTrustsMachines(ctx: IngestContext, planned: Planned[], organisationId: number): ImportError[] {
  return planned
    .filter((p) => (findAssetState(ctx.db, assetIdentity(p.report.host))?.organisationId ?? organisationId) !== organisationId)
    .map((p) => ({ message: `${p.report.host.hostname}: ${machineUnavailable().message}` }));
}

function store(ctx: IngestContext, planned: Planned[], organisationId: number, onProgress: ImportRequest['onProgress']): void {
  inTransaction(ctx.db, () => {
    planned.forEach((p, n) => {
      if (p.outcome !== 'agent-owned') ingestReport(ctx, withStoredFacts(ctx, p.report), { agentId: null, organisationId, idempotencyKey: p.key });
      onProgress?.(n + 1, planned.length);
    });
  });
  // A large file changes the estate in one burst, which PostgreSQL would plan for at its old size for a while.
  if (planned.length >= STATISTICS_AFTER.machines) refreshPlannerStatistics(ctx.db, 'machines');
}

/**
 * An export that does not know a machine's OS or hardware must not wipe what
 * the hub already knows (from an agent or an earlier import): those facts are
 * kept. The software list is the file's, as with any full report.
 */
function withStoredFacts(ctx: IngestContext, report: Report): Report {
  const asset = findAssetState(ctx.db, assetIdentity(report.host));
  const stored = asset && loadInventory(ctx.db, asset.id);
  if (!stored) return report;
  const host = { ...stored.host, ...Object.fromEntries(Object.entries(report.host).filter(([, v]) => v !== undefined)) } as Report['host'];
  return { ...report, host, os: isUnknownOs(report.os) ? stored.os : report.os };
}
