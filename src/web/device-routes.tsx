/**
 * The device register's pages: the list with its filters and counts
 * (GET /devices) and the CSV upload with preview (GET/POST /devices/import).
 * Roles and rules are the API's (hub/routes/devices-api.ts).
 */
import { Hono } from 'hono';
import { importDevicesCsv } from '../devices/import-devices-csv.js';
import type { HubEnv } from '../hub/deps.js';
import { forbidden, HubError, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { nonEmpty, paging } from '../hub/query-schemas.js';
import { DEVICE_CSV_LIMIT, DEVICE_WRITE_ROLES, deviceActor, DeviceQuerySchema, todayOf } from '../hub/routes/devices-api.js';
import { decodeText } from '../import/import-file.js';
import { listDevices } from '../store/registered-devices.js';
import { DeviceImportPage } from './pages/device-import-page.js';
import { deviceTrajectory } from '../devices/trajectory.js';
import { DevicesPage } from './pages/devices-page.js';

export const deviceRoutes = new Hono<HubEnv>()
  .use('/devices', requireRole())
  .use('/devices/import', requireRole(...DEVICE_WRITE_ROLES))
  .get('/devices', (c) => {
    const q = parseOrThrow(DeviceQuerySchema, nonEmpty(c.req.query()));
    const { kind, site, status, retained } = q;
    const today = todayOf(c);
    const list = listDevices(c.var.deps.db, { kind, site, status, retained, ...paging(q) }, today);
    const session = currentSession(c);
    const trajectories = ['fax', 'pager'].map((kind) => deviceTrajectory(c.var.deps.db, { kind, site: q.site }, today));
    return c.html(<DevicesPage session={session} filter={q} {...list} today={today} canImport={DEVICE_WRITE_ROLES.includes(session.user.role)} trajectories={trajectories} />);
  })
  .get('/devices/import', (c) => c.html(<DeviceImportPage session={currentSession(c)} />))
  .post('/devices/import', DEVICE_CSV_LIMIT, async (c) => {
    const session = currentSession(c);
    const form = await c.req.parseBody();
    // The form token is checked here, not by formToken, so the multipart body is parsed once.
    if (form.csrf !== session.csrfToken) throw forbidden('form token is missing or stale; reload the page and try again');
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) throw new HubError(400, 'invalid-import', 'choose a CSV file to import');
    const text = decodeText(new Uint8Array(await file.arrayBuffer()));
    const result = importDevicesCsv(deviceActor(c), text, { dryRun: form.action !== 'import' });
    return c.html(<DeviceImportPage session={session} result={{ ...result, fileName: file.name }} />, result.ok ? 200 : 400);
  });
