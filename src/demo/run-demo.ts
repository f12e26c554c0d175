/**
 * What `npm start` adds to a plain hub: a demo hospital estate on an empty
 * database, and one real report from this machine, sent by the real agent
 * over HTTP through enrolment, exactly as on a trust machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { agentConfigPath } from '../../agents/agent-config.js';
import { runAgent } from '../../agents/main.js';
import { createEnrolmentSecret } from '../auth/enrolment.js';
import type { HubDeps } from '../hub/deps.js';
import { ingestReport } from '../ingest/ingest-report.js';
import { countAssets } from '../store/assets.js';
import { mainReportOwner } from '../store/organisations.js';
import { demoReports } from './demo-estate.js';
import { seedDemoRegister } from './demo-devices.js';
import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { generateBoardReport } from '../report/generate-board-report.js';
import { localDay, monthOf } from '../report/trust-calendar.js';

/** Seeds the demo estate when the database has no assets; returns how many hosts it added. */
export function seedDemoEstate(deps: HubDeps): number {
  if (countAssets(deps.db) > 0) return 0;
  const reports = demoReports(deps.now());
  for (const r of reports) ingestReport(deps, r, { agentId: null, organisationId: 1, idempotencyKey: `demo:${r.host.hostname}` });
  return reports.length;
}

/** Enrols (once) and runs this machine's agent against the hub at `url`; returns its exit code and output. */
export async function runLocalAgent(deps: HubDeps, url: string): Promise<{ code: number; output: string }> {
  const stateDir = path.join(deps.config.dataDir, 'demo-agent');
  const out: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => out.push(t) }, env: {} };
  if (!fs.existsSync(agentConfigPath(stateDir))) {
    const { secret } = createEnrolmentSecret(deps.db, { label: 'demo: this machine', createdBy: null, by: 'demo', uses: 1, organisationId: 1, now: deps.now(), days: 1 });
    const enrolled = await runAgent(['enrol', '--hub', url, '--secret', secret, '--state-dir', stateDir], io);
    if (enrolled !== 0) return { code: enrolled, output: out.join('') };
  }
  // In-process here, so normal priority: lowering it would slow the hub sharing this process.
  const code = await runAgent(['--once', '--priority', 'normal', '--hub', url, '--state-dir', stateDir], io);
  return { code, output: out.join('') };
}

export async function runDemo(deps: HubDeps, url: string): Promise<string> {
  const seeded = seedDemoEstate(deps);
  const registered = seedDemoRegister(deps);
  // Devices already past their planned removal date raise their alert now, not at the next hourly run.
  if (registered) evaluateAlerts(deps.db, deps.alertRules, deps.now());
  const agent = await runLocalAgent(deps, url);
  const lines = [seeded ? `Demo estate: ${seeded} hospital hosts seeded.` : 'Demo estate already present.'];
  if (registered) lines.push(`Device register: ${registered} faxes and pagers imported.`);
  lines.push(agent.code === 0 ? 'This machine: inventory collected and sent by the real Linux agent.' : `This machine's agent failed (exit ${agent.code}):\n${agent.output}`);
  const { record } = generateBoardReport(deps, mainReportOwner(deps.db), monthOf(localDay(deps.now(), deps.config.timeZone)), 'system');
  lines.push(`Board report for this month to date: ${url}/board-reports/${record.month}`);
  return lines.join('\n');
}
