/**
 * The hub's counters for GET /metrics, kept in memory since the hub started
 * (Prometheus reads a counter's restarts from its drops). createApp makes one
 * per app, so two hubs in one process, as in tests, never share them.
 */
export const INGEST_OUTCOMES = ['stored', 'duplicate', 'refused'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Which queue a request waits in: agents' reports, or everything else (pages, API, scrapes). */
export const REQUEST_QUEUES = ['reports', 'other'] as const;
export type RequestQueue = (typeof REQUEST_QUEUES)[number];

export class HubMetrics {
  readonly ingests = zeroed(INGEST_OUTCOMES);
  readonly httpRequests = zeroed(STATUS_CLASSES);
  /**
   * Requests received and not yet answered: the hub's queue. It stays near zero
   * while the hub keeps up, and climbs towards the number of agents sending at
   * once when they outpace its one database writer.
   */
  readonly inFlight = zeroed(REQUEST_QUEUES);
  /** Board-report PDFs Chromium has started to print; a request dropped while it waited is never counted. */
  pdfRenders = 0;

  countResponse(status: number): void {
    const statusClass = STATUS_CLASSES[Math.floor(status / 100) - 2];
    if (statusClass) this.httpRequests[statusClass] += 1;
  }

  /** By the report route's answer: 202 stored, 200 a replayed key, anything else refused (the agent keeps it spooled). */
  countIngest(status: number): void {
    this.ingests[status === 202 ? 'stored' : status === 200 ? 'duplicate' : 'refused'] += 1;
  }
}

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
