import type { Report } from '../src/contract/report.js';
import { AgentError } from './agent-error.js';
import type { CollectContext, Collector, ReportPart } from './collector.js';
import { PLATFORM_COLLECTORS } from './platforms.js';
import { AGENT_VERSION } from './version.js';

export interface CollectOptions {
  /** Defaults to this platform's registry. */
  collectors?: readonly Collector[];
  now?: () => Date;
  /** The agent's state folder: what collectors remember between scans (per-user installs on Windows). */
  stateDir?: string;
}

/**
 * Runs every collector, merges their parts and validates the result against
 * the contract before anyone sees it, so a broken collector fails on the
 * machine that broke it. A software or OS collector that throws fails the
 * whole scan: a report silently missing its software would read as
 * "everything removed". A host or device collector that throws leaves a
 * warning instead, and the hub keeps what it held for that part.
 */
export async function collectReport(options: CollectOptions = {}): Promise<Report> {
  const { collectors = await platformCollectors(), now = () => new Date(), stateDir } = options;
  const context: CollectContext = { ...(stateDir !== undefined && { stateDir }), now: now() };
  const scan = Promise.all(collectors.map((collector) => runCollector(collector, context)));
  // Loaded once the collectors have started their tools, so setting up zod and the
  // schemas runs while those processes do, rather than before them.
  const [parts, { checkReport, REPORT_SCHEMA_V1 }] = await Promise.all([scan, import('../src/contract/report.js')]);
  const { warnings, ...inventory } = mergeParts(parts);
  const draft = {
    schema: REPORT_SCHEMA_V1,
    ...inventory,
    ...(warnings.length > 0 && { warnings }),
    collectedAt: now().toISOString(),
    agent: { version: AGENT_VERSION },
  };
  const check = checkReport(draft);
  if (check.ok) return check.report;
  const issues = check.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n');
  throw new AgentError('invalid-report', `the collected report does not match ${REPORT_SCHEMA_V1}:\n${issues}`);
}

async function runCollector(collector: Collector, context: CollectContext): Promise<ReportPart> {
  try {
    return await collector.collect(context);
  } catch (error) {
    const message = `collector "${collector.name}" failed: ${(error as Error).message}`;
    if (!collector.degrades) throw new AgentError('collector-failed', message);
    return { warnings: [{ part: collector.degrades, message: message.slice(0, 500) }] };
  }
}

/** Later parts' host/os fields win; software, device and warning lists are concatenated. */
export function mergeParts(parts: readonly ReportPart[]): Required<ReportPart> {
  return parts.reduce<Required<ReportPart>>(
    (merged, part) => ({
      host: { ...merged.host, ...part.host },
      os: { ...merged.os, ...part.os },
      software: [...merged.software, ...(part.software ?? [])],
      devices: [...merged.devices, ...(part.devices ?? [])],
      warnings: [...merged.warnings, ...(part.warnings ?? [])],
    }),
    { host: {}, os: {}, software: [], devices: [], warnings: [] },
  );
}

async function platformCollectors(): Promise<readonly Collector[]> {
  const load = PLATFORM_COLLECTORS[process.platform];
  if (!load) throw new AgentError('unsupported-platform', `no collectors for platform "${process.platform}"`);
  return load();
}
