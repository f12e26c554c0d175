import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { HubError } from '../../hub/errors.js';
import { reportView } from '../../hub/report-view.js';
import { openHubDeps } from '../../hub/start-hub.js';
import { buildBoardReport, MonthPattern } from '../../report/board-report.js';
import { generateBoardReport, previousMonth } from '../../report/generate-board-report.js';
import { renderPdf } from '../../report/render-pdf.js';
import { loadStoredReport } from '../../report/stored-report.js';
import { localDay } from '../../report/trust-calendar.js';
import { describeStore, storeExists } from '../../store/open-store.js';
import type { ReportOwner } from '../../store/organisations.js';
import { pdfFrame, standaloneReportHtml } from '../../web/pages/board/report-print.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage:
  estatewatch report [--month YYYY-MM] [--organisation <code>] [--out <file.json|file.html|file.pdf>] [--data-dir <dir>]
  estatewatch report --month YYYY-MM [--organisation <code>] --verify [--data-dir <dir>]

Generates the board's cyber-posture report for a month (default: the month
before this one, in ESTATEWATCH_TIMEZONE), stores it in the hub's database
(the hub's Board reports page lists it) and prints its summary. Figures come
from the last daily snapshot taken in that month; for the current month,
today's snapshot is taken first and the report is marked "month to date".

  --month YYYY-MM   the month to report on
  --organisation <code>
                    one trust's report (its ODS code); by default the hub's
                    main report: on a hub of several trusts, the ICS's, with
                    the trusts side by side
  --out <file>      also write the report: .json (every figure), .html (one
                    self-contained page) or .pdf (A4, needs Chromium at
                    ESTATEWATCH_CHROMIUM, default /usr/bin/chromium)
  --verify          generate nothing: rebuild the stored report from its
                    snapshots and check it matches, byte for byte (exit 1 if not)
  --data-dir <dir>  the hub's data folder (default ./data)

Reads and writes the database file directly, so it can run beside the hub.`;

export const reportCommand: Command = {
  name: 'report',
  usage: USAGE,
  run: async (argv) => {
    const { values } = parseFlags(argv, { month: { type: 'string' }, organisation: { type: 'string' }, out: { type: 'string' }, verify: { type: 'boolean' }, 'data-dir': { type: 'string' } });
    if (values.month !== undefined && !MonthPattern.test(values.month)) throw new CliError(`--month must be YYYY-MM, got "${values.month}"`, 2, true);
    const format = values.out === undefined ? undefined : path.extname(values.out).slice(1);
    if (format !== undefined && !['json', 'html', 'pdf'].includes(format)) throw new CliError('--out must end in .json, .html or .pdf', 2, true);
    const config = loadConfig(process.env, { dataDir: values['data-dir'] });
    // An empty new database would report nothing, vacuously: a wrong --data-dir must fail instead.
    if (!storeExists(config)) throw new CliError(`no hub database at ${describeStore(config)}`);
    const deps = openHubDeps(config);
    try {
      const month = values.month ?? previousMonth(deps);
      const view = reportView(deps.db, null, values.organisation);
      if (values.verify) return verify(deps, view.owner, month);
      const { report, record } = generateBoardReport(deps, view.owner, month, 'cli');
      process.stdout.write(`Board report for ${month} (figures as of ${report.snapshot.day}${report.provisional ? ', month to date' : ''}), data hash ${report.dataHash}\n\n`);
      process.stdout.write(`${report.summary.map((s) => `- ${s}`).join('\n')}\n`);
      if (values.out && format) {
        const html = standaloneReportHtml(report, record, view, config);
        const body = format === 'json' ? record.json : format === 'html' ? html : await renderPdf(html, pdfFrame(report, view, config), config.chromiumPath);
        fs.writeFileSync(values.out, body);
        process.stdout.write(`\nWritten: ${values.out}\n`);
      }
      return 0;
    } catch (err) {
      if (err instanceof HubError) throw new CliError(err.message);
      throw err;
    } finally {
      deps.db.close();
    }
  },
};

function verify(deps: ReturnType<typeof openHubDeps>, owner: ReportOwner, month: string): number {
  const { record } = loadStoredReport(deps.db, owner, month);
  // As of the day it was generated, so a month-to-date report is checked against the snapshots it was built from.
  const rebuilt = buildBoardReport(deps.db, owner, month, localDay(new Date(record.generatedAt), deps.config.timeZone), deps.config.timeZone);
  // The JSON and the hash column (what the reports list shows) must both match what the snapshots give.
  if (JSON.stringify(rebuilt) !== record.json || rebuilt.dataHash !== record.dataHash) {
    process.stderr.write(`report ${month} does NOT match its snapshots: stored data hash ${record.dataHash}, rebuilt ${rebuilt.dataHash}\n`);
    return 1;
  }
  process.stdout.write(`report ${month} matches its snapshots: data hash ${rebuilt.dataHash}\n`);
  return 0;
}
