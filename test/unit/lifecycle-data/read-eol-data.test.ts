import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLifecycleRules } from '../../../src/lifecycle-data/generate-rules.js';
import { parseEolApiV1, readEolData } from '../../../src/lifecycle-data/read-eol-data.js';
import { buildRuleSet } from '../../../src/rules/load-lifecycle-rules.js';
import { RulesError } from '../../../src/rules/rule-issue.js';

const EXPORT = fileURLToPath(new URL('../../fixtures/endoflife-api/products-full-2025-08-27.json.gz', import.meta.url));
const FOLDER = fileURLToPath(new URL('../../../../shared/data/endoflife', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'ew-eol-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readEolData', () => {
  it('reads a real API v1 export (gzip) with its date and every product', () => {
    const data = readEolData(EXPORT);
    expect(data.format).toBe('api-v1');
    expect(data.takenOn).toBe('2025-08-27');
    expect(data.products.size).toBe(412);
    const ubuntu = data.products.get('ubuntu');
    const noble = ubuntu?.releases.find((r) => r.cycle === '24.04');
    // The export gives 24.04's standard support end as eolFrom (2029-04-25 then; the 2026 snapshot says 2029-05-31), ESM as eoesFrom.
    expect(noble).toMatchObject({ eol: '2029-04-25', extendedSupport: '2036-04-25', releaseDate: '2024-04-25', latest: '24.04.3', latestReleaseDate: '2025-08-07' });
    expect(ubuntu?.columns).toMatchObject({ extendedSupport: 'Expanded Security Maintenance' });
  });

  it('reads the snapshot folder with the day its newest commit was taken', () => {
    const data = readEolData(FOLDER);
    expect(data).toMatchObject({ format: 'folder', takenOn: '2026-08-22' });
    expect(data.products.size).toBe(464);
  });

  it('turns a real export into rules that pass validation, citing the export rather than a commit', () => {
    const { files } = generateLifecycleRules(readEolData(EXPORT).products, { requireEveryRecipe: false });
    expect(files.length).toBeGreaterThan(250);
    expect(buildRuleSet(files).issues).toEqual([]);
    const firefox = files.find((f) => f.file === 'firefox.yaml')?.text ?? '';
    expect(firefox).toContain('endoflife.date API export of 2025-08-27T13:14:55+00:00');
    expect(firefox).toMatch(/retrieved: 2025-08-27/);
  });

  it('refuses a broken export, naming the file and the JSON path', () => {
    const real = JSON.parse(gunzipSync(readFileSync(EXPORT)).toString('utf8'));
    real.result[3].releases[0].eolFrom = '31/05/2029';
    const file = join(scratch, 'broken.json');
    writeFileSync(file, JSON.stringify(real));
    expect(() => readEolData(file)).toThrow(RulesError);
    expect(() => readEolData(file)).toThrow(/broken\.json:1: result\.3\.releases\.0\.eolFrom/);
  });

  it('refuses what is not JSON, and an export of another API version', () => {
    expect(() => parseEolApiV1('x.json', '<html>')).toThrow(/x\.json:1: not JSON/);
    expect(() => parseEolApiV1('x.json', JSON.stringify({ schema_version: '2.0.0', generated_at: '2026-01-01T00:00:00Z', result: [] }))).toThrow(/schema_version: expected an API v1 export/);
  });
});
