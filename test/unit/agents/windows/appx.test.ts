import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAppx, publisherName } from '../../../../agents/windows/appx.js';
import { fixture } from './_fixture.js';

describe('parseAppx', () => {
  it("lists every user's main packages by name and version, the certificate's CN as vendor, frameworks left out", () => {
    expect(parseAppx(fixture('appx-ward-pc.json'))).toEqual([
      { name: 'Microsoft.WindowsStore', version: '22409.1401.5.0', vendor: 'Microsoft Corporation', source: 'other' },
      { name: 'MSTeams', version: '24295.605.3225.8804', vendor: 'Microsoft Corporation', source: 'other' },
      { name: 'Microsoft.CompanyPortal', version: '11.2.1002.0', vendor: 'Microsoft Corporation', source: 'other' },
    ]);
  });

  it('reads a real `Get-AppxPackage | Select-Object Name, Version, Publisher | ConvertTo-Json` capture (Czech Windows 10, build 16251)', () => {
    // The file holds the machine's Uninstall objects first (no Name: not packages), then 89 package objects:
    // without -PackageTypeFilter a framework is listed once per architecture, so 78 distinct name/version pairs.
    const captured = readFileSync(new URL('../../../fixtures/real-tool-output/windows/win10-16251-cs-avas-uninstall-json/output-with-appx.json', import.meta.url)).toString('utf16le');
    const packages = parseAppx(captured);
    expect(packages).toHaveLength(78);
    expect(packages.find((p) => p.name === 'Microsoft.BingWeather')).toEqual({ name: 'Microsoft.BingWeather', version: '4.21.2212.0', vendor: 'Microsoft Corporation', source: 'other' });
    expect(packages.find((p) => p.name === 'Microsoft.Windows.CloudExperienceHost')?.vendor).toBe('Microsoft Windows');
  });
});

describe('publisherName', () => {
  it('takes the CN, quoted or not', () => {
    expect(publisherName('CN=Spotify AB, O=Spotify AB, L=Stockholm, C=SE')).toBe('Spotify AB');
    expect(publisherName('CN="Dropbox, Inc.", O="Dropbox, Inc.", C=US')).toBe('Dropbox, Inc.');
    expect(publisherName(undefined)).toBeUndefined();
  });
});
