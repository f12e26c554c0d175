/**
 * Imports for admins and security leads: the upload page (GET/POST /import)
 * and its API twin (POST /api/v1/imports/:format with the raw file as body).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HubEnv } from '../hub/deps.js';
import { forbidden, HubError } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { owningOrganisation } from '../hub/owning-organisation.js';
import { findImporter, IMPORTERS, MAX_IMPORT_BYTES } from '../import/index.js';
import { importFile } from '../import/import-file.js';
import { ImportPage } from './pages/import-page.js';

const IMPORT_ROLES = ['admin', 'security-lead'] as const;
const tooLarge = () => {
  throw new HubError(413, 'too-large', `an import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
};
// The form adds a few hundred bytes of multipart framing around the file.
const FORM_LIMIT = bodyLimit({ maxSize: MAX_IMPORT_BYTES + 64 * 1024, onError: tooLarge });
const API_LIMIT = bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: tooLarge });

export const importRoutes = new Hono<HubEnv>()
  .use('/import', requireRole(...IMPORT_ROLES))
  .use('/api/v1/imports/*', requireRole(...IMPORT_ROLES))
  .get('/import', (c) => c.html(<ImportPage session={currentSession(c)} importers={IMPORTERS} />))
  .post('/import', FORM_LIMIT, async (c) => {
    const session = currentSession(c);
    const form = await c.req.parseBody();
    // The form token is checked here, not by a shared middleware, so the 50 MiB body is parsed once.
    if (form.csrf !== session.csrfToken) throw forbidden('form token is missing or stale; reload the page and try again');
    const format = typeof form.format === 'string' ? form.format : '';
    const file = form.file;
    if (!findImporter(format)) throw new HubError(400, 'unknown-format', `unknown import format "${format}"`);
    if (!(file instanceof File) || file.size === 0) throw new HubError(400, 'invalid-import', 'choose a file to import');
    const organisationId = owningOrganisation(c.var.deps.db, session.user, typeof form.organisation === 'string' && form.organisation ? form.organisation : undefined);
    const result = importFile(c.var.deps, { format, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name, organisationId, dryRun: form.action !== 'import' });
    const page = <ImportPage session={session} importers={IMPORTERS} format={format} result={result.ok ? result : { ...result, fileName: file.name }} />;
    return c.html(page, result.ok ? 200 : 400);
  })
  .post('/api/v1/imports/:format', API_LIMIT, async (c) => {
    const format = c.req.param('format');
    if (!findImporter(format)) throw new HubError(404, 'unknown-format', `unknown import format "${format}": expected one of ${IMPORTERS.map((i) => i.format).join(', ')}`);
    const organisationId = owningOrganisation(c.var.deps.db, currentSession(c).user, c.req.query('organisation'));
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = importFile(c.var.deps, { format, bytes, fileName: fileNameOf(c), organisationId, dryRun: ['1', 'true'].includes(c.req.query('dryRun') ?? '') });
    if (!result.ok) {
      // Import errors carry a line as well as a path, so they are answered here rather than through HubError's details.
      const message = `the file has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was imported`;
      return c.json({ error: { code: 'invalid-import', message, details: result.errors } }, 400);
    }
    const { reports, created, updated, duplicates, agentOwned, dryRun, sha256, assets } = result.summary;
    return c.json({ reports, created, updated, duplicates, agentOwned, dryRun, sha256, assets });
  });

/** The name used in messages: `?fileName=` when the caller gives one. */
function fileNameOf(c: Context<HubEnv>): string {
  return (c.req.query('fileName') ?? 'upload').slice(0, 200);
}
