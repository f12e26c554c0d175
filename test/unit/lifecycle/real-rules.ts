/** The shipped rule files, loaded once per test file, with the fixed day the tests are for. */
import { fileURLToPath } from 'node:url';
import { loadLifecycleRules } from '../../../src/rules/load-lifecycle-rules.js';
import type { EvaluateOptions } from '../../../src/lifecycle/verdict.js';

export const RULES_DIR = fileURLToPath(new URL('../../../rules/lifecycle', import.meta.url));
export const OPTS: EvaluateOptions = { asOf: '2026-11-23', windowDays: 180 };
export const rules = loadLifecycleRules(RULES_DIR);
