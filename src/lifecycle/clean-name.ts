/**
 * The noise real inventories put in names, removed before any pattern sees them:
 * Unicode compatibility forms (NFKC: full-width "Ｆｉｒｅｆｏｘ", decomposed accents,
 * ligatures), trademark signs, control and zero-width characters, and leading,
 * trailing and doubled whitespace ("Microsoft Visual C++ 2010  x64 Redistributable").
 * Words, versions and architecture stay: patterns need them.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff]/g;
const MARKS = /[\u00ae\u2122\u00a9]/g;

export function cleanName(raw: string): string {
  return raw.replace(MARKS, '').normalize('NFKC').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}
