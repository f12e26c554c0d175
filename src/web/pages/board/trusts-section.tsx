/**
 * The ICS report's trusts side by side: each trust's key figures from its own
 * last snapshot of the month, beside the whole hub's. Each trust's column
 * heads to its own report, where every figure links to the rows it counts.
 */
import type { BoardReport, TrustColumn } from '../../../report/board-report.js';
import { keyFigures, type KeyFigures } from '../../../report/key-figures.js';
import { longDate } from '../../../report/plain-english.js';
import type { Organisation } from '../../../store/organisations.js';
import { TableScroll } from '../../components/table-scroll.js';

const ROWS: readonly [string, (f: KeyFigures) => string][] = [
  ['Registered assets', (f) => String(f.assets)],
  ['On supported software only', (f) => `${f.supportedPct.toFixed(1)}%`],
  ['Assets with an unsupported item', (f) => String(f.byPosture.unsupported)],
  ['Assets on an unsupported operating system', (f) => String(f.unsupportedOsAssets)],
  ['Unsupported software installs', (f) => String(f.unsupportedSoftwareInstalls)],
  ['Open alerts', (f) => String(f.openAlerts)],
  ['Open critical or high alerts', (f) => String(f.openCriticalOrHigh)],
  ['Overdue clinical safety actions', (f) => String(f.overdueActions)],
  ['Risk-accepted exceptions in force', (f) => String(f.exceptionsInForce)],
  ['Faxes in the register', (f) => String(f.faxesInRegister)],
  ['Pagers in the register', (f) => String(f.pagersInRegister)],
  ['Assets reporting in the last 7 days', (f) => `${f.reportingPct.toFixed(1)}%`],
];

/** `origin`: what the trusts' report links start with, the hub's address when printed ('' on the hub). */
export function TrustsSection({ report, columns, trusts, origin }: { report: BoardReport; columns: TrustColumn[]; trusts: Organisation[]; origin: string }) {
  const named = (c: TrustColumn) => trusts.find((t) => t.id === c.organisationId);
  const all = keyFigures(report.figures);
  return (
    <section id="trusts">
      <h2>The trusts side by side</h2>
      <p class="small muted">Each trust's figures come from its own last snapshot of the month (its date is under its name); its report holds the rows behind them.</p>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col"></th>
              {columns.map((c) => {
                const t = named(c);
                return (
                  <th scope="col" class="num" title={t?.name}>
                    {t ? <a href={`${origin}/trusts/${t.code}/board-reports/${report.month}`}>{t.code}</a> : `#${c.organisationId}`}
                    <br /><span class="small muted">{longDate(c.day)}</span>
                  </th>
                );
              })}
              <th scope="col" class="num">All trusts</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map(([label, value]) => (
              <tr><td>{label}</td>{columns.map((c) => <td class="num">{value(c.figures)}</td>)}<td class="num"><strong>{value(all)}</strong></td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
