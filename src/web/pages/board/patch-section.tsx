/** Patch currency in the board report, after the estate by its worst item: each number links to the assets counted. */
import { WINDOWS_PATCH_AGES } from '../../../report/posture-evidence.js';
import type { PostureFigures } from '../../../report/posture-figures.js';
import { SUPPORTED_NOT_PATCHED_DEFINITION, WINDOWS_PATCH_AGE_DEFINITION } from '../../../report/patch-measures.js';
import { FigureLink } from '../../components/figure-link.js';
import { TableScroll } from '../../components/table-scroll.js';

export function PatchSection({ patch, base }: { patch: PostureFigures['patch']; base: string }) {
  // A report generated before these figures existed has none; say so rather than show zeros.
  if (!patch) return <p class="small muted" id="supported-not-patched">This report's snapshot did not record patch currency.</p>;
  return (
    <>
      <h2 id="supported-not-patched">Supported but not patched: <FigureLink base={base} figure={patch.supportedNotPatched} /> assets</h2>
      <p class="small muted">{SUPPORTED_NOT_PATCHED_DEFINITION}</p>
      <h2>Windows machines by cumulative update</h2>
      <p class="small muted">{WINDOWS_PATCH_AGE_DEFINITION}</p>
      <TableScroll>
        <table class="compact" id="windows-patch-age">
          <thead><tr><th scope="col">Newer update out</th><th scope="col" class="num">Machines</th></tr></thead>
          <tbody>
            {WINDOWS_PATCH_AGES.map((age) => (
              <tr data-age={age}><td>{age}</td><td class="num"><FigureLink base={base} figure={patch.windows[age]} /></td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
