/**
 * GET /metrics in the Prometheus text format (0.0.4), for the trust's
 * monitoring: for a scraper with ESTATEWATCH_METRICS_TOKEN as its bearer
 * token, or for a signed-in admin.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { OneAtATime } from '../../auth/one-at-a-time.js';
import { readMetricGauges, type MetricGauges } from '../../store/metrics-queries.js';
import type { HubEnv } from '../deps.js';
import { forbidden, unauthorized } from '../errors.js';
import type { HubMetrics } from '../metrics.js';
import { currentSession, requireRole } from '../middleware/session.js';

const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

const requireAdmin = requireRole('admin');

/** The figures are hub-wide (every trust's assets and alerts): a trust's own admin reads them through the pages instead. */
const requireIcsWide = createMiddleware<HubEnv>(async (c, next) => {
  if (currentSession(c).user.organisationId !== null) throw forbidden('the hub-wide metrics are for ICS-wide admins and the metrics token; a trust admin sees their trust on its pages');
  await next();
});

/** A scraper's bearer token must match; without one, a signed-in admin (anyone else gets a 401, not a redirect a scraper would follow). */
const requireScraperOrAdmin = createMiddleware<HubEnv>(async (c, next) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer === undefined) {
    if (!c.var.session) throw unauthorized('sign in as an admin, or send the metrics token (Authorization: Bearer <ESTATEWATCH_METRICS_TOKEN>)');
    return requireAdmin(c, async () => {
      await requireIcsWide(c, next);
    });
  }
  const token = c.var.deps.config.metricsToken;
  if (token === undefined || !sameSecret(bearer, token)) throw unauthorized('the metrics token does not match ESTATEWATCH_METRICS_TOKEN');
  await next();
});

export const metricsRoutes = new Hono<HubEnv>().get('/metrics', requireScraperOrAdmin, (c) =>
  c.body(exposition(families(c.var.metrics, c.var.pdfQueue, readMetricGauges(c.var.deps.db))), 200, { 'content-type': CONTENT_TYPE }),
);

/** Compared as SHA-256 digests: equal lengths for timingSafeEqual, and no timing hint of the token's length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge';
  samples: { labels?: Record<string, string>; value: number }[];
}

function families(metrics: HubMetrics, pdfQueue: OneAtATime, gauges: MetricGauges): Family[] {
  const byLabel = (label: string, counts: Record<string, number>) => Object.entries(counts).map(([value, n]) => ({ labels: { [label]: value }, value: n }));
  const seconds = gauges.alertEvaluationSeconds;
  return [
    { name: 'estatewatch_ingests_total', help: 'Agent reports received since the hub started, by result (refused: any error answer).', type: 'counter', samples: byLabel('result', metrics.ingests) },
    { name: 'estatewatch_requests_in_flight', help: 'Requests received and not yet answered (the scrape itself among them), by queue: agent reports, or other.', type: 'gauge', samples: byLabel('queue', metrics.inFlight) },
    { name: 'estatewatch_pdf_queue_waiting', help: 'Board-report PDF requests waiting while Chromium prints another (at most ESTATEWATCH_PDF_QUEUE_LIMIT).', type: 'gauge', samples: [{ value: pdfQueue.waiting }] },
    { name: 'estatewatch_pdf_renders_total', help: 'Board-report PDFs Chromium has started to print since the hub started.', type: 'counter', samples: [{ value: metrics.pdfRenders }] },
    { name: 'estatewatch_http_requests_total', help: 'HTTP requests answered since the hub started, by status class.', type: 'counter', samples: byLabel('status_class', metrics.httpRequests) },
    { name: 'estatewatch_assets', help: "Assets by their operating system's support status.", type: 'gauge', samples: byLabel('status', gauges.assetsByOsStatus) },
    { name: 'estatewatch_alerts_live', help: 'Alerts not yet resolved (open, acknowledged or suppressed), by severity.', type: 'gauge', samples: byLabel('severity', gauges.liveAlertsBySeverity) },
    { name: 'estatewatch_alert_evaluation_seconds', help: 'Duration of the last hourly run of the alert rules over the whole estate.', type: 'gauge', samples: seconds === undefined ? [] : [{ value: seconds }] },
  ];
}

function exposition(all: Family[]): string {
  return all.flatMap((f) => [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} ${f.type}`, ...f.samples.map((s) => `${f.name}${labelSet(s.labels)} ${s.value}`)]).join('\n') + '\n';
}

/** Label values here are fixed words (statuses, severities, results), never free text, so none needs escaping. */
function labelSet(labels: Record<string, string> | undefined): string {
  return labels ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}` : '';
}
