/**
 * macOS before 10.15 has no `system_profiler -json`; the agent falls back to
 * `-xml`. Checked on a real Lion capture: read from the plist, the list is the
 * one the agent built from the same capture rendered as JSON (the corpus
 * machine macos-10-7-5-chef-ohai-spec), entry for entry.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApplicationsXml } from '../../../../agents/macos/applications.js';
import { parsePlist, type PlistValue } from '../../../../agents/macos/plist.js';

const read = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');
const xml = read('real-tool-output/macos/lion-chef-ohai-system-profiler-xml/output.xml');

/** The capture's own mark of a plain file named *.app (what the disk would say on that Mac). */
function plainFiles(): Set<string> {
  const root = parsePlist(xml) as PlistValue[];
  const items = (root[0] as Record<string, PlistValue>)._items as Record<string, PlistValue>[];
  return new Set(items.filter((i) => i.runtime_environment === 'classic').map((i) => String(i.path)));
}

describe('parseApplicationsXml on a real Mac OS X 10.7.5 capture', () => {
  const classic = plainFiles();
  const software = parseApplicationsXml(xml, (path) => !classic.has(path));

  it('gives exactly the list the agent builds from the same capture as JSON', () => {
    const corpus = JSON.parse(read('real/macos/macos-10-7-5-chef-ohai-spec/report.json')) as { software: unknown[] };
    expect(software).toEqual(corpus.software);
  });

  it('reads plist dates as install times and copyright lines as vendors', () => {
    expect(software?.find((s) => s.name === 'Firefox')).toMatchObject({ version: '17.0.1', source: 'macos', installedAt: expect.stringMatching(/^2012-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
  });

  it('is undefined for a plist that is not the applications list, or no plist at all', () => {
    expect(parseApplicationsXml('<?xml version="1.0"?><plist version="1.0"><array><dict><key>_dataType</key><string>SPHardwareDataType</string></dict></array></plist>')).toBeUndefined();
    expect(parseApplicationsXml('system_profiler: unknown option -json')).toBeUndefined();
  });
});

describe('parsePlist', () => {
  it('reads every value type and entity system_profiler writes', () => {
    const text = '<plist version="1.0"><dict><key>a &amp; b</key><array><string>x&lt;y&#233;</string><integer>42</integer><real>1.5</real><true/><false/><date>2012-11-28T01:46:13Z</date><dict/><array/></array></dict></plist>';
    expect(parsePlist(text)).toEqual({ 'a & b': ['x<yé', 42, 1.5, true, false, '2012-11-28T01:46:13Z', {}, []] });
  });
});
