/**
 * The board report's cyber-alert figures (issue 23 point 5), counted from the
 * snapshot's cyber lists (cyber-evidence.ts) and nothing else, each linked to
 * the rows it counts. Definitions in words: cyber-measures.ts.
 */
import type { CyberResponseEvidence } from './cyber-evidence.js';
import type { FrozenEvidence } from './frozen-evidence.js';
import type { EvidenceList } from './posture-evidence.js';
import type { Figure } from './posture-figures.js';
import type { Filter } from './row-filter.js';

/** One trust's alert with machines still affected when the snapshot was taken: its response's row, with its machines linked. */
export type StillOpenCyberAlert = Pick<CyberResponseEvidence, 'reference' | 'title' | 'severity' | 'knownExploited' | 'organisation' | 'published' | 'affectedSince' | 'daysSincePublished' | 'stage'> & {
  /** Its machines still affected, linked to them. */
  machines: Figure;
  /** Whole days from affectedSince (the oldest still-affected install's) to the snapshot day. */
  ageDays: number;
};

export interface CyberFigures {
  received: {
    /** Alerts published in the month. */
    published: Figure;
    /** Alerts published earlier that reached the hub in the month. */
    addedLater: Figure;
  };
  /** Responses (alert × trust) to alerts published in the month, by their 48-hour target. */
  acknowledgement: { due: Figure; withinTarget: Figure; late: Figure; notYet: Figure };
  remediated: {
    /** Responses whose trust's last affected machine left the list in the month. */
    responses: Figure;
    /** Machines whose last affected install left the list in the month, once per alert. */
    machines: Figure;
  };
  open: { alerts: Figure; responses: Figure; machines: Figure };
  /** Known exploited first, then oldest publication first. */
  stillOpen: StillOpenCyberAlert[];
}

type FigureOf = (list: EvidenceList, filter?: Filter) => Figure;

const PUBLISHED_THIS_MONTH: Filter = { publishedThisMonth: 'yes' };

export function cyberFigures(evidence: Pick<FrozenEvidence, 'cyberResponses'>, figure: FigureOf): CyberFigures {
  return {
    received: { published: figure('cyberAlerts', { received: 'published this month' }), addedLater: figure('cyberAlerts', { received: 'added this month' }) },
    acknowledgement: {
      due: figure('cyberResponses', PUBLISHED_THIS_MONTH),
      withinTarget: figure('cyberResponses', { ...PUBLISHED_THIS_MONTH, acknowledged: 'within 48 hours' }),
      late: figure('cyberResponses', { ...PUBLISHED_THIS_MONTH, acknowledged: 'late' }),
      notYet: figure('cyberResponses', { ...PUBLISHED_THIS_MONTH, acknowledged: 'not yet' }),
    },
    remediated: { responses: figure('cyberResponses', { remediated: 'this month' }), machines: figure('cyberMachines', { state: 'remediated this month' }) },
    open: { alerts: figure('cyberAlerts', { open: 'yes' }), responses: figure('cyberResponses', { open: 'yes' }), machines: figure('cyberMachines', { state: 'affected' }) },
    stillOpen: (evidence.cyberResponses ?? []).filter((r) => r.open === 'yes').map((r) => stillOpen(r, figure)).sort(exploitedThenOldest),
  };
}

function stillOpen(r: CyberResponseEvidence, figure: FigureOf): StillOpenCyberAlert {
  return {
    reference: r.reference, title: r.title, severity: r.severity, knownExploited: r.knownExploited, organisation: r.organisation, published: r.published,
    machines: figure('cyberMachines', { reference: r.reference, organisation: r.organisation, state: 'affected' }),
    affectedSince: r.affectedSince, ageDays: r.ageDays ?? 0, daysSincePublished: r.daysSincePublished, stage: r.stage,
  };
}

const exploitedThenOldest = (a: StillOpenCyberAlert, b: StillOpenCyberAlert) =>
  (a.knownExploited === b.knownExploited ? 0 : a.knownExploited === 'yes' ? -1 : 1) || a.published.localeCompare(b.published) || a.reference.localeCompare(b.reference) || a.organisation.localeCompare(b.organisation);
