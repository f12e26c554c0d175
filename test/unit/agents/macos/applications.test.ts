import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectApplications,
  isBundleOnDisk,
  isOsComponent,
  NO_VERSION,
  parseApplications,
  vendorFromInfo,
  vendorFromSigner,
} from '../../../../agents/macos/applications.js';
import { fixture } from './_fixture.js';
import { withoutTools } from './_no-tools.js';

describe('parseApplications', () => {
  const software = parseApplications(fixture('system-profiler-applications.json')) ?? [];
  const named = (name: string) => software.filter((item) => item.name === name);

  it('reads name, version, vendor from the Developer ID signer and installedAt from lastModified', () => {
    expect(named('Google Chrome')).toEqual([
      { name: 'Google Chrome', version: '131.0.6778.86', vendor: 'Google LLC', source: 'macos', installedAt: '2024-11-20T09:41:12Z' },
    ]);
    expect(named('Microsoft Word')[0]).toMatchObject({ version: '16.91', vendor: 'Microsoft Corporation' });
    expect(named('Adobe Photoshop 2024')[0]).toMatchObject({ version: '25.12.0', vendor: 'Adobe Inc.' });
  });

  it('lists an app found in two places once, and keeps an older copy with another version', () => {
    expect(named('zoom.us')).toHaveLength(1);
    expect(named('zoom.us')[0]).toMatchObject({ version: '6.2.11 (44166)', vendor: 'Zoom Video Communications, Inc.' });
    expect(named('Firefox').map((item) => item.version)).toEqual(['132.0.2', '115.16.1']);
  });

  it('keeps a non-ASCII name, composing a decomposed one so both spellings are one app', () => {
    expect(named('Übersicht')).toEqual([
      { name: 'Übersicht', version: '1.6.82', vendor: 'Felix Hageloh', source: 'macos', installedAt: '2024-03-18T21:04:33Z' },
    ]);
  });

  it(`reports an app without a version as "${NO_VERSION}" rather than dropping it`, () => {
    expect(named('Ward Rota Launcher')).toEqual([
      { name: 'Ward Rota Launcher', version: NO_VERSION, vendor: undefined, source: 'macos', installedAt: '2019-06-03T14:20:00Z' },
    ]);
  });

  it("skips Apple's OS apps under /System and /Library/Apple but keeps Safari and App Store apps", () => {
    for (const name of ['Calculator', 'Mail', 'Finder', 'Automator Application Stub', 'XProtect']) expect(named(name)).toEqual([]);
    expect(named('Safari')[0]).toMatchObject({ version: '18.1', vendor: 'Apple Inc.' });
    expect(named('Keynote')[0]).toMatchObject({ version: '14.2', vendor: 'Apple Inc.' });
  });

  it('keeps apps on /System/Volumes/Data (the writable volume), dropping a bad lastModified', () => {
    expect(named('OsiriX Lite')).toEqual([{ name: 'OsiriX Lite', version: '14.0.2', vendor: 'Pixmeo SARL', source: 'macos', installedAt: undefined }]);
  });

  it('skips helper apps nested in another bundle and apps on mounted volumes', () => {
    expect(named('Google Chrome Helper')).toEqual([]);
    expect(named('Firefox').some((item) => item.version === '133.0')).toBe(false);
  });

  it('returns the 13 installed apps of the fixture', () => {
    expect(software).toHaveLength(13);
  });

  it('returns undefined for output that is not the applications document, and [] for an empty list', () => {
    expect(parseApplications('{"SPApplicationsDataType": ')).toBeUndefined();
    expect(parseApplications('{"SPHardwareDataType": []}')).toBeUndefined();
    expect(parseApplications('{"SPApplicationsDataType": []}')).toEqual([]);
  });

  it('skips a malformed entry and keeps the rest', () => {
    const json = JSON.stringify({ SPApplicationsDataType: [{ version: '1.0' }, { _name: 'Ok', version: '2.0' }] });
    expect(parseApplications(json)).toEqual([{ name: 'Ok', version: '2.0', vendor: undefined, source: 'macos', installedAt: undefined }]);
  });
});

