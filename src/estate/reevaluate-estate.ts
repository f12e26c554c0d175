/**
 * Re-judges every distinct OS and software version when the rules or the day
 * have changed since the last time: a verdict depends on both, and dates pass.
 * Then each machine's OS patch currency, once per distinct OS and build.
 */
import { listOsBuilds, setOsBuildPatch } from '../store/asset-os-patch.js';
import type { Db } from '../store/db.js';
import { getHubState, setHubState } from '../store/hub-state.js';
import { listOsVersions, updateOsVerdict } from '../store/os-versions.js';
import { listSoftwareKeys, updateSoftwareVerdicts } from '../store/software.js';
import { inTransaction } from '../store/statements.js';
import type { Evaluator } from './evaluator.js';

const STATE_KEY = 'verdicts-basis';

export interface Reevaluation {
  skipped: boolean;
  osVersions: number;
  softwareVersions: number;
  /** Of those, how many verdicts changed: the others were left as stored. */
  softwareChanged: number;
  ms: number;
}

export function reevaluateEstate(db: Db, evaluator: Evaluator, opts: { force?: boolean } = {}): Reevaluation {
  const started = performance.now();
  const basis = evaluator.basis();
  if (!opts.force && getHubState(db, STATE_KEY) === basis) return { skipped: true, osVersions: 0, softwareVersions: 0, softwareChanged: 0, ms: 0 };
  return inTransaction(db, () => {
    const osVersions = listOsVersions(db);
    for (const os of osVersions) updateOsVerdict(db, os.id, evaluator.os(os));
    const software = listSoftwareKeys(db);
    const softwareChanged = updateSoftwareVerdicts(db, software, evaluator.software);
    // After the OS verdicts: a machine's OS patch currency starts from its OS's.
    for (const b of listOsBuilds(db)) setOsBuildPatch(db, b, evaluator.osPatch(b));
    setHubState(db, STATE_KEY, basis);
    return { skipped: false, osVersions: osVersions.length, softwareVersions: software.length, softwareChanged, ms: Math.round(performance.now() - started) };
  });
}
