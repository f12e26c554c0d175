import { describe, expect, it } from 'vitest';
import { cleanName } from '../../../src/lifecycle/clean-name.js';

describe('cleanName', () => {
  it('folds doubled, leading and trailing whitespace as real Uninstall keys carry it', () => {
    expect(cleanName(' Microsoft Visual C++ 2010  x64 Redistributable - 10.0.40219 ')).toBe('Microsoft Visual C++ 2010 x64 Redistributable - 10.0.40219');
    expect(cleanName('Microsoft SQL Server 2014 Management Objects  ')).toBe('Microsoft SQL Server 2014 Management Objects');
  });

  it('turns full-width forms into ASCII and composes decomposed accents (NFKC)', () => {
    expect(cleanName('Ｆｉｒｅｆｏｘ')).toBe('Firefox');
    expect(cleanName('Outils de ve\u0301rification linguistique')).toBe('Outils de vérification linguistique');
  });

  it('drops trademark signs, zero-width characters and non-breaking spaces', () => {
    expect(cleanName('Intel® PROSet/Wireless Software')).toBe('Intel PROSet/Wireless Software');
    expect(cleanName('Java™\u200b 8\u00a0Update 202')).toBe('Java 8 Update 202');
  });

  it('keeps words, versions and architecture, which patterns need', () => {
    expect(cleanName('7-Zip 19.00 (x64)')).toBe('7-Zip 19.00 (x64)');
  });
});
