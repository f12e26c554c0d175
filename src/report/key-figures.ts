/**
 * The handful of figures each daily snapshot keeps for ever, so the board's
 * trend lines survive the pruning of old evidence and later estate changes.
 */
import type { SupportStatus } from '../lifecycle/verdict.js';
import { pct, type PostureFigures } from './posture-figures.js';

export interface KeyFigures {
  assets: number;
  supportedPct: number;
  byPosture: Record<SupportStatus, number>;
  unsupportedOsAssets: number;
  unsupportedSoftwareInstalls: number;
  openAlerts: number;
  openCriticalOrHigh: number;
  overdueActions: number;
  exceptionsInForce: number;
  faxesInRegister: number;
  pagersInRegister: number;
  reportingPct: number;
  /** The share on a supported OS; absent from snapshots taken before it was recorded. */
  supportedOsPct?: number;
}

export function keyFigures(f: PostureFigures): KeyFigures {
  const byPosture = Object.fromEntries(Object.entries(f.assets.byPosture).map(([s, fig]) => [s, fig.value])) as Record<SupportStatus, number>;
  return {
    assets: f.assets.total.value,
    supportedPct: f.assets.supportedPct,
    byPosture,
    unsupportedOsAssets: f.unsupportedOs.assets.value,
    unsupportedSoftwareInstalls: f.unsupportedSoftware.installs.value,
    openAlerts: f.alerts.open.value,
    openCriticalOrHigh: f.alerts.bySeverity.critical.open.value + f.alerts.bySeverity.high.open.value,
    overdueActions: f.actions.overdue.value,
    exceptionsInForce: f.exceptions.inForce.value,
    faxesInRegister: f.devices.fax.inRegister.value,
    pagersInRegister: f.devices.pager.inRegister.value,
    reportingPct: f.coverage.reportingPct,
    ...(f.assets.supportedOs ? { supportedOsPct: pct(f.assets.supportedOs.value, f.assets.total.value) } : {}),
  };
}
