/**
 * The hub's counters for GET /metrics, kept in memory since the hub started
 * (Prometheus reads a counter's restarts from its drops). createApp makes one
 * per app, so two hubs in one process, as in tests, never share them.
 */
export const INGEST_OUTCOMES = ['stored', 'duplicate', 'refused'] as const;
export type IngestOutcome = (typeof INGEST_OUTCOMES)[number];

export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

export class HubMetrics {
  readonly ingests = zeroed(INGEST_OUTCOMES);
  readonly httpRequests = zeroed(STATUS_CLASSES);

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
