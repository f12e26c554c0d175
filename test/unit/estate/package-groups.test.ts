import { describe, expect, it } from 'vitest';
import type { AssetItem } from '../../../src/estate/asset-items.js';
import { countByStatus, groupPackages } from '../../../src/estate/package-groups.js';
import type { SupportStatus } from '../../../src/lifecycle/verdict.js';

const item = (name: string, source: AssetItem['source'], osLink: AssetItem['osLink'], status: SupportStatus): AssetItem => ({
  softwareId: name.length, name, version: '1.0', vendor: '', source, installedAt: null, firstSeenAt: '2026-11-01', lastSeenAt: '2026-11-23', osLink,
  verdict: { status, unknownReason: status === 'unknown' ? 'unrecognised' : null, product: null, cycle: null, eol: null, extendedSupportEnd: null, reason: '…' },
});

describe('groupPackages', () => {
  it('folds packages that follow the OS into one group per package manager, counted by status', () => {
    const items = [item('bash', 'dpkg', 'follows', 'unsupported'), item('apt', 'dpkg', 'follows', 'unsupported'), item('zlib', 'rpm', 'follows', 'supported')];
    const { listed, groups } = groupPackages(items);
    expect(listed).toEqual([]);
    expect(groups.map((g) => [g.source, g.items.map((i) => i.name), g.counts])).toEqual([
      ['dpkg', ['bash', 'apt'], [['unsupported', 2]]],
      ['rpm', ['zlib'], [['supported', 1]]],
    ]);
  });

  it("keeps listed a package judged by its upstream's lifecycle, and everything that is not a distribution package", () => {
    const upstream = item('postgresql-13', 'dpkg', 'none', 'unsupported');
    const inbox = item('Paint', 'registry', 'follows', 'supported');
    const app = item('Chrome', 'registry', 'none', 'supported');
    expect(groupPackages([upstream, inbox, app, item('bash', 'dpkg', 'follows', 'unsupported')]).listed).toEqual([upstream, inbox, app]);
  });
});

describe('countByStatus', () => {
  it('counts each status in the fixed order, leaving out those no item has', () => {
    expect(countByStatus([item('a', 'other', 'none', 'unknown'), item('b', 'other', 'none', 'supported'), item('c', 'other', 'none', 'unknown')])).toEqual([
      ['supported', 1],
      ['unknown', 2],
    ]);
  });
});
