/** Releases named as a board would say them, from real rule titles and cycle labels in rules/lifecycle. */
import { describe, expect, it } from 'vitest';
import { productLabel } from '../../../src/report/product-label.js';

describe('productLabel', () => {
  it('says a product once when the cycle label names it again', () => {
    expect(productLabel('Microsoft Windows Server', 'Windows Server 2012 R2')).toBe('Microsoft Windows Server 2012 R2');
    expect(productLabel('Microsoft 365 Apps', 'Microsoft 365 Apps, build older than 19127 (Version 2508)')).toBe('Microsoft 365 Apps, build older than 19127 (Version 2508)');
    expect(productLabel('Mozilla Thunderbird', 'Thunderbird 153 (ESR 153; release channel 153.0.x)')).toBe('Mozilla Thunderbird 153 (ESR 153; release channel 153.0.x)');
    expect(productLabel('Microsoft Visual C++ Redistributable', 'Visual C++ v14 (Visual Studio 2017-2026)')).toBe('Microsoft Visual C++ v14 (Visual Studio 2017-2026)');
  });

  it("drops the title's bracketed aside but keeps the label's, which can tell two cycles apart", () => {
    expect(productLabel('Microsoft Windows (client)', '7 SP1')).toBe('Microsoft Windows 7 SP1');
    expect(productLabel('Microsoft Windows (client)', '11 24H2 (W)')).toBe('Microsoft Windows 11 24H2 (W)');
    expect(productLabel('Microsoft Windows (client)', '11 24H2 (E)')).toBe('Microsoft Windows 11 24H2 (E)');
  });

  it('follows the whole title with a label that does not name the product, or with the bare cycle', () => {
    expect(productLabel('Microsoft Office', '2024 LTSC')).toBe('Microsoft Office 2024 LTSC');
    expect(productLabel('CentOS', '7')).toBe('CentOS 7');
    expect(productLabel('Debian', '12 (Bookworm)')).toBe('Debian 12 (Bookworm)');
  });

  it('keeps a label whose product word comes after its own qualifier', () => {
    expect(productLabel('Microsoft LAPS (legacy Local Administrator Password Solution)', 'Legacy Microsoft LAPS (MSI)')).toBe('Legacy Microsoft LAPS (MSI)');
  });

  it('names a product with no cycle by its title alone', () => {
    expect(productLabel('Microsoft Windows (client)', '')).toBe('Microsoft Windows');
  });
});
