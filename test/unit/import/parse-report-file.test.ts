import { describe, expect, it } from 'vitest';
import { parseReportFile } from '../../../src/import/parse-report-file.js';
import { fixture } from './_fixtures.js';

describe('parseReportFile', () => {
  it('reads one v1 report per line and keeps the agent\'s sources', () => {
    const { reports, errors } = parseReportFile(fixture('agent-reports.ndjson'));
    expect(errors).toEqual([]);
    expect(reports.map((r) => r.host.hostname)).toEqual(['lab-an01', 'LAB-PC07']);
    expect(reports[0]?.software.map((s) => s.source)).toEqual(['rpm', 'rpm', 'other']);
  });

  it('reads a pretty-printed single report', () => {
    const one = JSON.stringify(JSON.parse(fixture('agent-reports.ndjson').split('\n')[0] as string), null, 2);
    expect(parseReportFile(one).reports).toHaveLength(1);
  });

  it('names the line and JSON path of each problem in a bad report', () => {
    const { errors } = parseReportFile(fixture('broken-agent-reports.ndjson'));
    expect(errors).toEqual([
      { line: 2, path: 'os.family', message: expect.any(String) },
      { line: 2, path: 'software[0].version', message: expect.any(String) },
    ]);
  });

  it('names a line that is not JSON', () => {
    const text = `${fixture('agent-reports.ndjson')}{"schema": \n`;
    expect(parseReportFile(text).errors).toEqual([{ line: 3, message: expect.stringMatching(/^not valid JSON/) }]);
  });
});
