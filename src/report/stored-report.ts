/** A generated report as the hub serves it, and the evidence rows one of its figures links to. */
import { HubError, notFound } from '../hub/errors.js';
import type { Db } from '../store/db.js';
import type { ReportOwner } from '../store/organisations.js';
import { getBoardReport, type BoardReportRecord } from '../store/board-reports.js';
import { MonthPattern, type BoardReport } from './board-report.js';
import { evidenceRows, listsFor, type EvidenceRows } from './frozen-evidence.js';
import { EVIDENCE_COLUMNS, EVIDENCE_LISTS, type EvidenceList } from './posture-evidence.js';
import { readEvidence } from './read-evidence.js';
import type { Filter } from './row-filter.js';

export function loadStoredReport(db: Db, owner: ReportOwner, month: string): { report: BoardReport; record: BoardReportRecord } {
  if (!MonthPattern.test(month)) throw new HubError(400, 'invalid-month', `month must be YYYY-MM, got "${month}"`);
  const record = getBoardReport(db, owner, month);
  if (!record) throw notFound(`the board report for ${month} (generate it first)`);
  return { report: JSON.parse(record.json) as BoardReport, record };
}

export interface EvidenceSelection extends EvidenceRows {
  list: EvidenceList;
  filter: Filter;
  columns: readonly string[];
}

/** The rows of one evidence list that a figure's filter selects; an unknown list or column is a 400, not an empty list. */
export function selectEvidence(db: Db, owner: ReportOwner, report: BoardReport, list: string, query: Record<string, string>): EvidenceSelection {
  if (!(EVIDENCE_LISTS as readonly string[]).includes(list)) throw new HubError(400, 'unknown-list', `no evidence list "${list}"; lists are ${EVIDENCE_LISTS.join(', ')}`);
  const l = list as EvidenceList;
  const columns = EVIDENCE_COLUMNS[l] as readonly string[];
  const unknown = Object.keys(query).filter((k) => !columns.includes(k));
  if (unknown.length) throw new HubError(400, 'unknown-column', `${list} has no column ${unknown.map((k) => `"${k}"`).join(', ')}; columns are ${columns.join(', ')}`);
  const evidence = readEvidence(db, owner, report.snapshot.day, listsFor(l));
  if (evidence[l] === undefined) throw new HubError(404, 'evidence-not-recorded', `the ${report.snapshot.day} snapshot predates the ${list} list, so it holds no such rows`);
  return { list: l, filter: query, columns, ...evidenceRows(evidence, l, query) };
}
