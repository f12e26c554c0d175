import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const agentsDir = join(root, 'agents');
/** What may ship in the agent bundle besides Node built-ins and its own files. */
const ALLOWED_PACKAGES = new Set(['zod', 'node-cron']);

function agentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? agentFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? '',
  );
}

describe('agent imports', () => {
  const files = agentFiles(agentsDir);

  it('finds the agent sources', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('import nothing from src/ but the shared contract (src/contract/)', () => {
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(root, resolve(dirname(file), spec)))
        .filter((target) => !target.startsWith('agents/') && !target.startsWith('src/contract/'))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('use only Node built-ins, zod and node-cron', () => {
    const packages = files.flatMap((file) => importsOf(file).filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:')));
    expect(packages.filter((spec) => !ALLOWED_PACKAGES.has(spec))).toEqual([]);
  });
});
