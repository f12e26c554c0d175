import type { ImportError, Importer } from '../../import/index.js';
import type { ImportSummary } from '../../import/import-file.js';
import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

/** How many errors the page lists; the CLI prints them all. */
export const PAGE_ERROR_LIMIT = 50;

export type ImportPageResult = { ok: true; summary: ImportSummary } | { ok: false; errors: ImportError[]; fileName: string };

export interface ImportPageProps {
  session: Session;
  importers: readonly Importer[];
  format?: string;
  result?: ImportPageResult;
}

export function ImportPage({ session, importers, format, result }: ImportPageProps) {
  return (
    <Layout title="Import" session={session}>
      <h1>Import inventories</h1>
      <p class="muted">
        Load a file from a tool the trust already runs. Each machine in it becomes a report, judged like an agent's. A file with any error stores
        nothing; loading the same file twice stores nothing new. Up to 50 MiB. <strong>Preview</strong> shows what would change without storing it.
      </p>
      {result && (result.ok ? <Summary summary={result.summary} /> : <Errors fileName={result.fileName} errors={result.errors} />)}
      <form class="panel" method="post" action="/import" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <label for="format">Format</label>{' '}
        <select id="format" name="format">
          {importers.map((i) => (
            <option value={i.format} selected={i.format === format}>
              {i.format} — {i.description}
            </option>
          ))}
        </select>
        <p>
          <label for="file">File</label> <input id="file" name="file" type="file" required />
        </p>
        <button class="primary" type="submit" name="action" value="preview">Preview</button>{' '}
        <button class="primary" type="submit" name="action" value="import">Import</button>
      </form>
    </Layout>
  );
}

function Summary({ summary: s }: { summary: ImportSummary }) {
  return (
    <div class="notice" role="status" id="import-summary">
      <p>
        {s.dryRun ? 'Preview (nothing stored)' : 'Imported'}: <strong>{s.fileName}</strong> ({s.format}) — <span id="count-reports">{s.reports}</span> reports,{' '}
        <span id="count-created">{s.created}</span> new assets, <span id="count-updated">{s.updated}</span> updated,{' '}
        <span id="count-duplicates">{s.duplicates}</span> duplicates, <span id="count-agent-owned">{s.agentOwned}</span> left to their agent.
      </p>
      <TableScroll label="Imported assets">
        <table id="import-assets">
          <thead>
            <tr>
              <th scope="col">Outcome</th>
              <th scope="col">Host</th>
              <th scope="col">Operating system</th>
              <th scope="col" class="num">Software</th>
              <th scope="col" class="num">Devices</th>
            </tr>
          </thead>
          <tbody>
            {s.assets.map((a) => (
              <tr>
                <td>{a.outcome}</td>
                <td>{a.hostname}</td>
                <td>{a.os}</td>
                <td class="num">{a.software}</td>
                <td class="num">{a.devices}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function Errors({ fileName, errors }: { fileName: string; errors: ImportError[] }) {
  return (
    <div class="panel" role="alert" id="import-errors">
      <p class="error">
        {fileName}: {errors.length} error{errors.length === 1 ? '' : 's'}; nothing was imported.
        {errors.length > PAGE_ERROR_LIMIT && ` The first ${PAGE_ERROR_LIMIT} are listed; \`estatewatch import\` prints them all.`}
      </p>
      <TableScroll label="Import errors">
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, PAGE_ERROR_LIMIT).map((e) => (
              <tr>
                <td class="num">{e.line ?? '—'}</td>
                <td>{e.path ?? '—'}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
