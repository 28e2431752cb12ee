/**
 * Request counts and latency histograms in the Prometheus text format (0.0.4), written by hand: a few
 * counters do not justify a client library. Gauges are read when scraped (projector lag, for one).
 */
import type { FastifyInstance } from 'fastify';

const BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

interface Series {
  labels: string;
  count: number;
  sum: number;
  buckets: number[];
}

export interface Gauge {
  name: string;
  help: string;
  read: () => Promise<number | null> | number | null;
}

export interface Metrics {
  observe(method: string, route: string, status: number, seconds: number): void;
  render(): Promise<string>;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export function createMetrics(gauges: readonly Gauge[] = []): Metrics {
  const requests = new Map<string, { labels: string; count: number }>();
  const durations = new Map<string, Series>();
  return {
    observe(method, route, status, seconds) {
      // Keyed by the raw values; the escaped label text is built once per series, not per request.
      const requestKey = `${method} ${route} ${status}`;
      const counted = requests.get(requestKey);
      if (counted === undefined) {
        requests.set(requestKey, { labels: `method="${escapeLabel(method)}",route="${escapeLabel(route)}",status="${status}"`, count: 1 });
      } else counted.count += 1;
      const durationKey = `${method} ${route}`;
      let series = durations.get(durationKey);
      if (series === undefined) {
        series = { labels: `method="${escapeLabel(method)}",route="${escapeLabel(route)}"`, count: 0, sum: 0, buckets: BUCKETS_SECONDS.map(() => 0) };
        durations.set(durationKey, series);
      }
      series.count += 1;
      series.sum += seconds;
      for (let index = 0; index < BUCKETS_SECONDS.length; index++) {
        if (seconds <= (BUCKETS_SECONDS[index] ?? 0)) series.buckets[index] = (series.buckets[index] ?? 0) + 1;
      }
    },
    async render() {
      const lines: string[] = [
        '# HELP plan_ledger_http_requests_total HTTP requests answered, by route and status.',
        '# TYPE plan_ledger_http_requests_total counter',
      ];
      for (const { labels, count } of requests.values()) lines.push(`plan_ledger_http_requests_total{${labels}} ${count}`);
      lines.push(
        '# HELP plan_ledger_http_request_duration_seconds Time to answer HTTP requests.',
        '# TYPE plan_ledger_http_request_duration_seconds histogram',
      );
      for (const series of durations.values()) {
        BUCKETS_SECONDS.forEach((bound, index) => {
          lines.push(`plan_ledger_http_request_duration_seconds_bucket{${series.labels},le="${bound}"} ${series.buckets[index] ?? 0}`);
        });
        lines.push(`plan_ledger_http_request_duration_seconds_bucket{${series.labels},le="+Inf"} ${series.count}`);
        lines.push(`plan_ledger_http_request_duration_seconds_sum{${series.labels}} ${series.sum}`);
        lines.push(`plan_ledger_http_request_duration_seconds_count{${series.labels}} ${series.count}`);
      }
      for (const gauge of gauges) {
        const value = await gauge.read();
        lines.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} gauge`);
        if (value !== null) lines.push(`${gauge.name} ${value}`);
      }
      return lines.join('\n') + '\n';
    },
  };
}

export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
