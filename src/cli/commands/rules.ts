import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AlertRule } from '../../alerts/alert-rule-schema.js';
import { checkAlertRules } from '../../alerts/check-alert-rules.js';
import { buildAlertRules } from '../../alerts/load-alert-rules.js';
import { previewAlertRule, type AlertRulePreview } from '../../alerts/preview-alert-rule.js';
import { loadConfig, type Config } from '../../config.js';
import { buildCyberAlerts, loadCyberAlerts } from '../../cyber/load-cyber-alerts.js';
import { previewCyberAlert, type CyberAlertPreview } from '../../cyber/preview-cyber-alert.js';
import { composeRules } from '../../estate/rules-in-force.js';
import { schemesOf } from '../../lifecycle/cyber-applicability.js';
import { checkKnownDevices } from '../../devices/load-known-devices.js';
import { checkRules } from '../../rules/check-rules.js';
import { readRuleSources } from '../../rules/read-rule-sources.js';
import { formatRuleIssue, type RuleIssue } from '../../rules/rule-issue.js';
import { describeStore, openStore, storeExists } from '../../store/open-store.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage: estatewatch rules check [--rules-dir <dir>]
       estatewatch rules test <alert-rule.yaml> [--data-dir <dir>] [--rules-dir <dir>] [--as-of YYYY-MM-DD]
       estatewatch rules test <cyber-alert.yaml> [--data-dir <dir>] [--rules-dir <dir>]

check  Validates every lifecycle rule in <rules-dir>/lifecycle/, every title in
       <rules-dir>/titles/ (including that each product or partOf names a
       software lifecycle rule) and every alert rule in <rules-dir>/alerts/
       (including that a software-version product names a lifecycle rule) and
       every known-device entry in <rules-dir>/devices/ and every cyber alert
       in <rules-dir>/cyber-alerts/ (including that each product names a
       lifecycle rule) when those folders exist, printing one line per
       problem as path/file:line: message. Run it before committing a rule
       change.
test   Validates one alert rule file, then shows what it would raise on the
       hub's database in <data-dir> without storing anything: how many assets
       and findings, how many are already open alerts, and up to 10 examples.
       It uses the statuses and patch currency the hub last computed; --as-of
       (midnight UTC that day, default now) moves only the clock that
       asset-silent, os-behind and software-behind count days from.
       Given a cyber alert (a file with a top-level reference:, as in
       <rules-dir>/cyber-alerts/), it shows which machines it would list: how
       many, per trust, how many installs cannot be told, and up to 10 with why.

Exit status 0 when all is valid, 1 when anything is not, 2 on bad arguments.`;

const FLAGS = { 'rules-dir': { type: 'string' }, 'data-dir': { type: 'string' }, 'as-of': { type: 'string' } } as const;
const AsOfSchema = z.iso.date();

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const [sub, file, ...rest] = positionals;
    const config = loadConfig(process.env, { rulesDir: values['rules-dir'], dataDir: values['data-dir'] });
    if (sub === 'check' && file === undefined && values['data-dir'] === undefined && values['as-of'] === undefined) return runCheck(config.rulesDir);
    if (sub === 'test' && file !== undefined && rest.length === 0) return isCyberAlertFile(file) ? runCyberTest(file, config) : runTest(file, config, values['as-of']);
    throw new CliError('expected: rules check, or rules test <alert-rule.yaml | cyber-alert.yaml>', 2, true);
  },
};

function runCheck(rulesDir: string): number {
  const lifecycleDir = path.join(rulesDir, 'lifecycle');
  const alertsDir = path.join(rulesDir, 'alerts');
  const missing = [lifecycleDir, alertsDir].filter((d) => !fs.existsSync(d));
  for (const dir of missing) process.stdout.write(`${dir}: no such directory\n`);
  const lifecycle = missing.includes(lifecycleDir) ? [] : checkRules(lifecycleDir);
  const alerts = missing.includes(alertsDir) ? [] : checkAlertRules(alertsDir, { products: lifecycleProducts(lifecycleDir) });
  // Optional, unlike the other two: a rules dir made before devices/ existed is still whole.
  const devicesDir = path.join(rulesDir, 'devices');
  const devices = fs.existsSync(devicesDir) ? checkKnownDevices(devicesDir) : [];
  // Optional too: cyber alerts arrive one by one; a refused file leaves the others in force, but check still fails on it.
  const cyberDir = path.join(rulesDir, 'cyber-alerts');
  const cyber = fs.existsSync(cyberDir) ? loadCyberAlerts(cyberDir, { products: lifecycleProducts(lifecycleDir) }).issues : [];
  printIssues(lifecycleDir, lifecycle);
  printIssues(alertsDir, alerts);
  printIssues(devicesDir, devices);
  printIssues(cyberDir, cyber);
  const problems = missing.length + lifecycle.length + alerts.length + devices.length + cyber.length;
  if (problems > 0) {
    process.stderr.write(`${problems} problem(s) in ${rulesDir}\n`);
    return 1;
  }
  process.stdout.write(`all lifecycle rules, titles and alert rules in ${rulesDir} are valid\n`);
  return 0;
}

/** A lifecycle rule's product equals its file name (checked there), so the names are the products. */
function lifecycleProducts(lifecycleDir: string): ReadonlySet<string> {
  if (!fs.existsSync(lifecycleDir)) return new Set();
  return new Set(readRuleSources(lifecycleDir).map((s) => s.file.replace(/\.ya?ml$/i, '')));
}

function printIssues(dir: string, issues: readonly RuleIssue[]): void {
  for (const issue of issues) process.stdout.write(`${path.join(dir, formatRuleIssue(issue))}\n`);
}

function runTest(file: string, config: Config, asOf: string | undefined): number {
  if (asOf !== undefined && !AsOfSchema.safeParse(asOf).success) throw new CliError(`--as-of must be a date YYYY-MM-DD, not "${asOf}"`, 2, true);
  const rule = validRule(file, config.rulesDir);
  if (!rule) return 1;
  // An empty new database would make the preview say "0 assets" as if that were true.
  if (!storeExists(config)) throw new CliError(`no hub database at ${describeStore(config)}: pass --data-dir <dir> or set ESTATEWATCH_DATA_DIR`);
  const db = openStore(config);
  try {
    const now = asOf ? new Date(`${asOf}T00:00:00Z`) : new Date();
    process.stdout.write(formatPreview(previewAlertRule(db, rule, now), rule.enabled));
  } finally {
    db.close();
  }
  return 0;
}

/** Validates the one file exactly as `rules check` would; prints its problems and returns null when there are any. */
/** A cyber alert names itself by `reference:`; an alert rule never has that key. */
function isCyberAlertFile(file: string): boolean {
  return /^reference:/m.test(readRuleFile(file));
}

function readRuleFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`, 2);
  }
}

