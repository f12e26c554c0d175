import fs from 'node:fs';
import { z } from 'zod';
import { checkReport } from '../../contract/report.js';
import { assessReport } from '../../lifecycle/assess-report.js';
import { composeRules, type RulesLocation } from '../../estate/rules-in-force.js';
import { RulesError } from '../../rules/rule-issue.js';
import { loadConfig } from '../../config.js';
import { CliError } from '../cli-error.js';
import { formatAssessment } from '../format-assessment.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage: estatewatch assess <report.json|-> [--as-of YYYY-MM-DD] [--window-days <n>] [--rules-dir <dir>] [--json]

Judges one inventory report (the estatewatch.report/v1 contract, e.g. from
\`estatewatch agent --dry-run\`) without a hub: the OS and every software item
with its product, cycle, status, end of security support and the reason.
Use it to check a machine before it joins the network.

  --as-of <date>      the day to judge for (default today, UTC)
  --window-days <n>   days before end of support that count as ending soon (default 180)
                      (ESTATEWATCH_DATA_STALE_DAYS, default 60: after that many days an
                      evergreen rule's newest version is unknown, data-stale)
  --rules-dir <dir>   folder holding lifecycle/ (default: the shipped rules)
  --json              print a JSON array of {kind, name, version, product, cycle, status,
                      follows, unknownReason, eol, reason}

The text starts with how many items have each status (the unknown ones by
why), then lists every item with its reason. Every item resolves first to a
title (rules/titles/ and the lifecycle rules' own patterns), then to its
lifecycle; an unknown item says why: unrecognised, no-published-lifecycle,
lifecycle-not-in-data, data-stale or version-unclear. Piped into a reader that
stops early (| head), it stops quietly.

Where this machine has Debian's distro-info-data and debian-security-support
(ESTATEWATCH_DISTRO_INFO_DIR, ESTATEWATCH_DEBIAN_SECURITY_SUPPORT_DIR), their
Ubuntu and Debian dates and early package ends are used, as on the hub;
without them a note on standard error says so.

Exit status: 0 judged; 1 the report or the rules are invalid; 2 bad arguments.`;

const AsOfSchema = z.iso.date();

export const assessCommand: Command = {
  name: 'assess',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { 'as-of': { type: 'string' }, 'window-days': { type: 'string' }, 'rules-dir': { type: 'string' }, json: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new CliError('give exactly one report file (or - for standard input)', 2, true);
    const asOf = values['as-of'] ?? new Date().toISOString().slice(0, 10);
    if (!AsOfSchema.safeParse(asOf).success) throw new CliError(`--as-of must be a date YYYY-MM-DD, not "${asOf}"`, 2, true);
    const config = loadConfig(process.env, { endingSoonDays: values['window-days'], rulesDir: values['rules-dir'] });
    const report = readReport(positionals[0] as string);
    const { rules, absent } = loadRulesOrFail(config);
    if (absent) process.stderr.write(`note: ${absent}\n`);
    const items = assessReport(report, rules, { asOf, windowDays: config.endingSoonDays, staleDays: config.dataStaleDays });
    process.stdout.write(values.json ? `${JSON.stringify(items, null, 2)}\n` : formatAssessment(items, asOf));
    return 0;
  },
};

function readReport(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const checked = checkReport(json);
  if (!checked.ok) throw new CliError(`${file} is not a valid estatewatch.report/v1:\n${checked.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
  return checked.report;
}

/** The shipped rule files as a hub composes them: titles, the machine's distribution data and the Windows update list (estate/rules-in-force.ts). */
export function loadRulesOrFail(where: RulesLocation) {
  try {
    return composeRules(where, []);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message);
    throw err;
  }
}
