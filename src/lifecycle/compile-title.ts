/** Turns one validated title file into the form the resolver runs on. */
import type { TitleEntry, TitleFile } from '../rules/title-schema.js';
import { compileMatcher } from './compile-rule.js';
import type { CompiledTitle, TitleDisposition } from './title-set.js';

function disposition(t: TitleEntry): TitleDisposition {
  if (t.product !== undefined) return { kind: 'product', product: t.product };
  if (t.partOf !== undefined) return { kind: 'part-of', product: t.partOf };
  return { kind: 'no-lifecycle', why: t.noLifecycle ?? '' };
}

export function compileTitles(file: TitleFile, fileName: string): CompiledTitle[] {
  return file.titles.map((t, index) => ({
    file: fileName,
    index,
    title: t.title,
    publisher: t.publisher,
    matchers: t.match.map(compileMatcher),
    disposition: disposition(t),
  }));
}
