/** A snapshot's evidence lists, read from the store: only those asked for. */
import { HubError } from '../hub/errors.js';
import type { Db } from '../store/db.js';
import type { ReportOwner } from '../store/organisations.js';
import { hasSnapshotEvidence, snapshotEvidenceList, WHOLE_SNAPSHOT, type EvidenceDocument } from '../store/posture-snapshots.js';
import { decodeEvidence } from './evidence-codec.js';
import type { FrozenEvidence } from './frozen-evidence.js';
import { LATER_LISTS, type EvidenceList } from './posture-evidence.js';

/**
 * The lists asked for (at least); a pruned snapshot's are refused (409), never
 * read as empty. A list added after the snapshot was taken (LATER_LISTS) is
 * simply absent from what is returned: the snapshot never recorded it.
 */
export function readEvidence(db: Db, owner: ReportOwner, day: string, lists: readonly EvidenceList[]): Partial<FrozenEvidence> {
  const documents = new Map<string, EvidenceDocument>();
  for (const list of lists) {
    // A snapshot from before 0010 holds every list in one document: read it once.
    if (documents.has(WHOLE_SNAPSHOT)) break;
    const d = snapshotEvidenceList(db, owner, day, list);
    if (!d && LATER_LISTS.includes(list) && hasSnapshotEvidence(db, owner, day)) continue;
    if (!d) throw new HubError(409, 'evidence-pruned', `the evidence of the ${day} snapshot is no longer kept`);
    documents.set(d.list, d);
  }
  return decodeEvidence([...documents.values()]);
}
