/**
 * A release as a board would name it, from its rule's title and its cycle's
 * label: "Microsoft Windows Server 2012 R2", not "Microsoft Windows Server
 * Windows Server 2012 R2". Rule titles qualify themselves in brackets
 * ("Microsoft Windows (client)") and cycle labels often name the product
 * again ("Windows Server 2012 R2"), so the two cannot simply be joined.
 */

/**
 * Bracketed asides, "(client)", dropped from the title with the space before
 * them. The label keeps its own: "(W)" and "(E)" tell two Windows 11 cycles
 * with different end dates apart, and "(Visual Studio 2017-2026)" says which.
 */
const ASIDE = /\s*\([^()]*\)/g;

const words = (text: string) => text.split(/\s+/).filter(Boolean);
/** A word as compared: case and trailing punctuation ignored ("Apps," is "apps"). */
const key = (word: string) => word.toLowerCase().replace(/[,.;:]+$/, '');

/**
 * When the label names the product itself (a word of it outside its asides is
 * one of the title's), it is kept whole after what the title says before that
 * word (the vendor); otherwise it follows the whole title ("Microsoft Office" +
 * "2024 LTSC").
 */
export function productLabel(title: string, release: string): string {
  const named = words(title.replace(ASIDE, ''));
  const titleKeys = named.map(key);
  const shared = words(release.replace(ASIDE, '')).map(key).find((w) => /\p{L}/u.test(w) && titleKeys.includes(w));
  const vendor = shared === undefined ? named : named.slice(0, titleKeys.indexOf(shared));
  return [...vendor, release.trim()].filter(Boolean).join(' ');
}
