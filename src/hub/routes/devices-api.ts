/**
 * The device register as JSON: faxes, pagers and other kit no agent sees.
 * Every signed-in role reads; admins, security leads and CSOs add, edit, move
 * status and import; only a CSO retains an emergency bleep by policy; the board reads only.
 * Each person reads and changes their own trust's devices (an ICS-wide person,
 * every trust's); another trust's device is absent (404).
 */
import { sortParam } from '../sort-param.js';
import { onePage } from '../page-range.js';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { trustToday } from '../../cso/cso-actor.js';
import { DeviceImportTrustSchema, DevicePatchSchema, DeviceStatusSchema, NewDeviceRequestSchema, RetainSchema } from '../../devices/device-schema.js';
import { importDevicesCsv, MAX_DEVICE_CSV_BYTES } from '../../devices/import-devices-csv.js';
import { addDevice, editDevice, getDeviceDetail, retainDevice, setDeviceStatus, type DeviceActor } from '../../devices/register.js';
import { decodeText } from '../../import/import-file.js';
import { DEVICE_KINDS, DEVICE_SORT_KEYS, DEVICE_STATUSES, listDevices } from '../../store/registered-devices.js';
import type { Role } from '../../store/users.js';
import type { HubEnv } from '../deps.js';
import { HubError, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { owningOrganisation } from '../owning-organisation.js';
import { IdSchema, nonEmpty, PagedQuerySchema, scopeOf } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';

export const DEVICE_WRITE_ROLES: Role[] = ['admin', 'security-lead', 'cso'];
export const DEVICE_RETAIN_ROLES: Role[] = ['cso'];

const BODY_LIMIT = 32 * 1024;
export const DEVICE_CSV_LIMIT = bodyLimit({
  maxSize: MAX_DEVICE_CSV_BYTES + 64 * 1024,
  onError: () => {
    throw new HubError(413, 'too-large', `a device CSV may be at most ${MAX_DEVICE_CSV_BYTES / 1024 / 1024} MiB`);
  },
});

/** Shared by the API and the devices page. */
export const DeviceQuerySchema = z.strictObject({
  kind: z.enum(DEVICE_KINDS).optional(),
  site: z.string().trim().min(1).max(200).optional(),
  status: z.enum(DEVICE_STATUSES).optional(),
  retained: z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  sort: sortParam(DEVICE_SORT_KEYS).optional(),
  ...PagedQuerySchema.shape,
});
export type DeviceQuery = z.output<typeof DeviceQuerySchema>;

export function deviceActor(c: Context<HubEnv>): DeviceActor {
  const { db, now } = c.var.deps;
  const { user } = currentSession(c);
  return { db, now: now(), username: user.username, role: user.role, org: user.organisationId };
}

/** The trust a new device or an import is for: the person's own, or the one an ICS-wide person names. */
export const owningTrust = (c: Context<HubEnv>, code: string | undefined) => owningOrganisation(c.var.deps.db, currentSession(c).user, code);

/** Today in UK time, for "past its planned removal", as for overdue CSO actions. */
export const todayOf = (c: Context<HubEnv>) => trustToday(c.var.deps.now());

const deviceId = (c: Context) => parseOrThrow(IdSchema, c.req.param('id'));
const body = async <S extends z.ZodType>(c: Context, schema: S) => parseOrThrow(schema, await readJsonBody(c, BODY_LIMIT));

export const devicesApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/devices', requireRole())
  .use('/api/v1/devices/*', requireRole())
  .get('/api/v1/devices', (c) => {
    const q = parseOrThrow(DeviceQuerySchema, nonEmpty(c.req.query()));
    const { kind, site, status, retained, sort } = q;
    return c.json({ ...onePage(q, (at) => listDevices(c.var.deps.db, scopeOf(c, q), { kind, site, status, retained, sort, ...at }, todayOf(c))), page: q.page, pageSize: q.pageSize });
  })
  .post('/api/v1/devices', requireRole(...DEVICE_WRITE_ROLES), async (c) => {
    const { organisation, ...fields } = await body(c, NewDeviceRequestSchema);
    return c.json(addDevice(deviceActor(c), fields, owningTrust(c, organisation)), 201);
  })
  // The CSV is the body (text/csv); `?dryRun=1` previews; `?organisation=RXX` names the trust. Errors carry lines, so they are answered here rather than through HubError's details.
  .post('/api/v1/devices/import', DEVICE_CSV_LIMIT, requireRole(...DEVICE_WRITE_ROLES), async (c) => {
    const organisationId = owningTrust(c, parseOrThrow(DeviceImportTrustSchema, { organisation: c.req.query('organisation') }).organisation);
    const text = decodeText(new Uint8Array(await c.req.arrayBuffer()));
    const result = importDevicesCsv(deviceActor(c), text, { dryRun: ['1', 'true'].includes(c.req.query('dryRun') ?? ''), organisationId });
    if (result.ok) return c.json(result.summary);
    const message = `the file has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was imported`;
    return c.json({ error: { code: 'invalid-import', message, details: result.errors } }, 400);
  })
  .get('/api/v1/devices/:id', (c) => c.json(getDeviceDetail(c.var.deps.db, deviceId(c), currentSession(c).user.organisationId)))
  .patch('/api/v1/devices/:id', requireRole(...DEVICE_WRITE_ROLES), async (c) => {
    const id = deviceId(c);
    return c.json(editDevice(deviceActor(c), id, await body(c, DevicePatchSchema)));
  })
  .post('/api/v1/devices/:id/status', requireRole(...DEVICE_WRITE_ROLES), async (c) => {
    const id = deviceId(c);
    return c.json(setDeviceStatus(deviceActor(c), id, await body(c, DeviceStatusSchema)));
  })
  .post('/api/v1/devices/:id/retain', requireRole(...DEVICE_RETAIN_ROLES), async (c) => {
    const id = deviceId(c);
    return c.json(retainDevice(deviceActor(c), id, (await body(c, RetainSchema)).retained));
  });
