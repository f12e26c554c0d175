import type { Figure } from '../../report/posture-figures.js';

/** The link from a figure to the rows behind it in the report's snapshot. */
export function evidenceHref(month: string, figure: Pick<Figure, 'list' | 'filter'>): string {
  const query = new URLSearchParams(figure.filter).toString();
  return `/board-reports/${month}/evidence/${figure.list}${query ? `?${query}` : ''}`;
}

/** A figure's value, linked to its evidence: every number in the report can be checked. */
export function FigureLink({ month, figure, text }: { month: string; figure: Figure; text?: string }) {
  return (
    <a class="figure" href={evidenceHref(month, figure)} data-list={figure.list} data-value={figure.value}>
      {text ?? figure.value.toLocaleString('en-GB')}
    </a>
  );
}
