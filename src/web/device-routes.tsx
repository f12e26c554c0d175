/**
 * The device register's pages: the list with its filters and counts
 * (GET /devices) and the CSV upload with preview (GET/POST /devices/import).
 * Roles, rules and trust scope are the API's (hub/routes/devices-api.ts).
 */
import { redirectWithMessage } from './flash.js';
import { onePage } from '../hub/page-range.js';
import { Hono, type Context } from 'hono';
import { addDevice, getDeviceDetail, retainDevice, setDeviceStatus } from '../devices/register.js';
import { DeviceImportTrustSchema, DeviceStatusSchema, NewDeviceRequestSchema } from '../devices/device-schema.js';
import { IdSchema } from '../hub/query-schemas.js';
import { FORM_LIMIT } from './form-limit.js';
import { formToken } from './page-routes.js';
import { DevicePage } from './pages/device-page.js';
import { importDevicesCsv } from '../devices/import-devices-csv.js';
import type { HubEnv } from '../hub/deps.js';
import { forbidden, HubError, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { nonEmpty, scopeOf } from '../hub/query-schemas.js';
import { DEVICE_CSV_LIMIT, DEVICE_RETAIN_ROLES, DEVICE_WRITE_ROLES, deviceActor, DeviceQuerySchema, owningTrust, todayOf } from '../hub/routes/devices-api.js';
import { decodeText } from '../import/import-file.js';
import { listDevices } from '../store/registered-devices.js';
import { DeviceImportPage } from './pages/device-import-page.js';
import { deviceTrajectory } from '../devices/trajectory.js';
import { DevicesPage } from './pages/devices-page.js';
import { trustsShown } from './trusts-shown.js';


function renderDevice(c: Context<HubEnv>, error?: string, status: 200 | 400 | 409 = 200) {
  const session = currentSession(c);
  const device = getDeviceDetail(c.var.deps.db, parseOrThrow(IdSchema, c.req.param('id')), session.user.organisationId);
  const page = <DevicePage session={session} device={device} today={todayOf(c)} error={error} showTrust={trustsShown(c).length > 0}
    canWrite={DEVICE_WRITE_ROLES.includes(session.user.role)} canRetain={DEVICE_RETAIN_ROLES.includes(session.user.role)} />;
  return c.html(page, status);
}

/** Runs a device form's action and returns to the device; a refused value is shown on the page with its message. */
async function formAction(c: Context<HubEnv>, run: (id: number, form: Record<string, string>) => Promise<unknown>, done: string) {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  const form = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, String(v)]));
  try {
    await run(id, form);
  } catch (err) {
    if (err instanceof HubError && (err.status === 400 || err.status === 409)) return renderDevice(c, err.details?.map((d) => d.message).join('; ') ?? err.message, err.status);
    throw err;
  }
  return redirectWithMessage(c, `/devices/${id}`, done);
}

export const deviceRoutes = new Hono<HubEnv>()
  .use('/devices', requireRole())
  .use('/devices/import', requireRole(...DEVICE_WRITE_ROLES))
  .get('/devices', (c) => {
    const q = parseOrThrow(DeviceQuerySchema, nonEmpty(c.req.query()));
    const { kind, site, status, retained, sort } = q;
    const today = todayOf(c);
    const org = scopeOf(c, q);
    const list = onePage(q, (at) => listDevices(c.var.deps.db, org, { kind, site, status, retained, sort, ...at }, today));
    const session = currentSession(c);
    const trajectories = ['fax', 'pager'].map((kind) => deviceTrajectory(c.var.deps.db, org, { kind, site: q.site }, today));
    const page = <DevicesPage session={session} filter={q} {...list} today={today} canImport={DEVICE_WRITE_ROLES.includes(session.user.role)} trajectories={trajectories} trusts={trustsShown(c)} />;
    return c.html(page);
  })
  .get('/devices/import', (c) => c.html(<DeviceImportPage session={currentSession(c)} trusts={trustsShown(c)} />))
  .post('/devices', FORM_LIMIT, requireRole(...DEVICE_WRITE_ROLES), formToken, async (c) => {
    const { csrf: _token, organisation, ...fields } = await c.req.parseBody();
    const { organisation: code, ...device } = parseOrThrow(NewDeviceRequestSchema, { ...fields, organisation: organisation || undefined });
    const added = addDevice(deviceActor(c), device, owningTrust(c, code));
    return redirectWithMessage(c, `/devices/${added.id}`, `Device #${added.id} registered.`);
  })
  .use('/devices/:id', requireRole())
  .get('/devices/:id', (c) => renderDevice(c))
  .post('/devices/:id/status', FORM_LIMIT, requireRole(...DEVICE_WRITE_ROLES), formToken, (c) =>
    formAction(c, async (id, form) => setDeviceStatus(deviceActor(c), id, parseOrThrow(DeviceStatusSchema, { status: form.status, reason: form.reason || undefined })), 'Device status changed.'),
  )
  .post('/devices/:id/retain', FORM_LIMIT, requireRole(...DEVICE_RETAIN_ROLES), formToken, (c) =>
    formAction(c, async (id, form) => retainDevice(deviceActor(c), id, form.retained === 'true'), 'Retention recorded.'),
  )
  .post('/devices/import', DEVICE_CSV_LIMIT, async (c) => {
    const session = currentSession(c);
    const form = await c.req.parseBody();
    // The form token is checked here, not by formToken, so the multipart body is parsed once.
    if (form.csrf !== session.csrfToken) throw forbidden('form token is missing or stale; reload the page and try again');
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) throw new HubError(400, 'invalid-import', 'choose a CSV file to import');
    const organisationId = owningTrust(c, parseOrThrow(DeviceImportTrustSchema, { organisation: form.organisation || undefined }).organisation);
    const text = decodeText(new Uint8Array(await file.arrayBuffer()));
    const result = importDevicesCsv(deviceActor(c), text, { dryRun: form.action !== 'import', organisationId });
    return c.html(<DeviceImportPage session={session} trusts={trustsShown(c)} result={{ ...result, fileName: file.name }} />, result.ok ? 200 : 400);
  });
