import { describe, expect, it } from 'vitest';
import { AgentError } from '../../../../agents/agent-error.js';
import { parsePsJson, psFlag, psText } from '../../../../agents/windows/parse-ps-json.js';

describe('parsePsJson', () => {
  it('strips a UTF-8 BOM and decodes raw UTF-8 as well as \\u escapes', () => {
    expect(parsePsJson('\uFEFF[{"a":"Überweisungs-Client","b":"Cliniview \\u00d8"}]\r\n')).toEqual([{ a: 'Überweisungs-Client', b: 'Cliniview Ø' }]);
  });

  it('wraps a single object (PowerShell 5.1 ConvertTo-Json of one item) in a list', () => {
    expect(parsePsJson('{"Name":"COM3"}')).toEqual([{ Name: 'COM3' }]);
  });

  it('reads empty output as no objects', () => {
    expect(parsePsJson(' \r\n')).toEqual([]);
  });

  it('throws an AgentError on output that is not a JSON object list', () => {
    expect(() => parsePsJson('Get-WmiObject : Invalid class "Win32_POTSModem"')).toThrow(AgentError);
    expect(() => parsePsJson('[1, 2]')).toThrow(/not a JSON object list/);
  });
});

describe('psText and psFlag', () => {
  it('trim strings, stringify numbers and read null or blanks as missing', () => {
    expect(psText({ a: ' x ', b: 5371, c: null, d: '  ' }, 'a')).toBe('x');
    expect(psText({ b: 5371 }, 'b')).toBe('5371');
    expect(psText({ c: null }, 'c')).toBeUndefined();
    expect(psText({ d: '  ' }, 'd')).toBeUndefined();
  });

  it('read true, "True" and 1 as set', () => {
    expect([true, 'True', '1', 1, false, '0', null].map((value) => psFlag({ v: value }, 'v'))).toEqual([true, true, true, true, false, false, false]);
  });
});
