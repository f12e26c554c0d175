/**
 * The device register's pages: the list with its filters, counts and
 * add-device form (GET/POST /devices), the CSV upload with preview
 * (GET/POST /devices/import), and one device (GET /devices/:id) with its
 * edit, status and retain forms; a refused form comes back on its page.
 * Roles, rules and trust scope are the API's (hub/routes/devices-api.ts).
 */
import { onePage } from '../hub/page-range.js';
import { Hono, type Context } from 'hono';
import { addDevice, editDevice, getDeviceDetail, retainDevice, setDeviceStatus } from '../devices/register.js';
import { DeviceImportTrustSchema, DevicePatchSchema, DeviceStatusSchema, NewDeviceRequestSchema } from '../devices/device-schema.js';
import { IdSchema } from '../hub/query-schemas.js';
import { FORM_LIMIT } from './form-limit.js';
import type { FormRefusal } from './form-refusal.js';
import { submitForm } from './submit-form.js';
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


/** The register as filtered; with a refusal of the add-device form, that form open with the reason and what was typed. */
function renderDevices(c: Context<HubEnv>, refusal?: FormRefusal, status: 200 | 400 | 409 = 200) {
  const q = parseOrThrow(DeviceQuerySchema, nonEmpty(c.req.query()));
  const { kind, site, status: deviceStatus, retained, sort } = q;
  const today = todayOf(c);
  const org = scopeOf(c, q);
  const list = onePage(q, (at) => listDevices(c.var.deps.db, org, { kind, site, status: deviceStatus, retained, sort, ...at }, today));
  const session = currentSession(c);
  const trajectories = ['fax', 'pager'].map((kind) => deviceTrajectory(c.var.deps.db, org, { kind, site: q.site }, today));
  const canImport = DEVICE_WRITE_ROLES.includes(session.user.role);
  return c.html(<DevicesPage session={session} filter={q} {...list} today={today} canImport={canImport} trajectories={trajectories} trusts={trustsShown(c)} refusal={refusal} />, status);
}

function renderDevice(c: Context<HubEnv>, refusal?: FormRefusal, status: 200 | 400 | 409 = 200) {
  const session = currentSession(c);
  const device = getDeviceDetail(c.var.deps.db, parseOrThrow(IdSchema, c.req.param('id')), session.user.organisationId);
  const page = <DevicePage session={session} device={device} today={todayOf(c)} refusal={refusal} showTrust={trustsShown(c).length > 0}
    canWrite={DEVICE_WRITE_ROLES.includes(session.user.role)} canRetain={DEVICE_RETAIN_ROLES.includes(session.user.role)} />;
  return c.html(page, status);
}

/** Runs a device form's change and returns to the device; refused, the device comes back with the reason in that form and what was typed kept. */
function formAction(c: Context<HubEnv>, run: (id: number, form: Record<string, string>) => unknown, done: string) {
  const id = parseOrThrow(IdSchema, c.req.param('id'));
  return submitForm(c, (refusal, status) => renderDevice(c, refusal, status), (form) => {
    run(id, form);
    return { to: `/devices/${id}`, message: done };
  });
}

export const deviceRoutes = new Hono<HubEnv>()
  .use('/devices', requireRole())
  .use('/devices/import', requireRole(...DEVICE_WRITE_ROLES))
  .get('/devices', (c) => renderDevices(c))
  .get('/devices/import', (c) => c.html(<DeviceImportPage session={currentSession(c)} trusts={trustsShown(c)} />))
  .post('/devices', FORM_LIMIT, requireRole(...DEVICE_WRITE_ROLES), formToken, (c) =>
    submitForm(c, (refusal, status) => renderDevices(c, refusal, status), ({ organisation, ...fields }) => {
      const { organisation: code, ...device } = parseOrThrow(NewDeviceRequestSchema, { ...fields, organisation: organisation || undefined });
      const added = addDevice(deviceActor(c), device, owningTrust(c, code));
      return { to: `/devices/${added.id}`, message: `Device #${added.id} registered.` };
    }),
  )
  .use('/devices/:id', requireRole())
  .get('/devices/:id', (c) => renderDevice(c))
  .post('/devices/:id/edit', FORM_LIMIT, requireRole(...DEVICE_WRITE_ROLES), formToken, (c) =>
    formAction(c, (id, form) => editDevice(deviceActor(c), id, parseOrThrow(DevicePatchSchema, form)), 'Device changed.'),
  )
  .post('/devices/:id/status', FORM_LIMIT, requireRole(...DEVICE_WRITE_ROLES), formToken, (c) =>
    formAction(c, (id, form) => setDeviceStatus(deviceActor(c), id, parseOrThrow(DeviceStatusSchema, { status: form.status, reason: form.reason || undefined })), 'Device status changed.'),
  )
  .post('/devices/:id/retain', FORM_LIMIT, requireRole(...DEVICE_RETAIN_ROLES), formToken, (c) =>
    formAction(c, (id, form) => retainDevice(deviceActor(c), id, form.retained === 'true'), 'Retention recorded.'),
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