function runCyberTest(file: string, config: Config): number {
  const { alerts, issues } = buildCyberAlerts([{ file: path.basename(file), text: readRuleFile(file) }], { products: lifecycleProducts(path.join(config.rulesDir, 'lifecycle')) });
  printIssues(path.dirname(file), issues);
  const alert = alerts[0];
  if (!alert) {
    process.stderr.write(`${issues.length} problem(s) in ${file}\n`);
    return 1;
  }
  if (!storeExists(config)) throw new CliError(`no hub database at ${describeStore(config)}: pass --data-dir <dir> or set ESTATEWATCH_DATA_DIR`);
  const { rules } = composeRules(config, []);
  const db = openStore(config);
  try {
    process.stdout.write(formatCyberPreview(alert.reference, previewCyberAlert(db, alert, schemesOf(rules))));
  } finally {
    db.close();
  }
  return 0;
}

function formatCyberPreview(reference: string, p: CyberAlertPreview): string {
  const trusts = p.byTrust.map((t) => `${t.machines} in ${t.organisation}`).join(', ');
  const lines = [`${reference} would affect ${p.machines} machine${p.machines === 1 ? '' : 's'} (${p.installs} install${p.installs === 1 ? '' : 's'})${trusts ? `: ${trusts}` : ''}`];
  if (p.cannotTell > 0) lines.push(`${p.cannotTell} install(s) of a product it names have a version that cannot be placed against its ranges: check them by hand`);
  for (const s of p.sample) lines.push(`  ${s.hostname}: ${s.why}`);
  if (p.machines > p.sample.length) lines.push(`  … and ${p.machines - p.sample.length} more`);
  return `${lines.join('\n')}\n`;
}

function validRule(file: string, rulesDir: string): AlertRule | null {
  const { ruleSet, issues } = buildAlertRules([{ file: path.basename(file), text: readRuleFile(file) }], { products: lifecycleProducts(path.join(rulesDir, 'lifecycle')) });
  printIssues(path.dirname(file), issues);
  if (issues.length > 0) process.stderr.write(`${issues.length} problem(s) in ${file}\n`);
  return ruleSet?.rules[0] ?? null;
}

function formatPreview(p: AlertRulePreview, enabled: boolean): string {
  const lines = [`would fire on ${p.assets} assets (${p.findings} findings), ${p.alreadyOpen} already open`];
  if (!enabled) lines.push('(the rule has enabled: false, so the hub would raise none of these until it is enabled)');
  for (const s of p.sample) lines.push(`  ${s.hostname ?? 'estate-wide'}: ${s.title}`);
  if (p.findings > p.sample.length) lines.push(`  … and ${p.findings - p.sample.length} more`);
  return `${lines.join('\n')}\n`;
}
