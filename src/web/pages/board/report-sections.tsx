/** The report's detail, after the summary: each table's numbers link to the rows behind them. */
import type { BoardReport } from '../../../report/board-report.js';
import { POSTURE_ORDER } from '../../../report/capture-posture.js';
import { ALERT_AGES } from '../../../report/posture-evidence.js';
import { pct, SEVERITIES, type PostureFigures, type TopProduct } from '../../../report/posture-figures.js';
import { dateTimeText, longDate } from '../../../report/plain-english.js';
import { FigureLink } from '../../components/figure-link.js';
import { STATUS_LABELS } from '../../components/status-badge.js';
import { UNKNOWN_REASON_LABELS } from '../../components/unknown-reasons.js';
import { UNKNOWN_REASONS } from '../../../lifecycle/verdict.js';
import { targetStatus } from '../../../devices/target-status.js';
import { NATIONAL_TARGETS } from '../../../devices/trajectory.js';
import { TableScroll } from '../../components/table-scroll.js';
import { PatchSection } from './patch-section.js';

/** `base`: the report page's path, which its figures' evidence links extend. */
type Props = { report: BoardReport; base: string };

const when = (day: string | null) => (day ? longDate(day) : '—');

function ProductTable({ base, rows, date = 'Security support ended' }: { base: string; rows: TopProduct[]; date?: string }) {
  if (!rows.length) return <p class="muted">None.</p>;
  return (
    <TableScroll>
      <table>
        <thead><tr><th scope="col">Product and release</th><th scope="col">{date}</th><th scope="col" class="num">Count</th><th scope="col" class="num">Assets</th><th scope="col">Where (first five)</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.product}</td>
              <td>{when(r.eol)}{r.extendedSupportEnd && <span class="muted small"> (extended to {when(r.extendedSupportEnd)})</span>}</td>
              <td class="num"><FigureLink base={base} figure={r.count} /></td>
              <td class="num">{r.assets}</td>
              <td class="small">{r.hosts.join(', ')}{r.assets > r.hosts.length && ` and ${r.assets - r.hosts.length} more`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function PostureSection({ report: { figures: f }, base }: Props) {
  return (
    <section>
      <h2>The estate by its worst item</h2>
      <p class="small muted">Each asset counts once, in the class of its worst item (operating system or installed software). "Unknown" means no lifecycle rule could judge an item: never counted as supported.</p>
      <TableScroll>
        <table class="compact">
          <thead><tr><th scope="col">Class</th><th scope="col" class="num">Assets</th><th scope="col" class="num">Share</th></tr></thead>
          <tbody>
            {POSTURE_ORDER.map((s) => (
              <tr><td>{STATUS_LABELS[s]}</td><td class="num"><FigureLink base={base} figure={f.assets.byPosture[s]} /></td><td class="num">{pct(f.assets.byPosture[s].value, f.assets.total.value).toFixed(1)}%</td></tr>
            ))}
            <tr class="total"><td>All registered assets</td><td class="num"><FigureLink base={base} figure={f.assets.total} /></td><td class="num">100%</td></tr>
          </tbody>
        </table>
      </TableScroll>
      <PatchSection patch={f.patch} base={base} />
      <h2>Unsupported operating systems: <FigureLink base={base} figure={f.unsupportedOs.assets} /></h2>
      <ProductTable base={base} rows={f.unsupportedOs.top} />
      <h2>Unsupported software: <FigureLink base={base} figure={f.unsupportedSoftware.installs} /> installs on {f.unsupportedSoftware.assets} assets</h2>
      <p class="small muted">Packages a Linux distribution ships follow their operating system and are counted with it.</p>
      <ProductTable base={base} rows={f.unsupportedSoftware.top} />
      <h2>On paid or extended support: <FigureLink base={base} figure={f.extendedSupport.os} /> operating systems, <FigureLink base={base} figure={f.extendedSupport.software} /> software installs</h2>
      <ProductTable base={base} rows={f.extendedSupport.top} date="Normal support ended" />
      <h2>Ending in the next six months: <FigureLink base={base} figure={f.endingSoon.items} /></h2>
      <ProductTable base={base} rows={f.endingSoon.products} date="Security support ends" />
      <UnknownTable unknown={f.unknown} base={base} />
    </section>
  );
}

/** Software no rule could judge, apart by why: what to recognise next, and what no vendor dates. */
function UnknownTable({ unknown: u, base }: { unknown: PostureFigures['unknown'] | undefined; base: string }) {
  // A report generated before these figures existed has none; say so rather than show zeros.
  if (!u) return <p class="small muted" id="unknown-by-reason">This report's snapshot did not record software no rule can judge by reason.</p>;
  return (
    <>
      <h2>Software no rule can judge, by why</h2>
      <p class="small muted">Programs judged on their own (not distribution packages or parts of the operating system, which follow it). Never counted as supported.</p>
      <TableScroll>
        <table class="compact" id="unknown-by-reason">
          <thead><tr><th scope="col">Why</th><th scope="col" class="num">Programs</th><th scope="col" class="num">Installs</th></tr></thead>
          <tbody>
            {UNKNOWN_REASONS.map((r) => (
              <tr data-reason={r}><td>{UNKNOWN_REASON_LABELS[r]}</td><td class="num"><FigureLink base={base} figure={u.titles[r]} /></td><td class="num">{u.installs[r]}</td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export function ExceptionsSection({ report: { figures: f, timeZone }, base }: Props) {
  return (
    <section>
      <h2>Risk-accepted exceptions in force: <FigureLink base={base} figure={f.exceptions.inForce} /></h2>
      {f.exceptions.rows.length ? (
        <TableScroll label="Risk-accepted exceptions in force">
          <table>
            <thead><tr><th scope="col">Exception</th><th scope="col">Expires</th><th scope="col">Signed off by (CSO)</th><th scope="col" class="num">Assets</th><th scope="col">Hosts</th></tr></thead>
            <tbody>
              {f.exceptions.rows.map((e) => (
                <tr><td>#{e.exceptionId} {e.title}</td><td>{when(e.expiresOn)}</td><td>{e.signedOffBy}, {dateTimeText(e.signedOffAt, timeZone)}</td><td class="num">{e.assets}</td><td class="small">{e.hosts}</td></tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : <p id="no-exceptions">No risk-accepted exception is in force, so no unsupported asset is formally accepted.</p>}
      <p id="not-accepted">Unsupported assets neither replaced nor formally accepted: <strong><FigureLink base={base} figure={f.assets.unsupportedWithoutException} /></strong> of <FigureLink base={base} figure={f.assets.byPosture.unsupported} />.</p>
    </section>
  );
}

export function DevicesSection({ report: { figures: f, snapshot }, base }: Props) {
  const { fax, pager } = f.devices;
  const target = (kind: 'fax' | 'pager', stillInUse: number) => targetStatus(NATIONAL_TARGETS[kind], snapshot.day, stillInUse);
  const planAt = (plan: { at: string; count: number }[], i: number) => plan[i] ? `${plan[i].count} by ${when(plan[i].at)}` : '—';
  return (
    <section>
      <h2>Faxes and pagers</h2>
      <TableScroll>
        <table>
          <thead><tr><th scope="col"></th><th scope="col" class="num">In the register</th><th scope="col" class="num">Past planned removal</th><th scope="col">Plan: in 3 months</th><th scope="col">Plan: in 12 months</th><th scope="col">National target</th></tr></thead>
          <tbody>
            <tr><td>Faxes</td><td class="num"><FigureLink base={base} figure={fax.inRegister} /></td><td class="num"><FigureLink base={base} figure={fax.removalOverdue} /></td>
              <td>{planAt(fax.plan, 2)}</td><td>{planAt(fax.plan, fax.plan.length - 1)}</td><td id="fax-target">Out of use by {longDate(NATIONAL_TARGETS.fax)}: {target('fax', fax.inRegister.value)}</td></tr>
            <tr><td>Pagers</td><td class="num"><FigureLink base={base} figure={pager.inRegister} /></td><td class="num"><FigureLink base={base} figure={pager.removalOverdue} /></td>
              <td>{planAt(pager.plan, 2)}</td><td>{planAt(pager.plan, pager.plan.length - 1)}</td>
            <td id="pager-target">Non-emergency pagers gone by {longDate(NATIONAL_TARGETS.pager)}: {target('pager', pager.inRegister.value - pager.retainedByPolicy.value)}</td></tr>
          </tbody>
        </table>
      </TableScroll>
      <p class="small">Emergency (crash) bleeps kept by CSO-signed policy: <FigureLink base={base} figure={pager.retainedByPolicy} />. Fax devices agents found on machines (which may be missing from the register): <FigureLink base={base} figure={fax.foundByAgents} />.</p>
    </section>
  );
}

export function AlertsSection({ report: { figures: f }, base }: Props) {
  const a = f.alerts;
  return (
    <section>
      <h2>Open alerts: <FigureLink base={base} figure={a.open} /></h2>
      <TableScroll>
        <table>
          <thead><tr><th scope="col">Severity</th>{ALERT_AGES.map((age) => <th scope="col" class="num">{age}</th>)}<th scope="col" class="num">Total</th></tr></thead>
          <tbody>
            {SEVERITIES.map((s) => (
              <tr><td>{s}</td>{ALERT_AGES.map((age) => <td class="num"><FigureLink base={base} figure={a.bySeverity[s].byAge[age]} /></td>)}<td class="num"><FigureLink base={base} figure={a.bySeverity[s].open} /></td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p>
        Resolved this month: <FigureLink base={base} figure={a.resolvedThisMonth} />; mean time to resolve{' '}
        <strong>{a.meanHoursToResolve === null ? 'not applicable (none resolved)' : `${a.meanHoursToResolve} hours`}</strong>. Suppressed (hidden from triage until a date, still counted here): <FigureLink base={base} figure={a.suppressed} />.
      </p>
    </section>
  );
}

export function ActionsCoverageSection({ report: { figures: f }, base }: Props) {
  const c = f.coverage;
  return (
    <section>
      <h2>Clinical safety actions</h2>
      <p>Open: <FigureLink base={base} figure={f.actions.open} /> · overdue: <FigureLink base={base} figure={f.actions.overdue} /> · completed this month: <FigureLink base={base} figure={f.actions.doneThisMonth} /></p>
      <h2>Coverage</h2>
      <p>
        Registered assets: <FigureLink base={base} figure={c.registered} /> · reported in the last 7 days: <FigureLink base={base} figure={c.reporting} /> ({c.reportingPct.toFixed(1)}%), of which by agent{' '}
        <FigureLink base={base} figure={c.byAgent} /> and by import <FigureLink base={base} figure={c.byImport} />.
      </p>
    </section>
  );
}

export function AssuranceSection({ report: { assurance }, base }: Props) {
  return (
    <section>
      <h2>What this evidences</h2>
      <p class="small muted">Where the figures above bear on what the board is asked. The report quotes the indicators and shows the figures; it does not score the trust: that judgement is the board's.</p>
      <TableScroll>
        <table>
          <thead><tr><th scope="col">Framework</th><th scope="col">Outcome</th><th scope="col">Asks</th><th scope="col">This month</th></tr></thead>
          <tbody>
            {assurance.map((r) => (
              <tr>
                <td>{r.framework}</td>
                <td>{r.outcome}</td>
                <td class="small">{r.asks}</td>
                <td class="small">{r.shows}{r.figures.length > 0 && <ul class="links">{r.figures.map((x) => <li>{x.label}: <FigureLink base={base} figure={x.figure} /></li>)}</ul>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
