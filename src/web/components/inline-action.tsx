import type { Child } from 'hono/jsx';

/** One action in a table row: a POST form with the session's form token, its fields and a button, inline. */
export function InlineAction({ to, csrf, button, children }: { to: string; csrf: string; button: string; children?: Child }) {
  return (
    <form class="inline-form" method="post" action={to}>
      <input type="hidden" name="csrf" value={csrf} />
      {children} <button type="submit">{button}</button>
    </form>
  );
}
