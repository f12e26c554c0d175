/**
 * The estate's two support measures, defined once for every page that states
 * them (the summary and the board report). The headline is the strict one: an
 * unsupported browser or runtime on a supported Windows is as exploitable as
 * an old Windows, and DSPT 8.2 asks for no unsupported operating systems,
 * software or browsers. The operating-system measure stands beside it because
 * that is what upgrade programmes track, never in its place.
 */
import { COUNTS_AS_SUPPORTED } from '../lifecycle/verdict.js';
import type { EstateSummary } from '../store/estate-queries.js';
import { count, percentText } from './plain-english.js';
import { pct } from './posture-figures.js';

export interface Measure {
  /** What an asset that counts does, as the sentence says it. */
  claim: string;
  /** Which assets count, in one sentence. */
  definition: string;
}

export const HEADLINE_MEASURE: Measure = {
  claim: 'runs only supported software',
  definition:
    'The headline counts an asset only when its operating system and every program installed on it are within their vendor\'s security support (ending soon included); one unsupported program, paid extended support, or software no rule can judge yet, and it does not count.',
};

export const OPERATING_SYSTEM_MEASURE: Measure = {
  claim: 'runs a supported operating system',
  definition:
    'Beside it, the operating-system measure counts an asset whose operating system alone is within security support, whatever programs it carries: the progress of operating-system upgrades, never a reason to call an asset safe.',
};

/** "26.7% of the estate (4 of 15 assets) runs a supported operating system". */
export function measureSentence(measure: Measure, part: number, whole: number): string {
  return `${percentText(pct(part, whole))} of the estate (${part} of ${count(whole, 'asset')}) ${measure.claim}`;
}

/** The live estate's counts for both measures (the summary page's and the API's), of all its assets. */
export function liveMeasures(s: Pick<EstateSummary, 'assets' | 'assetsSupportedOnly' | 'assetsByOsStatus'>): { assets: number; supportedOnly: number; supportedOs: number } {
  return { assets: s.assets, supportedOnly: s.assetsSupportedOnly, supportedOs: COUNTS_AS_SUPPORTED.reduce((n, status) => n + s.assetsByOsStatus[status], 0) };
}

/** A measure's share as the pages print it (one decimal); null with no assets to measure. */
export const measureShare = (part: number, whole: number): number | null => (whole ? pct(part, whole) : null);
