import { describe, expect, it } from 'vitest';
import { cyberResponseView, overdueStep } from '../../../src/cyber/cyber-response-view.js';
import { nationalResponseSummary } from '../../../src/cyber/national-response-summary.js';
import type { CyberAlertView } from '../../../src/cyber/cyber-alert-view.js';
import type { CyberResponseRow } from '../../../src/store/cyber-alert-responses.js';

const NONE: CyberResponseRow = {
  cyberAlertId: 1, reference: 'CC-4567', published: '2026-11-02', organisationId: 1, organisation: 'RXX', organisationName: 'A Trust',
  acknowledgedAt: null, acknowledgedBy: null, decision: null, decisionReason: null, decidedAt: null, decidedBy: null,
  expectedCompletion: null, nextUpdateDue: null, closedAt: null, closedBy: null, closureNote: null,
  affectedMachines: 3, remediatedMachines: 0, lastRemediatedAt: null,
};
const ACKED = { ...NONE, acknowledgedAt: '2026-11-03T10:00:00.000Z', acknowledgedBy: 'lead', nextUpdateDue: '2026-11-06T10:00:00.000Z' };
const AFFECTED = { ...ACKED, decision: 'affected' as const, decisionReason: 'ward PCs', decidedAt: '2026-11-03T10:00:00.000Z', decidedBy: 'lead' };
const at = (iso: string) => new Date(iso);
const ALERT = { reference: 'CC-4567', title: 'T', published: '2026-11-02' } as CyberAlertView;

describe('a trust\'s response clocks', () => {
  it('puts the 48 hours from the start of the publication day, and counts the boundary as not yet overdue', () => {
    expect(cyberResponseView(NONE, at('2026-11-04T00:00:00.000Z')).acknowledgement).toEqual({ at: null, by: null, due: '2026-11-04T00:00:00.000Z', overdue: false, late: false });
    expect(overdueStep(cyberResponseView(NONE, at('2026-11-04T00:00:00.001Z')))).toBe('acknowledgement');
  });

  it('runs the update clock once acknowledged and stops it when closed or decided not affected', () => {
    expect(overdueStep(cyberResponseView(ACKED, at('2026-11-06T10:00:00.000Z')))).toBeNull();
    expect(overdueStep(cyberResponseView(ACKED, at('2026-11-06T10:00:01.000Z')))).toBe('update');
    expect(cyberResponseView({ ...AFFECTED, closedAt: '2026-11-05T00:00:00.000Z', closedBy: 'lead' }, at('2026-12-01T00:00:00Z')).nextUpdate).toBeNull();
    expect(cyberResponseView({ ...ACKED, decision: 'not-affected', decisionReason: 'r', decidedAt: ACKED.acknowledgedAt, decidedBy: 'lead', nextUpdateDue: null }, at('2026-12-01T00:00:00Z')).nextUpdate).toBeNull();
  });

  it('names the furthest stage reached', () => {
    const stage = (r: CyberResponseRow) => cyberResponseView(r, at('2026-11-03T12:00:00Z')).stage;
    expect([NONE, ACKED, AFFECTED, { ...AFFECTED, affectedMachines: 0, remediatedMachines: 3, lastRemediatedAt: '2026-11-03T11:00:00.000Z' }].map(stage)).toEqual(['awaiting-acknowledgement', 'acknowledged', 'affected', 'remediated']);
  });
});

describe('the national response summary', () => {
  const summary = (r: CyberResponseRow) => nationalResponseSummary(ALERT, cyberResponseView(r, at('2026-11-03T12:00:00Z')), [], 0);
  it('says where remediation stands from the decision and the machine list', () => {
    expect(summary(ACKED)).toMatchObject({ applicability: { answer: 'not yet decided', reason: null }, remediationStatus: 'not yet assessed', acknowledged: { withinTarget: true } });
    expect(summary(AFFECTED).remediationStatus).toBe('not started');
    expect(summary({ ...AFFECTED, affectedMachines: 1, remediatedMachines: 2 }).remediationStatus).toBe('in progress');
    expect(summary({ ...AFFECTED, affectedMachines: 0, remediatedMachines: 3, lastRemediatedAt: '2026-11-03T11:00:00.000Z' })).toMatchObject({ remediationStatus: 'complete', completedAt: '2026-11-03T11:00:00.000Z' });
    expect(summary({ ...AFFECTED, decision: 'not-affected' }).remediationStatus).toBe('not applicable');
  });
});
