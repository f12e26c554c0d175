import type { HazardDetail } from '../../cso/hazard-log.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { valueWords } from '../audit-words.js';
import { AuditTrail } from '../components/audit-trail.js';
import { Layout } from '../layout.js';
import { ActionTable } from './actions-page.js';
import { HazardFacts, RiskMatrix, RiskSummary } from './hazard-page.js';

export interface HazardLogPrintProps {
  session: Session;
  hazards: HazardDetail[];
  /** The trusts whose log this is. */
  trusts: Organisation[];
  printedAt: Date;
  /** The filters it was printed under, in words ("status: open, mitigated"); empty: the whole log. */
  filterWords: string;
}

/**
 * The whole hazard log as a safety case quotes it (DCB0160): every hazard with
 * all its fields, its initial and residual risk on the 5 × 5 matrix, who rated
 * the residual risk and when, its actions and its trail, under the trust's name
 * and the date printed. One hazard to a printed page.
 */
export function HazardLogPrintPage({ session, hazards, trusts, printedAt, filterWords }: HazardLogPrintProps) {
  return (
    <Layout title="Hazard log (print)" session={session}>
      <div class="print-log" id="hazard-log-print">
        <h1>Hazard log</h1>
        <dl class="facts panel" id="print-header">
          <dt>Trust</dt>
          <dd>{trusts.map((t) => `${t.name} (${t.code})`).join(', ')}</dd>
          <dt>Printed</dt>
          <dd>
            {valueWords(printedAt.toISOString())} by {session.user.username}
          </dd>
          <dt>Standard</dt>
          <dd>DCB0160 clinical risk management: hazards, causes, effects, harm, controls, initial and residual risk on the 5 × 5 matrix.</dd>
          <dt>Hazards</dt>
          <dd>
            {hazards.length}
            {filterWords ? ` (${filterWords})` : ' (the whole log)'}
          </dd>
        </dl>
        <p class="small muted no-print">Print this page (Ctrl+P) or save it as PDF: each hazard starts on a new page.</p>
        {hazards.map((h) => (
          <section class="hazard-print" data-id={h.id}>
            <h2>
              Hazard #{h.id}: {h.title}
            </h2>
            <HazardFacts hazard={h} />
            <RiskSummary hazard={h} />
            <RiskMatrix initial={h.initialRisk} residual={h.residualRisk} />
            <h3>Actions</h3>
            {h.actions.length ? <ActionTable rows={h.actions} showHazard={false} /> : <p class="muted">No actions.</p>}
            <h3>Trail</h3>
            <AuditTrail entries={h.audit} />
          </section>
        ))}
      </div>
    </Layout>
  );
}
