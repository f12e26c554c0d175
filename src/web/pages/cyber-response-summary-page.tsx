import type { NationalResponseSummary } from '../../cyber/national-response-summary.js';
import type { CyberResponseView } from '../../cyber/cyber-response-view.js';
import type { Session } from '../../store/sessions.js';
import { valueWords } from '../audit-words.js';
import { Layout } from '../layout.js';

/** The trusts to choose from, for an ICS-wide person: a national response is one trust's. */
function TrustPicker({ reference, responses }: { reference: string; responses: CyberResponseView[] }) {
  return (
    <>
      <p>A national response is one trust's. Choose the trust:</p>
      <ul id="trust-picker">
        {responses.map((r) => (
          <li>
            <a href={`/cyber-alerts/${reference}/summary?organisation=${r.organisation}`}>
              {r.organisation} — {r.organisationName}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function acknowledgedWords(s: NationalResponseSummary): string {
  if (!s.acknowledged) return 'Not yet acknowledged';
  return `${valueWords(s.acknowledged.at)} by ${s.acknowledged.by}, ${s.acknowledged.withinTarget ? 'within 48 hours of publication' : 'later than 48 hours after publication'}`;
}

/**
 * Exactly what NHS England's "Respond to an NHS cyber alert" form asks, in its
 * order, for the security lead to copy across; one printed page.
 */
function Summary({ s }: { s: NationalResponseSummary }) {
  const rows: [string, string, string][] = [
    ['reference', 'Alert reference', s.reference],
    ['title', 'Alert title', s.title],
    ['organisation', 'Organisation', `${s.organisationName} (ODS code ${s.organisation})`],
    ['acknowledged', 'Acknowledged', acknowledgedWords(s)],
    ['applicability', 'Applicability', s.applicability.reason ? `${s.applicability.answer}: ${s.applicability.reason}` : s.applicability.answer],
    ['affected', 'Affected machines now', String(s.affectedMachines)],
    ['remediated', 'Machines remediated', String(s.remediatedMachines)],
    ['cannot-tell', 'Installs to check by hand (version cannot be placed)', String(s.cannotTellInstalls)],
    ['status', 'Remediation status', s.completedAt ? `${s.remediationStatus} (${valueWords(s.completedAt)})` : s.remediationStatus],
    ['expected', 'Expected completion date', s.expectedCompletion ?? '—'],
    ['latest-update', 'Latest update', s.latestUpdate ? `${valueWords(s.latestUpdate.at)}, ${s.latestUpdate.by}: ${s.latestUpdate.note}` : '—'],
    ['closure', 'Closure', s.closed ? `${valueWords(s.closed.at)} by ${s.closed.by}: ${s.closed.note}` : 'open'],
  ];
  return (
    <dl class="facts panel" id="national-summary">
      {rows.map(([key, label, value]) => (
        <>
          <dt>{label}</dt>
          <dd data-field={key}>{value}</dd>
        </>
      ))}
    </dl>
  );
}

export interface CyberResponseSummaryPageProps {
  session: Session;
  reference: string;
  title: string;
  /** The summary, or, for an ICS-wide person who has not chosen, the trusts to choose from. */
  summary: NationalResponseSummary | { choose: CyberResponseView[] };
  printedAt: Date;
}

export function CyberResponseSummaryPage({ session, reference, title, summary, printedAt }: CyberResponseSummaryPageProps) {
  return (
    <Layout title={`${reference} national response`} session={session}>
      <p class="small no-print">
        <a href={`/cyber-alerts/${reference}`}>← {reference}</a>
      </p>
      <h1>National response summary: {reference}</h1>
      <p class="small muted">{title}</p>
      {'choose' in summary ? <TrustPicker reference={reference} responses={summary.choose} /> : <Summary s={summary} />}
      <p class="small muted">As the hub holds it at {valueWords(printedAt.toISOString())}: the figures to enter in NHS England's "Respond to an NHS cyber alert" service.</p>
    </Layout>
  );
}
