/**
 * Reads an XML property list (what `system_profiler -xml` prints): dict,
 * array, string, integer, real, true, false, date and data. Dates stay as the
 * plist writes them ("2012-11-28T01:46:13Z"); data stays base64 text. Enough
 * for system_profiler's output on every macOS; not a general XML parser.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

const TOKEN = /<(\/?)([A-Za-z]+)(?:\s[^>]*?)?\s*(\/?)>|([^<]+)/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

type Token = { tag: string; close: boolean; empty: boolean } | { text: string };

function tokens(xml: string): Token[] {
  const body = xml.replace(/<\?[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  const out: Token[] = [];
  for (const m of body.matchAll(TOKEN)) {
    if (m[2] !== undefined) out.push({ tag: m[2], close: m[1] === '/', empty: m[3] === '/' });
    else if (m[4] !== undefined && m[4].trim() !== '') out.push({ text: m[4] });
  }
  return out;
}

const unescape = (text: string) => text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.startsWith('#x') ? `0${e.slice(1)}` : e.slice(1))) : (ENTITIES[e] ?? '')));

/** The plist's root value, or `undefined` when the text is not a plist this reader understands. */
export function parsePlist(xml: string): PlistValue | undefined {
  const list = tokens(xml);
  let at = 0;
  const next = () => list[at++];

  const textUntil = (tag: string): string => {
    let text = '';
    for (let t = next(); t && !('tag' in t && t.tag === tag && t.close); t = next()) if ('text' in t) text += t.text;
    return unescape(text);
  };

  const value = (open: Token | undefined): PlistValue => {
    if (!open || !('tag' in open) || open.close) throw new Error('plist: a value was expected');
    const { tag, empty } = open;
    if (tag === 'true' || tag === 'false') {
      if (!empty) next();
      return tag === 'true';
    }
    if (empty) return tag === 'array' ? [] : tag === 'dict' ? {} : '';
    if (tag === 'string' || tag === 'date' || tag === 'data') return textUntil(tag);
    if (tag === 'integer' || tag === 'real') return Number(textUntil(tag));
    if (tag === 'array') {
      const items: PlistValue[] = [];
      for (let t = next(); t && !('tag' in t && t.tag === 'array' && t.close); t = next()) items.push(value(t));
      return items;
    }
    if (tag === 'dict') {
      const dict: Record<string, PlistValue> = {};
      for (let t = next(); t && !('tag' in t && t.tag === 'dict' && t.close); t = next()) {
        if (!('tag' in t) || t.tag !== 'key') throw new Error('plist: a key was expected');
        dict[textUntil('key')] = value(next());
      }
      return dict;
    }
    throw new Error(`plist: <${tag}> is not a plist value`);
  };

  try {
    const root = next();
    if (!root || !('tag' in root) || root.tag !== 'plist') return undefined;
    return value(next());
  } catch {
    return undefined;
  }
}
