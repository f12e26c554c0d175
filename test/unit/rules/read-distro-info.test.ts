/**
 * distro-info-data read from the installed package (scripts/test-prerequisites.sh
 * installs it), and a broken copy refused with file:line.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDistroInfoCsv, readDistroInfo } from '../../../src/rules/read-distro-info.js';
import { rulesRefusal } from '../../helpers/rules-refusal.js';

const DIR = '/usr/share/distro-info';
const BROKEN = fileURLToPath(new URL('../../fixtures/distribution-data/broken-distro-info', import.meta.url));

/** The data lines of a CSV, counted independently of the parser. */
const dataLines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');

describe('readDistroInfo on the installed distro-info-data', () => {
  const info = readDistroInfo(DIR);

  it('reads every row of ubuntu.csv and debian.csv, each with its line', () => {
    expect(info).not.toBeNull();
    for (const distro of ['ubuntu', 'debian'] as const) {
      const table = info!.tables.find((t) => t.distro === distro);
      expect(table?.file).toBe(`${DIR}/${distro}.csv`);
      expect(table?.rows).toHaveLength(dataLines(`${DIR}/${distro}.csv`).length);
      expect(table?.rows[0]?.line).toBe(2);
    }
  });

  it('reads the Ubuntu 20.04 row column by column', () => {
    const line = dataLines(`${DIR}/ubuntu.csv`).find((l) => l.startsWith('20.04 LTS,'))!;
    const [version, codename, series, created, release, eol, eolServer, eolEsm, eolLegacy] = line.split(',');
    const row = info!.tables.find((t) => t.distro === 'ubuntu')!.rows.find((r) => r.series === 'focal');
    expect(row).toMatchObject({ version, codename, series, created, release, eol, 'eol-server': eolServer, 'eol-esm': eolEsm, 'eol-legacy': eolLegacy || null });
    // Checked by eye against /usr/share/distro-info/ubuntu.csv: Focal's standard support ended on 2025-05-29.
    expect(row?.eol).toBe('2025-05-29');
  });

  it('keeps sid and experimental, which have no version, as rows with an empty version', () => {
    const sid = info!.tables.find((t) => t.distro === 'debian')!.rows.find((r) => r.series === 'sid');
    expect(sid).toMatchObject({ version: '', release: null, eol: null });
  });

  it('cites the package by its installed version and date', () => {
    expect(info!.package.name).toBe('distro-info-data');
    expect(info!.package.version).toMatch(/^\d+\.\d+/);
    expect(info!.package.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(info!.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is null for a folder without the CSVs (the package not installed)', () => {
    expect(readDistroInfo(fileURLToPath(new URL('.', import.meta.url)))).toBeNull();
  });
});

describe('a broken distro-info CSV', () => {
  it('is refused with every problem at its file and line', () => {
    const error = rulesRefusal(() => readDistroInfo(BROKEN));
    expect(error.issues.map((i) => `${i.file.slice(BROKEN.length + 1)}:${i.line}: ${i.message}`)).toEqual([
      'ubuntu.csv:4: column "eol": expected a date YYYY-MM-DD or nothing, not "2021-07-32"',
      'ubuntu.csv:5: 10 fields, but the header names 9 columns',
      'debian.csv:3: version "12" is listed twice (first on line 2)',
    ]);
    expect(error.message).toContain(`${BROKEN}/ubuntu.csv:4: column "eol"`);
  });

  it('is refused when the header lacks a column the dates need', () => {
    const { table, issues } = parseDistroInfoCsv('debian', 'debian.csv', 'version,codename,series,created,release\n12,Bookworm,bookworm,2021-08-14,2023-06-10\n');
    expect(table).toBeNull();
    expect(issues).toEqual([{ file: 'debian.csv', line: 1, message: 'the header lacks column(s) eol: is this a distro-info-data CSV?' }]);
  });

  it('ignores a column Debian adds later rather than refusing the file', () => {
    const { table } = parseDistroInfoCsv('debian', 'debian.csv', 'version,codename,series,created,release,eol,eol-new\n12,Bookworm,bookworm,2021-08-14,2023-06-10,2026-07-11,2040-01-01\n');
    expect(table?.rows[0]).toMatchObject({ version: '12', eol: '2026-07-11', 'eol-lts': null });
  });
});
