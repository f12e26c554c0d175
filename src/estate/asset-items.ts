import { verdictOnAsset } from '../lifecycle/verdict-on-asset.js';
import type { Verdict } from '../lifecycle/verdict.js';
import type { AssetDetail, InstallRow } from '../store/asset-queries.js';

export interface AssetItem extends Omit<InstallRow, 'verdict'> {
  /** The verdict that applies on this asset (a distribution package's is its OS's). */
  verdict: Verdict;
}

/** Each install on an asset with the verdict that applies there. */
export function assetItems(asset: AssetDetail, installs: InstallRow[]): AssetItem[] {
  const osLabel = `${asset.os.name} ${asset.os.version}`;
  return installs.map((i) => ({ ...i, verdict: verdictOnAsset({ ...i.verdict, osLink: i.osLink }, asset.os.verdict, osLabel, i.source) }));
}
