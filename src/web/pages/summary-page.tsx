import type { EstateSummary, OsBreakdownRow } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { SUPPORT_STATUSES } from '../../lifecycle/verdict.js';
import { HEADLINE_MEASURE, liveMeasures, measureSentence } from '../../report/headline-measures.js';
import { StatusBadge, STATUS_LABELS } from '../components/status-badge.js';
import { StatusBar } from '../components/status-bar.js';
import { BesideMeasure, MeasureDefinitions } from '../components/support-measures.js';
import { UnknownReasons } from '../components/unknown-reasons.js';
import { PatchCountsPanel } from '../components/patch-currency.js';
import { Layout } from '../layout.js';
import type { DataFreshness } from '../../estate/data-freshness.js';
import { DataFreshnessNote } from '../components/data-freshness-note.js';
import { TableScroll } from '../components/table-scroll.js';

export interface SummaryPageProps {
  session: Session;
  asOf: string;
  summary: EstateSummary;
  osRows: OsBreakdownRow[];
  /** The age of the lifecycle data every status here comes from. */
  freshness: DataFreshness;
}

export function SummaryPage({ session, asOf, summary, osRows, freshness }: SummaryPageProps) {
  const os = summary.assetsByOsStatus;
  const measures = liveMeasures(summary);
  return (
    <Layout title="Estate summary" session={session}>
      <h1>Estate summary</h1>
      <DataFreshnessNote freshness={freshness} />
      <div class="panel">
        <p class="headline" id="headline">{measureSentence(HEADLINE_MEASURE, measures.supportedOnly, measures.assets)}.</p>
        <BesideMeasure part={measures.supportedOs} whole={measures.assets} />
        <p id="with-unsupported"><strong>{summary.assetsWithUnsupported}</strong> assets carry at least one unsupported item.</p>
        <MeasureDefinitions />
        <p class="muted small">
          Status as of {asOf}. "Extended support" means past the vendor's normal end, inside an extended period (Windows ESU, Ubuntu ESM, Debian LTS): safe only where the trust has bought or enabled it, so it is a risk, not "fine"; "unknown" means no rule
          could judge the item (below: why), and is never counted as supported. {summary.assetsWithUnknown} assets carry at least one unknown item.
          {summary.lastReportAt && ` Last report received ${summary.lastReportAt}.`}
        </p>
      </div>
      <h2>Assets by operating system status</h2>
      <div class="cards">
        {SUPPORT_STATUSES.map((s) => (
          <a class={`card ${s}`} href={`/assets?osStatus=${s}`} data-status={s}>
            <span class="n">{os[s]}</span>
            {STATUS_LABELS[s]}
          </a>
        ))}
      </div>
      <div class="panel">
        <StatusBar counts={os} label="Assets by OS status" />
      </div>
      <h2>Installed software by status</h2>
      <div class="panel">
        <StatusBar counts={summary.installsByStatus} label="Software installs by status" />
        <UnknownReasons counts={summary.unknownInstallsByReason} />
        <p class="small muted">
          Distribution packages (dpkg, rpm, apk) take the status of their operating system. <a href="/software?status=unsupported">Unsupported software versions</a> ·{' '}
          <a href="/unmatched">Unmatched software</a>
        </p>
      </div>
      <h2>Patch currency</h2>
      <PatchCountsPanel patch={summary.patch} />
      <h2>Operating systems</h2>
      <TableScroll label="Operating systems">
        <table>
          <thead>
            <tr>
              <th scope="col">Operating system</th>
              <th scope="col">Status</th>
              <th scope="col">Cycle</th>
              <th scope="col">Security support ends</th>
              <th scope="col" class="num">Assets</th>
            </tr>
          </thead>
          <tbody>
            {osRows.map((r) => (
              <tr>
                <td>
                  {r.name} {r.version} {r.edition && <span class="muted small">({r.edition})</span>}
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>{r.cycle ?? '—'}</td>
                <td>
                  {r.eol ?? '—'}
                  {r.extendedSupportEnd && <span class="muted small"> (extended to {r.extendedSupportEnd})</span>}
                </td>
                <td class="num">{r.assets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}
