/** Agents run on trust machines from a small bundle: they may import only the report contract from src/. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const AGENTS = path.resolve(import.meta.dirname, '../../agents');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('agent import boundary', () => {
  it('imports nothing from src/ but the report contract, and no hub-only package', () => {
    const offending: string[] = [];
    for (const file of sourceFiles(AGENTS)) {
      for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)) {
        const target = spec?.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec ?? '';
        const intoSrc = target.includes(`${path.sep}src${path.sep}`) && !target.endsWith(path.join('src', 'contract', 'report.js'));
        const hubPackage = /^(hono|@hono\/|better-sqlite3|yaml|semver)/.test(target);
        if (intoSrc || hubPackage) offending.push(`${path.relative(AGENTS, file)} imports ${spec}`);
      }
    }
    expect(sourceFiles(AGENTS).length).toBeGreaterThan(5);
    expect(offending).toEqual([]);
  });
});
