// Prometheus metrics, on a registry per server instance (tests build many servers in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(options: { queueDepth?: () => Promise<number>; defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'relais_' });
  const httpDuration = new Histogram({
    name: 'relais_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const messagesTotal = new Counter({
    name: 'relais_messages_total',
    help: 'Messages stored, by channel type and direction',
    labelNames: ['channel', 'direction'] as const,
    registers: [registry],
  });
  let readQueueDepth = options.queueDepth;
  new Gauge({
    name: 'relais_job_queue_depth',
    help: 'Jobs waiting in the background queue',
    registers: [registry],
    async collect() {
      this.set(readQueueDepth ? await readQueueDepth().catch(() => 0) : 0);
    },
  });
  return {
    registry,
    httpDuration,
    messagesTotal,
    /** The job queue starts after the HTTP server is built, so its depth reader is attached late. */
    setQueueDepthReader(reader: () => Promise<number>) {
      readQueueDepth = reader;
    },
  };
}
