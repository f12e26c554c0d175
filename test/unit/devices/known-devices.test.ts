import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device } from '../../../src/contract/report.js';
import { classifyDevice } from '../../../src/devices/classify-device.js';
import { buildKnownDevices, checkKnownDevices, loadKnownDevices } from '../../../src/devices/load-known-devices.js';
import { formatRuleIssue } from '../../../src/rules/rule-issue.js';

const shippedDir = join(import.meta.dirname, '../../../rules/devices');
const fixturesDir = join(import.meta.dirname, '../../fixtures/known-devices');

describe('rules/devices (known fax, pager, modem and MFD hardware)', () => {
  it('the shipped file loads, with a source for every entry and the USB fax-modems in it', () => {
    const known = loadKnownDevices(shippedDir);
    expect(known.length).toBeGreaterThan(5);
    expect(known.every((entry) => entry.source.length > 0)).toBe(true);
    expect(known.map((entry) => entry.match.usb)).toEqual(expect.arrayContaining(['0baf:0303', '0803:3095']));
  });

  it('a broken file gives each problem at its file and line, and loads nothing', () => {
    const issues = checkKnownDevices(fixturesDir).map(formatRuleIssue);
    expect(issues).toEqual([
      expect.stringMatching(/^bad\.yaml:7: devices\[1\]\.match\.usb: expected a USB id/),
      expect.stringMatching(/^bad\.yaml:12: devices\[2\]\.match\.model: not a valid regular expression/),
      expect.stringMatching(/^bad\.yaml:18: devices\[3\]\.kind: /),
      'bad.yaml:22: devices[3].colour: unknown field (see rules/README.md)',
    ]);
    expect(() => loadKnownDevices(fixturesDir)).toThrow(/problem\(s\) in known devices/);
  });

  it('rejects an entry with both or neither of usb and model, and a USB id listed twice', () => {
    const entry = (match: string) => `  - match: ${match}\n    kind: modem\n    name: n\n    note: n\n    source: s\n`;
    const both = buildKnownDevices([{ file: 'a.yaml', text: `devices:\n${entry('{ usb: "0baf:0303", model: "x" }')}` }]);
    expect(both.issues.map(formatRuleIssue)).toEqual(['a.yaml:2: devices[0].match: give exactly one of usb or model']);
    const twice = buildKnownDevices([
      { file: 'a.yaml', text: `devices:\n${entry('{ usb: "0baf:0303" }')}` },
      { file: 'b.yaml', text: `devices:\n${entry('{ model: "m" }')}${entry('{ usb: "0baf:0303" }')}` },
    ]);
    expect(twice.devices).toBeNull();
    expect(twice.issues.map(formatRuleIssue)).toEqual(['b.yaml:7: devices[1].match.usb: USB id 0baf:0303 is already listed in a.yaml']);
  });

  describe('classifyDevice', () => {
    const known = loadKnownDevices(shippedDir);
    const usb = (id: string, name: string): Device => ({ kind: 'usb', name, connection: `usb ${id}` });
    const printer = (name: string, model: string): Device => ({ kind: 'printer', name, model, connection: 'usb://Brother/x' });

    it('turns a USB device with a known fax-modem id into a modem, with the note', () => {
      const result = classifyDevice(usb('0baf:0303', 'U.S. Robotics'), known);
      expect(result).toMatchObject({ kind: 'modem', known: { name: 'U.S. Robotics USR5637 56K Faxmodem', file: 'known-devices.yaml' } });
      expect(result.known?.note).toMatch(/analogue line/);
    });

    it('matches the id whatever its case in the connection', () => {
      expect(classifyDevice(usb('0803:3095'.toUpperCase(), 'Zoom'), known).kind).toBe('modem');
    });

    it('leaves an unknown USB device alone', () => {
      expect(classifyDevice(usb('046d:c52b', 'Logitech, Inc. Unifying Receiver'), known)).toEqual({ kind: 'usb' });
    });

    it('turns a printer whose model is a fax machine into a fax, and a Brother MFC into an mfd', () => {
      expect(classifyDevice(printer('WARD7_FAX01', 'Brother FAX-2840 series'), known).kind).toBe('fax');
      expect(classifyDevice(printer('Canon', 'Canon FAX-L170'), known).kind).toBe('fax');
      expect(classifyDevice(printer('WARD7_MFC', 'Brother MFC-L2710DW series'), known).kind).toBe('mfd');
      expect(classifyDevice(printer('WARD7_LJ01', 'HP LaserJet Series PCL 4/5'), known)).toEqual({ kind: 'printer' });
    });

    it('never downgrades what the agent already knew: a CUPS fax queue on an MFC stays a fax', () => {
      expect(classifyDevice({ kind: 'fax', name: 'MFC_fax', model: 'Brother MFC-9340CDW' }, known)).toEqual({ kind: 'fax' });
    });
  });
});
