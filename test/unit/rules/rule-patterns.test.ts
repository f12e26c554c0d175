/**
 * Mistakes in the shipped patterns that a validator cannot see but that silently
 * match nothing: a word boundary right after a non-word character ("Notepad\+\+\b"
 * never fires on "Notepad++ (64-bit)", since "+" and " " are both non-word).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLifecycleRules } from '../../../src/rules/load-lifecycle-rules.js';

const rules = loadLifecycleRules(fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url)));
const patterns = [
  ...rules.rules.flatMap((r) => r.matchers.flatMap((m) => m.tests.map((t) => ({ where: r.file, field: t.field, pattern: t.pattern })))),
  ...rules.titles.flatMap((t) => t.matchers.flatMap((m) => m.tests.map((x) => ({ where: `titles/${t.file}`, field: x.field, pattern: x.pattern })))),
];

describe('shipped match patterns', () => {
  it('never put a word boundary right after an escaped non-word character', () => {
    const dead = patterns.filter((p) => /\\[+)\].!?*]\\b/.test(p.pattern));
    expect(dead).toEqual([]);
  });

  it('anchor every name pattern at the start, so a name is matched from its first word', () => {
    // Vendor patterns may float: a maker's name stands mid-string in copyright lines ("Copyright 2012 Apple Inc.").
    const loose = patterns.filter((p) => p.field === 'name' && !p.pattern.startsWith('^'));
    expect(loose.map((p) => `${p.where}: ${p.pattern}`)).toEqual([]);
  });
});
