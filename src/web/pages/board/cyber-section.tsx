/** NHS cyber alerts in the board report (issue 23 point 5): received, acknowledged within 48 hours, remediated, still open; each number links to its rows. */
import type { CyberResponseStage } from '../../../cyber/cyber-response-view.js';
import type { BoardReport } from '../../../report/board-report.js';
import type { StillOpenCyberAlert } from '../../../report/cyber-figures.js';
import { CYBER_ACKNOWLEDGED_DEFINITION, CYBER_RECEIVED_DEFINITION, CYBER_REMEDIATED_DEFINITION } from '../../../report/cyber-measures.js';
import { dateTimeText, longDate, longMonth } from '../../../report/plain-english.js';
import { FigureLink } from '../../components/figure-link.js';
import { TableScroll } from '../../components/table-scroll.js';

const STAGE_TEXT: Record<CyberResponseStage, string> = {
  closed: 'Closed', 'not-affected': 'Decided not affected', remediated: 'Remediated', affected: 'Decided affected',
  acknowledged: 'Acknowledged', 'awaiting-acknowledgement': 'Not acknowledged',
};

/** `origin`: the hub's public address when printed with one, else '' (links relative, as the other sections' are). */
export function CyberSection({ report, base, origin }: { report: BoardReport; base: string; origin: string }) {
  const c = report.figures.cyber;
  // A report generated before these figures existed has none; say so rather than show zeros.
  if (!c) return <section id="cyber-alerts"><h2>NHS cyber alerts</h2><p class="small muted">This report's snapshot did not record cyber alerts.</p></section>;
  const { acknowledgement: ack } = c;
  return (
    <section id="cyber-alerts">
      <h2>NHS cyber alerts</h2>
      <p id="cyber-received">
        Received in {longMonth(report.month)}: <FigureLink base={base} figure={c.received.published} /> published this month; <FigureLink base={base} figure={c.received.addedLater} /> published earlier and added to the hub this month.
      </p>
      <p id="cyber-acknowledged">
        Acknowledged within 48 hours: <strong><FigureLink base={base} figure={ack.withinTarget} /> of <FigureLink base={base} figure={ack.due} /></strong> responses due;
        late: <FigureLink base={base} figure={ack.late} />; not yet acknowledged: <FigureLink base={base} figure={ack.notYet} />.
      </p>
      <p id="cyber-remediated">
        Remediated this month: <FigureLink base={base} figure={c.remediated.responses} /> (every affected machine fixed), <FigureLink base={base} figure={c.remediated.machines} /> machines fixed.
        Still open: <FigureLink base={base} figure={c.open.alerts} /> alerts on <FigureLink base={base} figure={c.open.machines} /> machines.
      </p>
      <StillOpenTable rows={c.stillOpen} base={base} origin={origin} timeZone={report.timeZone} byTrust={report.trusts !== undefined} />
      <p class="small muted">{CYBER_RECEIVED_DEFINITION} {CYBER_ACKNOWLEDGED_DEFINITION} {CYBER_REMEDIATED_DEFINITION}</p>
    </section>
  );
}

function StillOpenTable({ rows, base, origin, timeZone, byTrust }: { rows: StillOpenCyberAlert[]; base: string; origin: string; timeZone: string; byTrust: boolean }) {
  if (!rows.length) return <p id="cyber-still-open">No cyber alert has a machine still affected.</p>;
  return (
    <TableScroll label="Cyber alerts still open">
      <table id="cyber-still-open">
        <thead>
          <tr>
            <th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">Known exploited</th>{byTrust && <th scope="col">Trust</th>}
            <th scope="col" class="num">Machines affected</th><th scope="col">Affected since</th><th scope="col" class="num">Days affected</th><th scope="col" class="num">Days since published</th><th scope="col">Stage</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-reference={r.reference}>
              <td><a href={`${origin}/cyber-alerts/${encodeURIComponent(r.reference)}`}>{r.reference}</a> {r.title}<span class="muted small"> (published {longDate(r.published)})</span></td>
              <td>{r.severity}</td>
              <td>{r.knownExploited === 'yes' ? <strong>Yes</strong> : 'No'}</td>
              {byTrust && <td>{r.organisation}</td>}
              <td class="num"><FigureLink base={base} figure={r.machines} /></td>
              <td>{dateTimeText(r.affectedSince, timeZone)}</td>
              <td class="num">{r.ageDays}</td>
              <td class="num">{r.daysSincePublished}</td>
              <td>{STAGE_TEXT[r.stage]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
