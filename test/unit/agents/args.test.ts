import { describe, expect, it } from 'vitest';
import { checkSchedule, parseAgentArgs } from '../../../agents/args.js';

describe('parseAgentArgs', () => {
  it('parses --dry-run, --once and --help', () => {
    expect(parseAgentArgs(['--dry-run'])).toEqual({ mode: 'dry-run', lowPriority: true, spoolLimits: {} });
    expect(parseAgentArgs(['--once', '--state-dir', '/tmp/s', '--hub', 'http://127.0.0.1:1'])).toEqual({
      mode: 'once',
      fullReport: false,
      lowPriority: true,
      stateDir: '/tmp/s',
      hub: 'http://127.0.0.1:1',
      spoolLimits: {},
    });
    expect(parseAgentArgs(['--once', '-h'])).toEqual({ mode: 'help' });
  });

  it('parses --schedule with the default jitter of 300 s, or --jitter', () => {
    expect(parseAgentArgs(['--schedule', '0 2 * * *'])).toMatchObject({ mode: 'schedule', cron: '0 2 * * *', jitterSeconds: 300 });
    expect(parseAgentArgs(['--schedule', '*/15 * * * *', '--jitter', '0'])).toMatchObject({ jitterSeconds: 0 });
  });

  it('parses enrol, taking the secret from ESTATEWATCH_ENROL_SECRET when not given', () => {
    expect(parseAgentArgs(['enrol', '--hub', 'https://hub.trust.nhs.uk', '--secret', 's3cret'])).toMatchObject({
      mode: 'enrol',
      hub: 'https://hub.trust.nhs.uk',
      secret: 's3cret',
    });
    expect(parseAgentArgs(['enrol', '--hub', 'https://hub'], { ESTATEWATCH_ENROL_SECRET: 'from-env' })).toMatchObject({ secret: 'from-env' });
  });

  it('parses spool bounds in files and megabytes', () => {
    expect(parseAgentArgs(['--once', '--spool-max-files', '50', '--spool-max-mb', '10']).mode).toBe('once');
    expect(parseAgentArgs(['--once', '--spool-max-files', '50', '--spool-max-mb', '10'])).toMatchObject({
      spoolLimits: { maxFiles: 50, maxBytes: 10 * 1024 * 1024 },
    });
  });

  it.each([
    [[], /choose a mode/],
    [['--once', '--dry-run'], /choose one mode, not --dry-run and --once/],
    [['--schedule', '0 2 * * *', '--jitter', '-5'], /--jitter/],
    [['--once', '--jitter', '10'], /--jitter is only used with --schedule/],
    [['--once', '--secret', 'x'], /--secret is only used with enrol/],
    [['enrol', '--secret', 'x'], /enrol needs --hub/],
    [['enrol', '--hub', 'http://h'], /enrol needs --secret/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['upload'], /unexpected argument "upload"/],
    [['enrol', 'now', '--hub', 'h', '--secret', 's'], /unexpected argument "now"/],
    [['--once', '--spool-max-files', 'lots'], /whole number/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseAgentArgs(argv)).toThrow(message);
    try {
      parseAgentArgs(argv);
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-arguments' });
    }
  });

  it('parses quiet hours, priority and the air-gapped output file', () => {
    expect(parseAgentArgs(['--schedule', '0 * * * *', '--quiet-hours', '08:00-18:00'])).toMatchObject({ quietHours: { startMinute: 480, endMinute: 1080 } });
    expect(parseAgentArgs(['--once', '--priority', 'normal'])).toMatchObject({ lowPriority: false });
    expect(parseAgentArgs(['--output', '/tmp/r.ndjson'])).toMatchObject({ mode: 'output', file: '/tmp/r.ndjson' });
    expect(() => parseAgentArgs(['--once', '--quiet-hours', '08:00-18:00'])).toThrow(/only used with --schedule/);
    expect(() => parseAgentArgs(['--schedule', '0 * * * *', '--quiet-hours', '8-18'])).toThrow(/HH:MM-HH:MM/);
    expect(() => parseAgentArgs(['--once', '--priority', 'high'])).toThrow(/low or normal/);
    expect(() => parseAgentArgs(['--once', '--output', 'x'])).toThrow(/choose one mode/);
  });
});

describe('checkSchedule', () => {
  it('refuses a --schedule expression that is not cron, as a bad argument', async () => {
    await expect(checkSchedule(parseAgentArgs(['--schedule', 'every night']))).rejects.toMatchObject({ code: 'bad-arguments', message: expect.stringMatching(/not a valid cron expression/) });
  });

  it('accepts a valid expression and every other mode', async () => {
    await expect(checkSchedule(parseAgentArgs(['--schedule', '0 2 * * *']))).resolves.toBeUndefined();
    await expect(checkSchedule(parseAgentArgs(['--dry-run']))).resolves.toBeUndefined();
  });
});
