import type { Child } from 'hono/jsx';

/** One action on a record's page: a POST form with the session's form token and, usually, one button. */
export function PostForm({ id, to, csrf, button, children }: { id: string; to: string; csrf: string; button?: string; children?: Child }) {
  return (
    <form class="action panel" id={id} method="post" action={to}>
      <input type="hidden" name="csrf" value={csrf} />
      {children}
      {button && (
        <button class="primary" type="submit">
          {button}
        </button>
      )}
    </form>
  );
}
