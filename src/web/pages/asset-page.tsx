import type { AssetItem } from '../../estate/asset-items.js';
import type { DataFreshness } from '../../estate/data-freshness.js';
import { DataCitation, DataFreshnessNote } from '../components/data-freshness-note.js';
import { countByStatus, groupPackages } from '../../estate/package-groups.js';
import type { AssetDetail, DeviceRow, HistoryRow } from '../../store/asset-queries.js';
import type { Session } from '../../store/sessions.js';
import { StatusBadge } from '../components/status-badge.js';
import type { AlertRow } from '../../store/alert-queries.js';
import { ALERT_STATUS_LABELS, SeverityBadge } from './alerts-page.js';
import { KnownExploitedFlag } from '../components/known-exploited-flag.js';
import type { WithKnownExploited } from '../../alerts/known-exploited-rules.js';
import { AssetItemsTable } from '../components/asset-items-table.js';
import { OsPatchFacts } from '../components/patch-currency.js';
import { StatusCounts } from '../components/status-counts.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export interface AssetPageProps {
  session: Session;
  asset: AssetDetail;
  items: AssetItem[];
  /** Its live alerts, known exploited first, then worst first. */
  alerts: WithKnownExploited<AlertRow>[];
  devices: DeviceRow[];
  history: HistoryRow[];
  /** Name its trust: an ICS-wide person on a hub of several (trustsShown). */
  showTrust: boolean;
  /** The day verdicts are for: how long a newer version has been out is counted to it. */
  asOf: string;
  /** The age of the lifecycle data its verdicts come from. */
  freshness: DataFreshness;
}

export function AssetPage({ session, asset, items, alerts, devices, history, showTrust, asOf, freshness }: AssetPageProps) {
  const { listed, groups } = groupPackages(items);
  const os = asset.os;
  return (
    <Layout title={asset.hostname} session={session}>
      <h1>{asset.hostname}</h1>
      <DataFreshnessNote freshness={freshness} />
      <div class="panel">
        <dl class="facts">
          {showTrust && <><dt>Trust</dt><dd id="trust">{asset.organisation}</dd></>}
          <dt>Operating system</dt>
          <dd id="os">
            {os.name} {os.version} {os.build && <span class="muted">(build {os.build})</span>} <StatusBadge status={os.verdict.status} />
            <div class="reason">{os.verdict.reason}<DataCitation verdict={os.verdict} /></div>
            <OsPatchFacts patch={os.verdict.patch} asOf={asOf} />
          </dd>
          <dt>Hardware</dt>
          <dd>{[asset.manufacturer, asset.model, asset.serial && `serial ${asset.serial}`].filter(Boolean).join(' · ') || '—'}</dd>
          <dt>FQDN</dt>
          <dd>{asset.fqdn ?? '—'}</dd>
          <dt>Reported by</dt>
          <dd>{asset.agentId === null ? 'seed or import (no agent)' : `agent #${asset.agentId}`}</dd>
          <dt>First / last seen</dt>
          <dd>
            {day(asset.firstSeenAt)} / {asset.lastSeenAt}
          </dd>
          {asset.collectionWarnings.length > 0 && (
            <>
              <dt>Collection incomplete</dt>
              <dd id="collection-warnings">
                {asset.collectionWarnings.map((w) => (
                  <div class="reason">
                    {w.part === 'devices' ? 'devices unavailable' : 'hardware facts unavailable'}: {w.message} (the hub keeps what it held)
                  </div>
                ))}
              </dd>
            </>
          )}
          <dt>Software</dt>
          <dd id="software-counts">
            {items.length} items: <StatusCounts counts={countByStatus(items)} />
          </dd>
        </dl>
      </div>
      <h2>Alerts</h2>
      {alerts.length === 0 ? (
        <p class="muted">No live alerts.</p>
      ) : (
        <TableScroll>
          <table id="asset-alerts">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Alert</th>
                <th scope="col">Status</th>
                <th scope="col">Raised</th>
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <tr>
                  <td>
                    <SeverityBadge severity={a.severity} />
                  </td>
                  <td>
                    <a href={`/alerts/${a.id}`}>{a.title}</a>
                    {a.knownExploited && (
                      <div>
                        <KnownExploitedFlag mark={a.knownExploited} />
                      </div>
                    )}
                  </td>
                  <td>{ALERT_STATUS_LABELS[a.status]}</td>
                  <td>{day(a.raisedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Software</h2>
      {groups.map((g) => (
        <div class="panel" id={`packages-${g.source}`}>
          <p>
            <strong>
              {g.items.length} {g.source} packages
            </strong>{' '}
            follow {os.name} {os.version}: <StatusCounts counts={g.counts} />
          </p>
          <details>
            <summary>Every {g.source} package</summary>
            <AssetItemsTable items={g.items} asOf={asOf} />
          </details>
        </div>
      ))}
      {groups.length > 0 && <h3>Judged on its own</h3>}
      {listed.length > 0 ? (
        <AssetItemsTable id="software" items={listed} asOf={asOf} />
      ) : (
        <p class="muted">No software judged on its own.</p>
      )}
      <h2>Devices</h2>
      {devices.length === 0 ? (
        <p class="muted">No attached devices reported.</p>
      ) : (
        <TableScroll label="Attached devices">
          <table id="devices">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Name</th>
                <th scope="col">Model</th>
                <th scope="col">Location</th>
                <th scope="col">Connection</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr>
                  <td>{d.kind}</td>
                  <td>
                    {d.name}
                    {d.classification && <div class="small muted">{d.classification}</div>}
                  </td>
                  <td>{d.model ?? '—'}</td>
                  <td>{d.location ?? '—'}</td>
                  <td class="small">{d.connection || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Recent changes</h2>
      {history.length === 0 ? (
        <p class="muted">No changes since the first report.</p>
      ) : (
        <TableScroll label="Recent changes">
          <table id="history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Change</th>
                <th scope="col">Software</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr>
                  <td>{day(h.at)}</td>
                  <td>{h.change}</td>
                  <td>{h.name}</td>
                  <td>{h.fromVersion ?? '—'}</td>
                  <td>{h.toVersion ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