describe('bundles and plain files named *.app', () => {
  const listing = (paths: readonly string[]) => JSON.stringify({ SPApplicationsDataType: paths.map((path) => ({ _name: path.split('/').at(-1)!.replace(/\.app$/, ''), path })) });

  it('keeps a bundle (a directory) and drops a plain file, such as an Erlang/OTP ebin/*.app resource file', () => {
    const root = mkdtempSync(join(tmpdir(), 'estatewatch-apps-'));
    try {
      mkdirSync(join(root, 'Applications', 'Ward Rota.app', 'Contents'), { recursive: true });
      mkdirSync(join(root, 'erlang', 'lib', 'kernel-2.15.3', 'ebin'), { recursive: true });
      writeFileSync(join(root, 'erlang', 'lib', 'kernel-2.15.3', 'ebin', 'kernel.app'), '{application, kernel, []}.\n');
      const software = parseApplications(listing([join(root, 'Applications', 'Ward Rota.app'), join(root, 'erlang', 'lib', 'kernel-2.15.3', 'ebin', 'kernel.app')]));
      expect(software?.map((item) => item.name)).toEqual(['Ward Rota']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps an entry whose path cannot be read now: an app must not vanish on a failed look', () => {
    expect(isBundleOnDisk('/nonexistent/estatewatch/Gone.app')).toBe(true);
    expect(parseApplications(listing(['/nonexistent/estatewatch/Gone.app']))?.map((item) => item.name)).toEqual(['Gone']);
  });

  it('asks the given judge when the capture was read on another machine', () => {
    const software = parseApplications(listing(['/Applications/Kept.app', '/usr/local/lib/erlang/lib/stdlib/ebin/stdlib.app']), (path) => !path.includes('/ebin/'));
    expect(software?.map((item) => item.name)).toEqual(['Kept']);
  });
});

describe('isOsComponent', () => {
  it.each([
    ['/System/Applications/Mail.app', true],
    ['/System/Cryptexes/App/System/Applications/Safari.app', true],
    ['/Library/Apple/System/Library/CoreServices/XProtect.app', true],
    ['/System/Volumes/Data/Applications/zoom.us.app', false],
    ['/Applications/Safari.app', false],
  ])('%s → %s', (path, expected) => {
    expect(isOsComponent(path)).toBe(expected);
  });
});

describe('vendorFromSigner', () => {
  it('takes the organisation from a Developer ID signer only', () => {
    expect(vendorFromSigner('Developer ID Application: Google LLC (EQHXZ8M8AV)')).toBe('Google LLC');
    expect(vendorFromSigner('Apple Mac OS Application Signing')).toBeUndefined();
    expect(vendorFromSigner('Software Signing')).toBeUndefined();
    expect(vendorFromSigner(undefined)).toBeUndefined();
  });
});

describe('vendorFromInfo', () => {
  it('takes the copyright holder, keeping "Inc." but not a sentence full stop', () => {
    expect(vendorFromInfo('Google Chrome 131.0.6778.86, Copyright 2024 Google LLC. All rights reserved.')).toBe('Google LLC');
    expect(vendorFromInfo('Keynote 14.2, Copyright © 2003-2024 Apple Inc. All rights reserved.')).toBe('Apple Inc.');
    expect(vendorFromInfo('Copyright (c) Microsoft Corporation')).toBe('Microsoft Corporation');
  });

  it('returns undefined when there is no copyright line', () => {
    expect(vendorFromInfo('Firefox 132.0.2')).toBeUndefined();
    expect(vendorFromInfo(undefined)).toBeUndefined();
  });
});

describe('collectApplications without system_profiler', () => {
  withoutTools();

  it('returns nothing rather than failing', async () => {
    await expect(collectApplications()).resolves.toEqual({});
  });
});
