import { describe, expect, it } from 'vitest';
import { liveAgentsPerHost } from '../../../src/auth/live-agents-per-host.js';

const agent = (id: number, hostname: string, o: { organisationId?: number; revokedAt?: string } = {}) => ({ id, hostname, organisationId: o.organisationId ?? 1, revokedAt: o.revokedAt ?? null });

describe('liveAgentsPerHost', () => {
  it('counts the live agents of one host by short name, in any case and spelling', () => {
    const counts = liveAgentsPerHost([agent(1, 'WARD7-PC014'), agent(2, 'ward7-pc014.trust.nhs.uk'), agent(3, 'Ｗard7-PC014.'), agent(4, 'WARD7-PC015')]);
    expect([...counts]).toEqual([[1, 3], [2, 3], [3, 3], [4, 1]]);
  });

  it('leaves revoked agents out, counted nowhere', () => {
    const counts = liveAgentsPerHost([agent(1, 'WARD7-PC014', { revokedAt: '2026-11-01T00:00:00Z' }), agent(2, 'WARD7-PC014')]);
    expect([...counts]).toEqual([[2, 1]]);
  });

  it('keeps each trust’s hosts apart: one name in two trusts is two machines', () => {
    const counts = liveAgentsPerHost([agent(1, 'PC001'), agent(2, 'PC001', { organisationId: 2 })]);
    expect([...counts]).toEqual([[1, 1], [2, 1]]);
  });
});
