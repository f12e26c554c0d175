/** The README's configuration table is generated from src/config.ts; this keeps the two in step. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configTable } from '../../src/config.js';

const README = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('carries the configuration table exactly as `estatewatch config` prints it', () => {
    const table = README.split('<!-- config-table:start -->\n')[1]?.split('\n<!-- config-table:end -->')[0];
    expect(table).toBe(configTable());
  });

  it('shows the two commands on its first screen, and CI runs the same test command', () => {
    const firstScreen = README.split('\n').slice(0, 12).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
    const ci = fs.readFileSync(path.resolve(import.meta.dirname, '../../.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
