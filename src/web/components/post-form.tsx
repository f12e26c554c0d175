import type { Child } from 'hono/jsx';
import { formNameOf, refusalOf, type FormRefusal } from '../form-refusal.js';

/**
 * One action on a record's page: a POST form with the session's form token
 * and, usually, one button. If the hub refused it (`refusal` names the form by
 * the path it posts to), it says why at its top (id "<id>-error"), above the
 * fields, which the page fills with what was typed.
 */
export function PostForm({ id, to, csrf, button, refusal, children }: { id: string; to: string; csrf: string; button?: string; refusal?: FormRefusal; children?: Child }) {
  const refused = refusalOf(refusal, formNameOf(to));
  return (
    <form class="action panel" id={id} method="post" action={to}>
      <input type="hidden" name="csrf" value={csrf} />
      {refused && (
        <p class="error" role="alert" id={`${id}-error`}>
          {refused.message}
        </p>
      )}
      {children}
      {button && (
        <button class="primary" type="submit">
          {button}
        </button>
      )}
    </form>
  );
}
