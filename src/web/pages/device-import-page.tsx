import { DEVICE_CSV_COLUMNS, type DeviceImportError, type DeviceImportSummary } from '../../devices/import-devices-csv.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { Layout } from '../layout.js';
import { TrustSelect } from '../components/trust-select.js';
import { TableScroll } from '../components/table-scroll.js';

/** How many errors the page lists; the API returns them all. */
const PAGE_ERROR_LIMIT = 100;

export type DeviceImportPageResult = { ok: true; summary: DeviceImportSummary; fileName: string } | { ok: false; errors: DeviceImportError[]; fileName: string };

/** `trusts`: for an ICS-wide person on a hub of several, whose register the file is; empty otherwise. */
export function DeviceImportPage({ session, trusts, result }: { session: Session; trusts: Organisation[]; result?: DeviceImportPageResult }) {
  return (
    <Layout title="Import devices" session={session}>
      <h1>Import the device register</h1>
      <p class="muted">
        A CSV with the header <code>{DEVICE_CSV_COLUMNS.join(',')}</code> (see docs/devices.md). A file with any error stores nothing; a device already
        registered (same kind and serial, or kind, name and site) is updated, not added twice. <strong>Preview</strong> shows what would change without storing it.
      </p>
      {result && (result.ok ? <Summary summary={result.summary} fileName={result.fileName} /> : <Errors errors={result.errors} fileName={result.fileName} />)}
      <form class="panel" method="post" action="/devices/import" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        {trusts.length > 0 && (
          <p>
            <TrustSelect id="organisation" trusts={trusts} />
          </p>
        )}
        <p>
          <label for="file">CSV file</label> <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        </p>
        <button class="primary" type="submit" name="action" value="preview">Preview</button>{' '}
        <button class="primary" type="submit" name="action" value="import">Import</button>
      </form>
      <p><a href="/devices">Back to the register</a></p>
    </Layout>
  );
}

function Summary({ summary: s, fileName }: { summary: DeviceImportSummary; fileName: string }) {
  return (
    <div class="notice" role="status" id="device-import-summary">
      <p>
        {s.dryRun ? 'Preview (nothing stored)' : 'Imported'}: <strong>{fileName}</strong> — <span id="count-created">{s.created}</span> new,{' '}
        <span id="count-updated">{s.updated}</span> updated, <span id="count-unchanged">{s.unchanged}</span> unchanged.
      </p>
      <TableScroll label="Imported devices">
        <table id="device-import-rows">
          <thead>
            <tr>
              <th scope="col" class="num">Line</th>
              <th scope="col">Outcome</th>
              <th scope="col">Kind</th>
              <th scope="col">Name</th>
              <th scope="col">Site</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr>
                <td class="num">{r.line}</td>
                <td>{r.outcome}</td>
                <td>{r.kind}</td>
                <td>{r.name}</td>
                <td>{r.site ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function Errors({ errors, fileName }: { errors: DeviceImportError[]; fileName: string }) {
  return (
    <div class="error" role="alert" id="device-import-errors">
      <p>
        <strong>{fileName}</strong> has {errors.length} error{errors.length === 1 ? '' : 's'}; nothing was imported.
      </p>
      <ul>
        {errors.slice(0, PAGE_ERROR_LIMIT).map((e) => (
          <li>
            Line {e.line}
            {e.column ? `, ${e.column}` : ''}: {e.message}
          </li>
        ))}
      </ul>
      {errors.length > PAGE_ERROR_LIMIT && <p>…and {errors.length - PAGE_ERROR_LIMIT} more.</p>}
    </div>
  );
}
