/**
 * Reads rules/devices/*.yaml into one list. Same guarantees as the lifecycle
 * and alert rules (shared parser): every problem with its file and line, and
 * one bad file fails the whole load.
 */
import { parseYamlFile } from '../rules/parse-yaml-file.js';
import { readRuleSources, sortSources, type RuleSource } from '../rules/read-rule-sources.js';
import { compareIssues, RulesError, type RuleIssue } from '../rules/rule-issue.js';
import { KnownDevicesFileSchema, type KnownDevice } from './known-devices-schema.js';

/** A known device with its model pattern compiled once, not per device classified. */
export interface CompiledKnownDevice extends KnownDevice {
  file: string;
  modelPattern?: RegExp;
}

export interface KnownDevicesResult {
  devices: CompiledKnownDevice[] | null;
  issues: RuleIssue[];
}

export function loadKnownDevices(dir: string): CompiledKnownDevice[] {
  const { devices, issues } = buildKnownDevices(readRuleSources(dir));
  if (!devices) throw new RulesError(issues, 'known devices');
  return devices;
}

/** Backs `estatewatch rules check`: every problem, [] when all good. */
export function checkKnownDevices(dir: string): RuleIssue[] {
  return buildKnownDevices(readRuleSources(dir)).issues;
}

/** Pure core: same sources in any order → same list (sorted by file name). */
export function buildKnownDevices(sources: readonly RuleSource[]): KnownDevicesResult {
  const devices: CompiledKnownDevice[] = [];
  const issues: RuleIssue[] = [];
  // Two entries for one USB id would make the answer depend on file order.
  const usbSeen = new Map<string, string>();
  for (const source of sortSources(sources)) {
    const parsed = parseYamlFile(source, KnownDevicesFileSchema);
    issues.push(...parsed.issues);
    if (!parsed.value) continue;
    parsed.value.devices.forEach((entry, index) => {
      const usb = entry.match.usb;
      if (usb !== undefined) {
        const first = usbSeen.get(usb);
        if (first) issues.push(parsed.at(['devices', index, 'match', 'usb'], `USB id ${usb} is already listed in ${first}`));
        else usbSeen.set(usb, source.file);
      }
      const modelPattern = entry.match.model === undefined ? undefined : new RegExp(entry.match.model, 'i');
      devices.push({ ...entry, file: source.file, ...(modelPattern ? { modelPattern } : {}) });
    });
  }
  issues.sort(compareIssues);
  return { devices: issues.length > 0 ? null : devices, issues };
}
