/** Patch currency on the pages: beside the status, never in its place (lifecycle/judge-patch.ts, docs/lifecycle-data.md). */
import { daysBehind, describePatch, installedUpdate } from '../../lifecycle/describe-patch.js';
import type { PatchCurrency } from '../../lifecycle/verdict.js';
import { PATCH_COUNTS_DEFINITION } from '../../report/patch-measures.js';
import type { PatchCounts, PatchSummary } from '../../store/patch-queries.js';
import { TableScroll } from './table-scroll.js';

function CountsRow({ label, counts, id }: { label: string; counts: PatchCounts; id: string }) {
  return (
    <tr id={id}>
      <th scope="row">{label}</th>
      <td class="num" data-state="current">{counts.current}</td>
      <td class="num" data-state="behind">{counts.behind}</td>
      <td class="num" data-state="cannot-tell">{counts.cannotTell}</td>
    </tr>
  );
}

/** The summary's patch-currency counts with their definition. */
export function PatchCountsPanel({ patch }: { patch: PatchSummary }) {
  return (
    <div class="panel" id="patch-currency">
      <TableScroll label="Patch currency">
        <table class="compact">
          <thead>
            <tr><th scope="col">Supported items</th><th scope="col" class="num">Current</th><th scope="col" class="num">Behind</th><th scope="col" class="num">Cannot tell</th></tr>
          </thead>
          <tbody>
            <CountsRow id="patch-os" label="Operating systems (machines)" counts={patch.os} />
            <CountsRow id="patch-software" label="Software (installs)" counts={patch.software} />
          </tbody>
        </table>
      </TableScroll>
      <p class="small muted" id="patch-definition">{PATCH_COUNTS_DEFINITION} It never changes a status: a supported item that is behind is still counted as supported above.</p>
    </div>
  );
}

/** A table cell's few words: "current", "behind 40 days (115.18.0)", or "—" when it cannot be told. */
export function PatchCell({ patch, asOf }: { patch: PatchCurrency | null | undefined; asOf: string }) {
  if (!patch) return <td class="patch muted" data-patch="cannot-tell" title="cannot tell">—</td>;
  const days = daysBehind(patch, asOf);
  const text = patch.state === 'current' ? 'current' : `behind${days === null ? '' : ` ${days} day${days === 1 ? '' : 's'}`} (${patch.newest})`;
  return <td class="patch" data-patch={patch.state} title={describePatch(patch, asOf)}>{text}</td>;
}

/** The asset page's line under its operating system; Windows adds the cumulative update installed. */
export function OsPatchFacts({ patch, asOf }: { patch: PatchCurrency | null | undefined; asOf: string }) {
  const installed = installedUpdate(patch);
  return (
    <>
      <div id="os-patch-state" data-patch={patch?.state ?? 'cannot-tell'}>Patches: {describePatch(patch, asOf)}</div>
      {installed && <div id="os-last-update">Last cumulative update installed: {installed}</div>}
    </>
  );
}
