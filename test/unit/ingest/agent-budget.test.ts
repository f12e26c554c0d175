/** An agent's budget of versions new to the hub is read only for a report that adds some (agent-budget.ts). */
import { describe, expect, it } from 'vitest';
import { OverBudget, refuseOverNewNames } from '../../../src/ingest/agent-budget.js';

describe('refuseOverNewNames', () => {
  it('reads what is left only when the report adds versions, and refuses more than that', () => {
    let reads = 0;
    const refuse = refuseOverNewNames(() => (reads++, 5), 2_000);
    refuse(0);
    expect(reads).toBe(0);
    refuse(5);
    expect(reads).toBe(1);
    expect(() => refuse(6)).toThrow(OverBudget);
    expect(() => refuse(6)).toThrow(/would add 6 software versions new to the hub; this agent may add 5 more today \(of 2000 a day\)/);
  });
});
