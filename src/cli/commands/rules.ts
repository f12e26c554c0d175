import path from 'node:path';
import { loadConfig } from '../../config.js';
import { checkRules } from '../../rules/check-rules.js';
import { formatRuleIssue } from '../../rules/rule-issue.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage: estatewatch rules check [--rules-dir <dir>]

Validates every lifecycle rule file in <rules-dir>/lifecycle/ and prints one
line per problem as file:line: message. Exit status 0 when all are valid,
1 when any is not, 2 on bad arguments. Run it before committing a rule change.`;

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { 'rules-dir': { type: 'string' } }, true);
    if (positionals.length !== 1 || positionals[0] !== 'check') throw new CliError('expected: rules check', 2, true);
    const dir = path.join(loadConfig(process.env, { rulesDir: values['rules-dir'] }).rulesDir, 'lifecycle');
    const issues = checkRules(dir);
    for (const issue of issues) process.stdout.write(`${path.join(dir, formatRuleIssue(issue))}\n`);
    if (issues.length) {
      process.stderr.write(`${issues.length} problem(s) in ${dir}\n`);
      return 1;
    }
    process.stdout.write(`all lifecycle rules in ${dir} are valid\n`);
    return 0;
  },
};
