/**
 * Builds the hub's Hono app from its dependencies. It never listens: server.ts
 * does, and tests call `createApp(deps).request(...)` in-process.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { OneAtATime } from '../auth/one-at-a-time.js';
import { log } from '../log.js';
import type { HubDeps, HubEnv } from './deps.js';
import { publicOrigin } from './client-address.js';
import { HubError } from './errors.js';
import { HubMetrics } from './metrics.js';
import { loadSession } from './middleware/session.js';
import { adminApiRoutes } from './routes/admin-api.js';
import { alertsApiRoutes } from './routes/alerts-api.js';
import { boardReportsApiRoutes } from './routes/board-reports-api.js';
import { csoApiRoutes } from './routes/cso-api.js';
import { cyberAlertsApiRoutes } from './routes/cyber-alerts-api.js';
import { agentRoutes, REPORTS_PATH } from './routes/agents.js';
import { devicesApiRoutes } from './routes/devices-api.js';
import { estateApiRoutes } from './routes/estate-api.js';
import { exceptionsApiRoutes } from './routes/exceptions-api.js';
import { exportsApiRoutes } from './routes/exports-api.js';
import { metricsRoutes } from './routes/metrics.js';
import { notificationsApiRoutes } from './routes/notifications-api.js';
import { sessionApiRoutes } from './routes/session-api.js';
import { alertRoutes } from '../web/alert-routes.js';
import { cyberAlertRoutes } from '../web/cyber-alert-routes.js';
import { boardReportRoutes } from '../web/board-report-routes.js';
import { deviceRoutes } from '../web/device-routes.js';
import { agentPageRoutes } from '../web/agent-page-routes.js';
import { enrolmentRoutes } from '../web/enrolment-routes.js';
import { exceptionRoutes } from '../web/exception-routes.js';
import { attachCurrentPath } from '../web/current-path.js';
import { attachFlash } from '../web/flash.js';
import { attachPeople } from '../web/people-directory.js';
import { attachNotifications } from '../web/notification-summary.js';
import { notificationRoutes } from '../web/notification-routes.js';
import { csoRoutes } from '../web/cso-routes.js';
import { importRoutes } from '../web/import-routes.js';
import { pageRoutes } from '../web/page-routes.js';
import { ErrorPage } from '../web/pages/error-page.js';

export function createApp(deps: HubDeps): Hono<HubEnv> {
  const app = new Hono<HubEnv>();
  const metrics = new HubMetrics();
  const pdfQueue = new OneAtATime(deps.config.pdfQueueLimit);
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('metrics', metrics);
    c.set('pdfQueue', pdfQueue);
    const queue = c.req.path === REPORTS_PATH ? 'reports' : 'other';
    metrics.inFlight[queue] += 1;
    try {
      await next();
    } finally {
      metrics.inFlight[queue] -= 1;
    }
    // Read after next(): by then onError has made any refusal its answer, so it counts under its own status.
    metrics.countResponse(c.res.status);
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'self'"], scriptSrc: ["'self'"], imgSrc: ["'self'", 'data:'], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
      // HSTS (Hono's default value) only when the hub serves HTTPS itself; a TLS reverse proxy in front sets its own.
      strictTransportSecurity: deps.config.tlsCert !== undefined,
    }),
  );
  // Rejects form posts from other origins (the Origin header check), on top of the per-session form token.
  // The origin the browser sees: behind the trusted TLS proxy the hub hears http, the browser sent https.
  app.use(csrf({ origin: (origin, c) => origin === publicOrigin(c as Context<HubEnv>) }));
  app.use(loadSession);
  // What a signed-in person or an agent is shown (an estate map, a new enrolment secret) must not sit in a
  // shared browser's or proxy's cache; answers that set their own caching keep it.
  app.use(async (c, next) => {
    await next();
    const authenticated = c.var.session !== undefined || c.req.header('authorization') !== undefined;
    if (authenticated && !c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use(attachNotifications);
  app.use(attachFlash);
  app.use(attachPeople);
  app.use(attachCurrentPath);
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/', metricsRoutes);
  app.route('/', agentRoutes);
  app.route('/', sessionApiRoutes);
  // Before the JSON routes: /api/v1/hazards.csv is an export, not hazard ".csv".
  app.route('/', exportsApiRoutes);
  app.route('/', estateApiRoutes);
  app.route('/', adminApiRoutes);
  app.route('/', alertsApiRoutes);
  app.route('/', cyberAlertsApiRoutes);
  app.route('/', exceptionsApiRoutes);
  app.route('/', notificationsApiRoutes);
  app.route('/', csoApiRoutes);
  app.route('/', devicesApiRoutes);
  app.route('/', boardReportsApiRoutes);
  app.route('/', importRoutes);
  app.route('/', alertRoutes);
  app.route('/', cyberAlertRoutes);
  app.route('/', exceptionRoutes);
  app.route('/', notificationRoutes);
  app.route('/', csoRoutes);
  app.route('/', deviceRoutes);
  app.route('/', boardReportRoutes);
  app.route('/', enrolmentRoutes);
  app.route('/', agentPageRoutes);
  app.route('/', pageRoutes);
  app.notFound((c) => respondError(c, new HubError(404, 'not-found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => respondError(c, err));
  return app;
}

/** Hono's own middleware (csrf, body limit) throws plain HTTPExceptions; they get codes too. */
function asHubError(err: Error): HubError | undefined {
  if (err instanceof HubError) return err;
  if (!(err instanceof HTTPException)) return undefined;
  if (err.status === 403) return new HubError(403, 'forbidden', 'request refused: a form must be sent from this site');
  return new HubError(err.status, 'request-error', err.message || 'request refused');
}

/**
 * An error no code threw on purpose. When the client has closed the connection
 * (an upload cancelled mid-body, a PDF no longer awaited) nothing failed on the
 * hub and nobody reads the answer: one log line, no stack, and no 5xx in the
 * logs or metrics. Anything else is a fault of the hub's, logged with its stack.
 */
function fromUnknown(c: Context<HubEnv>, err: Error): HubError {
  if (c.req.raw.signal.aborted) {
    log('info', 'client aborted the request', { method: c.req.method, path: c.req.path, reason: err.message.split('\n')[0] });
    return new HubError(400, 'request-aborted', 'the client closed the connection before the hub could answer');
  }
  log('error', 'unhandled error', { path: c.req.path, error: err.stack ?? String(err) });
  return new HubError(500, 'internal-error', 'something went wrong on the hub; it has been logged');
}

function respondError(c: Context<HubEnv>, err: Error) {
  const { status, code, message, details } = asHubError(err) ?? fromUnknown(c, err);
  if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') return c.json({ error: { code, message, details } }, status);
  return c.html(ErrorPage({ status, code, message, session: c.var.session }), status);
}
