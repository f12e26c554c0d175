import { describe, expect, it } from 'vitest';
import { ruleFileMemo } from '../../../src/rules/rule-file-memo.js';

describe('ruleFileMemo', () => {
  it('parses a file once while its text stays the same', () => {
    const memo = ruleFileMemo<{ text: string }>();
    let parses = 0;
    const parse = (text: string) => () => ({ text: `${text} (parse ${++parses})` });
    const first = memo.get('a.yaml', 'one', parse('one'));
    expect(memo.get('a.yaml', 'one', parse('one'))).toBe(first);
    expect(parses).toBe(1);
  });

  it('parses again when the text under a name changes, and keeps only the newest', () => {
    const memo = ruleFileMemo<string>();
    const calls: string[] = [];
    const parse = (text: string) => () => (calls.push(text), text.toUpperCase());
    expect(memo.get('a.yaml', 'one', parse('one'))).toBe('ONE');
    expect(memo.get('a.yaml', 'two', parse('two'))).toBe('TWO');
    expect(memo.get('a.yaml', 'one', parse('one'))).toBe('ONE');
    expect(calls).toEqual(['one', 'two', 'one']);
  });

  it('keeps files apart by name, even with the same text', () => {
    const memo = ruleFileMemo<string>();
    memo.get('a.yaml', 'same', () => 'from a');
    expect(memo.get('b.yaml', 'same', () => 'from b')).toBe('from b');
    expect(memo.get('a.yaml', 'same', () => 'parsed again')).toBe('from a');
  });
});
