import { RulesError } from '../../src/rules/rule-issue.js';

/** The RulesError a read refuses its files with; fails the test when it reads them instead. */
export function rulesRefusal(read: () => unknown): RulesError {
  try {
    read();
  } catch (err) {
    if (err instanceof RulesError) return err;
    throw err;
  }
  throw new Error('the files were read, not refused');
}
