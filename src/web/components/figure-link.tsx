import type { Figure } from '../../report/posture-figures.js';

/** The link from a figure to the rows behind it in the report's snapshot; `base` is the report page's path. */
export function evidenceHref(base: string, figure: Pick<Figure, 'list' | 'filter'>): string {
  const query = new URLSearchParams(figure.filter).toString();
  return `${base}/evidence/${figure.list}${query ? `?${query}` : ''}`;
}

/** A figure's value, linked to its evidence: every number in the report can be checked. */
export function FigureLink({ base, figure, text }: { base: string; figure: Figure; text?: string }) {
  return (
    <a class="figure" href={evidenceHref(base, figure)} data-list={figure.list} data-value={figure.value}>
      {text ?? figure.value.toLocaleString('en-GB')}
    </a>
  );
}
