/** The headline measure and the one beside it, as the summary page and the board report both say them (report/headline-measures.ts). */
import { HEADLINE_MEASURE, measureSentence, OPERATING_SYSTEM_MEASURE } from '../../report/headline-measures.js';

/** The operating-system measure's sentence; null `part` when the figures predate it. */
export function BesideMeasure({ part, whole }: { part: number | null; whole: number }) {
  return (
    <p id="beside-measure">
      {part === null ? `This report's snapshot did not record how many assets ${OPERATING_SYSTEM_MEASURE.claim}.` : `${measureSentence(OPERATING_SYSTEM_MEASURE, part, whole)}.`}
    </p>
  );
}

/** Both measures defined, in one sentence each. */
export function MeasureDefinitions() {
  return (
    <p class="small muted" id="measure-definitions">
      {HEADLINE_MEASURE.definition} {OPERATING_SYSTEM_MEASURE.definition}
    </p>
  );
}
