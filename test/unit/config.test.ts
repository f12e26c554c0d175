import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CliError } from '../../src/cli/cli-error.js';

describe('loadConfig', () => {
  it('takes defaults, then the environment, then overrides', () => {
    expect(loadConfig({}).port).toBe(8080);
    expect(loadConfig({ ESTATEWATCH_PORT: '9090' }).port).toBe(9090);
    expect(loadConfig({ ESTATEWATCH_PORT: '9090' }, { port: '7070' }).port).toBe(7070);
  });

  it('names every bad setting by its variable and value', () => {
    expect(() => loadConfig({ ESTATEWATCH_PORT: 'eighty', ESTATEWATCH_ENDING_SOON_DAYS: '-3' })).toThrow(CliError);
    try {
      loadConfig({ ESTATEWATCH_PORT: 'eighty', ESTATEWATCH_ENDING_SOON_DAYS: '-3' });
    } catch (err) {
      expect((err as Error).message).toContain('ESTATEWATCH_PORT (port) = "eighty"');
      expect((err as Error).message).toContain('ESTATEWATCH_ENDING_SOON_DAYS (endingSoonDays) = "-3"');
    }
  });

  it('refuses a timezone or a report schedule it cannot use, naming the variable', () => {
    expect(() => loadConfig({ ESTATEWATCH_TIMEZONE: 'Europe/Londn' })).toThrow(/ESTATEWATCH_TIMEZONE \(timeZone\) = "Europe\/Londn": not a timezone/);
    expect(() => loadConfig({ ESTATEWATCH_BOARD_REPORT_CRON: '0 6 32 * *' })).toThrow(/ESTATEWATCH_BOARD_REPORT_CRON \(boardReportCron\) = "0 6 32 \* \*": not a valid cron/);
    expect(loadConfig({ ESTATEWATCH_TIMEZONE: 'Europe/Dublin' }).timeZone).toBe('Europe/Dublin');
  });
});
