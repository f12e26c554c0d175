import type { ErrorDetail } from '../../hub/errors.js';

/** What is wrong with a list's filters, each field by name, above the form that keeps what was typed. */
export function FilterProblems({ problems }: { problems?: readonly ErrorDetail[] }) {
  if (!problems?.length) return null;
  return (
    <div class="error" role="alert" id="filter-problems">
      {problems.map((p) => (
        <p>
          {p.path || 'filters'}: {p.message}
        </p>
      ))}
    </div>
  );
}
