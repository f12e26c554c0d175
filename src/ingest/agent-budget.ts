/**
 * Per-agent budgets: one stolen or broken agent token must not fill the disk
 * or hold the hub. An agent may deliver so many reports an hour
 * (ESTATEWATCH_AGENT_REPORTS_PER_HOUR) and add so many software versions new to
 * the hub's catalogue a day (ESTATEWATCH_AGENT_NEW_NAMES_PER_DAY); a real
 * machine's first report adds a few hundred, a flood of invented names twenty
 * thousand. Over either, the report is refused with 429 and stores nothing:
 * the rate before its body is read, the names inside the ingest transaction,
 * which rolls back. The agent keeps the report in its spool and tries later.
 * The security lead is told (agent-refusal.ts).
 */
import { HubError } from '../hub/errors.js';
import type { Db } from '../store/db.js';
import { agentDeliveriesSince } from '../store/receipts.js';
import { recordAgentRefusal } from './agent-refusal.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface AgentBudgets {
  agentReportsPerHour: number;
  agentNewNamesPerDay: number;
}

/** A report over its agent's budget; the ingest transaction rolls back on it. */
export class OverBudget extends HubError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'agent-over-budget', message);
  }
}

const secondsUntil = (t: number, now: Date) => Math.max(1, Math.ceil((t - now.getTime()) / 1000));

/** Refuses the agent's next report when it has delivered its hour's worth; else nothing. */
export function checkReportRate(db: Db, agentId: number, budgets: AgentBudgets, now: Date): void {
  const { reports, oldest } = agentDeliveriesSince(db, agentId, new Date(now.getTime() - HOUR_MS).toISOString());
  if (reports < budgets.agentReportsPerHour || oldest === null) return;
  throw new OverBudget(`this agent delivered ${reports} reports in the last hour, its limit; try again later`, secondsUntil(new Date(oldest).getTime() + HOUR_MS, now));
}

/** How many software versions new to the hub the agent's reports may still add today. */
export function newNamesLeft(db: Db, agentId: number, budgets: AgentBudgets, now: Date): number {
  const { newSoftware } = agentDeliveriesSince(db, agentId, new Date(now.getTime() - DAY_MS).toISOString());
  return Math.max(0, budgets.agentNewNamesPerDay - newSoftware);
}

/**
 * The check ensureSoftwareIds runs before adding versions to the catalogue. What is `left` is read only when the
 * report adds some: most add none (one statement fewer each, a round trip on PostgreSQL).
 */
export function refuseOverNewNames(left: () => number, perDay: number): (adding: number) => void {
  return (adding) => {
    if (adding === 0) return;
    const may = left();
    if (adding > may) throw new OverBudget(`this report would add ${adding} software versions new to the hub; this agent may add ${may} more today (of ${perDay} a day)`, 3_600);
  };
}

/**
 * Answers a report over budget: audited and told to the security lead (once an
 * hour per agent) after the report's transaction has rolled back, with Retry-After.
 */
export function reportOverBudget(db: Db, o: { agentId: number; organisationId: number; now: Date; error: OverBudget; setRetryAfter: (seconds: number) => void }): never {
  recordAgentRefusal(db, {
    agentId: o.agentId, organisationId: o.organisationId, now: o.now, entity: 'agent', entityId: String(o.agentId), after: { code: o.error.code, reason: o.error.message },
    text: `Agent #${o.agentId} went over its budget and its reports are refused: ${o.error.message}. A broken agent, or a stolen token flooding the hub; revoke it on the Agents page if it is not one of yours.`,
  });
  o.setRetryAfter(o.error.retryAfterSeconds);
  throw o.error;
}
