import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectPkgutil, installsApplication, parsePkgIds, parsePkgInfo, parsePlistDict, vendorFromId } from '../../../../agents/macos/pkgutil.js';
import { fixture } from './_fixture.js';
import { withoutTools } from './_no-tools.js';

describe('parsePkgIds', () => {
  it("lists the receipt ids without Apple's com.apple.* receipts", () => {
    const ids = parsePkgIds(fixture('pkgutil-pkgs.txt'));
    expect(ids).toHaveLength(10);
    expect(ids.some((id) => id.startsWith('com.apple.'))).toBe(false);
    expect(ids).toContain('org.python.Python.PythonFramework-3.12');
  });
});

describe('parsePkgInfo', () => {
  const info = (id: string) => parsePkgInfo(fixture(`pkg-info-plist/${id}.plist`));

  it('names a receipt by its id, with pkg-version, a known vendor and install-time', () => {
    expect(info('org.python.Python.PythonFramework-3.12')).toEqual({
      name: 'org.python.Python.PythonFramework-3.12',
      version: '3.12.7',
      vendor: 'Python Software Foundation',
      source: 'macos',
      installedAt: '2024-10-01T18:30:02.000Z',
    });
  });

  it('gives no vendor for an organisation that is not obvious from the id', () => {
    expect(info('uk.nhs.trust.medphoto.agent')).toMatchObject({ version: '2.3.1', vendor: undefined });
  });

  it('skips receipts that installed an app, which the applications collector already lists', () => {
    for (const id of [
      'com.microsoft.package.Microsoft_Word.app',
      'com.microsoft.package.Microsoft_AutoUpdate.app',
      'us.zoom.pkg.videomeeting',
      'org.python.Python.PythonApplications-3.12',
    ]) {
      expect(info(id)).toBeUndefined();
    }
  });

  it('keeps the runtimes, drivers and agents of the fixture', () => {
    const kept = readdirSync(new URL('../../../fixtures/macos/pkg-info-plist/', import.meta.url))
      .map((file) => info(file.replace(/\.plist$/, ''))?.name)
      .filter((name) => name !== undefined)
      .sort();
    expect(kept).toEqual([
      'com.cisco.pkg.anyconnect.vpn',
      'com.microsoft.package.DFonts',
      'com.microsoft.pkg.licensing',
      'com.oracle.jdk8u421',
      'org.python.Python.PythonFramework-3.12',
      'uk.nhs.trust.medphoto.agent',
    ]);
  });

  it('returns undefined for a receipt without id or version', () => {
    expect(parsePkgInfo('<plist><dict><key>pkgid</key><string>x.y</string></dict></plist>')).toBeUndefined();
    expect(parsePkgInfo('No receipt for \'x.y\' found at \'/\'.')).toBeUndefined();
  });
});

describe('parsePlistDict', () => {
  it('reads string and integer values and decodes XML entities', () => {
    const dict = parsePlistDict('<dict><key>a</key><string>R&amp;D &lt;1&gt;</string><key>n</key><integer>42</integer><key>t</key><true/></dict>');
    expect([...dict]).toEqual([
      ['a', 'R&D <1>'],
      ['n', '42'],
    ]);
  });
});

describe('installsApplication', () => {
  it('is true for ".app" ids and /Applications locations, with or without the leading slash', () => {
    expect(installsApplication('com.example.Thing.app', '/')).toBe(true);
    expect(installsApplication('com.example.thing', 'Applications')).toBe(true);
    expect(installsApplication('com.example.thing', '/Applications/Utilities')).toBe(true);
    expect(installsApplication('com.example.thing', '/Library/Frameworks')).toBe(false);
    expect(installsApplication('com.example.thing', '/ApplicationsExtra')).toBe(false);
  });
});

describe('vendorFromId', () => {
  it('maps only well-known reverse-DNS organisations', () => {
    expect(vendorFromId('com.microsoft.pkg.licensing')).toBe('Microsoft Corporation');
    expect(vendorFromId('com.example.thing')).toBeUndefined();
  });
});

describe('collectPkgutil without pkgutil', () => {
  withoutTools();

  it('returns nothing rather than failing', async () => {
    await expect(collectPkgutil()).resolves.toEqual({});
  });
});
