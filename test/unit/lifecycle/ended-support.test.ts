/**
 * debian-security-support's early ends on dpkg packages, on the installed
 * package's real lists (scripts/test-prerequisites.sh installs it), as of 2026-11-23.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Software } from '../../../src/contract/report.js';
import { createEvaluator } from '../../../src/estate/evaluator.js';
import { applySecuritySupport } from '../../../src/lifecycle/ended-support.js';
import { evaluateOs } from '../../../src/lifecycle/evaluate-os.js';
import { evaluateSoftware } from '../../../src/lifecycle/evaluate-software.js';
import { verdictOnAsset } from '../../../src/lifecycle/verdict-on-asset.js';
import { parseSecuritySupportEnded, readSecuritySupport, type SecuritySupport } from '../../../src/rules/read-security-support.js';
import { OPTS, rules } from './real-rules.js';

const DIR = '/usr/share/debian-security-support';
const data = readSecuritySupport(DIR) as SecuritySupport;
const set = applySecuritySupport(rules, data);
const debian12 = evaluateOs({ family: 'linux', name: 'Debian GNU/Linux', version: '12' }, set, OPTS);
const dpkg = (name: string, version: string): Pick<Software, 'name' | 'version' | 'source'> => ({ name, version, source: 'dpkg' });
const onDebian12 = (item: Pick<Software, 'name' | 'version' | 'source'>) => verdictOnAsset(evaluateSoftware(item, set, OPTS), debian12, 'Debian GNU/Linux 12', item.source);

/** The suricata line of Debian 12's list, read here independently of the parser. */
const suricata = (() => {
  const lines = fs.readFileSync(`${DIR}/security-support-ended.deb12`, 'utf8').split('\n');
  const index = lines.findIndex((l) => l.startsWith('suricata '));
  const [, version, ended, ...note] = (lines[index] as string).trim().split(/\s+/);
  return { line: index + 1, version: version as string, ended: ended as string, note: note.join(' ') };
})();

describe('a dpkg package whose security support Debian ended early', () => {
  it('is unsupported on its own at the exact build the list names, citing debian-security-support', () => {
    // Checked by eye in security-support-ended.deb12: suricata 1:6.0.10-1, ended 2026-04-30.
    expect(suricata).toMatchObject({ version: '1:6.0.10-1', ended: '2026-04-30' });
    const v = evaluateSoftware(dpkg('suricata', suricata.version), set, OPTS);
    expect(v).toMatchObject({ status: 'unsupported', unknownReason: null, osLink: 'none', eol: suricata.ended, data: { source: 'debian-security-support', date: data.package.date } });
    expect(v.reason).toBe(
      `debian-security-support: security support for suricata 1:6.0.10-1 in Debian 12 ended ${suricata.ended} (${suricata.note}); ` +
        `dpkg version "1:6.0.10-1" is that build, so it is judged on its own, not by the OS ` +
        `[${DIR}/security-support-ended.deb12 line ${suricata.line}, debian-security-support ${data.package.version}]`,
    );
    // On the asset, a supported-or-extended Debian 12 does not lift it.
    expect(debian12.status).toBe('extended-support');
    expect(onDebian12(dpkg('suricata', suricata.version))).toMatchObject({ status: 'unsupported', reason: v.reason });
  });

  it('follows the OS at any other version of the same package', () => {
    const v = onDebian12(dpkg('suricata', '1:6.0.10-1+deb12u1'));
    expect(v).toMatchObject({ status: debian12.status, eol: debian12.eol });
    expect(v.reason).toMatch(/^dpkg package: follows Debian GNU\/Linux 12 /);
  });

  it('is not applied to the same name and version from another source, nor to a differently named binary package', () => {
    expect(evaluateSoftware({ ...dpkg('suricata', suricata.version), source: 'rpm' }, set, OPTS).reason).not.toContain('debian-security-support');
    // wolfssl's binary package is libwolfssl35: the list names the source package, which the agent does not report.
    expect(onDebian12(dpkg('libwolfssl35', '5.5.4-2+deb12u2')).status).toBe(debian12.status);
    expect(evaluateSoftware(dpkg('wolfssl', '5.5.4-2+deb12u2'), set, OPTS).status).toBe('unsupported');
  });

  it('leaves out entries for every version ("0"): the release cannot be told from the package alone', () => {
    expect(data.entries.some((e) => e.version === '0')).toBe(true);
    expect(set.endedSupport?.entries.some((e) => e.version === '0')).toBe(false);
    expect(onDebian12(dpkg('php-horde-core', '0')).status).toBe(debian12.status);
  });

  it('is unchanged by the lists when absent', () => {
    expect(evaluateSoftware(dpkg('suricata', suricata.version), rules, OPTS).osLink).toBe('follows');
  });

  it('changes the digest, and so the evaluator\'s basis, with the lists', () => {
    const other = applySecuritySupport(rules, { ...data, digest: 'f'.repeat(64) });
    const basis = (s: typeof rules) => createEvaluator(s, () => new Date('2026-11-23T12:00:00Z'), 180).basis();
    expect(new Set([basis(rules), basis(set), basis(other)]).size).toBe(3);
  });
});

describe('an entry written for the case', () => {
  const listed = (text: string) => applySecuritySupport(rules, { ...data, entries: parseSecuritySupportEnded('12', '/data/security-support-ended.deb12', text).entries });

  it('matches a pattern in full, as Debian\'s own check-support-status does', () => {
    const s = listed('node-.*  1.2-3  2026-01-01  built with an old v8\n');
    expect(evaluateSoftware(dpkg('node-foo', '1.2-3'), s, OPTS)).toMatchObject({ status: 'unsupported', osLink: 'none' });
    expect(evaluateSoftware(dpkg('node-foo', '1.2-3'), s, OPTS).reason).toContain('security support for node-foo (listed as node-.*) 1.2-3 in Debian 12 ended 2026-01-01 (built with an old v8)');
    expect(evaluateSoftware(dpkg('xnode-foo', '1.2-3'), s, OPTS).osLink).toBe('follows');
  });

  it('reads a name JavaScript cannot take as a pattern as a plain name', () => {
    const s = listed('libstdc++  1.0-1  2026-01-01\n');
    expect(evaluateSoftware(dpkg('libstdc++', '1.0-1'), s, OPTS).status).toBe('unsupported');
  });

  it('before its end day, is judged by that day and capped by the OS', () => {
    const s = listed('mimetex  1.76-2  2027-01-10  upstream gone\n');
    const v = evaluateSoftware(dpkg('mimetex', '1.76-2'), s, OPTS);
    expect(v).toMatchObject({ status: 'ending-soon', osLink: 'capped', eol: '2027-01-10' });
    expect(v.reason).toMatch(/^debian-security-support: security support for mimetex 1\.76-2 in Debian 12 ends 2027-01-10 \(in 48 days\) \(upstream gone\)/);
    const stretch = evaluateOs({ family: 'linux', name: 'Debian GNU/Linux', version: '9' }, s, OPTS);
    expect(verdictOnAsset(v, stretch, 'Debian GNU/Linux 9', 'dpkg').status).toBe('unsupported');
  });
});
