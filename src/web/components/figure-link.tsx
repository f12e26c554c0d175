import type { Figure } from '../../report/posture-figures.js';
import { NoteMark } from './evidence-notes.js';

/** The link from a figure to the rows behind it in the report's snapshot; `base` is the report page's path. */
export function evidenceHref(base: string, figure: Pick<Figure, 'list' | 'filter'>): string {
  const query = new URLSearchParams(figure.filter).toString();
  return `${base}/evidence/${figure.list}${query ? `?${query}` : ''}`;
}

/** A figure's value, linked to its evidence (and, printed without links, its note): every number in the report can be checked. */
export function FigureLink({ base, figure, text }: { base: string; figure: Figure; text?: string }) {
  const href = evidenceHref(base, figure);
  return (
    <>
      <a class="figure" href={href} data-list={figure.list} data-value={figure.value}>
        {text ?? figure.value.toLocaleString('en-GB')}
      </a>
      <NoteMark address={href} />
    </>
  );
}
