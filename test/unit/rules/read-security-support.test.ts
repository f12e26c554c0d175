/**
 * debian-security-support's lists read from the installed package
 * (scripts/test-prerequisites.sh installs it), and a broken copy refused with file:line.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSecuritySupportEnded, readSecuritySupport } from '../../../src/rules/read-security-support.js';
import { rulesRefusal } from '../../helpers/rules-refusal.js';

const DIR = '/usr/share/debian-security-support';
const BROKEN = fileURLToPath(new URL('../../fixtures/distribution-data/broken-security-support', import.meta.url));

describe('readSecuritySupport on the installed debian-security-support', () => {
  const data = readSecuritySupport(DIR);

  it('reads every entry of every security-support-ended.debNN, each with its release and line', () => {
    const files = fs.readdirSync(DIR).filter((f) => /^security-support-ended\.deb\d+$/.test(f));
    expect(files).toContain('security-support-ended.deb12');
    for (const f of files) {
      const lines = fs.readFileSync(`${DIR}/${f}`, 'utf8').split('\n').filter((l) => !/^\s*(#|$)/.test(l));
      const release = f.slice('security-support-ended.deb'.length);
      expect(data!.entries.filter((e) => e.release === release)).toHaveLength(lines.length);
    }
  });

  it('reads the suricata entry of Debian 12 column by column, the note kept whole', () => {
    const text = fs.readFileSync(`${DIR}/security-support-ended.deb12`, 'utf8').split('\n');
    const line = text.findIndex((l) => l.startsWith('suricata ')) + 1;
    const [pkg, version, ended, ...note] = (text[line - 1] as string).trim().split(/\s+/);
    const entry = data!.entries.find((e) => e.release === '12' && e.package === 'suricata');
    expect(entry).toEqual({ package: pkg, version, ended, note: note.join(' '), release: '12', file: `${DIR}/security-support-ended.deb12`, line });
    // Checked by eye against the file: Debian 12's suricata 1:6.0.10-1 lost security support on 2026-04-30.
    expect(entry).toMatchObject({ version: '1:6.0.10-1', ended: '2026-04-30' });
  });

  it('does not read the bare security-support-ended, a link to one release\'s list', () => {
    expect(new Set(data!.entries.map((e) => e.file.replace(/.*\//, '')))).not.toContain('security-support-ended');
  });

  it('cites the package by its installed version', () => {
    expect(data!.package).toMatchObject({ name: 'debian-security-support', version: expect.stringMatching(/^\d+:\d+\+\d{4}\.\d{2}\.\d{2}$/) });
  });

  it('is null for a folder without the lists (the package not installed)', () => {
    expect(readSecuritySupport(fileURLToPath(new URL('.', import.meta.url)))).toBeNull();
  });
});

describe('a broken security-support list', () => {
  it('is refused with every problem at its file and line', () => {
    const error = rulesRefusal(() => readSecuritySupport(BROKEN));
    expect(error.message).toContain(`${BROKEN}/security-support-ended.deb12:5: expected at least three columns`);
    expect(error.issues.map((i) => [i.line, i.message])).toEqual([
      [5, 'expected at least three columns: package, last supported version, day support ended'],
      [6, 'ended: expected the day support ended, YYYY-MM-DD, not "2026-06-31"'],
    ]);
  });

  it('reads a line without a note, and one whose note has blanks in it', () => {
    const { entries } = parseSecuritySupportEnded('11', 'x', 'foo 1.0-1 2024-01-01\nbar  2.0-1\t2024-02-02   see  #123 \n');
    expect(entries.map((e) => [e.package, e.note])).toEqual([['foo', null], ['bar', 'see  #123']]);
  });
});
