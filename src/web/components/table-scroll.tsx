import type { Child } from 'hono/jsx';

/**
 * A table's own sideways scroll: in a narrow window the table scrolls inside
 * this box and the page never does (WCAG 1.4.10). A keyboard scrolls the box
 * by moving through the table's links and buttons; a table with none needs
 * `label`, which makes the box a named region that takes the focus itself
 * (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label?: string; children: Child }) {
  if (!label) return <div class="table-scroll">{children}</div>;
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
