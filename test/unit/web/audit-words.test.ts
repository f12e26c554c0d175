import { describe, expect, it } from 'vitest';
import { actionWords, fieldWords, valueWords } from '../../../src/web/audit-words.js';

describe('an audit entry in words', () => {
  it('names actions and fields as people say them', () => {
    expect(actionWords('sign-off')).toBe('signed off');
    expect(actionWords('raise-from-alert')).toBe('raised from an alert');
    expect(actionWords('some-new-action')).toBe('some new action');
    expect(fieldWords('suppressedUntil')).toBe('suppressed until');
    expect(fieldWords('initialSeverity')).toBe('initial severity');
  });

  it('spells out values: times, flags, nothing, links and small records, never JSON', () => {
    expect(valueWords('2026-11-23T12:00:00.000Z')).toBe('23 Nov 2026, 12:00 UTC');
    expect(valueWords('2027-03-31')).toBe('2027-03-31');
    expect(valueWords(true)).toBe('yes');
    expect(valueWords(null)).toBe('—');
    expect(valueWords([{ kind: 'alert', targetId: 12 }, { kind: 'asset', targetId: 3 }])).toBe('alert #12, asset #3');
    expect(valueWords([])).toBe('none');
    expect(valueWords({ code: 'machine-unavailable', other: 4 })).toBe('code: machine-unavailable; other: 4');
    expect(valueWords({ links: [{ kind: 'asset', targetId: 1 }] })).not.toMatch(/[{}"[\]]/);
  });
});
