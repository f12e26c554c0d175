/** The report's charts: trends from each month's last snapshot, this month's alerts, and the fax and pager plan. */
import type { BoardReport } from '../../../report/board-report.js';
import type { KeyFigures } from '../../../report/key-figures.js';
import { ALERT_AGES } from '../../../report/posture-evidence.js';
import { SEVERITIES } from '../../../report/posture-figures.js';
import { POSTURE_ORDER } from '../../../report/capture-posture.js';
import { LineChart } from '../../components/line-chart.js';
import { StackedBarChart } from '../../components/stacked-bar-chart.js';
import { STATUS_LABELS } from '../../components/status-badge.js';
import { evidenceHref } from '../../components/figure-link.js';

const pctFormat = (v: number) => `${v.toFixed(1)}%`;

export function ReportCharts({ report, base }: { report: BoardReport; base: string }) {
  const { figures } = report;
  // Months before the first snapshot were never measured: the charts start at it, not at empty months before the hub existed.
  const first = report.trend.findIndex((t) => t.figures);
  const trend = report.trend.slice(Math.max(first, 0));
  const points = (pick: (f: KeyFigures) => number | undefined) => trend.map((t) => ({ x: t.month, y: (t.figures && pick(t.figures)) ?? null }));
  // Snapshots taken before the operating-system measure was recorded have no point for it.
  const osMeasured = trend.some((t) => t.figures?.supportedOsPct !== undefined);
  const plan = (kind: 'fax' | 'pager') => figures.devices[kind].plan.map((p) => ({ x: p.at.slice(0, 7), y: p.count }));
  return (
    <section class="charts">
      <h2>Trends</h2>
      <p class="small muted">Each month's point is its last daily snapshot; a gap means no snapshot was taken that month.</p>
      <div class="chart-grid">
        <LineChart
          title="Assets running only supported software (the headline), on a supported operating system, and reporting in the last 7 days (%)"
          yMax={100}
          format={pctFormat}
          series={[
            { label: 'Only supported software', points: points((f) => f.supportedPct) },
            ...(osMeasured ? [{ label: 'Supported operating system', points: points((f) => f.supportedOsPct) }] : []),
            { label: 'Reported in last 7 days', points: points((f) => f.reportingPct) },
          ]}
        />
        <StackedBarChart
          title="Assets by worst item, month by month (months with a snapshot)"
          segments={POSTURE_ORDER.map((s) => ({ label: STATUS_LABELS[s] }))}
          bars={trend.flatMap((t) => (t.figures ? [{ label: t.month, values: POSTURE_ORDER.map((s) => t.figures!.byPosture[s]) }] : []))}
        />
        <StackedBarChart
          title="Open alerts by severity and age"
          segments={ALERT_AGES.map((label) => ({ label }))}
          bars={SEVERITIES.map((severity) => ({
            label: severity,
            values: ALERT_AGES.map((age) => figures.alerts.bySeverity[severity].byAge[age].value),
            href: evidenceHref(base, figures.alerts.bySeverity[severity].open),
          }))}
        />
        <LineChart
          title="Faxes and pagers in the register: month ends, then the removal plan"
          series={[
            { label: 'Faxes', points: points((f) => f.faxesInRegister) },
            { label: 'Pagers', points: points((f) => f.pagersInRegister) },
            { label: 'Faxes planned', points: plan('fax') },
            { label: 'Pagers planned', points: plan('pager') },
          ]}
        />
      </div>
    </section>
  );
}
