import { UNKNOWN_REASONS, type UnknownReason } from '../../lifecycle/verdict.js';

/** Plain words for why an item is unknown (src/lifecycle/verdict.ts UNKNOWN_REASONS). */
export const UNKNOWN_REASON_LABELS: Record<UnknownReason, string> = {
  unrecognised: 'unrecognised (no title matches)',
  'no-published-lifecycle': 'no published lifecycle (drivers, utilities)',
  'lifecycle-not-in-data': 'lifecycle not in the data',
  'data-stale': 'data too old to judge',
  'version-unclear': 'version cannot be placed',
};

/** "Unknown installs: 12 unrecognised, 3 no published lifecycle …", each reason apart, zeros left out. */
export function UnknownReasons({ counts }: { counts: Record<UnknownReason, number> }) {
  const shown = UNKNOWN_REASONS.filter((r) => counts[r] > 0);
  if (shown.length === 0) return null;
  return (
    <p class="small" id="unknown-reasons">
      Unknown installs, by why:{' '}
      {shown.map((r, i) => (
        <>
          {i > 0 && ' · '}
          <span data-reason={r}>
            <strong>{counts[r]}</strong> {r === 'unrecognised' ? <a href="/unmatched">{UNKNOWN_REASON_LABELS[r]}</a> : UNKNOWN_REASON_LABELS[r]}
          </span>
        </>
      ))}
      . None of them counts as supported.
    </p>
  );
}
