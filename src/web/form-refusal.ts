/**
 * A form the hub refused (a bad field, an unknown person or host, a rule),
 * shown again on its own page with a 400 or 409: the reason in that form and
 * every value typed into it kept, nothing stored (submit-form.ts). Never a
 * dead-end error page.
 */
import type { ErrorDetail } from '../hub/errors.js';

/** Which of a page's forms was refused (the last part of the path it posts to: edit, links, assign…), why, and the values typed into it. */
export interface FormRefusal {
  form: string;
  /** Why, each bad field named ("title: at most 200 characters"). */
  message: string;
  typed: Record<string, string>;
  /** The bad fields one by one, where the hub named them, so a page can say one beside its field. */
  fields?: readonly ErrorDetail[];
}

/** Bad fields in words, each named: "title: at most 200 characters; owner: no user …". */
export const fieldWords = (fields: readonly ErrorDetail[]): string => fields.map((d) => `${d.path}: ${d.message}`).join('; ');

/** A form's name: the last part of the path it posts to (/hazards/7/edit → edit). */
export const formNameOf = (path: string): string => path.split('/').pop() ?? '';

/** The refusal, if it is this form's. */
export const refusalOf = (refusal: FormRefusal | undefined, form: string): FormRefusal | undefined => (refusal?.form === form ? refusal : undefined);

/** What was typed into a refused form, else the value to start from. */
export const typedOr = (refusal: FormRefusal | undefined, form: string, field: string, otherwise: string): string =>
  refusal?.form === form ? (refusal.typed[field] ?? otherwise) : otherwise;
