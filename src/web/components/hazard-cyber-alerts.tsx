import type { HazardCyberAlertRow } from '../../store/hazard-cyber-alerts.js';

/**
 * The cyber alerts still affecting a machine the hazard links to, each with
 * those machines: what the CSO weighs beside the hazard (issue 23, point 5).
 * Gone by itself once the machines carry the fix.
 */
export function HazardCyberAlerts({ rows }: { rows: HazardCyberAlertRow[] }) {
  if (!rows.length) return null;
  const byAlert = new Map<string, HazardCyberAlertRow[]>();
  for (const r of rows) byAlert.set(r.reference, [...(byAlert.get(r.reference) ?? []), r]);
  return (
    <div class="panel notice" id="cyber-alerts">
      <h3>Cyber alerts on its machines</h3>
      <ul>
        {[...byAlert.values()].map((machines) => {
          const first = machines[0] as HazardCyberAlertRow;
          return (
            <li data-reference={first.reference}>
              <a href={`/cyber-alerts/${first.reference}`}>{first.reference}</a>: {first.title} — still affecting{' '}
              {machines.map((m, i) => (
                <>
                  {i > 0 && ', '}
                  <a href={`/assets/${m.assetId}`}>{m.hostname}</a>
                </>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
