import { targetStatus } from '../../devices/target-status.js';
import type { Trajectory } from '../../devices/trajectory.js';
import { shortDate } from '../../report/plain-english.js';

const W = 640;
const H = 220;
const PAD = { left: 40, right: 16, top: 16, bottom: 36 };

const time = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * One kind's count in use over time, drawn server-side as SVG: measured (solid
 * line, round markers), planned from removal dates (dashed line, square
 * markers), and the national target date. Readable in black and white.
 */
export function TrajectoryChart({ trajectory, label }: { trajectory: Trajectory; label: string }) {
  const { points, target } = trajectory;
  const t0 = time(points[0]?.at ?? '1970-01-01');
  const t1 = time(points.at(-1)?.at ?? '1970-01-02');
  const top = Math.max(1, ...points.map((p) => p.count));
  const x = (day: string) => PAD.left + ((time(day) - t0) / (t1 - t0 || 1)) * (W - PAD.left - PAD.right);
  const y = (n: number) => H - PAD.bottom - (n / top) * (H - PAD.top - PAD.bottom);
  const measured = points.filter((p) => !p.planned);
  const planned = [measured.at(-1), ...points.filter((p) => p.planned)].filter((p) => p !== undefined);
  const line = (ps: typeof points) => ps.map((p) => `${x(p.at).toFixed(1)},${y(p.count).toFixed(1)}`).join(' ');
  const targetInView = target !== null && time(target) >= t0 && time(target) <= t1;
  const now = measured.at(-1);
  return (
    <figure class="trajectory">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: ${now?.count ?? 0} in use on ${now?.at ?? ''}; ${planned.at(-1)?.count ?? 0} planned by ${planned.at(-1)?.at ?? ''}`}>
        <line class="axis" x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} />
        <line class="axis" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} />
        <text class="tick" x={PAD.left - 6} y={y(top) + 4} text-anchor="end">{top}</text>
        <text class="tick" x={PAD.left - 6} y={y(0) + 4} text-anchor="end">0</text>
        {[points[0], now, points.at(-1)].map((p) => p && <text class="tick" x={x(p.at)} y={H - 12} text-anchor="middle">{p.at.slice(0, 7)}</text>)}
        {targetInView && <line class="target" x1={x(target)} y1={PAD.top} x2={x(target)} y2={y(0)} />}
        <polyline class="traj-actual" points={line(measured)} fill="none" />
        <polyline class="traj-planned" points={line(planned)} fill="none" stroke-dasharray="6 4" />
        {measured.map((p) => <circle class="traj-actual" cx={x(p.at)} cy={y(p.count)} r="3"><title>{`${p.at}: ${p.count} in use`}</title></circle>)}
        {planned.slice(1).map((p) => <rect class="traj-planned" x={x(p.at) - 3} y={y(p.count) - 3} width="6" height="6"><title>{`${p.at}: ${p.count} planned`}</title></rect>)}
      </svg>
      <figcaption class="small">
        {label}: <strong>{now?.count ?? 0}</strong> in use today (solid); <strong>{planned.at(-1)?.count ?? 0}</strong> still in use by {shortDate(planned.at(-1)?.at ?? '')} if every
        planned removal happens (dashed).{' '}
        {target && `National target ${shortDate(target)}${targetInView ? ' (the vertical line)' : ''}: ${targetStatus(target, now?.at ?? target, trajectory.stillInUse)}.`}
      </figcaption>
    </figure>
  );
}
