import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/csv.js';

const fields = (text: string) => {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.records;
};

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and numbers records by their first line', () => {
    const records = fields('a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });

  it('drops a leading byte-order mark, skips blank lines and accepts a last line without a newline', () => {
    expect(fields('\uFEFFh1,h2\n\n1,2')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['1', '2'] },
    ]);
  });

  it('reports a quoted field that is never closed at the line it opens', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({ ok: false, error: { line: 2, message: expect.stringContaining('never closed') } });
  });

  it('reports text after a closing quote', () => {
    expect(parseCsv('a,b\n"x"y,1\n')).toMatchObject({ ok: false, error: { line: 2 } });
  });
});
