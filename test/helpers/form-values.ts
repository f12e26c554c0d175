/**
 * What a server-rendered form holds, read from its HTML: so a test of a
 * refused form can say "every value typed came back" in one comparison.
 */

/** The field with this id: an input's value, a textarea's text, a select's chosen options (comma-separated); undefined if the page has no such field. */
function valueOf(html: string, id: string): string | undefined {
  const tag = new RegExp(`<(input|textarea|select) id="${id}"[^>]*>`).exec(html);
  if (!tag) return undefined;
  const [open, kind] = tag;
  if (kind === 'input') return /value="([^"]*)"/.exec(open)?.[1] ?? '';
  const body = html.slice(tag.index + open.length, html.indexOf(`</${kind}>`, tag.index));
  return kind === 'textarea' ? body : [...body.matchAll(/<option value="([^"]*)" selected=""/g)].map((m) => m[1]).join(',');
}

/** Each form field's value on the page, by field name, given the id of the control that holds it. */
export function formValues(html: string, ids: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(ids).map(([field, id]) => [field, valueOf(html, id)]));
}
